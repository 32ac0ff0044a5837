"""Places where the review contradicts itself: both readings, each with where the review states it."""
from __future__ import annotations

from pyoxigraph import NamedNode

from jakgraph.ontology.terms import JAK, RDF, RDFS, integer, iri, string, text

from .provenance import Provenance
from .records import Conflict
from .sink import TripleSink

SUBJECT_KIND = {
    "evidence_items.tsv": "evidence", "table7_rows.tsv": "table7-row", "diseases.tsv": "disease",
    "drugs.tsv": "drug", "products.tsv": "product", "approvals.tsv": "approval",
    "safety_analyses.tsv": "safety-analysis", "safety_findings.tsv": "safety-finding",
    "recommendations.tsv": "recommendation", "regulatory_events.tsv": "regulatory-event",
    "isoforms.tsv": "isoform", "selectivity_classes.tsv": "selectivity", "study_designs.tsv": "design",
    "adverse_events.tsv": "adverse-event", "outcome_measures.tsv": "measure", "populations.tsv": "population",
    "conflicts.tsv": "conflict",
}


def add_conflict(sink: TripleSink, sources: Provenance, record: Conflict) -> None:
    add, node = sink.add, iri("conflict", record.id)
    subject = iri(SUBJECT_KIND[record.subject_file], record.subject)
    add(node, RDF.type, JAK.SourceConflict)
    add(node, JAK.conflictAbout, subject)
    add(subject, JAK.hasConflict, node)
    add(node, JAK.aspect, string(record.aspect))
    add(node, RDFS.comment, text(record.description))
    add(node, RDFS.label, text(f"conflict on {record.aspect} of {record.subject}"))
    for position, side, value, where in ((1, "a", record.reading_a, record.source_a),
                                         (2, "b", record.reading_b, record.source_b)):
        reading = NamedNode(f"{node.value}/reading/{side}")
        stated = string(value)
        add(node, JAK.reading, reading)
        add(reading, RDF.type, JAK.Reading)
        add(reading, JAK.position, integer(position))
        add(reading, JAK.statedValue, stated)
        add(reading, RDFS.label, stated)
        sources.derive(reading, where)
