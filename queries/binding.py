"""Check parameter values against their declared type and turn them into RDF terms, never into query text."""
from __future__ import annotations

import re
from typing import Any

from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import PREFIXES

from .catalog import Parameter, StoredQuery

FORBIDDEN = re.compile(r"[\"'{}<>;\\`|^\s]")
CURIE = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*)$")
XSD = "http://www.w3.org/2001/XMLSchema#"


def expand_iri(value: str) -> str:
    """A full IRI from ``drug:baricitinib``, ``<https://…>`` or ``https://…``."""
    value = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    match = CURIE.match(value)
    if match and match.group(1) in PREFIXES:
        return PREFIXES[match.group(1)] + match.group(2)
    if re.match(r"^https?://", value):
        return value
    raise ValueError("is not an IRI (give a full http(s) IRI or a CURIE such as drug:baricitinib)")


def check(parameter: Parameter, value: str) -> str:
    """The value, normalised, or ValueError explaining why it does not fit the parameter's type."""
    raw = value.strip()
    if parameter.type == "iri":
        inner = raw[1:-1] if raw.startswith("<") and raw.endswith(">") else raw
        if FORBIDDEN.search(inner):
            raise ValueError("contains characters that cannot be in an IRI")
        return expand_iri(inner)
    if parameter.type == "integer" and not re.fullmatch(r"[+-]?\d{1,18}", raw):
        raise ValueError("is not a whole number")
    if parameter.type == "decimal" and not re.fullmatch(r"[+-]?\d{1,18}(?:\.\d{1,18})?", raw):
        raise ValueError("is not a decimal number")
    if parameter.type == "boolean" and raw not in ("true", "false"):
        raise ValueError("is not true or false")
    if parameter.type == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        raise ValueError("is not a date (YYYY-MM-DD)")
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


def substitutions(query: StoredQuery, values: dict[str, str]) -> dict[Any, Any]:
    """pyoxigraph substitutions binding each parameter variable to its term."""
    from pyoxigraph import Variable

    return {Variable(p.variable): term(p, values[p.name]) for p in query.parameters if p.name in values}
