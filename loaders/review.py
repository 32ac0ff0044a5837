"""The review itself and its tables: the nodes every source location points into."""
from __future__ import annotations

from jakgraph.ontology.terms import DCTERMS, JAK, RDF, RDFS, REVIEW_NODE, integer, text

from .provenance import table_iri
from .sink import TripleSink

TABLE_COUNT = 7


def load(sink: TripleSink) -> None:
    """The review node and its seven tables."""
    add = sink.add
    add(REVIEW_NODE, RDF.type, JAK.Review)
    add(REVIEW_NODE, RDFS.label, text("narrative review of JAK inhibitors in dermatology"))
    add(REVIEW_NODE, RDFS.label, text("revisión narrativa de los inhibidores de JAK en dermatología", "es"))
    for number in range(1, TABLE_COUNT + 1):
        table = table_iri(number)
        add(table, RDF.type, JAK.ReviewTable)
        add(table, JAK.tableNumber, integer(number))
        add(table, DCTERMS.isPartOf, REVIEW_NODE)
        add(table, RDFS.label, text(f"Table {number} of the review"))
