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

from jakgraph.ontology.namespaces import AGENCIES, BASE, compact, local_part
from jakgraph.queries.results import rows
from jakgraph.queries.runner import run_internal

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


def text(value: Any) -> str:
    """A cell of the TSV: a value's text, empty for an unbound variable."""
    return "" if value is None else str(value)


def node_rows(store: Any) -> list[dict[str, str]]:
    """One row per drug, JAK isoform, disease (or disease group) and adverse event."""
    xrefs: dict[str, set[str]] = defaultdict(set)
    for row in rows(run_internal(store, "kgx-xrefs"), compact_iris=True):
        xrefs[row["node"]].add(row["xref"])
    nodes: dict[str, dict[str, str]] = {}
    for row in rows(run_internal(store, "kgx-nodes"), compact_iris=True):
        nodes[row["node"]] = {
            "id": row["node"], "category": row["category"], "name": text(row["name"]),
            "description": text(row["description"]),
            "xref": LIST_DELIMITER.join(sorted(xrefs[row["node"]])), "provided_by": SOURCE,
        }
    return [nodes[key] for key in sorted(nodes)]


def edge(edge_id: str, subject: str, predicate: str, object_: str, category: str, **attributes: str) -> dict[str, str]:
    """An edge row with the provenance every jakgraph edge shares: curated by hand from the review."""
    return {"id": edge_id, "subject": subject, "predicate": predicate, "object": object_, "category": category,
            "knowledge_level": "knowledge_assertion", "agent_type": "manual_agent",
            "primary_knowledge_source": SOURCE, **attributes}


def edge_rows(store: Any) -> list[dict[str, str]]:
    """Evidence items and approvals (drug → disease), inhibitions (drug → isoform), disease hierarchy."""
    references: dict[str, list[str]] = defaultdict(list)
    for row in rows(run_internal(store, "kgx-references"), compact_iris=True):
        references[row["item"]].append(row["reference"])
    edges = []
    for row in rows(run_internal(store, "kgx-evidence"), compact_iris=True):
        item = row["item"]
        edges.append(edge(item, row["drug"], TREATS, row["disease"], TREATMENT_ASSOCIATION,
                          publications=LIST_DELIMITER.join(sorted(references[item], key=reference_order)),
                          clinical_approval_status="off_label_use", evidence_type="off_label_evidence",
                          product=text(row["product"]), study_design=text(row["design"]),
                          number_of_patients=text(row["patients"]), number_of_studies=text(row["studies"]),
                          evidence_item=item))
    for row in rows(run_internal(store, "kgx-approvals"), compact_iris=True):
        fda = row["agency"] == compact(AGENCIES + "fda")
        edges.append(edge(row["approval"], row["drug"], TREATS, row["disease"], TREATMENT_ASSOCIATION,
                          clinical_approval_status="fda_approved_for_condition" if fda else "approved_for_condition",
                          evidence_type="regulatory_approval", agency=row["agency"],
                          product=text(row["product"])))
    for row in rows(run_internal(store, "kgx-inhibits"), compact_iris=True):
        edge_id = compact(f"{BASE}association/inhibits/{local_part(row['drug'])}--{local_part(row['isoform'])}")
        edges.append(edge(edge_id, row["drug"], "biolink:affects", row["isoform"],
                          "biolink:ChemicalAffectsGeneAssociation", qualified_predicate="biolink:causes",
                          object_aspect_qualifier="activity", object_direction_qualifier="decreased"))
    for row in rows(run_internal(store, "kgx-broader"), compact_iris=True):
        edge_id = compact(f"{BASE}association/broader/{local_part(row['narrower'])}--{local_part(row['broader'])}")
        edges.append(edge(edge_id, row["narrower"], "biolink:subclass_of", row["broader"], "biolink:Association"))
    return sorted(edges, key=lambda e: e["id"])


def reference_order(reference: str) -> tuple[int, str]:
    """Sort key that puts ``ref:9`` before ``ref:18``."""
    number = local_part(reference)
    return (int(number), "") if number.isdigit() else (0, number)


def write_tsv(path: Path, columns: list[str], records: list[dict[str, str]]) -> None:
    """Write rows unquoted, as KGX reads TSV (tabs and line breaks inside a cell become spaces)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None)
        writer.writerow(columns)
        for row in records:
            writer.writerow([" ".join(row.get(column, "").split()) for column in columns])


def write_kgx(store: Any, directory: Path) -> tuple[int, int]:
    """Write ``nodes.tsv`` and ``edges.tsv`` into ``directory``; return the numbers of nodes and edges."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    nodes, edges = node_rows(store), edge_rows(store)
    write_tsv(directory / "nodes.tsv", NODE_COLUMNS, nodes)
    write_tsv(directory / "edges.tsv", EDGE_COLUMNS, edges)
    return len(nodes), len(edges)
