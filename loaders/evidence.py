"""Off-label evidence items, with their dosing, results and adverse events."""
from __future__ import annotations

from collections import Counter

from rdflib import Graph, Literal, URIRef

from jakgraph.ontology.terms import CONCEPT, JAK, RDF, RDFS, SKOS

from .catalog import Curated
from .provenance import add_provenance, decimal, integer, iri, text
from .table import Row

NON_DRUG_COMPARATORS = {"placebo", "vehicle"}


def comparator_node(value: str) -> URIRef:
    """IRI of a comparator cell: a product id, or placebo / vehicle."""
    if value in NON_DRUG_COMPARATORS:
        return CONCEPT[f"comparator-{value}"]
    return iri("product", value)


def refs_label(refs: list[int]) -> str:
    return ",".join(str(n) for n in refs)


def load(curated: Curated, graph: Graph) -> None:
    for row in curated.rows("evidence_items.tsv"):
        add_item(curated, graph, row)
    counters: Counter[str] = Counter()
    for row in curated.rows("evidence_adverse_events.tsv"):
        item = row.values["evidence_item"]
        counters[item + "/ae"] += 1
        add_adverse_event(curated, graph, row, counters[item + "/ae"])
    for row in curated.rows("evidence_results.tsv"):
        item = row.values["evidence_item"]
        counters[item + "/result"] += 1
        add_result(graph, row, counters[item + "/result"])


def add_item(curated: Curated, graph: Graph, row: Row) -> None:
    v = row.values
    node = iri("evidence", v["id"])
    graph.add((node, RDF.type, JAK.EvidenceItem))
    design = curated.label("study_designs.tsv", v["design"])
    label = f"{curated.label('drugs.tsv', v['drug'])} in {curated.label('diseases.tsv', v['disease'])}: {design}"
    if row.text("n_patients"):
        label += f", n={v['n_patients']}"
    graph.add((node, RDFS.label, text(f"{label} [ref. {refs_label(row.refs())}]")))
    graph.add((node, JAK.drug, iri("drug", v["drug"])))
    graph.add((node, JAK.product, iri("product", v["product"])))
    graph.add((node, JAK.disease, iri("disease", v["disease"])))
    graph.add((node, JAK.studyDesign, iri("design", v["design"])))
    if row.text("n_studies"):
        graph.add((node, JAK.numberOfStudies, integer(row.int("n_studies") or 0)))
    if row.text("n_patients"):
        graph.add((node, JAK.numberOfPatients, integer(row.int("n_patients") or 0)))
    add_dosing(graph, node, row)
    for measure in row.ids("measures"):
        graph.add((node, JAK.outcomeMeasure, iri("measure", measure)))
    graph.add((node, JAK.resultSummary, text(v["result"])))
    graph.add((node, JAK.adverseEventStatus, CONCEPT[f"ae-status-{v['ae_status']}"]))
    if row.text("comparator"):
        graph.add((node, JAK.comparator, comparator_node(v["comparator"])))
    if row.text("comparator_result"):
        graph.add((node, JAK.comparatorResult, text(v["comparator_result"])))
    if row.text("switched_from"):
        graph.add((node, JAK.switchedFrom, iri("product", v["switched_from"])))
    for product in row.ids("concomitant"):
        graph.add((node, JAK.concomitantTreatment, iri("product", product)))
    if row.text("population"):
        graph.add((node, JAK.populationDescription, Literal(v["population"])))
    if row.text("note"):
        graph.add((node, SKOS.note, text(v["note"])))
    add_provenance(graph, node, row)


