"""pyoxigraph terms of jakgraph and of the standard vocabularies it reuses, for the loaders.

>>> JAK.drug
<NamedNode value=https://w3id.org/jakgraph/vocab/drug>
>>> iri("drug", "baricitinib")
<NamedNode value=https://w3id.org/jakgraph/drug/baricitinib>
>>> decimal(Decimal("0.50"))
<Literal value=0.50 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#decimal>>
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

from .namespaces import AGENCIES, BASE, CONCEPTS, LINKED_PREFIXES, PREFIXES, REVIEW, VOCAB


class Vocabulary:
    """The terms of one namespace as ``NamedNode``s, made once each: ``JAK.drug``, ``CONCEPT["unit-mg"]``."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace
        self._terms: dict[str, NamedNode] = {}

    def __getitem__(self, name: str) -> NamedNode:
        term = self._terms.get(name)
        if term is None:
            term = self._terms[name] = NamedNode(self.namespace + name)
        return term

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        term = self[name]
        setattr(self, name, term)  # later look-ups are plain attribute reads
        return term

    def __repr__(self) -> str:
        return f"Vocabulary({self.namespace!r})"


JAK = Vocabulary(VOCAB)
CONCEPT = Vocabulary(CONCEPTS)
AGENCY = Vocabulary(AGENCIES)
RDF = Vocabulary(PREFIXES["rdf"])
RDFS = Vocabulary(PREFIXES["rdfs"])
OWL = Vocabulary(PREFIXES["owl"])
XSD = Vocabulary(PREFIXES["xsd"])
SKOS = Vocabulary(PREFIXES["skos"])
PROV = Vocabulary(PREFIXES["prov"])
DCTERMS = Vocabulary(PREFIXES["dcterms"])
SSSOM = Vocabulary(LINKED_PREFIXES["sssom"])
SEMAPV = Vocabulary(LINKED_PREFIXES["semapv"])

REVIEW_NODE = NamedNode(REVIEW)


@lru_cache(maxsize=8192)
def iri(kind: str, ident: str) -> NamedNode:
    """IRI of a curated record of the given kind (the path segment of its IRI); records named often are made once."""
    return NamedNode(f"{BASE}{kind}/{ident}")


def text(value: str, lang: str = "en") -> Literal:
    """A language-tagged string, English unless ``lang`` says otherwise."""
    return Literal(value, language=lang)


def string(value: str) -> Literal:
    """A plain ``xsd:string`` literal."""
    return Literal(value)


@lru_cache(maxsize=4096)
def integer(value: int) -> Literal:
    """An ``xsd:integer`` literal (small numbers recur: each is made once)."""
    return Literal(value)


def number_text(value: Decimal) -> str:
    """The plain text of a decimal, as curated: ``0.50`` stays ``0.50``, never ``5.0E-1``."""
    return format(value, "f")


def decimal(value: Decimal) -> Literal:
    """An ``xsd:decimal`` literal with the curated text of ``value``."""
    return Literal(format(value, "f"), datatype=XSD.decimal)


def double(value: float) -> Literal:
    """An ``xsd:double`` literal, written as Python writes the float (``0.9``)."""
    return _double(repr(value))


@lru_cache(maxsize=256)
def _double(text: str) -> Literal:
    return Literal(text, datatype=XSD.double)


DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}


def date(value: str) -> Literal:
    """A date of the form YYYY, YYYY-MM or YYYY-MM-DD, typed by its precision."""
    return Literal(value, datatype=DATE_TYPES[len(value)])


__all__ = [
    "AGENCY", "BASE", "CONCEPT", "DCTERMS", "JAK", "OWL", "PROV", "RDF", "RDFS", "REVIEW", "REVIEW_NODE",
    "SEMAPV", "SKOS", "SSSOM", "XSD", "Vocabulary", "date", "decimal", "double", "integer", "iri", "number_text",
    "string", "text",
]
