"""The words a change list uses: each property's and class's English label, and each record's CURIE."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from jakgraph.ontology.namespaces import GRAPH_ONTOLOGY, LINKED_PREFIXES, PREFIXES, compact

if TYPE_CHECKING:
    from pyoxigraph import Quad, Term

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
BORROWED = "borrowed-terms.ttl"
PLAIN_TYPES = {f"http://www.w3.org/2001/XMLSchema#{name}" for name in (
    "integer", "decimal", "double", "float", "boolean", "date", "dateTime", "gYear", "nonNegativeInteger",
    "positiveInteger")}
DISPLAY_PREFIXES = {**PREFIXES, **LINKED_PREFIXES}


class Words:
    """English labels of the vocabulary in the given quads (jakgraph.ttl's), then of the borrowed terms.

    >>> Words([]).term("http://www.w3.org/2004/02/skos/core#note")
    'note'
    """

    def __init__(self, *quad_sets: Iterable["Quad"]) -> None:
        from jakgraph.ontology import parse_turtle

        self.labels: dict[str, str] = {}
        for triple in parse_turtle(BORROWED):
            self.labels[triple.subject.value] = triple.object.value
        for quads in quad_sets:
            for quad in quads:
                if (quad.predicate.value == LABEL and getattr(quad.graph_name, "value", None) == GRAPH_ONTOLOGY
                        and getattr(quad.object, "language", None) in ("en", None)):
                    self.labels.setdefault(quad.subject.value, quad.object.value)

    def term(self, iri: str) -> str:
        """A property's or class's label, else its CURIE."""
        return self.labels.get(iri) or curie(iri)


def curie(iri: str) -> str:
    """The IRI as a CURIE where a prefix of jakgraph or of the vocabularies it links to covers it."""
    return compact(iri, DISPLAY_PREFIXES)


def value(term: "Term") -> str:
    """A value as a change list shows it: IRIs as CURIEs, numbers and dates bare, text quoted with its language.

    >>> from pyoxigraph import Literal, NamedNode
    >>> value(Literal("271", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    '271'
    >>> value(Literal("vitíligo", language="es")), value(NamedNode("https://w3id.org/jakgraph/drug/baricitinib"))
    ('"vitíligo"@es', 'drug:baricitinib')
    """
    from pyoxigraph import Literal, NamedNode

    if isinstance(term, NamedNode):
        return curie(term.value)
    if isinstance(term, Literal):
        if term.language:
            return f'"{term.value}"' + ("" if term.language == "en" else f"@{term.language}")
        if term.datatype.value in PLAIN_TYPES:
            return term.value
        return f'"{term.value}"'
    return str(term)
