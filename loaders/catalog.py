"""Read every curated table, check cross-references, and build the review's graphs."""
from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources import as_file, files
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from jakgraph.errors import CurationError
from jakgraph.ontology import ontology_graph
from jakgraph.ontology.terms import GRAPH_MAPPINGS, GRAPH_ONTOLOGY, GRAPH_REVIEW, PREFIXES

from .schema import TABLES
from .table import Row, read_table


RECORD_NOUN = {
    "isoforms.tsv": "isoform", "selectivity_classes.tsv": "selectivity class", "drugs.tsv": "drug",
    "products.tsv": "product", "diseases.tsv": "disease", "study_designs.tsv": "study design",
    "adverse_events.tsv": "adverse event", "outcome_measures.tsv": "outcome measure",
    "populations.tsv": "population", "evidence_items.tsv": "evidence item",
    "safety_analyses.tsv": "safety analysis", "approvals.tsv": "approval",
}


def curated_directory() -> Path:
    """The folder of curated tables shipped with the package."""
    with as_file(files("jakgraph.loaders").joinpath("curated")) as path:
        return Path(path)


@dataclass
class Curated:
    """All curated tables, by file name, after their cross-references were checked."""

    tables: dict[str, list[Row]] = field(default_factory=dict)

    def rows(self, name: str) -> list[Row]:
        return self.tables[name]

    def by_id(self, name: str) -> dict[str, Row]:
        return {row.values["id"]: row for row in self.tables[name]}

    def label(self, name: str, ident: str) -> str:
        return self.by_id(name)[ident].values.get("label_en") or ident


def read_curated(directory: Path | None = None) -> Curated:
    """Read and check every table of ``directory`` (default: the shipped curated data)."""
    directory = directory or curated_directory()
    curated = Curated()
    for name, columns in TABLES.items():
        path = directory / name
        if not path.exists():
            raise CurationError(name, None, None, f"is missing from {directory}")
        curated.tables[name] = read_table(path, columns)
    check_references(curated)
    return curated


def check_references(curated: Curated) -> None:
    """Every id a row points to must exist in the file it points into."""
    ids = {name: {row.values["id"] for row in rows} for name, rows in curated.tables.items()
           if TABLES[name][0].name == "id"}
    for name, columns in TABLES.items():
        for row in curated.tables[name]:
            for column in columns:
                if column.ref and column.kind in ("id", "ids"):
                    for value in row.ids(column.name):
                        if value not in ids[column.ref] and value not in column.extra:
                            kind = RECORD_NOUN.get(column.ref, column.ref)
                            raise row.error(column.name, f"unknown {kind} {value!r} (not an id in {column.ref})")
            if name == "conflicts.tsv":
                target = row.values["subject_file"]
                if row.values["subject"] not in ids[target]:
                    raise row.error("subject", f"unknown record {row.values['subject']!r} (not an id in {target})")
            if name == "table7_rows.tsv":
                for drug, _refs in row.drug_refs():
                    if drug not in ids["drugs.tsv"]:
                        raise row.error("drug_refs", f"unknown drug {drug!r} (not an id in drugs.tsv)")


def load_curated(directory: Path | None = None) -> Dataset:
    """Build the dataset: ontology, curated review data and mappings, each in its own named graph."""
    from . import (approvals, conflicts, evidence, mappings, recommendations, review, safety, table7,
                   vocabulary)

    curated = read_curated(directory)
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    ontology = dataset.graph(URIRef(GRAPH_ONTOLOGY))
    ontology += ontology_graph()
    data = dataset.graph(URIRef(GRAPH_REVIEW))
    for loader in (review, vocabulary, evidence, approvals, safety, recommendations, table7, conflicts):
        loader.load(curated, data)
    mapped = dataset.graph(URIRef(GRAPH_MAPPINGS))
    mappings.load((directory or curated_directory()), curated, mapped)
    return dataset


def review_graph(directory: Path | None = None) -> Graph:
    """Only the curated review data, as one graph (for tests and reconciliation)."""
    return load_curated(directory).graph(URIRef(GRAPH_REVIEW))
