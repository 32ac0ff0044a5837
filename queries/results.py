"""SPARQL results as rows of Python values (:func:`rows`, for code), or written as an aligned text table, CSV, TSV or
JSON (:func:`render`, for people and files)."""
from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any, Callable, Iterable

from jakgraph.ontology.namespaces import PREFIXES, compact

from .results_json import json_term

if TYPE_CHECKING:
    from decimal import Decimal

    from .presentation import View

XSD = PREFIXES["xsd"]
FORMATS = ("table", "csv", "tsv", "json", "srj")


def plain(term: Any) -> str:
    """A term as a table cell: literals by their text, IRIs and blank nodes as :func:`rows` gives them.

    >>> from pyoxigraph import Literal, NamedNode
    >>> plain(NamedNode("https://w3id.org/jakgraph/drug/baricitinib"))
    'drug:baricitinib'
    >>> plain(Literal("1.50", datatype=NamedNode(XSD + "decimal")))  # a cell keeps the literal's own text
    '1.50'
    """
    if term is None:
        return ""
    if type(term).__name__ == "Literal":
        return term.value
    return value(term, compact_iris=True)


def rows_of(results: Any) -> tuple[list[str], list[list[Any]]]:
    """Variables and rows (raw terms) of a pyoxigraph SELECT result."""
    variables = [v.value for v in results.variables]
    rows = [[solution[name] for name in variables] for solution in results]
    return variables, rows


INTEGER_TYPES = frozenset(XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte"))
FLOAT_TYPES = frozenset(XSD + name for name in ("double", "float"))


def value(term: Any, compact_iris: bool = False) -> Any:
    """A term as a Python value: IRIs as text (``drug:baricitinib`` with ``compact_iris``; an IRI no prefix fits
    stays whole), whole numbers as ``int``, decimals as ``decimal.Decimal`` (exact, as written), doubles and
    floats as ``float``, booleans as ``bool``, dates as ``datetime.date`` (date-times as ``datetime.datetime``),
    other literals (language-tagged too) by their text; an ill-typed literal keeps its text; None stays None.

    >>> from pyoxigraph import Literal, NamedNode
    >>> value(Literal("271", datatype=NamedNode(XSD + "integer")))
    271
    >>> value(Literal("0.50", datatype=NamedNode(XSD + "decimal")))
    Decimal('0.50')
    >>> value(Literal("2.5E1", datatype=NamedNode(XSD + "double")))
    25.0
    >>> value(Literal("2022-01-14", datatype=NamedNode(XSD + "date")))
    datetime.date(2022, 1, 14)
    >>> value(NamedNode("https://w3id.org/jakgraph/drug/baricitinib"), compact_iris=True)
    'drug:baricitinib'
    """
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return compact(term.value) if compact_iris else term.value
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind != "Literal":
        return str(term)
    parse = PARSERS.get(term.datatype.value)
    if parse is None:
        return term.value
    try:
        return parse(term.value)
    except (ValueError, ArithmeticError):
        return term.value  # an ill-typed literal keeps its text


def _boolean(text: str) -> bool:
    return text in ("true", "1")


def _decimal(text: str) -> "Decimal":
    from decimal import Decimal  # here, not at the top: a cold `jakgraph query` prints cells and needs no Decimal

    return Decimal(text)  # raises InvalidOperation (an ArithmeticError) on text that is no number


def _date(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


def _date_time(text: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(text)


PARSERS: dict[str, Callable[[str], Any]] = {
    **{datatype: int for datatype in INTEGER_TYPES},
    **{datatype: float for datatype in FLOAT_TYPES},
    XSD + "decimal": _decimal,
    XSD + "boolean": _boolean,
    XSD + "date": _date,
    XSD + "dateTime": _date_time,
}
"""The Python reading of each XSD datatype :func:`value` converts; any other literal is its text."""


def rows(results: Any, compact_iris: bool = False) -> list[dict[str, Any]]:
    """The solutions of a SELECT as dicts of Python values (see :func:`value`), unbound variables as None."""
    variables = [v.value for v in results.variables]
    return [{name: value(solution[name], compact_iris) for name in variables} for solution in results]


def render(results: Any, fmt: str = "table", view: "View | None" = None) -> str:
    """Text of a SELECT, ASK or CONSTRUCT result in ``fmt``.

    CSV, TSV and JSON keep the SPARQL variable names and the engine's row order, and are never cut; the table
    titles a parameter column by its name and orders rows and list cells naturally
    (:mod:`jakgraph.queries.presentation`, from the query's ``view``). List cells are ordered in every format
    but ``srj``, which is the engine's answer as SPARQL 1.1 writes it.
    """
    kind = type(results).__name__
    if kind == "QueryBoolean":
        import json  # json and csv are imported where used: a terminal table (the usual answer) needs neither

        return json.dumps({"head": {}, "boolean": bool(results)}) + "\n" if fmt in ("json", "srj") else f"{bool(results)}\n".lower()
    if not hasattr(results, "variables"):  # CONSTRUCT or DESCRIBE: QueryTriples, or an endpoint's list of triples
        return "".join(f"{t} .\n" for t in results)  # N-Triples
    variables, rows = rows_of(results)
    if fmt == "srj":
        bindings = [{v: json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        import json

        return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=1) + "\n"
    from .presentation import View, list_text, table_text

    view = view or View()
    if fmt == "table":
        return table(*table_text(variables, rows, view))
    lists = [view.lists.get(v) for v in variables]
    cells = [[list_text(plain(t), lists[i], spaced=False) if lists[i] and t is not None else plain(t)
              for i, t in enumerate(row)] for row in rows]
    if fmt == "json":
        records = [{v: c for v, c, t in zip(variables, texts, row) if t is not None} for texts, row in zip(cells, rows)]
        import json

        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(variables)
    writer.writerows(cells)
    return buffer.getvalue()


def table(header: list[str], cells: Iterable[list[str]], numeric: list[bool] | None = None) -> str:
    """An aligned plain-text table with a rule under the header; ``numeric`` columns are right-aligned.

    >>> print(table(["drug", "patients"], [["baricitinib", "428"], ["abrocitinib", "2"]], [False, True]), end="")
    drug         patients
    -----------  --------
    baricitinib       428
    abrocitinib         2
    (2 rows)
    """
    cells = list(cells)
    right = numeric or [False] * len(header)
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(header)]
    line = lambda row: "  ".join(c.rjust(w) if r else c.ljust(w) for c, w, r in zip(row, widths, right)).rstrip()
    out = [line(header), line(["-" * w for w in widths])] + [line(row) for row in cells]
    return "\n".join(out) + f"\n({len(cells)} row{'s' if len(cells) != 1 else ''})\n"
