"""Off-label evidence items, with their dosing, results and adverse events."""
from __future__ import annotations

from pyoxigraph import NamedNode

from jakgraph.ontology.terms import CONCEPT, JAK, RDF, RDFS, SKOS, decimal, integer, iri, number_text, string, text

from .labels import Labels
from .provenance import Provenance
from .records import NON_DRUG_COMPARATORS, EvidenceAdverseEvent, EvidenceItem, EvidenceResult
from .sink import TripleSink


def comparator_node(value: str) -> NamedNode:
    """IRI of a comparator cell: a product id, or placebo / vehicle."""
    if value in NON_DRUG_COMPARATORS:
        return CONCEPT[f"comparator-{value}"]
    return iri("product", value)


def add_item(sink: TripleSink, sources: Provenance, item: EvidenceItem, labels: Labels) -> None:
    add, node = sink.add, iri("evidence", item.id)
    add(node, RDF.type, JAK.EvidenceItem)
    label = f"{labels.drugs[item.drug]} in {labels.diseases[item.disease]}: {labels.designs[item.design]}"
    if item.n_patients is not None:
        label += f", n={item.n_patients}"
    add(node, RDFS.label, text(f"{label} [ref. {','.join(map(str, item.refs))}]"))
    add(node, JAK.drug, iri("drug", item.drug))
    add(node, JAK.product, iri("product", item.product))
    add(node, JAK.disease, iri("disease", item.disease))
    add(node, JAK.studyDesign, iri("design", item.design))
    if item.n_studies is not None:
        add(node, JAK.numberOfStudies, integer(item.n_studies))
    if item.n_patients is not None:
        add(node, JAK.numberOfPatients, integer(item.n_patients))
    add_dosing(sink, node, item)
    for measure in item.measures:
        add(node, JAK.outcomeMeasure, iri("measure", measure))
    add(node, JAK.resultSummary, text(item.result))
    add(node, JAK.adverseEventStatus, CONCEPT[f"ae-status-{item.ae_status}"])
    if item.comparator:
        add(node, JAK.comparator, comparator_node(item.comparator))
    if item.comparator_result:
        add(node, JAK.comparatorResult, text(item.comparator_result))
    if item.switched_from:
        add(node, JAK.switchedFrom, iri("product", item.switched_from))
    for product in item.concomitant:
        add(node, JAK.concomitantTreatment, iri("product", product))
    if item.population:
        add(node, JAK.populationDescription, string(item.population))
    if item.note:
        add(node, SKOS.note, text(item.note))
    add_structured_result(sink, node, item)
    sources.derive(node, item.source)
    sources.cite(node, item.refs)


def add_structured_result(sink: TripleSink, node: NamedNode, item: EvidenceItem) -> None:
    """What the result, the comparison and a switch come to, as controlled values (the words stay in the note)."""
    add = sink.add
    if item.significance:
        add(node, JAK.resultSignificance, CONCEPT[f"significance-{item.significance}"])
    for measure in item.significance_measures:
        add(node, JAK.significanceMeasure, iri("measure", measure))
    if item.comparator_direction:
        add(node, JAK.comparisonDirection, CONCEPT[f"comparison-{item.comparator_direction}"])
    if item.switch_reason:
        add(node, JAK.switchReason, CONCEPT[f"switch-reason-{item.switch_reason}"])
    if item.switch_reason_event:
        add(node, JAK.switchReasonEvent, iri("adverse-event", item.switch_reason_event))
    if item.switch_outcome:
        add(node, JAK.switchOutcome, CONCEPT[f"switch-outcome-{item.switch_outcome}"])


def add_dosing(sink: TripleSink, node: NamedNode, item: EvidenceItem) -> None:
    """The item's dosing regimen, if it has any dosing cell."""
    low, high = item.dose_min, item.dose_max
    if low is None and high is None and not (item.dose_unit or item.frequency or item.vehicle or item.dose_text):
        return
    add, dosing = sink.add, NamedNode(f"{node.value}/dosing")
    add(node, JAK.dosing, dosing)
    add(dosing, RDF.type, JAK.DosingRegimen)
    if low is not None:
        add(dosing, JAK.doseMin, decimal(low))
    if high is not None:
        add(dosing, JAK.doseMax, decimal(high))
    if item.dose_unit:
        add(dosing, JAK.doseUnit, CONCEPT[f"unit-{item.dose_unit}"])
    if item.frequency:
        add(dosing, JAK.frequency, CONCEPT[f"frequency-{item.frequency}"])
    if item.vehicle:
        add(dosing, JAK.vehicle, CONCEPT[f"vehicle-{item.vehicle}"])
    if item.dose_text:
        add(dosing, JAK.doseText, string(item.dose_text))
        add(dosing, RDFS.label, text(item.dose_text))


def add_adverse_event(sink: TripleSink, sources: Provenance, record: EvidenceAdverseEvent, number: int,
                      labels: Labels) -> None:
    """The ``number``-th adverse event of its evidence item."""
    add, item = sink.add, iri("evidence", record.evidence_item)
    node = NamedNode(f"{item.value}/adverse-event/{number}")
    add(item, JAK.adverseEvent, node)
    add(node, RDF.type, JAK.AdverseEventObservation)
    add(node, JAK.event, iri("adverse-event", record.event))
    label = labels.events[record.event]
    if record.count is not None:
        add(node, JAK["count"], integer(record.count))
        label += f" {record.count}" + (f"/{record.denominator}" if record.denominator is not None else "")
    if record.denominator is not None:
        add(node, JAK.denominator, integer(record.denominator))
    if record.percentage is not None:
        add(node, JAK.percentage, decimal(record.percentage))
        label += f" ({number_text(record.percentage)}%)"
    if record.description:
        add(node, RDFS.comment, text(record.description))
    for cause in record.causes_of_death:
        add(node, JAK.causeOfDeath, iri("adverse-event", cause))
    add(node, RDFS.label, text(label))
    sources.derive(node, record.source)


def add_result(sink: TripleSink, sources: Provenance, record: EvidenceResult, number: int) -> None:
    """The ``number``-th result figure of its evidence item."""
    add, item = sink.add, iri("evidence", record.evidence_item)
    node = NamedNode(f"{item.value}/result/{number}")
    add(item, JAK.result, node)
    add(node, RDF.type, JAK.ResultFigure)
    if record.measure:
        add(node, JAK.outcomeMeasure, iri("measure", record.measure))
    add(node, JAK.quantity, string(record.quantity))
    add(node, JAK.value, decimal(record.value))
    if record.value_max is not None:
        add(node, JAK.valueMax, decimal(record.value_max))
    add(node, JAK.unit, CONCEPT[f"unit-{record.unit}"])
    if record.timepoint is not None:
        add(node, JAK.timepoint, decimal(record.timepoint))
        add(node, JAK.timepointUnit, CONCEPT[f"unit-{record.timepoint_unit}"])
    if record.arm:
        add(node, JAK.arm, string(record.arm))
    if record.comparator_value is not None:
        add(node, JAK.comparatorValue, decimal(record.comparator_value))
    if record.description:
        add(node, RDFS.comment, text(record.description))
    label = f"{record.quantity}: {number_text(record.value)}"
    if record.value_max is not None:
        label += f"–{number_text(record.value_max)}"
    label += f" {record.unit}"
    if record.timepoint is not None:
        label += f" at {record.timepoint_unit} {number_text(record.timepoint)}"
    add(node, RDFS.label, text(label))
    sources.derive(node, record.source)
