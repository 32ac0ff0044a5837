"""IRIs of jakgraph as plain strings: one stable base, a vocabulary namespace, one path per kind of record.

Kept free of rdflib so that a query from a cold process imports only pyoxigraph; loaders get rdflib
namespaces from :mod:`jakgraph.ontology.terms`.
"""
from __future__ import annotations

BASE = "https://w3id.org/jakgraph/"
VOCAB = BASE + "vocab/"
CONCEPTS = BASE + "concept/"
AGENCIES = BASE + "agency/"

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
    "jak": VOCAB,
    "jakgraph": BASE,
    **{prefix: f"{BASE}{path}/" for prefix, path in KIND_PREFIXES.items()},
    "c": CONCEPTS,
    "agency": AGENCIES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}


def compact(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """Shorten an IRI with the longest matching project prefix: ``drug:baricitinib``."""
    best = max((ns for ns in prefixes.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in prefixes.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"
