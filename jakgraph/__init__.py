"""jakgraph: a graph database of drug–disease–evidence relations for JAK inhibitors in dermatology.

The public API: build the graph, open the store (a folder or a SPARQL endpoint), run SPARQL.

>>> from jakgraph import build, open_store          # doctest: +SKIP
>>> build("/tmp/jakgraph-store")                    # doctest: +SKIP
>>> open_store("/tmp/jakgraph-store").query("ASK { ?s ?p ?o }")  # doctest: +SKIP
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from jakgraph.graph.store import Store
    from jakgraph.graph.store.build import BuildReport

__version__ = "0.1.0"


def build(location: str | os.PathLike[str] | None = None, curated: Path | None = None,
          progress: Callable[[str], None] = lambda message: None, wait: float = 0.0,
          ontology: Path | None = None) -> "BuildReport":
    """Build the graph into the store folder at ``location`` (see :class:`jakgraph.graph.store.StoreFolder`)."""
    from jakgraph.graph.store.build import build as _build

    return _build(location, curated, progress, wait, ontology)


def open_store(location: str | os.PathLike[str] | None = None, **remote: object) -> "Store":
    """Open the store at ``location`` (a folder, or an ``http(s)://`` SPARQL endpoint) for reading."""
    from jakgraph.graph.store import open_store as _open

    return _open(location, **remote)  # type: ignore[arg-type]


__all__ = ["__version__", "build", "open_store"]
