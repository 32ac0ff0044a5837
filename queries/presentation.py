"""How an answer reads as a table for people: column titles, ordered list cells, rows in a natural order.

What a query's columns are is read from its text with the guard's tokenizer (:mod:`jakgraph.queries.guard`), so
that comments and strings cannot mislead it:

- a BASIL parameter column (``?_drug_iri``, ``?__drug_iri``) is titled by the parameter's name (``drug``);
- a ``(GROUP_CONCAT(… ; SEPARATOR=",") AS ?refs)`` column is a list whose items SPARQL joins in no defined order:
  its items are put in natural order (``78,79,80,81``; a table shows them as ``78, 79, 80, 81``);
- the outer ``ORDER BY`` names the keys the rows are sorted by; where every key is a projected variable, the table
  sorts by the same keys in the same directions, comparing naturally (case-insensitive, numbers within text by
  value, so ``acrodermatitis`` comes before ``CANDLE`` and ``--9`` before ``--18``). A query without ``ORDER BY``
  has no order of its own: its table is sorted naturally by its columns, left to right. An ``ORDER BY`` on an
  expression is kept as the engine gave it. A sort key a query computes for speed,
  ``BIND(CONCAT(STR(?label), " ") AS ?key)``, stands for the variable it is computed from.
"""
# annotations evaluated as written (no `from __future__ import annotations`): typing.NamedTuple compiles each
# field given as a string on its own, about 0.15 ms a field at every start

import math
import re
from typing import Any, NamedTuple, Sequence

from .guard import PYOXIGRAPH, QueryRefused, Token
from .results import FLOAT_TYPES, INTEGER_TYPES, XSD, plain

NUMERIC_TYPES = INTEGER_TYPES | FLOAT_TYPES | {XSD + "decimal"}
BASIL = re.compile(r"__?([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*?)(?:_(?:iri|integer|decimal|string|boolean|date))?")
DIGITS = re.compile(r"([0-9]+)")
ORDER_ENDS = frozenset({"limit", "offset", "values"})


class View(NamedTuple):
    """What a query's text says about showing its answer.

    ``lists`` maps a list column to its separator; ``order`` holds the ``ORDER BY`` keys as (variable,
    descending) pairs: ``()`` when the query has no ``ORDER BY``, None when it orders by something else than its
    variables (the engine's order is then kept).
    """

    lists: dict[str, str] = {}
    order: tuple[tuple[str, bool], ...] | None = None


class TableText(NamedTuple):
    """A table's titles, its cells as text in the order shown, and which columns hold numbers (right-aligned)."""

    header: list[str]
    rows: list[list[str]]
    numeric: list[bool]


def title(variable: str) -> str:
    """The title of a column: a BASIL parameter by its name, other variables as they are.

    >>> title("_drug_iri"), title("__drug_iri"), title("_min_n_integer"), title("drug_label")
    ('drug', 'drug', 'min_n', 'drug_label')
    """
    match = BASIL.fullmatch(variable)
    return match.group(1) if match else variable


def natural_key(text: str) -> tuple[Any, ...]:
    """A sort key that ignores case and reads runs of digits as numbers.

    >>> sorted(["VEXAS", "acrodermatitis", "CANDLE", "ref 10", "ref 9"], key=natural_key)
    ['acrodermatitis', 'CANDLE', 'ref 9', 'ref 10', 'VEXAS']
    """
    return tuple(int(part) if index % 2 else part for index, part in enumerate(DIGITS.split(text.casefold())))


def term_key(term: Any) -> tuple[Any, ...]:
    """A sort key of an RDF term: unbound first, then numbers by value, then the rest by :func:`natural_key`."""
    if term is None:
        return (0,)
    if type(term).__name__ == "Literal" and term.datatype.value in NUMERIC_TYPES:
        try:  # a float orders as well as a Decimal here, and ``decimal`` would cost a cold start 2 ms to import
            number = float(term.value)
            if math.isfinite(number):
                return (1, number)
        except ValueError:
            pass
    return (2, natural_key(plain(term)))


def ordered_items(cell: str, separator: str) -> list[str]:
    """The items of a list cell in natural order.

    >>> ordered_items("79,78,80,81", ",")
    ['78', '79', '80', '81']
    """
    return sorted(cell.split(separator), key=natural_key) if cell else []


def view_of(text: str) -> View:
    """The :class:`View` a query's text gives; a text the tokenizer cannot read gives the plain view."""
    try:
        tokens = list(PYOXIGRAPH.tokens(text))
    except QueryRefused:
        return View()
    order = order_keys(tokens)
    if order:
        aliases = sort_keys(tokens)
        order = tuple((aliases.get(variable, variable), descending) for variable, descending in order)
    return View(list_columns(tokens), order)


def sort_keys(tokens: Sequence[Token]) -> dict[str, str]:
    """``{key: variable}`` for each ``BIND(CONCAT(STR(?variable), " ") AS ?key)``: a copy of a label or IRI that
    Oxigraph compares in memory, sorting as the variable does (the stored questions say why they use it)."""
    shape = ["BIND", "(", "CONCAT", "(", "STR", "(", None, ")", ",", '" "', ")", "AS", None, ")"]
    found = {}
    for start in range(len(tokens) - len(shape) + 1):
        window = tokens[start:start + len(shape)]
        if all(want is None or token.text.upper() == want.upper() for token, want in zip(window, shape)) \
                and window[6].kind == "var" and window[12].kind == "var":
            found[window[12].text[1:]] = window[6].text[1:]
    return found


