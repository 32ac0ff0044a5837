"""The embedded on-disk Oxigraph store: a folder whose ``current`` link names the last good build."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import PREFIXES

from .location import resolve_location

CURRENT = "current"
BUILDS = "builds"


class EmbeddedStore:
    """Read access to the last successful build under ``location``.

    >>> store = open_store("/tmp/jakgraph-store")       # doctest: +SKIP
    >>> store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # doctest: +SKIP
    """

    def __init__(self, location: Path) -> None:
        self.location = location
        self._store: Any = None

    @property
    def build_path(self) -> Path:
        """Folder of the build the ``current`` link points to."""
        link = self.location / CURRENT
        if not link.is_symlink() and not link.exists():
            raise UserError(f"no graph has been built at {self.location}: run 'jakgraph build' first"
                            " (or pass --store / set JAKGRAPH_STORE to where it was built)")
        return link.resolve()

    def _open(self) -> Any:
        if self._store is None:
            from pyoxigraph import Store

            try:
                self._store = Store.read_only(str(self.build_path))
            except OSError as exc:
                raise UserError(f"the store at {self.location} cannot be opened: {exc}") from None
        return self._store

    def query(self, sparql: str) -> Any:
        """Run a SPARQL query over the union of all named graphs; returns pyoxigraph results."""
        store = self._open()
        try:
            return store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise UserError(f"SPARQL syntax error: {short(str(exc))}") from None

    def dump(self, output: Any, format: Any, prefixes: dict[str, str] | None = None) -> None:
        """Write every quad of the store to ``output`` in a dataset format (TriG, N-Quads)."""
        self._open().dump(output, format, prefixes=prefixes)

    def default_graph_size(self) -> int:
        """Triples in the store's own default graph (where ``jakgraph load`` puts triples by default)."""
        solutions = self._open().query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(solutions))["n"].value)

    def named_graphs(self) -> list[str]:
        return sorted(graph.value for graph in self._open().named_graphs())

    def __len__(self) -> int:
        return len(self._open())


def short(message: str, limit: int = 160) -> str:
    """First line of an engine message, cut to ``limit`` characters."""
    first = message.strip().splitlines()[0] if message.strip() else message
    return first if len(first) <= limit else first[: limit - 1] + "…"
