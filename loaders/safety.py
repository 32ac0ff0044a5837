"""The long-term safety section: safety analyses and the figures and statements they give."""
from __future__ import annotations

from rdflib import Graph

from jakgraph.ontology.terms import CONCEPT, JAK, RDF, RDFS

from .catalog import Curated
from .evidence import NON_DRUG_COMPARATORS
from .provenance import add_provenance, decimal, integer, iri, text


def comparator_node(value: str):
    """A safety comparator: a drug id, or placebo / vehicle."""
    if value in NON_DRUG_COMPARATORS:
        return CONCEPT[f"comparator-{value}"]
    return iri("drug", value)


def load(curated: Curated, graph: Graph) -> None:
    for row in curated.rows("safety_analyses.tsv"):
        v = row.values
        node = iri("safety-analysis", v["id"])
        graph.add((node, RDF.type, JAK.SafetyAnalysis))
        graph.add((node, RDFS.label, text(v["label_en"])))
        graph.add((node, JAK.studyDesign, iri("design", v["design"])))
        for drug in row.ids("drugs"):
            graph.add((node, JAK.drug, iri("drug", drug)))
        if row.text("population_disease"):
            graph.add((node, JAK.populationDisease, iri("disease", v["population_disease"])))
        for field, prop in (("n_studies", JAK.numberOfStudies), ("n_patients", JAK.numberOfPatients),
                            ("n_reports", JAK.numberOfReports)):
            if row.text(field):
                graph.add((node, prop, integer(row.int(field) or 0)))
        if row.text("patient_years"):
            graph.add((node, JAK.patientYears, decimal(row.decimal("patient_years"))))  # type: ignore[arg-type]
        for comparator in row.ids("comparators"):
            graph.add((node, JAK.comparator, comparator_node(comparator)))
        graph.add((node, RDFS.comment, text(v["description"])))
        add_provenance(graph, node, row)

    for row in curated.rows("safety_findings.tsv"):
        v = row.values
        node = iri("safety-finding", v["id"])
        graph.add((node, RDF.type, JAK.SafetyFinding))
        graph.add((node, JAK.analysis, iri("safety-analysis", v["analysis"])))
        graph.add((node, JAK.drug, iri("drug", v["drug"])))
        graph.add((node, JAK.event, iri("adverse-event", v["event"])))
        graph.add((node, JAK.metric, CONCEPT[f"metric-{v['metric']}"]))
        if v["metric"] != "qualitative" and not row.text("value") and not row.text("direction"):
            raise row.error("value", f"is required for metric {v['metric']}")
        for field, prop in (("dose_mg", JAK.doseMg), ("value", JAK.value), ("value_max", JAK.valueMax),
                            ("comparator_value", JAK.comparatorValue)):
            if row.text(field):
                graph.add((node, prop, decimal(row.decimal(field))))  # type: ignore[arg-type]
        if row.text("comparator"):
            graph.add((node, JAK.comparator, comparator_node(v["comparator"])))
        if row.text("direction"):
            graph.add((node, JAK.direction, CONCEPT[f"direction-{v['direction']}"]))
        graph.add((node, RDFS.comment, text(v["description"])))
        label = f"{curated.label('drugs.tsv', v['drug'])}"
        if row.text("dose_mg"):
            label += f" {v['dose_mg']} mg"
        label += f", {curated.label('adverse_events.tsv', v['event'])}"
        if row.text("value"):
            label += f": {v['value']}" + (f"–{v['value_max']}" if row.text("value_max") else "")
            label += {"rate-per-100py": "/100 patient-years", "percentage": "%"}.get(v["metric"], "")
            label += {"odds-ratio": " (odds ratio)", "relative-risk": " (relative risk)", "count": " events"}.get(v["metric"], "")
        graph.add((node, RDFS.label, text(label)))
        add_provenance(graph, node, row)
