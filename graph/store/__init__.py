"""The store: one folder owner (:class:`StoreFolder`), one interface (:class:`Store`) and one way to open it.

* :func:`open_store` — the store at a folder or an ``http(s)://`` SPARQL endpoint, for reading
* :class:`StoreFolder` — the only owner of a store folder: its lock, staging builds, the atomic swap, clean-up
* :func:`~jakgraph.graph.store.build.build` and :func:`~jakgraph.graph.store.load.bulk_load` — the writers
"""
from __future__ import annotations

import os

from .embedded import EmbeddedStore
from .folder import StoreFolder
from .location import default_location, resolve_location
from .protocol import Store, Unsupported


def open_store(location: str | os.PathLike[str] | None = None, *, graph: str | None = None,
               user: str | None = None, password: str | None = None, timeout: float = 60.0) -> Store:
    """The store at ``location`` for reading: an ``http(s)://`` SPARQL endpoint, else an embedded store folder.

    ``location`` None means ``$JAKGRAPH_STORE``, else the user's data folder. ``graph`` (the default graph to
    query), ``user``, ``password`` and ``timeout`` apply to endpoints only.

    >>> store = open_store("/tmp/jakgraph-store")                                # doctest: +SKIP
    >>> store.query("ASK { ?s a jak:Drug }")                                     # doctest: +SKIP
    """
    if isinstance(location, str) and location.startswith(("http://", "https://")):
        from .remote import RemoteStore

        return RemoteStore(location, graph=graph, user=user, password=password, timeout=timeout)
    return EmbeddedStore(StoreFolder.at(location))


__all__ = ["EmbeddedStore", "Store", "StoreFolder", "Unsupported", "default_location", "open_store",
           "resolve_location"]
