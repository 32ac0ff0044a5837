"""Table 6 and the discussion: recommendations, dose adjustments and the regulatory events the review names."""
from __future__ import annotations

from jakgraph.ontology.terms import AGENCY, CONCEPT, DCTERMS, JAK, RDF, RDFS, date, decimal, iri, string, text

from .provenance import Provenance
from .records import Recommendation, RegulatoryEvent
from .sink import TripleSink


def add_recommendation(sink: TripleSink, sources: Provenance, record: Recommendation) -> None:
    add, node = sink.add, iri("recommendation", record.id)
    add(node, RDF.type, JAK.Recommendation)
    add(node, JAK.agency, AGENCY[record.body])
    add(node, DCTERMS.creator, AGENCY[record.body])
    add(node, JAK.recommendationKind, CONCEPT[f"kind-{record.kind}"])
    if record.phase:
        add(node, JAK.treatmentPhase, CONCEPT[f"phase-{record.phase}"])
    if record.drug:
        add(node, JAK.drug, iri("drug", record.drug))
    if record.population:
        add(node, JAK.population, iri("population", record.population))
    if record.dose_mg is not None:
        add(node, JAK.doseMg, decimal(record.dose_mg))
    if record.frequency:
        add(node, JAK.frequency, CONCEPT[f"frequency-{record.frequency}"])
    if record.requested_action:
        add(node, JAK.requestedAction, CONCEPT[f"action-{record.requested_action}"])
    action = text(record.action)
    add(node, JAK.action, action)
    add(node, RDFS.label, action)
    sources.derive(node, record.source)
    sources.cite(node, record.refs)


def add_regulatory_event(sink: TripleSink, sources: Provenance, record: RegulatoryEvent) -> None:
    add, node = sink.add, iri("regulatory-event", record.id)
    add(node, RDF.type, JAK.RegulatoryEvent)
    add(node, JAK.agency, AGENCY[record.body])
    add(node, DCTERMS.date, date(record.date))
    add(node, JAK.eventKind, string(record.kind))
    for drug in record.drugs:
        add(node, JAK.drug, iri("drug", drug))
    add(node, RDFS.comment, text(record.description))
    add(node, RDFS.label, text(f"{record.kind} ({record.date})"))
    sources.derive(node, record.source)
    sources.cite(node, record.refs)
