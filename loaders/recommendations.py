"""Table 6 and the discussion: recommendations, dose adjustments and the regulatory events the review names."""
from __future__ import annotations

from rdflib import Graph, Literal

from jakgraph.ontology.terms import AGENCY, CONCEPT, DCTERMS, JAK, RDF, RDFS, XSD

from .catalog import Curated
from .provenance import add_provenance, decimal, iri, text


def load(curated: Curated, graph: Graph) -> None:
    for row in curated.rows("recommendations.tsv"):
        v = row.values
        node = iri("recommendation", v["id"])
        graph.add((node, RDF.type, JAK.Recommendation))
        graph.add((node, JAK.agency, AGENCY[v["body"]]))
        graph.add((node, DCTERMS.creator, AGENCY[v["body"]]))
        graph.add((node, JAK.recommendationKind, CONCEPT[f"kind-{v['kind']}"]))
        if row.text("phase"):
            graph.add((node, JAK.treatmentPhase, CONCEPT[f"phase-{v['phase']}"]))
        if row.text("drug"):
            graph.add((node, JAK.drug, iri("drug", v["drug"])))
        if row.text("population"):
            graph.add((node, JAK.population, iri("population", v["population"])))
        if row.text("dose_mg"):
            graph.add((node, JAK.doseMg, decimal(row.decimal("dose_mg"))))  # type: ignore[arg-type]
        if row.text("frequency"):
            graph.add((node, JAK.frequency, CONCEPT[f"frequency-{v['frequency']}"]))
        if v["kind"] in ("recommended-dose", "dose-adjustment") and not row.text("drug"):
            raise row.error("drug", f"is required for a {v['kind']} recommendation")
        graph.add((node, JAK.action, text(v["action"])))
        graph.add((node, RDFS.label, text(v["action"])))
        add_provenance(graph, node, row)

    for row in curated.rows("regulatory_events.tsv"):
        v = row.values
        node = iri("regulatory-event", v["id"])
        graph.add((node, RDF.type, JAK.RegulatoryEvent))
        graph.add((node, JAK.agency, AGENCY[v["body"]]))
        date = v["date"]
        datatype = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}[len(date)]
        graph.add((node, DCTERMS.date, Literal(date, datatype=datatype)))
        graph.add((node, JAK.eventKind, Literal(v["kind"])))
        for drug in row.ids("drugs"):
            graph.add((node, JAK.drug, iri("drug", drug)))
        graph.add((node, RDFS.comment, text(v["description"])))
        graph.add((node, RDFS.label, text(f"{v['kind']} ({date})")))
        add_provenance(graph, node, row)
