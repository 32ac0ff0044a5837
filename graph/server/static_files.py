"""The files of the package's ``static`` folder (the workbench's script and style, vendored YASGUI), read once."""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import NamedTuple

from jakgraph.package_data import package_files

STATIC_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml", ".md": "text/markdown; charset=utf-8",
                ".txt": "text/plain; charset=utf-8", ".rq": "application/sparql-query; charset=utf-8", "": "text/plain; charset=utf-8"}
SEGMENT = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]*")


class StaticFile(NamedTuple):
    """A file's bytes, media type and entity tag."""

    body: bytes
    media_type: str
    etag: str


@lru_cache(maxsize=64)
def static_file(name: str) -> StaticFile | None:
    """The file ``name`` (``query.js``, ``yasgui/yasgui.min.js``) of the ``static`` folder, or None.

    Each path segment must be a plain file name (letters, digits, ``_-.``, not starting with a dot), so no path can
    leave the folder.
    """
    parts = name.split("/")
    if not all(SEGMENT.fullmatch(part) for part in parts) or len(parts) > 2:
        return None
    resource = package_files("jakgraph.graph.server").joinpath("static")
    for part in parts:
        resource = resource.joinpath(part)
    if not resource.is_file():
        return None
    body = resource.read_bytes()
    suffix = parts[-1][parts[-1].rindex("."):] if "." in parts[-1] else ""
    return StaticFile(body, STATIC_TYPES.get(suffix, "application/octet-stream"),
                      '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
