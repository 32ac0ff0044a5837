"""Build the graph: load the curated tables, validate, write a new build under the writer lock, swap it in.

The store folder (:class:`~jakgraph.graph.store.folder.StoreFolder`) makes it all or nothing: a failed,
interrupted or killed build leaves the previous store readable and unchanged.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .folder import StoreFolder


@dataclass(frozen=True)
class BuildReport:
    location: Path
    build: str
    triples: int
    graphs: dict[str, int]


def build(location: str | os.PathLike[str] | None = None, curated: Path | None = None,
          progress: Callable[[str], None] = lambda message: None, wait: float = 0.0,
          ontology: Path | None = None) -> BuildReport:
    """Load, validate and store the graph at ``location``; return what was written.

    ``curated`` and ``ontology`` are folders of curated tables and ontology Turtle files (default: the shipped
    ones). ``wait`` is how many seconds to wait for another writer of the same store to finish.
    """
    from jakgraph.loaders import load_curated

    folder = StoreFolder.at(location)
    with folder.writer("build", wait) as staging:
        progress("reading curated tables")
        dataset = load_curated(curated, ontology)
        progress("validating against the SHACL shapes")
        from .validate import check  # rdflib and pyshacl: imported only once the tables have been read

        check(dataset)
        graphs = dataset.sizes()
        progress("writing the store")
        staging.store.bulk_extend(dataset.quads)
        triples = len(staging.store)
    return BuildReport(folder.path, staging.name, triples, graphs)
