"""Write the graph as KGX TSV (``nodes.tsv``, ``edges.tsv``) with Biolink categories and predicates.

Ids are the project's IRIs compacted with its own prefixes (``drug:baricitinib``); ``xref`` holds the
external identifiers the graph maps with ``skos:exactMatch`` (their ``skos:notation``, ``CHEBI:95341``).
Multi-valued cells are joined with ``|``, as KGX reads them.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import Any

from jakgraph.ontology.namespaces import AGENCIES, BASE, compact

SOURCE = "infores:jakgraph"
LIST_DELIMITER = "|"

NODE_COLUMNS = ["id", "category", "name", "description", "xref", "provided_by"]
EDGE_COLUMNS = [
    "id", "subject", "predicate", "object", "category", "knowledge_level", "agent_type",
    "primary_knowledge_source", "publications", "qualified_predicate", "object_aspect_qualifier",
    "object_direction_qualifier", "clinical_approval_status", "evidence_type", "agency", "product",
    "study_design", "number_of_patients", "number_of_studies", "evidence_item",
]

TREATS = "biolink:treats_or_applied_or_studied_to_treat"
TREATMENT_ASSOCIATION = "biolink:ChemicalOrDrugOrTreatmentToDiseaseOrPhenotypicFeatureAssociation"

NODES = """
SELECT ?node ?category ?name ?description WHERE {
  VALUES (?class ?category) {
    (jak:Drug "biolink:Drug") (jak:JAKIsoform "biolink:Protein")
    (jak:Disease "biolink:Disease") (jak:AdverseEvent "biolink:DiseaseOrPhenotypicFeature")
  }
  ?node a ?class .
  OPTIONAL { ?node rdfs:label ?name FILTER(LANG(?name) = "en") }
  OPTIONAL { ?node skos:definition ?definition FILTER(LANG(?definition) = "en") }
  OPTIONAL { ?node jak:mechanism ?mechanism FILTER(LANG(?mechanism) = "en") }
  BIND(COALESCE(?definition, ?mechanism) AS ?description)
}"""

XREFS = """
SELECT ?node ?xref WHERE {
  VALUES ?class { jak:Drug jak:JAKIsoform jak:Disease jak:AdverseEvent }
  ?node a ?class ; skos:exactMatch/skos:notation ?xref .
}"""

EVIDENCE = """
SELECT ?item ?drug ?disease ?product ?design ?patients ?studies WHERE {
  ?item a jak:EvidenceItem ; jak:drug ?drug ; jak:disease ?disease .
  OPTIONAL { ?item jak:product ?product }
  OPTIONAL { ?item jak:studyDesign ?design }
  OPTIONAL { ?item jak:numberOfPatients ?patients }
  OPTIONAL { ?item jak:numberOfStudies ?studies }
}"""

REFERENCES = """
SELECT ?item ?reference WHERE { ?item a jak:EvidenceItem ; jak:reference ?reference }"""

INHIBITS = """
SELECT ?drug ?isoform WHERE { ?drug a jak:Drug ; jak:inhibits ?isoform . ?isoform a jak:JAKIsoform }"""

BROADER = """
SELECT ?narrower ?broader WHERE { ?narrower a jak:Disease ; skos:broader ?broader . ?broader a jak:Disease }"""

APPROVALS = """
SELECT ?approval ?drug ?disease ?agency ?product WHERE {
  ?approval a jak:RegulatoryApproval ; jak:approvalStatus c:status-approved ;
            jak:drug ?drug ; jak:indication ?disease ; jak:agency ?agency .
  OPTIONAL { ?approval jak:product ?product }
}"""


curie = compact


def select(store: Any, sparql: str) -> list[dict[str, str]]:
    """Rows of a SELECT as dicts of cell text (IRIs as CURIEs, unbound variables left out)."""
    results = store.query(sparql)
    names = [v.value for v in results.variables]
    rows = []
    for solution in results:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = curie(term.value) if type(term).__name__ == "NamedNode" else term.value
        rows.append(row)
    return rows


def node_rows(store: Any) -> list[dict[str, str]]:
    """One row per drug, JAK isoform, disease (or disease group) and adverse event."""
    xrefs: dict[str, set[str]] = defaultdict(set)
    for row in select(store, XREFS):
        xrefs[row["node"]].add(row["xref"])
    nodes: dict[str, dict[str, str]] = {}
    for row in select(store, NODES):
        nodes[row["node"]] = {
            "id": row["node"], "category": row["category"], "name": row.get("name", ""),
            "description": row.get("description", ""),
            "xref": LIST_DELIMITER.join(sorted(xrefs[row["node"]])), "provided_by": SOURCE,
        }
    return [nodes[key] for key in sorted(nodes)]


def edge(edge_id: str, subject: str, predicate: str, object_: str, category: str, **attributes: str) -> dict[str, str]:
    """An edge row with the provenance every jakgraph edge shares: curated by hand from the review."""
    return {"id": edge_id, "subject": subject, "predicate": predicate, "object": object_, "category": category,
            "knowledge_level": "knowledge_assertion", "agent_type": "manual_agent",
            "primary_knowledge_source": SOURCE, **attributes}


def local(value: str) -> str:
    """The part of a CURIE after its prefix."""
    return value.split(":", 1)[1]


def edge_rows(store: Any) -> list[dict[str, str]]:
    """Evidence items and approvals (drug → disease), inhibitions (drug → isoform), disease hierarchy."""
    references: dict[str, list[str]] = defaultdict(list)
    for row in select(store, REFERENCES):
        references[row["item"]].append(row["reference"])
    edges = []
    for row in select(store, EVIDENCE):
        item = row["item"]
        edges.append(edge(item, row["drug"], TREATS, row["disease"], TREATMENT_ASSOCIATION,
                          publications=LIST_DELIMITER.join(sorted(references[item], key=reference_order)),
                          clinical_approval_status="off_label_use", evidence_type="off_label_evidence",
                          product=row.get("product", ""), study_design=row.get("design", ""),
                          number_of_patients=row.get("patients", ""), number_of_studies=row.get("studies", ""),
                          evidence_item=item))
    for row in select(store, APPROVALS):
        fda = row["agency"] == curie(AGENCIES + "fda")
        edges.append(edge(row["approval"], row["drug"], TREATS, row["disease"], TREATMENT_ASSOCIATION,
                          clinical_approval_status="fda_approved_for_condition" if fda else "approved_for_condition",
                          evidence_type="regulatory_approval", agency=row["agency"],
                          product=row.get("product", "")))
    for row in select(store, INHIBITS):
        edge_id = curie(f"{BASE}association/inhibits/{local(row['drug'])}--{local(row['isoform'])}")
        edges.append(edge(edge_id, row["drug"], "biolink:affects", row["isoform"],
                          "biolink:ChemicalAffectsGeneAssociation", qualified_predicate="biolink:causes",
                          object_aspect_qualifier="activity", object_direction_qualifier="decreased"))
    for row in select(store, BROADER):
        edge_id = curie(f"{BASE}association/broader/{local(row['narrower'])}--{local(row['broader'])}")
        edges.append(edge(edge_id, row["narrower"], "biolink:subclass_of", row["broader"], "biolink:Association"))
    return sorted(edges, key=lambda e: e["id"])


def reference_order(reference: str) -> tuple[int, str]:
    """Sort key that puts ``ref:9`` before ``ref:18``."""
    number = local(reference)
    return (int(number), "") if number.isdigit() else (0, number)


def write_tsv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows unquoted, as KGX reads TSV (tabs and line breaks inside a cell become spaces)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([" ".join(row.get(column, "").split()) for column in columns])


def write_kgx(store: Any, directory: Path) -> tuple[int, int]:
    """Write ``nodes.tsv`` and ``edges.tsv`` into ``directory``; return the numbers of nodes and edges."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    nodes, edges = node_rows(store), edge_rows(store)
    write_tsv(directory / "nodes.tsv", NODE_COLUMNS, nodes)
    write_tsv(directory / "edges.tsv", EDGE_COLUMNS, edges)
    return len(nodes), len(edges)
