"""Run the loaders in order over the curated records: the ontology, the review data and the mappings.

>>> dataset = load_curated()                                    # doctest: +SKIP
>>> dataset.sizes()[GRAPH_REVIEW]                               # doctest: +SKIP
10017
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pyoxigraph import NamedNode, Quad, RdfFormat, serialize

from jakgraph.ontology.namespaces import GRAPH_MAPPINGS, GRAPH_ONTOLOGY, GRAPH_REVIEW

from . import ontology, review
from .curated import Curated, read_curated
from .records import RECORD_TYPES
from .sink import Origin, QuadCollector, TripleSink
from .writer import RecordWriter

if TYPE_CHECKING:
    from rdflib import Graph


@dataclass(frozen=True)
class CuratedDataset:
    """The built dataset as pyoxigraph quads in three named graphs: ontology, review data and mappings.

    ``origins`` says where each subject IRI was read (a curated file and row, or an ontology file), beside the graph
    rather than in it; ``ontology`` is the folder the ontology files were read from (None: the shipped ones), whose
    shapes validate the dataset.
    """

    quads: list[Quad]
    origins: dict[str, Origin] = field(default_factory=dict)
    ontology: Path | None = None

    def sizes(self) -> dict[str, int]:
        """Triples per named graph, by graph IRI."""
        return dict(Counter(quad.graph_name.value for quad in self.quads))  # type: ignore[union-attr]

    def triples(self, graph: str) -> list[Quad]:
        """The quads of one named graph."""
        return [quad for quad in self.quads if quad.graph_name.value == graph]  # type: ignore[union-attr]

    def origin(self, iri: str) -> Origin | None:
        """Where the node ``iri`` was read: the record that first wrote it as a subject; for a node that is never a
        subject, the first record that points to it; None for nodes the code writes (the review and its tables)."""
        found = self.origins.get(iri)
        if found is not None:
            return found
        node = NamedNode(iri)
        if any(quad.subject == node for quad in self.quads):
            return None
        return next((self.origins[quad.subject.value] for quad in self.quads
                     if quad.object == node and quad.subject.value in self.origins), None)

    def rdflib_graph(self, *graphs: str) -> "Graph":
        """Named graphs (the review graph if none is named) as one rdflib graph, for SHACL validation and tests."""
        from rdflib import Graph

        triples = [quad.triple for graph in graphs or (GRAPH_REVIEW,) for quad in self.triples(graph)]
        text = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
        return Graph().parse(data=text.decode("utf-8"), format="nt")


def load_review(curated: Curated, sink: TripleSink, origins: dict[str, Origin] | None = None) -> None:
    """The curated review data: the review node, then every record of every file but the mappings."""
    review.load(sink)
    writer = RecordWriter(sink, table7_groups={row.dermatosis: row.id for row in curated.table7_rows},
                          origins=origins)
    for cls in RECORD_TYPES:
        writer.write_all(curated.records(cls))


def load_mappings(curated: Curated, sink: TripleSink, origins: dict[str, Origin] | None = None) -> None:
    """The SSSOM mappings."""
    RecordWriter(sink, curated.mappings, origins=origins).write_all(curated.mappings.mappings)


def load_curated(directory: Path | None = None, ontology_directory: Path | None = None) -> CuratedDataset:
    """Build the dataset: ontology, curated review data and mappings, each in its own named graph.

    ``directory`` holds the curated tables and ``ontology_directory`` the ontology's Turtle files (default: the
    shipped ones).
    """
    curated = read_curated(directory)
    quads: list[Quad] = []
    origins: dict[str, Origin] = {}
    ontology.load(QuadCollector(GRAPH_ONTOLOGY, quads), ontology_directory, origins)
    load_review(curated, QuadCollector(GRAPH_REVIEW, quads), origins)
    load_mappings(curated, QuadCollector(GRAPH_MAPPINGS, quads), origins)
    return CuratedDataset(quads, origins, ontology_directory)


def review_graph(directory: Path | None = None) -> "Graph":
    """Only the curated review data, as one rdflib graph (for tests, reconciliation and SHACL validation)."""
    return load_curated(directory).rdflib_graph(GRAPH_REVIEW)
