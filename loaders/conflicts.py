"""Places where the review contradicts itself: both readings, each with where the review states it."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from jakgraph.ontology.terms import JAK, PROV, RDF, RDFS

from .catalog import Curated
from .provenance import add_location, integer, iri, text

SUBJECT_KIND = {
    "evidence_items.tsv": "evidence", "table7_rows.tsv": "table7-row", "diseases.tsv": "disease",
    "drugs.tsv": "drug", "products.tsv": "product", "approvals.tsv": "approval",
    "safety_analyses.tsv": "safety-analysis", "safety_findings.tsv": "safety-finding",
    "recommendations.tsv": "recommendation", "regulatory_events.tsv": "regulatory-event",
    "isoforms.tsv": "isoform", "selectivity_classes.tsv": "selectivity", "study_designs.tsv": "design",
    "adverse_events.tsv": "adverse-event", "outcome_measures.tsv": "measure", "populations.tsv": "population",
}


def load(curated: Curated, graph: Graph) -> None:
    for row in curated.rows("conflicts.tsv"):
        v = row.values
        node = iri("conflict", v["id"])
        subject = iri(SUBJECT_KIND[v["subject_file"]], v["subject"])
        graph.add((node, RDF.type, JAK.SourceConflict))
        graph.add((node, JAK.conflictAbout, subject))
        graph.add((subject, JAK.hasConflict, node))
        graph.add((node, JAK.aspect, Literal(v["aspect"])))
        graph.add((node, RDFS.comment, text(v["description"])))
        graph.add((node, RDFS.label, text(f"conflict on {v['aspect']} of {v['subject']}")))
        for position, side in enumerate(("a", "b"), 1):
            reading = URIRef(f"{node}/reading/{side}")
            graph.add((node, JAK.reading, reading))
            graph.add((reading, RDF.type, JAK.Reading))
            graph.add((reading, JAK.position, integer(position)))
            graph.add((reading, JAK.statedValue, Literal(v[f"reading_{side}"])))
            graph.add((reading, RDFS.label, Literal(v[f"reading_{side}"])))
            for locator in row.sources(f"source_{side}"):
                graph.add((reading, PROV.wasDerivedFrom, add_location(graph, locator)))
