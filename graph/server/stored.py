"""Worker jobs for the stored questions: run one with its parameters (``/api/NAME``), give its bound text
(``/api/NAME/sparql``), list a parameter's valid values (``/api/NAME/values/PARAM``)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jakgraph.errors import UserError

from .worker import QueryJob, Reply

if TYPE_CHECKING:
    from jakgraph.graph.store.embedded import EmbeddedStore

SPARQL_QUERY_TYPE = "application/sparql-query; charset=utf-8"
JSON_TYPE = "application/json"


def bound_query(store: "EmbeddedStore", name: str, given: dict[str, str], limit: int | None = None,
                offset: int = 0) -> str:
    """The text of stored question ``name`` with its parameters bound (names and labels resolved through the
    graph, defaults where none is given), cut to ``limit`` rows from ``offset`` on if given, checked by the query
    guard; a one-line UserError otherwise."""
    from jakgraph.queries.catalog import load_query
    from jakgraph.queries.guard import check
    from jakgraph.queries.runner import page_text
    from jakgraph.queries.values import resolve_values

    resolved = resolve_values(store, load_query(name), given) if given else {}
    text = page_text(name, tuple(sorted(resolved.items())), limit, offset)
    check(text)
    return text


@dataclass(frozen=True)
class StoredQueryJob:
    """Stored question ``name`` with the ``given`` parameter values: its answer (``json`` or ``csv``) or, for
    ``sparql``, the bound query text. With ``limit``, one page of at most ``limit`` rows from ``offset`` on, read
    with one row more so that the reply's ``truncated`` says whether a next page has rows."""

    name: str
    given: tuple[tuple[str, str], ...]
    format: str
    max_results: int
    limit: int | None = None
    offset: int = 0

    def answer(self, store: "EmbeddedStore") -> Reply:
        limit = None if self.limit is None else self.limit + 1
        try:
            text = bound_query(store, self.name, dict(self.given), limit, self.offset)
        except UserError as exc:
            return Reply.text(400, str(exc))
        if self.format == "sparql":
            return Reply(200, SPARQL_QUERY_TYPE, text.encode("utf-8"))
        most = self.max_results if self.limit is None else min(self.limit, self.max_results)
        return QueryJob(text, self.format, None, most).answer(store)


@dataclass(frozen=True)
class ValuesJob:
    """The valid values of parameter ``parameter`` of stored question ``name``: a JSON list of
    ``{"iri", "curie", "label_en", "label_es"}``, sorted by English label ([] for a free parameter)."""

    name: str
    parameter: str

    def answer(self, store: "EmbeddedStore") -> Reply:
        from jakgraph.queries.catalog import load_query
        from jakgraph.queries.values import choices

        found = choices(store, load_query(self.name).parameter(self.parameter))
        listed = [{"iri": choice.iri, "curie": choice.curie, "label_en": choice.label_en, "label_es": choice.label_es}
                  for choice in found]
        return Reply(200, JSON_TYPE, json.dumps(listed, ensure_ascii=False).encode("utf-8"))
