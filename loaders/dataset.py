"""Run the loaders in order over the curated records: the ontology, the review data and the mappings.

>>> dataset = load_curated()                                    # doctest: +SKIP
>>> dataset.sizes()[GRAPH_REVIEW]                               # doctest: +SKIP
9068
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import Quad, RdfFormat, serialize

from jakgraph.ontology.namespaces import GRAPH_MAPPINGS, GRAPH_ONTOLOGY, GRAPH_REVIEW

from . import approvals, conflicts, evidence, mappings, ontology, recommendations, review, safety, table7, vocabulary
from .curated import Curated, read_curated
from .labels import Labels
from .provenance import Provenance
from .sink import QuadCollector, TripleSink

if TYPE_CHECKING:
    from rdflib import Graph


@dataclass(frozen=True)
class CuratedDataset:
    """The built dataset as pyoxigraph quads in three named graphs: ontology, review data and mappings."""

    quads: list[Quad]

    def sizes(self) -> dict[str, int]:
        """Triples per named graph, by graph IRI."""
        return dict(Counter(quad.graph_name.value for quad in self.quads))  # type: ignore[union-attr]

    def triples(self, graph: str) -> list[Quad]:
        """The quads of one named graph."""
        return [quad for quad in self.quads if quad.graph_name.value == graph]  # type: ignore[union-attr]

    def rdflib_graph(self, graph: str = GRAPH_REVIEW) -> "Graph":
        """One named graph as an rdflib graph (for SHACL validation and tests)."""
        from rdflib import Graph

        text = serialize([quad.triple for quad in self.triples(graph)], format=RdfFormat.N_TRIPLES) or b""
        return Graph().parse(data=text.decode("utf-8"), format="nt")


def load_review(curated: Curated, sink: TripleSink) -> None:
    """The curated review data: every record of every file but the mappings, through its loader."""
    sources = Provenance(sink)
    labels = Labels()
    for record in (*curated.drugs, *curated.products, *curated.diseases, *curated.study_designs,
                   *curated.adverse_events):
        labels.add(record)
    review.load(sink)
    for isoform in curated.isoforms:
        vocabulary.add_isoform(sink, sources, isoform)
    for selectivity in curated.selectivity_classes:
        vocabulary.add_selectivity_class(sink, sources, selectivity)
    for drug in curated.drugs:
        vocabulary.add_drug(sink, sources, drug)
    for product in curated.products:
        vocabulary.add_product(sink, sources, product)
    for disease in curated.diseases:
        vocabulary.add_disease(sink, sources, disease)
    for design in curated.study_designs:
        vocabulary.add_study_design(sink, design)
    for concept in (*curated.adverse_events, *curated.outcome_measures, *curated.populations):
        vocabulary.add_concept(sink, concept)
    for item in curated.evidence_items:
        evidence.add_item(sink, sources, item, labels)
    for event, number in evidence.numbered(curated.evidence_adverse_events):
        evidence.add_adverse_event(sink, sources, event, number, labels)
    for result, number in evidence.numbered(curated.evidence_results):
        evidence.add_result(sink, sources, result, number)
    for approval in curated.approvals:
        approvals.add_approval(sink, sources, approval, labels)
    for analysis in curated.safety_analyses:
        safety.add_analysis(sink, sources, analysis)
    for finding in curated.safety_findings:
        safety.add_finding(sink, sources, finding, labels)
    for recommendation in curated.recommendations:
        recommendations.add_recommendation(sink, sources, recommendation)
    for event in curated.regulatory_events:
        recommendations.add_regulatory_event(sink, sources, event)
    row_ids = {row.dermatosis: row.id for row in curated.table7_rows}
    for row in curated.table7_rows:
        table7.add_row(sink, sources, row, row_ids)
    for conflict in curated.conflicts:
        conflicts.add_conflict(sink, sources, conflict)


def load_mappings(curated: Curated, sink: TripleSink) -> None:
    """The SSSOM mappings, through the mappings loader."""
    shared = Provenance(sink)
    for mapping in curated.mappings.mappings:
        mappings.add_mapping(sink, shared, mapping, curated.mappings)


def load_curated(directory: Path | None = None) -> CuratedDataset:
    """Build the dataset: ontology, curated review data and mappings, each in its own named graph."""
    curated = read_curated(directory)
    quads: list[Quad] = []
    ontology.load(QuadCollector(GRAPH_ONTOLOGY, quads))
    load_review(curated, QuadCollector(GRAPH_REVIEW, quads))
    load_mappings(curated, QuadCollector(GRAPH_MAPPINGS, quads))
    return CuratedDataset(quads)


def review_graph(directory: Path | None = None) -> "Graph":
    """Only the curated review data, as one rdflib graph (for tests, reconciliation and SHACL validation)."""
    return load_curated(directory).rdflib_graph(GRAPH_REVIEW)
