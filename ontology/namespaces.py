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

# one prefix per kind of record, so that records have valid CURIEs in SPARQL and Turtle (drug:baricitinib)
KIND_PREFIXES: dict[str, str] = {
    "drug": "drug", "product": "product", "isoform": "isoform", "selectivity": "selectivity",
    "disease": "disease", "design": "design", "evidence": "evidence", "ae": "adverse-event",
    "measure": "measure", "population": "population", "approval": "approval", "analysis": "safety-analysis",
    "finding": "safety-finding", "recommendation": "recommendation", "regulatory": "regulatory-event",
    "t7row": "table7-row", "conflict": "conflict", "ref": "review/reference",
}

PREFIXES: dict[str, str] = {
    "jak": str(JAK),
    "jakgraph": BASE,
    **{prefix: f"{BASE}{path}/" for prefix, path in KIND_PREFIXES.items()},
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
