"""Run a stored query on the embedded store with its parameters bound as RDF terms."""
from __future__ import annotations

from typing import Any

from .binding import resolve, substitutions
from .catalog import load_query


def run_query(store: Any, name: str, parameters: dict[str, str] | None = None) -> Any:
    """Results of stored query ``name`` on ``store`` (an EmbeddedStore)."""
    query = load_query(name)
    values = resolve(query, parameters or {})
    return store.query(query.text, substitutions=substitutions(query, values))
