"""Run a stored query on a store (embedded or remote) with its parameters bound as RDF terms."""
from __future__ import annotations

from typing import Any

from .binding import bound_text
from .catalog import load_query


def run_query(store: Any, name: str, parameters: dict[str, str] | None = None) -> Any:
    """Results of stored query ``name`` on ``store`` (what :func:`jakgraph.graph.store.open_store` returns)."""
    return store.query(bound_text(load_query(name), parameters or {}))
