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

from . import ontology, review
from .curated import Curated, read_curated
from .records import RECORD_TYPES
from .sink import QuadCollector, TripleSink
from .writer import RecordWriter

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

    def rdflib_graph(self, *graphs: str) -> "Graph":
        """Named graphs (the review graph if none is named) as one rdflib graph, for SHACL validation and tests."""
        from rdflib import Graph

        triples = [quad.triple for graph in graphs or (GRAPH_REVIEW,) for quad in self.triples(graph)]
        text = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
        return Graph().parse(data=text.decode("utf-8"), format="nt")


def load_review(curated: Curated, sink: TripleSink) -> None:
    """The curated review data: the review node, then every record of every file but the mappings."""
    review.load(sink)
    writer = RecordWriter(sink, table7_groups={row.dermatosis: row.id for row in curated.table7_rows})
    for cls in RECORD_TYPES:
        writer.write_all(curated.records(cls))


def load_mappings(curated: Curated, sink: TripleSink) -> None:
    """The SSSOM mappings."""
    RecordWriter(sink, curated.mappings).write_all(curated.mappings.mappings)


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
