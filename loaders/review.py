"""The review itself and its tables: the nodes every source location points into."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from jakgraph.ontology.terms import DCTERMS, JAK, RDF, RDFS, REVIEW

from .catalog import Curated
from .provenance import integer, table_iri

TABLE_COUNT = 7


def load(curated: Curated, graph: Graph) -> None:
    review = URIRef(REVIEW)
    graph.add((review, RDF.type, JAK.Review))
    graph.add((review, RDFS.label, Literal("narrative review of JAK inhibitors in dermatology", lang="en")))
    graph.add((review, RDFS.label, Literal("revisión narrativa de los inhibidores de JAK en dermatología", lang="es")))
    for number in range(1, TABLE_COUNT + 1):
        table = table_iri(number)
        graph.add((table, RDF.type, JAK.ReviewTable))
        graph.add((table, JAK.tableNumber, integer(number)))
        graph.add((table, DCTERMS.isPartOf, review))
        graph.add((table, RDFS.label, Literal(f"Table {number} of the review", lang="en")))
