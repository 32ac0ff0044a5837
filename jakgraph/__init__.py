"""jakgraph: a graph database of drug–disease–evidence relations for JAK inhibitors in dermatology.

The public API: open the graph and ask it questions (:func:`open`, returning a :class:`~jakgraph.api.Graph`),
build it (:func:`build`), or open the bare store (:func:`open_store`). Importing ``jakgraph`` loads none of the
heavy libraries; each function imports what it needs when called.

>>> import jakgraph
>>> g = jakgraph.open()                  # the store `jakgraph build` wrote (or $JAKGRAPH_STORE)
>>> g.ask("evidence-for-drug", drug="upadacitinib")[0]["disease_label"]
'VEXAS syndrome'
>>> g.close()
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from jakgraph.api import Graph
    from jakgraph.graph.store import Store
    from jakgraph.graph.store.build import BuildReport


def open(store: str | os.PathLike[str] | None = None, *, graph: str | None = None, user: str | None = None,
         password: str | None = None, timeout: float | None = None) -> "Graph":
    """The graph at ``store`` (a store folder, an ``http(s)://`` SPARQL endpoint, or None for the default store),
    opened for reading: see :class:`jakgraph.api.Graph` and ``docs/python.md``. ``graph``, ``user``,
    ``password`` and ``timeout`` (seconds) apply to an endpoint only.

    >>> with jakgraph.open() as g:
    ...     g.ask("selective-drugs-with-design-in-group")[0]["disease_label"]
    'VEXAS syndrome'
    """
    from jakgraph.api import Graph as _Graph

    return _Graph.open(store, graph=graph, user=user, password=password, timeout=timeout)


def build(location: str | os.PathLike[str] | None = None, curated: Path | None = None,
          progress: Callable[[str], None] = lambda message: None, wait: float = 0.0,
          ontology: Path | None = None) -> "BuildReport":
    """Build the graph into the store folder at ``location`` (see :class:`jakgraph.graph.store.StoreFolder`).

    >>> jakgraph.build("/tmp/jakgraph-store").triples      # doctest: +SKIP
    """
    from jakgraph.graph.store.build import build as _build

    return _build(location, curated, progress, wait, ontology)


def open_store(location: str | os.PathLike[str] | None = None, **remote: object) -> "Store":
    """Open the store at ``location`` (a folder, or an ``http(s)://`` SPARQL endpoint) for reading: the bare
    :class:`jakgraph.graph.store.Store`, whose ``query`` returns pyoxigraph's results (:func:`open` gives rows).

    >>> store = jakgraph.open_store()
    >>> bool(store.query("ASK { drug:upadacitinib jak:inhibits isoform:jak1 }"))
    True
    >>> store.close()
    """
    from jakgraph.graph.store import open_store as _open

    return _open(location, **remote)  # type: ignore[arg-type]


def __getattr__(name: str) -> Any:
    """``jakgraph.Graph``, imported on first use, and ``jakgraph.__version__``, read from the installed package's
    metadata when asked for, so that ``import jakgraph`` stays cheap."""
    if name == "Graph":
        from jakgraph.api import Graph as _Graph

        return _Graph
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("jakgraph")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0.0.0"
    raise AttributeError(f"module 'jakgraph' has no attribute {name!r}")


# ``open`` is left out on purpose: ``from jakgraph import *`` would hide the built-in ``open``.
__all__ = ["Graph", "__version__", "build", "open_store"]
