"""An answer in the reader's language: each English label it holds replaced by the same thing's label in another
language, where the graph has one.

Stored questions return English labels (``FILTER(LANG(?drug_label) = "en")``). Rather than a second text of every
query, the labels of the answer are looked up once in the graph (``queries/internal/translations.rq``): a literal
``"psoriasis"@en`` that labels a thing with a Spanish label becomes that label. A label that no Spanish label
matches, or whose things have different Spanish labels, stays English; text that is not a label (descriptions,
lists the query joins) stays as the review wrote it.
"""
from __future__ import annotations

from typing import Any, Iterator

LANGUAGES = ("en", "es")
BATCH = 200  # labels looked up per query


class Solutions:
    """SELECT solutions held in memory, read as pyoxigraph's are: ``variables``, and rows to index by name."""

    def __init__(self, variables: list[Any], rows: list[dict[str, Any]]) -> None:
        self.variables, self.rows = variables, rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def in_language(store: Any, results: Any, language: str) -> Any:
    """``results`` (pyoxigraph SELECT solutions) with English labels in ``language``; other results unchanged."""
    if language == "en" or not hasattr(results, "variables"):
        return results
    variables = list(results.variables)
    names = [variable.value for variable in variables]
    rows = [{name: solution[name] for name in names} for solution in results]
    translated = translations(store, {term for row in rows for term in row.values() if is_english(term)}, language)
    return Solutions(variables, [{name: translated.get(term, term) if is_english(term) else term
                                  for name, term in row.items()} for row in rows])


def is_english(term: Any) -> bool:
    return type(term).__name__ == "Literal" and term.language == "en"


def translations(store: Any, labels: set[Any], language: str) -> dict[Any, Any]:
    """``{english label: label in language}`` for the labels whose things agree on one translation."""
    from pyoxigraph import Literal

    from .binding import bind_rows
    from .catalog import internal_query

    ordered = sorted(labels, key=lambda term: term.value)
    found: dict[Any, set[Any]] = {}
    for start in range(0, len(ordered), BATCH):  # a VALUES row is 5 tokens: batches stay within the guard's limit
        text = bind_rows(internal_query("translations"), ["_label", "_language_string"],
                         [[label, Literal(language)] for label in ordered[start:start + BATCH]])
        for solution in store.query(text):
            found.setdefault(solution["_label"], set()).add(solution["translation"])
    return {label: next(iter(options)) for label, options in found.items() if len(options) == 1}
