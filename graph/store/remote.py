"""A remote SPARQL 1.1 endpoint behind the same :class:`~jakgraph.graph.store.protocol.Store` interface as the
embedded store: SPARQL protocol requests through :mod:`.sparql_http`, each over by its deadline."""
from __future__ import annotations

import re
from http import HTTPStatus
from typing import TYPE_CHECKING, Iterable

from jakgraph.errors import UserError, first_line

from .deadline import Deadline

if TYPE_CHECKING:
    from pyoxigraph import Quad, Triple

    from .protocol import QueryResults
    from .sparql_http import Reply


class EndpointError(UserError):
    """The endpoint could not be reached or refused the request: one line naming it."""


class NotCarriedOut(EndpointError):
    """The endpoint did not carry the request out: it could not be reached, or refused it (HTTP 4xx)."""


class NoAnswer(EndpointError):
    """The request went out but no whole answer came back (deadline passed, connection lost): whether the endpoint
    carried it out is unknown."""


def declare_prefixes(sparql: str) -> str:
    """Add the project's PREFIX declarations (``queries/internal/prefixes.rq``) the query does not make itself."""
    from jakgraph.queries.catalog import internal_query

    declarations = [line for line in internal_query("prefixes").splitlines() if not line.startswith("#")]
    missing = [line for line in declarations
               if not re.search(rf"PREFIX\s+{re.escape(line.split()[1])}", sparql, re.IGNORECASE)]
    return "".join(line + "\n" for line in missing) + sparql


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE, as SPARQLWrapper reads it (comments and prologue skipped)."""
    import warnings

    from SPARQLWrapper import SPARQLWrapper

    reader = SPARQLWrapper("http://localhost/")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a query it cannot read is SELECT to it; the endpoint will say what is wrong
        reader.setQuery(sparql)
    return str(reader.queryType)


class RemoteStore:
    """A SPARQL endpoint; ``graph`` (optional) is sent as the default graph of every query.

    Each request ends within ``timeout`` seconds, and, given a ``deadline``, by that deadline too (the one
    :func:`~jakgraph.graph.export.push.push` sets for the whole push); either way a server that trickles its
    reply cannot hold it longer.
    """

    def __init__(self, endpoint: str, graph: str | None = None, user: str | None = None,
                 password: str | None = None, timeout: float = 60, deadline: Deadline | None = None) -> None:
        self.endpoint, self.graph, self.user, self.password, self.timeout = endpoint, graph, user, password, timeout
        self.deadline = deadline

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    @property
    def location(self) -> str:
        return self.endpoint

    def without_graph(self) -> "RemoteStore":
        """The same endpoint with no default graph set, so that GRAPH patterns see every named graph."""
        return RemoteStore(self.endpoint, None, self.user, self.password, self.timeout, self.deadline)

    def within(self, deadline: Deadline) -> "RemoteStore":
        """The same endpoint, with every request over by ``deadline`` as well as within the timeout."""
        return RemoteStore(self.endpoint, self.graph, self.user, self.password, self.timeout, deadline)

    def query(self, sparql: str) -> "QueryResults":
        """Results as pyoxigraph objects (QuerySolutions, QueryBoolean or a list of triples)."""
        from .replies import GRAPH_ACCEPT, RESULTS_ACCEPT, results, triples

        text = declare_prefixes(sparql)
        form = {"query": text, **({"default-graph-uri": self.graph} if self.graph else {})}
        if query_form(text) in ("CONSTRUCT", "DESCRIBE"):
            return triples(self.send(self.endpoint, form, GRAPH_ACCEPT))
        return results(self.send(self.endpoint, form, RESULTS_ACCEPT))

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
        """Run a SPARQL update at ``endpoint`` (default: the query endpoint); what it answers with a 2xx is not read."""
        self.send(endpoint or self.endpoint, {"update": sparql}, "*/*")

    def send(self, url: str, form: dict[str, str], accept: str) -> "Reply":
        """POST one request and return a successful reply; every failure becomes one line naming the endpoint.

        :class:`NotCarriedOut` when it could not be sent or the endpoint refused it (HTTP 4xx), :class:`NoAnswer`
        when it went out and no whole answer came back, :class:`EndpointError` for a server error (HTTP 5xx, which
        may come after part of an update was done) or any other status.
        """
        import http.client
        from urllib.error import URLError

        from .sparql_http import DeadlinePassed, post

        deadline = Deadline.after(self.timeout).sooner(self.deadline)
        try:
            reply = post(url, form, accept, deadline, self.user, self.password)
        except DeadlinePassed:
            raise NoAnswer(f"{url} did not answer {deadline.describe()}") from None
        except URLError as error:
            raise NotCarriedOut(f"cannot reach {url}: {error.reason}") from None
        except (OSError, http.client.HTTPException) as error:
            raise NoAnswer(f"{url} closed the connection before answering in full ({describe(error)})") from None
        except ValueError as error:
            raise NotCarriedOut(f"{url} is not a usable URL: {first_line(str(error))}") from None
        if reply.status == 401:
            raise NotCarriedOut(f"{url} refused the credentials (HTTP 401): check --user and --password")
        if not 200 <= reply.status < 300:
            said = "" if reply.content_type == "text/html" else first_line(reply.body.decode("utf-8", "replace"))
            verb = "rejected the request" if reply.status >= 400 else "answered"
            failure = NotCarriedOut if 400 <= reply.status < 500 else EndpointError
            raise failure(f"{url} {verb} (HTTP {reply.status} {phrase(reply)})" + (f": {said}" if said else ""))
        return reply


def phrase(reply: "Reply") -> str:
    """The reason phrase of the reply's status, the standard one if the server sent none."""
    if reply.reason:
        return reply.reason
    try:
        return HTTPStatus(reply.status).phrase
    except ValueError:
        return ""


def describe(error: BaseException) -> str:
    """What broke a connection, in a few words: ``IncompleteRead(7 bytes read, 993 more expected)``."""
    text, name = first_line(str(error)), type(error).__name__
    return text if text.startswith(name) else f"{name}: {text}" if text else name
