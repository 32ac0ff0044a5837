"""The one interface every store answers, embedded or remote, so that callers never ask which one they hold."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Protocol, Union, runtime_checkable

from jakgraph.errors import UserError

if TYPE_CHECKING:
    from pyoxigraph import Quad, QueryBoolean, QuerySolutions, QueryTriples, Triple

    QueryResults = Union[QuerySolutions, QueryBoolean, QueryTriples, list[Triple]]
    """SELECT solutions, an ASK answer, or the triples of a CONSTRUCT or DESCRIBE (any iterable of Triple)."""


class Unsupported(UserError):
    """A store cannot do what a command asks of it: one line naming the store and what it cannot do."""


@runtime_checkable
class Store(Protocol):
    """A graph that answers SPARQL: the embedded Oxigraph store or a remote SPARQL 1.1 endpoint.

    Queries read the union of the default graph and every named graph. Open one with
    :func:`jakgraph.graph.store.open_store`.
    """

    @property
    def location(self) -> str:
        """Where the store is, as a user would name it: a folder or an endpoint URL."""
        ...

    def query(self, sparql: str) -> "QueryResults":
        """Run a SPARQL query (the project's prefixes are known); a syntax error is a one-line UserError."""
        ...

    def triples(self) -> "Iterable[Triple]":
        """Every distinct triple of the union graph."""
        ...

    def quads(self) -> "Iterable[Quad]":
        """Every quad with its graph (for TriG and N-Quads exports)."""
        ...

    def named_graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        ...

    def default_graph_size(self) -> int | None:
        """Triples in the store's own default graph, or None where the backend cannot tell it apart."""
        ...

    def __len__(self) -> int:
        """Quads in the store."""
        ...

    def close(self) -> None:
        """Let go of the store (an embedded store's build can then be removed by a later writer)."""
        ...
