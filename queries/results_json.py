"""RDF terms in SPARQL 1.1 Query Results JSON, shared by the query printer and the HTTP endpoint."""
from __future__ import annotations

from typing import Any

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def json_term(term: Any) -> dict[str, Any]:
    """A term in SPARQL 1.1 Query Results JSON."""
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Triple":
        return {"type": "triple", "value": {"subject": json_term(term.subject), "predicate": json_term(term.predicate),
                                            "object": json_term(term.object)}}
    out: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out
