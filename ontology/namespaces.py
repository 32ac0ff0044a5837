"""IRIs of jakgraph: one stable base, a vocabulary namespace and one path per kind of resource."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/jakgraph/"
JAK = Namespace(BASE + "vocab/")
CONCEPT = Namespace(BASE + "concept/")
AGENCY = Namespace(BASE + "agency/")
SSSOM = Namespace("https://w3id.org/sssom/")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")

GRAPH_ONTOLOGY = BASE + "graph/ontology"
GRAPH_REVIEW = BASE + "graph/review"
GRAPH_MAPPINGS = BASE + "graph/mappings"

REVIEW = BASE + "review"

PREFIXES: dict[str, str] = {
    "jak": str(JAK),
    "jakgraph": BASE,
    "c": str(CONCEPT),
    "agency": str(AGENCY),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
}


def resource(kind: str, ident: str) -> str:
    """IRI of a curated record, e.g. ``resource("drug", "baricitinib")``."""
    return f"{BASE}{kind}/{ident}"


__all__ = [
    "AGENCY", "BASE", "CONCEPT", "DCTERMS", "GRAPH_MAPPINGS", "GRAPH_ONTOLOGY", "GRAPH_REVIEW", "JAK",
    "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "REVIEW", "SEMAPV", "SKOS", "SSSOM", "XSD", "resource",
]
