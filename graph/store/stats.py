"""Counts of a built store: triples per graph and instances per class."""
from __future__ import annotations

from dataclasses import dataclass

from jakgraph.ontology.namespaces import BASE

from .embedded import EmbeddedStore

DEFAULT_GRAPH = "(default graph)"
GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
CLASS_COUNTS = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  GRAPH <%sgraph/review> { ?s a ?class }
} GROUP BY ?class ORDER BY ?class""" % BASE


@dataclass(frozen=True)
class Stats:
    triples: int
    graphs: dict[str, int]
    classes: dict[str, int]


def stats(store: EmbeddedStore) -> Stats:
    """Triples in all, per graph (the default graph, if it holds any, then each named graph), and instances per
    class of the curated review graph."""
    unnamed = store.default_graph_size()
    graphs = {DEFAULT_GRAPH: unnamed} if unnamed else {}
    graphs.update({s["g"].value: int(s["n"].value) for s in store.query(GRAPH_COUNTS)})
    classes = {s["class"].value: int(s["n"].value) for s in store.query(CLASS_COUNTS)}
    return Stats(sum(graphs.values()), graphs, classes)
