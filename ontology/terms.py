"""rdflib namespaces of jakgraph and of the standard vocabularies it reuses, for the loaders."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .namespaces import (AGENCIES, BASE, CONCEPTS, GRAPH_MAPPINGS, GRAPH_ONTOLOGY, GRAPH_REVIEW, LINKED_PREFIXES, PREFIXES,
                         REVIEW, VOCAB)

JAK = Namespace(VOCAB)
CONCEPT = Namespace(CONCEPTS)
AGENCY = Namespace(AGENCIES)
SSSOM = Namespace(LINKED_PREFIXES["sssom"])
SEMAPV = Namespace(LINKED_PREFIXES["semapv"])

__all__ = [
    "AGENCY", "BASE", "CONCEPT", "DCTERMS", "GRAPH_MAPPINGS", "GRAPH_ONTOLOGY", "GRAPH_REVIEW", "JAK", "OWL",
    "PREFIXES", "PROV", "RDF", "RDFS", "REVIEW", "SEMAPV", "SKOS", "SSSOM", "XSD",
]
