"""The long-term safety section: safety analyses and the figures and statements they give."""
from __future__ import annotations

from pyoxigraph import NamedNode

from jakgraph.ontology.terms import CONCEPT, JAK, RDF, RDFS, decimal, integer, iri, number_text, text

from .labels import Labels
from .provenance import Provenance
from .records import NON_DRUG_COMPARATORS, SafetyAnalysis, SafetyFinding
from .sink import TripleSink

METRIC_UNIT = {"rate-per-100py": "/100 patient-years", "percentage": "%"}
METRIC_NOTE = {"odds-ratio": " (odds ratio)", "relative-risk": " (relative risk)", "count": " events"}


def metric_note(metric: str, value: object, value_max: object) -> str:
    """What follows a figure in a finding's label: `` events`` after a count, `` event`` after a count of exactly one."""
    if metric == "count" and value_max is None and value == 1:
        return " event"
    return METRIC_NOTE.get(metric, "")


def comparator_node(value: str) -> NamedNode:
    """A safety comparator: a drug id, or placebo / vehicle."""
    if value in NON_DRUG_COMPARATORS:
        return CONCEPT[f"comparator-{value}"]
    return iri("drug", value)


def add_analysis(sink: TripleSink, sources: Provenance, record: SafetyAnalysis) -> None:
    add, node = sink.add, iri("safety-analysis", record.id)
    add(node, RDF.type, JAK.SafetyAnalysis)
    add(node, RDFS.label, text(record.label_en))
    add(node, JAK.studyDesign, iri("design", record.design))
    for drug in record.drugs:
        add(node, JAK.drug, iri("drug", drug))
    if record.population_disease:
        add(node, JAK.populationDisease, iri("disease", record.population_disease))
    for count, prop in ((record.n_studies, JAK.numberOfStudies), (record.n_patients, JAK.numberOfPatients),
                        (record.n_reports, JAK.numberOfReports)):
        if count is not None:
            add(node, prop, integer(count))
    if record.patient_years is not None:
        add(node, JAK.patientYears, decimal(record.patient_years))
    for comparator in record.comparators:
        add(node, JAK.comparator, comparator_node(comparator))
    add(node, RDFS.comment, text(record.description))
    sources.derive(node, record.source)
    sources.cite(node, record.refs)


def add_finding(sink: TripleSink, sources: Provenance, record: SafetyFinding, labels: Labels) -> None:
    add, node = sink.add, iri("safety-finding", record.id)
    add(node, RDF.type, JAK.SafetyFinding)
    add(node, JAK.analysis, iri("safety-analysis", record.analysis))
    add(node, JAK.drug, iri("drug", record.drug))
    if record.event:
        add(node, JAK.event, iri("adverse-event", record.event))
    if record.outcome:
        add(node, JAK.findingOutcome, CONCEPT[f"outcome-{record.outcome}"])
    for cause in record.causes_of_death:
        add(node, JAK.causeOfDeath, iri("adverse-event", cause))
    add(node, JAK.metric, CONCEPT[f"metric-{record.metric}"])
    for number, prop in ((record.dose_mg, JAK.doseMg), (record.value, JAK.value), (record.value_max, JAK.valueMax),
                         (record.comparator_value, JAK.comparatorValue)):
        if number is not None:
            add(node, prop, decimal(number))
    if record.comparator:
        add(node, JAK.comparator, comparator_node(record.comparator))
    if record.direction:
        add(node, JAK.direction, CONCEPT[f"direction-{record.direction}"])
    add(node, RDFS.comment, text(record.description))
    label = labels.drugs[record.drug]
    if record.dose_mg is not None:
        label += f" {number_text(record.dose_mg)} mg"
    label += f", {labels.events[record.event] if record.event else (record.outcome or '').replace('-', ' ')}"
    if record.value is not None:
        label += f": {number_text(record.value)}"
        if record.value_max is not None:
            label += f"–{number_text(record.value_max)}"
        label += METRIC_UNIT.get(record.metric, "") + metric_note(record.metric, record.value, record.value_max)
    add(node, RDFS.label, text(label))
    sources.derive(node, record.source)
    sources.cite(node, record.refs)
