"""Run a stored query on a store (embedded or remote) with its parameters bound as RDF terms."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .binding import bind_values, bound_text
from .catalog import internal_query, load_query, narrowed_text, paged_text

FIRST_ROWS = re.compile(r"\bLIMIT\s+\d+")
"""The one ``LIMIT`` of a paged text (:func:`jakgraph.queries.catalog.paged_text`), set to the page's end."""


def run_query(store: Any, name: str, parameters: dict[str, str] | None = None, limit: int | None = None,
              offset: int = 0) -> Any:
    """Results of stored query ``name`` on ``store`` (what :func:`jakgraph.graph.store.open_store` returns).

    Parameter values may be CURIEs, IRIs, or the names and labels of the values the graph holds
    (:func:`jakgraph.queries.values.resolve_values`); defaults are used as they stand. ``limit`` and ``offset``
    give one page of the answer, in the question's own order.
    """
    given = parameters or {}
    if given:
        from .values import resolve_values

        given = resolve_values(store, load_query(name), given)
    return store.query(page_text(name, tuple(sorted(given.items())), limit, offset))


def page_text(name: str, parameters: tuple[tuple[str, str], ...], limit: int | None = None, offset: int = 0) -> str:
    """The bound text of one page of stored question ``name`` (the whole answer without ``limit``).

    A page of the whole list (no parameter given) of a question that ships a paged text
    (:func:`jakgraph.queries.catalog.paged_text`) runs that text, its first rows cut at the page's end.

    >>> text = page_text("source-conflicts", (), 10, 20)
    >>> "LIMIT 30 }" in text, text.endswith("LIMIT 10 OFFSET 20")
    (True, True)
    """
    if limit is not None and not parameters:
        first_rows = paged_query_text(name)
        if first_rows is not None:  # page() refuses a negative count, as for any text
            return page(FIRST_ROWS.sub(f"LIMIT {int(offset) + int(limit)}", first_rows, count=1), limit, offset)
    return page(query_text(name, parameters), limit, offset)


def page(text: str, limit: int | None = None, offset: int = 0) -> str:
    """A stored query's text cut to one page: ``LIMIT``/``OFFSET`` after its own solution modifiers (the stored
    questions have no ``LIMIT`` or ``OFFSET`` of their own; a test checks it).

    >>> page("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s", 1000, 2000)
    'SELECT * WHERE { ?s ?p ?o } ORDER BY ?s\\nLIMIT 1000 OFFSET 2000'
    """
    if limit is None and not offset:
        return text
    if (limit is not None and limit < 0) or offset < 0:
        raise ValueError("limit and offset are counts of rows: 0 or more")
    cut = ([f"LIMIT {int(limit)}"] if limit is not None else []) + ([f"OFFSET {int(offset)}"] if offset else [])
    return f"{text.rstrip()}\n{' '.join(cut)}"


@lru_cache(maxsize=256)
def query_text(name: str, parameters: tuple[tuple[str, str], ...]) -> str:
    """The bound text of a stored query, checked and built once per process for the same parameter values.

    Where a given parameter has a narrowed text (:func:`jakgraph.queries.catalog.narrowed_text`: the same
    question, looked up from the value), that text is bound instead.
    """
    query, given = load_query(name), dict(parameters)
    narrowed = narrowed_text(name, given)
    return bound_text(query if narrowed is None else query._replace(text=narrowed), given)


@lru_cache(maxsize=64)
def paged_query_text(name: str) -> str | None:
    """The paged text of stored question ``name`` bound with no parameter given, if it ships one."""
    text = paged_text(name)
    return None if text is None else bound_text(load_query(name)._replace(text=text), {})


def run_internal(store: Any, name: str, bound: dict[str, Any] | None = None) -> Any:
    """Results of internal query ``queries/internal/NAME.rq`` on ``store`` (embedded or remote).

    ``bound`` gives its parameters as pyoxigraph terms by variable name (``{"_graph_iri": NamedNode(…)}``),
    placed as one ``VALUES`` row as a stored query's are. Read the results with
    :func:`jakgraph.queries.results.rows`.
    """
    return store.query(bind_values(internal_query(name), bound or {}))
