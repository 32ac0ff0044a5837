"""Check parameter values against their declared type, turn them into RDF terms and bind them in a VALUES row.

A value reaches the query only as an RDF term built by pyoxigraph (``NamedNode``, ``Literal``) after its type
check, written in N-Triples syntax by the library, as the one row of a ``VALUES`` block at the start of the
outer ``WHERE``. The user's text is never spliced into the query: a value that could break out of its place is
refused by the check, and the library's serialisation escapes whatever else it holds. The same bound text runs
on the embedded store and on any SPARQL 1.1 endpoint, and lets the engine plan with the value known, which
pyoxigraph's ``substitutions=`` does not (parameters are planned as unbound there: 50 to 770 times slower on
some queries at 5e6 triples).
"""
from __future__ import annotations

import re
from typing import Any

from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import PREFIXES, expand

from .catalog import Parameter, StoredQuery

# the value checks' patterns as texts, compiled by re at their first use (and kept in its cache): a run given no
# value compiles none of them
FORBIDDEN = r"[\"'{}<>;\\`|^\s]"
INTEGER = r"[+-]?[0-9]{1,18}"  # [0-9], never \d: Python's \d takes Arabic-Indic and fullwidth digits too
DECIMAL = r"[+-]?[0-9]{1,18}(?:\.[0-9]{1,18})?"
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
XSD = PREFIXES["xsd"]
WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
# only unreserved characters in host and path: an IRI by RFC 3987 as it stands, with nothing for the full check to
# refuse (which compiles a dozen patterns at its first use: most of a millisecond of a cold start)
PLAIN_IRI = re.compile(r"https?://[A-Za-z0-9._~-]*(?::[0-9]*)?(?:/[A-Za-z0-9._~-]*)*")


def expand_iri(value: str) -> str:
    """A full IRI from ``drug:baricitinib``, ``<https://…>`` or ``https://…``, checked against RFC 3987.

    >>> expand_iri("drug:baricitinib") == expand_iri("<https://w3id.org/jakgraph/drug/baricitinib>")
    True
    >>> expand_iri("https://x.org/%zz")
    Traceback (most recent call last):
    ...
    ValueError: is not a valid IRI: it has a malformed percent-encoding '%zz'
    """
    value = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    if re.match(r"^https?://", value):
        if PLAIN_IRI.fullmatch(value):
            return value
        from jakgraph.ontology.iri import iri_problem

        problem = iri_problem(value)
        if problem:
            raise ValueError(f"is not a valid IRI: it {problem}")
        return value
    try:
        return expand(value)
    except ValueError:
        raise ValueError("is not an IRI (give a full http(s) IRI or a CURIE such as drug:baricitinib)") from None


def check(parameter: Parameter, value: str) -> str:
    """The value, normalised, or ValueError explaining why it does not fit the parameter's type."""
    raw = value.strip()
    if parameter.type == "iri":
        inner = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
        if re.search(FORBIDDEN, inner):
            raise ValueError("contains characters that cannot be in an IRI")
        return expand_iri(inner)
    if parameter.type == "integer" and not re.fullmatch(INTEGER, raw):
        raise ValueError("is not a whole number (digits 0-9)")
    if parameter.type == "decimal" and not re.fullmatch(DECIMAL, raw):
        raise ValueError("is not a decimal number (digits 0-9 and a point)")
    if parameter.type == "boolean" and raw not in ("true", "false"):
        raise ValueError("is not true or false")
    if parameter.type == "date":
        if not re.fullmatch(DATE, raw):
            raise ValueError("is not a date (YYYY-MM-DD)")
        from datetime import date

        try:
            date.fromisoformat(raw)
        except ValueError:
            raise ValueError("is not a date of the calendar") from None
    if parameter.type == "string" and re.search(r"[\"'{}<>\\`]|[\x00-\x1f]", raw):
        raise ValueError("contains quotes, braces or control characters")
    return raw


def resolve(query: StoredQuery, given: dict[str, str]) -> dict[str, str]:
    """Every parameter's checked value: given, else the default; required ones must have one."""
    for name in given:
        query.parameter(name)
    values: dict[str, str] = {}
    for parameter in query.parameters:
        value = given.get(parameter.name, parameter.default)
        if value is None or value == "":
            if parameter.required:
                raise UserError(f"query {query.name} needs parameter {parameter.name!r} ({parameter.type})")
            continue
        try:
            values[parameter.name] = check(parameter, value)
        except ValueError as exc:
            raise UserError(f"query {query.name}, parameter {parameter.name}: {value!r} {exc}") from None
        if parameter.choices and values[parameter.name] not in {check(parameter, c) for c in parameter.choices}:
            raise UserError(f"query {query.name}, parameter {parameter.name}: {value!r} is not one of "
                            f"{', '.join(parameter.choices)}")
    return values


def term(parameter: Parameter, value: str) -> Any:
    """The pyoxigraph term for a checked value."""
    from pyoxigraph import Literal, NamedNode

    if parameter.type == "iri":
        return NamedNode(value)
    if parameter.type == "string":
        return Literal(value)
    datatype = {"integer": "integer", "decimal": "decimal", "boolean": "boolean", "date": "date"}[parameter.type]
    return Literal(value, datatype=NamedNode(XSD + datatype))


