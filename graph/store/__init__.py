"""The store: where the graph lives, how builds and loads change it, and the one way to open it for reading."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .embedded import EmbeddedStore
from .location import default_location, resolve_location


def open_store(location: str | Path | None = None, **remote: Any) -> Any:
    """The store at ``location``: an ``http(s)://`` SPARQL endpoint, or else an embedded store folder.

    Both answer ``query(sparql)``; ``remote`` options (graph, user, password, timeout)
    apply to endpoints only.
    """
    if isinstance(location, str) and location.startswith(("http://", "https://")):
        from .remote import RemoteStore

        return RemoteStore(location, **remote)
    return EmbeddedStore(resolve_location(location))


__all__ = ["EmbeddedStore", "default_location", "open_store", "resolve_location"]
