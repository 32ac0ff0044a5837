"""jakgraph: a graph database of drug–disease–evidence relations for JAK inhibitors in dermatology.

The public API: build the graph, open the store, run SPARQL.

>>> from jakgraph import build, open_store          # doctest: +SKIP
>>> build("/tmp/jakgraph-store")                    # doctest: +SKIP
>>> open_store("/tmp/jakgraph-store").query("ASK { ?s ?p ?o }")  # doctest: +SKIP
"""
from __future__ import annotations

__version__ = "0.1.0"


def build(location=None, curated=None, progress=lambda message: None):
    """Build the graph into the store at ``location`` (see ``jakgraph.graph.store.resolve_location``)."""
    from jakgraph.graph.store.build import build as _build

    return _build(location, curated, progress)


def open_store(location=None):
    """Open the embedded store for queries."""
    from jakgraph.graph.store import open_store as _open

    return _open(location)


__all__ = ["__version__", "build", "open_store"]
