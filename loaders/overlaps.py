"""Patients the review reports in more than one record: which records share a study or patients, and how many."""
from __future__ import annotations

from jakgraph.ontology.terms import CONCEPT, JAK, RDF, RDFS, SKOS, integer, iri, text

from .provenance import Provenance
from .records import PatientOverlap
from .sink import TripleSink

MEMBER_KIND = {"evidence_items.tsv": "evidence", "table7_rows.tsv": "table7-row",
               "safety_analyses.tsv": "safety-analysis"}
KIND_WORDS = {"same-patients": "same patients", "same-study": "same study", "same-reference": "same reference"}


def shared_text(shared: int | None) -> str:
    """How the label words the shared patients: ``1 patient counted in each``, ``no patient counted twice`` …"""
    if shared is None:
        return "shared patients not stated"
    if shared == 0:
        return "no patient counted twice"
    return f"{shared} patient{'s' * (shared != 1)} counted in each"


def add_overlap(sink: TripleSink, sources: Provenance, record: PatientOverlap) -> None:
    add, node = sink.add, iri("patient-overlap", record.id)
    members = record.members
    add(node, RDF.type, JAK.PatientOverlap)
    add(node, RDFS.label, text(f"{KIND_WORDS[record.kind]} in {len(members)} records, "
                               f"{shared_text(record.shared_patients)} [ref. {','.join(map(str, record.refs))}]"))
    add(node, JAK.overlapKind, CONCEPT[f"overlap-{record.kind}"])
    for file, ident in members:
        add(node, JAK.overlapMember, iri(MEMBER_KIND[file], ident))
    if record.shared_patients is not None:
        add(node, JAK.sharedPatients, integer(record.shared_patients))
    if record.basis:
        add(node, JAK.overlapBasis, CONCEPT[f"basis-{record.basis}"])
    if record.home_row:
        add(node, JAK.homeRow, iri("table7-row", record.home_row))
    add(node, SKOS.note, text(record.note))
    sources.derive(node, record.source)
    sources.cite(node, record.refs)
