"""Run a stored query on a store (embedded or remote) with its parameters bound as RDF terms."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .binding import bound_text
from .catalog import load_query


def run_query(store: Any, name: str, parameters: dict[str, str] | None = None) -> Any:
    """Results of stored query ``name`` on ``store`` (what :func:`jakgraph.graph.store.open_store` returns)."""
    return store.query(query_text(name, tuple(sorted((parameters or {}).items()))))


@lru_cache(maxsize=256)
def query_text(name: str, parameters: tuple[tuple[str, str], ...]) -> str:
    """The bound text of a stored query, checked and built once per process for the same parameter values."""
    return bound_text(load_query(name), dict(parameters))