def terms(query: StoredQuery, values: dict[str, str]) -> dict[str, Any]:
    """Each given parameter's variable name (without ``?``) and its RDF term."""
    return {p.variable: term(p, values[p.name]) for p in query.parameters if p.name in values}


def bind_values(sparql: str, bound: dict[str, Any]) -> str:
    """The query with a ``VALUES (?var …) { (term …) }`` row at the start of its outer ``WHERE``.

    The values are pyoxigraph ``NamedNode`` or ``Literal`` terms, written by the library; text is refused
    (TypeError), so that no caller can splice a user's text into a query.
    """
    if not bound:
        return sparql
    return bind_rows(sparql, list(bound), [list(bound.values())])


def bind_rows(sparql: str, names: list[str], rows: list[list[Any]]) -> str:
    """The query with a ``VALUES (?a ?b) { (term term) (term term) … }`` block of several rows at the start of its
    outer ``WHERE``, written as :func:`bind_values` writes one row (pyoxigraph terms only).

    >>> from pyoxigraph import Literal
    >>> print(bind_rows("SELECT * WHERE { }", ["_x"], [[Literal("a", language="en")], [Literal("b")]]))
    SELECT * WHERE {
      VALUES (?_x) { ("a"@en) ("b") }
     }
    """
    for row in rows:
        for name, value in zip(names, row):
            if type(value).__name__ not in ("NamedNode", "Literal"):
                raise TypeError(f"?{name} takes a pyoxigraph NamedNode or Literal, not {type(value).__name__}")
    variables = " ".join(f"?{name}" for name in names)
    block = " ".join("(" + " ".join(str(value) for value in row) + ")" for row in rows)
    match = next((m for m in WHERE.finditer(sparql) if not in_comment(sparql, m.start())), None)
    if match is None:
        raise UserError("the query has no WHERE clause to bind parameters in")
    return f"{sparql[:match.end()]}\n  VALUES ({variables}) {{ {block} }}\n{sparql[match.end():]}"


def in_comment(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return "#" in text[line_start:position]


def bound_text(query: StoredQuery, parameters: dict[str, str]) -> str:
    """The text of a stored query with its checked parameters (given, else defaults) bound."""
    return bind_values(query.text, terms(query, resolve(query, parameters)))


PLACEHOLDER = r"\?(__?[A-Za-z][A-Za-z0-9_]*)"  # compiled by re at first use, as the value checks are


def fill_update(update: str, values: dict[str, Any]) -> str:
    """A SPARQL Update with each BASIL placeholder (``?_graph_iri``) replaced by pyoxigraph's writing of its value.

    ``INSERT DATA``, ``DROP GRAPH`` and ``MOVE GRAPH`` take no variables, so no ``VALUES`` row can bind them: the
    placeholders of an internal ``.ru`` file are filled instead, and only with what the library writes. ``values``
    maps a placeholder's name (without ``?``) to a pyoxigraph ``NamedNode`` or ``Literal``, written as its
    N-Triples term (pyoxigraph refused an invalid IRI when the node was made), or to a list of pyoxigraph
    ``Triple``, written as N-Triples lines by ``pyoxigraph.serialize``. Text is refused, so nothing a user typed
    reaches the update unwritten by the library. Comment lines stay as they are. A value of the wrong kind, a
    placeholder without a value or a value without a placeholder is a programming error (TypeError, ValueError).

    >>> from pyoxigraph import NamedNode, Triple
    >>> graph, thing = NamedNode("https://example.org/graph"), NamedNode("https://example.org/thing")
    >>> print(fill_update("INSERT DATA { GRAPH ?_graph_iri {\\n?_triples\\n} }",
    ...                   {"_graph_iri": graph, "_triples": [Triple(thing, thing, thing)]}))
    INSERT DATA { GRAPH <https://example.org/graph> {
    <https://example.org/thing> <https://example.org/thing> <https://example.org/thing> .
    } }
    >>> fill_update("DROP SILENT GRAPH ?_graph_iri", {"_graph_iri": "https://example.org/g> } ; DROP ALL ; #"})
    Traceback (most recent call last):
    ...
    TypeError: placeholder ?_graph_iri takes a pyoxigraph NamedNode, Literal or list of Triple, not str
    """
    from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

    written: dict[str, str] = {}
    for name, given in values.items():
        if isinstance(given, (NamedNode, Literal)):
            written[name] = str(given)
        elif isinstance(given, (list, tuple)) and all(isinstance(triple, Triple) for triple in given):
            written[name] = serialize(given, format=RdfFormat.N_TRIPLES).decode("utf-8").rstrip("\n")
        else:
            raise TypeError(f"placeholder ?{name} takes a pyoxigraph NamedNode, Literal or list of Triple, "
                            f"not {type(given).__name__}")
    used: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in written:
            raise ValueError(f"placeholder ?{name} of the update has no value")
        used.add(name)
        return written[name]

    lines = [line if line.lstrip().startswith("#") else re.sub(PLACEHOLDER, fill, line) for line in update.split("\n")]
    if set(written) - used:
        raise ValueError(f"the update has no placeholder {', '.join('?' + n for n in sorted(set(written) - used))}")
    return "\n".join(lines)
