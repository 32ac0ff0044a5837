"""``/viz`` and ``/gapmap``: the network view and the evidence gap map of the current build, drawn by the same code
as ``jakgraph viz`` and ``jakgraph gapmap`` (into a temporary file, read back) and kept per build."""
from __future__ import annotations

import tempfile
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING, Callable

from jakgraph.errors import UserError

from .worker import HTML_TYPE, Reply

if TYPE_CHECKING:
    from jakgraph.graph.store.embedded import EmbeddedStore

KINDS = ("viz", "gapmap")
CACHED_PAGES = 32


@dataclass(frozen=True)
class ViewJob:
    """Draw ``kind`` (``viz`` or ``gapmap``); the network may be narrowed as ``jakgraph viz`` narrows it."""

    kind: str
    drugs: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    min_level: str | None = None

    def answer(self, store: "EmbeddedStore") -> Reply:
        from jakgraph.graph.network.gapmap import write_gapmap
        from jakgraph.graph.network.view import write_viz

        with tempfile.TemporaryDirectory(prefix="jakgraph-view-") as folder:
            path = Path(folder) / f"{self.kind}.html"
            try:
                if self.kind == "viz":
                    write_viz(store, path, self.drugs, self.groups, self.min_level)
                else:
                    write_gapmap(store, path)
            except UserError as exc:
                return Reply.text(400, str(exc))
            return Reply(200, HTML_TYPE, path.read_bytes())


class ViewCache:
    """Pages already drawn, by build name and job; a new build draws afresh (the old entries age out)."""

    def __init__(self, current_build: Callable[[], str | None]) -> None:
        self.current_build = current_build
        self.pages: OrderedDict[tuple[str, ViewJob], Reply] = OrderedDict()
        self.lock = Lock()

    def page(self, job: ViewJob, draw: Callable[[ViewJob], Reply]) -> Reply:
        """The page of ``job`` on the current build: from the cache, else drawn by ``draw`` and kept if it succeeded.

        The build is read before drawing: if a rebuild lands meanwhile, the page is kept under the older name,
        which is no longer asked for, and the next request draws the new build.
        """
        build = self.current_build()
        if build is None:
            return draw(job)
        key = (build, job)
        with self.lock:
            if key in self.pages:
                self.pages.move_to_end(key)
                return self.pages[key]
        reply = draw(job)
        if reply.status == 200:
            with self.lock:
                self.pages[key] = reply
                while len(self.pages) > CACHED_PAGES:
                    self.pages.popitem(last=False)
        return reply
