"""The embedded Oxigraph store: the current build of a store folder, opened read-only under a reader lease."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from jakgraph.errors import UserError, first_line
from jakgraph.ontology.namespaces import PREFIXES

from .folder import OpenBuild, StoreFolder

if TYPE_CHECKING:
    from pyoxigraph import Quad, Store as OxigraphStore, Triple

    from .protocol import QueryResults


class EmbeddedStore:
    """Read access to the current build of ``folder``, opened on first use and kept until :meth:`close`.

    The build stays the one first opened, whatever writers do meanwhile; :meth:`refresh` moves to the
    build ``current`` names now (what a long-running reader such as a server worker calls between queries).

    >>> store = EmbeddedStore(StoreFolder.at("/tmp/jakgraph-store"))             # doctest: +SKIP
    >>> store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")             # doctest: +SKIP
    """

    def __init__(self, folder: StoreFolder) -> None:
        self.folder = folder
        self._open: OpenBuild | None = None
        self._union: bool | None = None  # whether the open build has named graphs, so that queries read their union

    def __repr__(self) -> str:
        return f"EmbeddedStore({str(self.folder.path)!r})"

    @property
    def location(self) -> str:
        return str(self.folder.path)

    @property
    def build_name(self) -> str:
        """Name of the build this store reads (opening it if needed)."""
        self._database()
        assert self._open is not None
        return self._open.name

    @property
    def database(self) -> "OxigraphStore":
        """The read-only Oxigraph database of the open build, for callers that need Oxigraph's own options."""
        return self._database()

    def _database(self) -> "OxigraphStore":
        if self._open is None:
            self._open = self.folder.open_current()
        return self._open.store

    def refresh(self) -> bool:
        """Move to the build ``current`` names now, if a writer has swapped in a new one; whether it moved."""
        if self._open is not None and self.folder.current_name() == self._open.name:
            return False
        newer = self.folder.open_current()
        if self._open is not None:
            self._open.close()
        self._open, self._union = newer, None
        return True

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open, self._union = None, None

    def _reads_union(self, database: "OxigraphStore") -> bool:
        """Whether queries must read the union of the graphs: not when the build has no named graph (as after
        ``jakgraph load``), where the default graph is the whole store and each pattern is one index lookup
        instead of two (a fifth faster on row-by-row joins at 5e6 triples). Builds never change once opened."""
        if self._union is None:
            self._union = next(iter(database.named_graphs()), None) is not None
        return self._union

    def query(self, sparql: str) -> "QueryResults":
        """Run a SPARQL query over the union of all graphs; returns pyoxigraph results."""
        from jakgraph.queries.guard import check_size

        check_size(sparql)  # nesting and length that would overflow pyoxigraph's stack are refused in one line
        database = self._database()
        try:
            return database.query(sparql, use_default_graph_as_union=self._reads_union(database), prefixes=PREFIXES)
        except SyntaxError as exc:
            raise UserError(f"SPARQL syntax error: {first_line(str(exc))}") from None

    def triples(self) -> "Iterable[Triple]":
        from jakgraph.queries.catalog import internal_query

        return self.query(internal_query("all-triples"))  # type: ignore[return-value]

    def quads(self) -> "Iterable[Quad]":
        return self._database().quads_for_pattern(None, None, None, None)

    def dump(self, output: Any, format: Any, prefixes: dict[str, str] | None = None) -> None:
        """Write every quad to ``output`` in a dataset format (TriG, N-Quads), streamed by Oxigraph."""
        self._database().dump(output, format, prefixes=prefixes)

    def named_graphs(self) -> list[str]:
        return sorted(graph.value for graph in self._database().named_graphs())

    def default_graph_size(self) -> int:
        """Triples in the store's own default graph (where ``jakgraph load`` puts triples unless told otherwise)."""
        from jakgraph.queries.catalog import internal_query

        solutions = self._database().query(internal_query("triple-count"))  # the default graph alone, not the union
        return int(next(iter(solutions))["n"].value)

    def __len__(self) -> int:
        return len(self._database())