def list_columns(tokens: Sequence[Token]) -> dict[str, str]:
    """``{variable: separator}`` for each ``(GROUP_CONCAT(… ; SEPARATOR=s) AS ?variable)`` of the query."""
    found: dict[str, str] = {}
    for start, token in enumerate(tokens):
        if token.kind != "keyword" or token.text.upper() != "GROUP_CONCAT":
            continue
        depth, separator, end = 0, None, None
        for index in range(start + 1, len(tokens)):
            text = tokens[index].text
            if text == "(":
                depth += 1
            elif text == ")":
                depth -= 1
                if depth == 0:
                    end = index
                    break
            elif depth == 1 and text.upper() == "SEPARATOR" and index + 2 < len(tokens):
                separator = string_value(tokens[index + 2])
        if separator and end is not None and end + 2 < len(tokens) and tokens[end + 1].text.upper() == "AS" \
                and tokens[end + 2].kind == "var":
            found[tokens[end + 2].text[1:]] = separator
    return found


def string_value(token: Token) -> str | None:
    """The text of a string token (``","``, ``'; '``), or None for another token or a string with escapes."""
    if token.kind != "string" or "\\" in token.text:
        return None
    quote = 3 if token.text[:3] in ('"""', "'''") else 1
    return token.text[quote:-quote]


def order_keys(tokens: Sequence[Token]) -> tuple[tuple[str, bool], ...] | None:
    """The outer ``ORDER BY`` as (variable, descending) pairs; ``()`` without one; None where a key is an expression."""
    depth = 0
    for index, token in enumerate(tokens):
        if token.text in ("{", "("):
            depth += 1
        elif token.text in ("}", ")"):
            depth -= 1
        elif depth == 0 and token.kind == "keyword" and token.text.upper() == "ORDER" and index + 1 < len(tokens) \
                and tokens[index + 1].text.upper() == "BY":
            return order_conditions(tokens[index + 2:])
    return ()


def order_conditions(tokens: Sequence[Token]) -> tuple[tuple[str, bool], ...] | None:
    """The conditions after ``ORDER BY``: ``?x``, ``ASC(?x)`` or ``DESC(?x)``; None if any is something else."""
    keys: list[tuple[str, bool]] = []
    index = 0
    while index < len(tokens) and tokens[index].text.lower() not in ORDER_ENDS:
        token = tokens[index]
        if token.kind == "var":
            keys.append((token.text[1:], False))
            index += 1
        elif token.text.upper() in ("ASC", "DESC") and [t.text for t in tokens[index + 1:index + 4:2]] == ["(", ")"] \
                and tokens[index + 2].kind == "var":
            keys.append((tokens[index + 2].text[1:], token.text.upper() == "DESC"))
            index += 4
        else:
            return None
    return tuple(keys)


def ordered_rows(variables: list[str], rows: list[list[Any]], view: View) -> list[list[Any]]:
    """The rows in the order the table shows them (see the module's docstring)."""
    if view.order is None:
        return rows
    if not view.order:
        return sorted(rows, key=lambda row: tuple(term_key(term) for term in row))
    positions = {name: index for index, name in enumerate(variables)}
    if any(name not in positions for name, _ in view.order):
        return rows  # ordered by a variable it does not show: the engine's order is the query's
    ordered = list(rows)
    for name, descending in reversed(view.order):  # stable sorts, last key first
        ordered.sort(key=lambda row: term_key(row[positions[name]]), reverse=descending)
    return ordered


def list_text(cell: str, separator: str, spaced: bool) -> str:
    """A list cell with its items ordered, joined by the separator (with a space after it when ``spaced``)."""
    joiner = separator + " " if spaced and not separator.endswith(" ") else separator
    return joiner.join(ordered_items(cell, separator))


def table_text(variables: list[str], rows: list[list[Any]], view: View = View()) -> TableText:
    """The titles, cells and numeric columns of a SELECT answer as a table shows them.

    A column whose literals come in more than one language shows each one's tag (``psoriasis@en``,
    ``psoriasis@es``), so that two labels of one thing do not look like the same row twice.
    """
    rows = ordered_rows(variables, rows, view)
    columns = list(zip(*rows)) if rows else [() for _ in variables]
    tagged = [len({t.language for t in column if type(t).__name__ == "Literal" and t.language}) > 1
              for column in columns]
    numeric = [any(t is not None for t in column) and all(
        t is None or (type(t).__name__ == "Literal" and t.datatype.value in NUMERIC_TYPES) for t in column)
        for column in columns]

    def cell(term: Any, index: int) -> str:
        text = plain(term)
        if variables[index] in view.lists:
            return list_text(text, view.lists[variables[index]], spaced=True)
        if tagged[index] and term is not None and type(term).__name__ == "Literal" and term.language:
            return f"{text}@{term.language}"
        return text

    cells = [[cell(term, index) for index, term in enumerate(row)] for row in rows]
    return TableText([title(v) for v in variables], cells, numeric)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 row``, ``2 rows``, ``0 rows``.

    >>> plural(1, "event"), plural(3, "event"), plural(2, "match", "matches")
    ('1 event', '3 events', '2 matches')
    """
    return f"{count:,} {noun if count == 1 else (nouns or noun + 's')}"
