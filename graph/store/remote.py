"""A remote SPARQL 1.1 endpoint behind the same :class:`~jakgraph.graph.store.protocol.Store` interface as the
embedded store, through SPARQLWrapper."""
from __future__ import annotations

import re
import socket
from typing import TYPE_CHECKING, Any, Iterable
from urllib.error import HTTPError, URLError

from jakgraph.errors import UserError

if TYPE_CHECKING:
    from pyoxigraph import Quad, Triple

    from .protocol import QueryResults


def declare_prefixes(sparql: str) -> str:
    """Add the project's PREFIX declarations (``queries/internal/prefixes.rq``) the query does not make itself."""
    from jakgraph.queries.catalog import internal_query

    declarations = [line for line in internal_query("prefixes").splitlines() if not line.startswith("#")]
    missing = [line for line in declarations
               if not re.search(rf"PREFIX\s+{re.escape(line.split()[1])}", sparql, re.IGNORECASE)]
    return "".join(line + "\n" for line in missing) + sparql


class RemoteStore:
    """A SPARQL endpoint; ``graph`` (optional) is sent as the default graph of every query."""

    def __init__(self, endpoint: str, graph: str | None = None, user: str | None = None,
                 password: str | None = None, timeout: float = 60) -> None:
        self.endpoint, self.graph, self.user, self.password, self.timeout = endpoint, graph, user, password, timeout

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    @property
    def location(self) -> str:
        return self.endpoint

    def without_graph(self) -> "RemoteStore":
        """The same endpoint with no default graph set, so that GRAPH patterns see every named graph."""
        return RemoteStore(self.endpoint, None, self.user, self.password, self.timeout)

    def wrapper(self, endpoint: str | None = None) -> Any:
        from SPARQLWrapper import BASIC, DIGEST, POST, SPARQLWrapper

        client = SPARQLWrapper(endpoint or self.endpoint)
        client.setMethod(POST)
        client.setTimeout(int(self.timeout))
        if self.user:
            client.setHTTPAuth(DIGEST if "auth" in (endpoint or self.endpoint) else BASIC)
            client.setCredentials(self.user, self.password or "")
        return client

    def query(self, sparql: str) -> "QueryResults":
        """Results as pyoxigraph objects (QuerySolutions, QueryBoolean or a list of triples)."""
        from pyoxigraph import QueryResultsFormat, RdfFormat, parse, parse_query_results
        from SPARQLWrapper import JSON, TURTLE

        client = self.wrapper()
        client.setQuery(declare_prefixes(sparql))
        if self.graph:
            client.addDefaultGraph(self.graph)
        graph_query = client.queryType in ("CONSTRUCT", "DESCRIBE")
        client.setReturnFormat(TURTLE if graph_query else JSON)
        body = self.send(client)
        if graph_query:
            return [quad.triple for quad in parse(body, format=RdfFormat.TURTLE)]
        return parse_query_results(body, format=QueryResultsFormat.JSON)

    def triples(self) -> "Iterable[Triple]":
        from jakgraph.queries.catalog import internal_query

        return self.query(internal_query("all-triples"))  # type: ignore[return-value]

    def quads(self) -> "Iterable[Quad]":
        """Every quad of the endpoint's named graphs (what a default graph holds differs by server, so it is left out)."""
        from pyoxigraph import Quad

        from jakgraph.queries.catalog import internal_query

        for solution in self.without_graph().query(internal_query("all-quads")):  # type: ignore[union-attr]
            yield Quad(solution["s"], solution["p"], solution["o"], solution["g"])

    def named_graphs(self) -> list[str]:
        from jakgraph.queries.catalog import internal_query

        return sorted(s["g"].value for s in self.without_graph().query(internal_query("named-graphs")))  # type: ignore[union-attr]

    def default_graph_size(self) -> None:
        """None: servers differ in what their default graph is (Virtuoso's is every graph), so it is not counted."""
        return None

    def __len__(self) -> int:
        from jakgraph.queries.catalog import internal_query

        solutions = list(self.without_graph().query(internal_query("quad-count")))  # type: ignore[arg-type]
        return int(solutions[0]["n"].value) if solutions else 0

    def close(self) -> None:
        """Nothing to let go of: every request is its own connection."""

    def update(self, sparql: str, endpoint: str | None = None) -> None:
        client = self.wrapper(endpoint)
        client.setQuery(sparql)
        self.send(client)

    def send(self, client: Any) -> bytes:
        """Run the request; every failure becomes one line naming the endpoint."""
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException, Unauthorized

        where = client.endpoint
        try:
            response = client.query().response
            return response.read()
        except Unauthorized:
            raise UserError(f"{where} refused the credentials (HTTP 401): check --user and --password") from None
        except SPARQLWrapperException as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise UserError(f"{where} rejected the request: {first[:200]}") from None
        except HTTPError as exc:
            raise UserError(f"{where} answered HTTP {exc.code} {exc.reason}") from None
        except (socket.timeout, TimeoutError):
            raise UserError(f"{where} did not answer within {self.timeout:g} s") from None
        except URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise UserError(f"{where} did not answer within {self.timeout:g} s") from None
            raise UserError(f"cannot reach {where}: {reason}") from None
        except (ConnectionError, OSError) as exc:
            raise UserError(f"cannot reach {where}: {exc}") from None
