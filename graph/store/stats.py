"""Counts of a store: triples per graph and instances per class of the curated review graph."""
from __future__ import annotations

from dataclasses import dataclass

from .protocol import Store

DEFAULT_GRAPH = "(default graph)"


@dataclass(frozen=True)
class Stats:
    triples: int
    graphs: dict[str, int]
    classes: dict[str, int]


def stats(store: Store) -> Stats:
    """Triples in all, per graph (the default graph, where the store can tell it and it holds any, then each
    named graph), and instances per class of the curated review graph."""
    from jakgraph.queries.catalog import internal_query
    from jakgraph.queries.results import rows

    unnamed = store.default_graph_size()
    graphs = {DEFAULT_GRAPH: unnamed} if unnamed else {}
    graphs.update({row["g"]: row["n"] for row in rows(store.query(internal_query("graph-sizes")))})
    classes = {row["class"]: row["n"] for row in rows(store.query(internal_query("class-counts")))}
    return Stats(sum(graphs.values()), graphs, classes)
