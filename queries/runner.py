"""Run a stored query on a store (embedded or remote) with its parameters bound as RDF terms."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .binding import bind_values, bound_text
from .catalog import internal_query, load_query


def run_query(store: Any, name: str, parameters: dict[str, str] | None = None) -> Any:
    """Results of stored query ``name`` on ``store`` (what :func:`jakgraph.graph.store.open_store` returns).

    Parameter values may be CURIEs, IRIs, or the names and labels of the values the graph holds
    (:func:`jakgraph.queries.values.resolve_values`); defaults are used as they stand.
    """
    given = parameters or {}
    if given:
        from .values import resolve_values

        given = resolve_values(store, load_query(name), given)
    return store.query(query_text(name, tuple(sorted(given.items()))))


@lru_cache(maxsize=256)
def query_text(name: str, parameters: tuple[tuple[str, str], ...]) -> str:
    """The bound text of a stored query, checked and built once per process for the same parameter values."""
    return bound_text(load_query(name), dict(parameters))


def run_internal(store: Any, name: str, bound: dict[str, Any] | None = None) -> Any:
    """Results of internal query ``queries/internal/NAME.rq`` on ``store`` (embedded or remote).

    ``bound`` gives its parameters as pyoxigraph terms by variable name (``{"_graph_iri": NamedNode(…)}``),
    placed as one ``VALUES`` row as a stored query's are. Read the results with
    :func:`jakgraph.queries.results.rows`.
    """
    return store.query(bind_values(internal_query(name), bound or {}))