def add_dosing(graph: Graph, item: URIRef, row: Row) -> None:
    fields = ("dose_min", "dose_max", "dose_unit", "frequency", "vehicle", "dose_text")
    if not any(row.text(f) for f in fields):
        return
    if (row.text("dose_min") or row.text("dose_max")) and not row.text("dose_unit"):
        raise row.error("dose_unit", "is required when a dose is given")
    low, high = row.decimal("dose_min"), row.decimal("dose_max")
    if low is not None and high is not None and high < low:
        raise row.error("dose_max", f"{high} is below dose_min {low}")
    node = URIRef(f"{item}/dosing")
    graph.add((item, JAK.dosing, node))
    graph.add((node, RDF.type, JAK.DosingRegimen))
    if low is not None:
        graph.add((node, JAK.doseMin, decimal(low)))
    if high is not None:
        graph.add((node, JAK.doseMax, decimal(high)))
    if row.text("dose_unit"):
        graph.add((node, JAK.doseUnit, CONCEPT[f"unit-{row.values['dose_unit']}"]))
    if row.text("frequency"):
        graph.add((node, JAK.frequency, CONCEPT[f"frequency-{row.values['frequency']}"]))
    if row.text("vehicle"):
        graph.add((node, JAK.vehicle, CONCEPT[f"vehicle-{row.values['vehicle']}"]))
    if row.text("dose_text"):
        graph.add((node, JAK.doseText, Literal(row.values["dose_text"])))
        graph.add((node, RDFS.label, text(row.values["dose_text"])))


def add_adverse_event(curated: Curated, graph: Graph, row: Row, number: int) -> None:
    v = row.values
    item = iri("evidence", v["evidence_item"])
    node = URIRef(f"{item}/adverse-event/{number}")
    graph.add((item, JAK.adverseEvent, node))
    graph.add((node, RDF.type, JAK.AdverseEventObservation))
    graph.add((node, JAK.event, iri("adverse-event", v["event"])))
    label = curated.label("adverse_events.tsv", v["event"])
    if row.text("count") is not None:
        graph.add((node, JAK["count"], integer(row.int("count") or 0)))
        label += f" {v['count']}" + (f"/{v['denominator']}" if row.text("denominator") else "")
    if row.text("denominator"):
        graph.add((node, JAK.denominator, integer(row.int("denominator") or 0)))
    if row.text("percentage"):
        graph.add((node, JAK.percentage, decimal(row.decimal("percentage"))))  # type: ignore[arg-type]
        label += f" ({v['percentage']}%)"
    if row.text("description"):
        graph.add((node, RDFS.comment, text(v["description"])))
    graph.add((node, RDFS.label, text(label)))
    add_provenance(graph, node, row, refs_field=None)


def add_result(graph: Graph, row: Row, number: int) -> None:
    v = row.values
    item = iri("evidence", v["evidence_item"])
    node = URIRef(f"{item}/result/{number}")
    graph.add((item, JAK.result, node))
    graph.add((node, RDF.type, JAK.ResultFigure))
    if row.text("measure"):
        graph.add((node, JAK.outcomeMeasure, iri("measure", v["measure"])))
    graph.add((node, JAK.quantity, Literal(v["quantity"])))
    graph.add((node, JAK.value, decimal(row.decimal("value"))))  # type: ignore[arg-type]
    if row.text("value_max"):
        graph.add((node, JAK.valueMax, decimal(row.decimal("value_max"))))  # type: ignore[arg-type]
    graph.add((node, JAK.unit, CONCEPT[f"unit-{v['unit']}"]))
    if row.text("timepoint"):
        graph.add((node, JAK.timepoint, decimal(row.decimal("timepoint"))))  # type: ignore[arg-type]
        if not row.text("timepoint_unit"):
            raise row.error("timepoint_unit", "is required when a time point is given")
        graph.add((node, JAK.timepointUnit, CONCEPT[f"unit-{v['timepoint_unit']}"]))
    if row.text("arm"):
        graph.add((node, JAK.arm, Literal(v["arm"])))
    if row.text("comparator_value"):
        graph.add((node, JAK.comparatorValue, decimal(row.decimal("comparator_value"))))  # type: ignore[arg-type]
    if row.text("description"):
        graph.add((node, RDFS.comment, text(v["description"])))
    label = f"{v['quantity']}: {v['value']}" + (f"–{v['value_max']}" if row.text("value_max") else "")
    label += f" {v['unit']}" + (f" at {v['timepoint_unit']} {v['timepoint']}" if row.text("timepoint") else "")
    graph.add((node, RDFS.label, text(label)))
    add_provenance(graph, node, row, refs_field=None)
