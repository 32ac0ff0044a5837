"""The graph room: the embedded store, the build that fills it, validation and statistics."""
from __future__ import annotations

from .location import default_location, resolve_location
from .store import EmbeddedStore, open_store

__all__ = ["EmbeddedStore", "default_location", "open_store", "resolve_location"]
