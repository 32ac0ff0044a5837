"""Publish the graph to a remote triple store: load into a temporary graph, check, then move it over the target,
all within one deadline, leaving no temporary graph behind."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any, Callable

from jakgraph.errors import UserError
from jakgraph.queries.binding import fill_update
from jakgraph.queries.catalog import internal_update
from jakgraph.queries.results import rows
from jakgraph.queries.runner import run_internal

from jakgraph.graph.store.remote import EndpointError, NoAnswer, NotCarriedOut, RemoteStore
from jakgraph.graph.store.embedded import EmbeddedStore

DEFAULT_GRAPH = "https://w3id.org/jakgraph/graph/all"


def distinct_triples(store: EmbeddedStore) -> list[Any]:
    """Every distinct triple of the store's union graph (pyoxigraph ``Triple``), in the order of their N-Triples lines."""
    return sorted(set(run_internal(store, "all-triples")), key=str)


def graph_node(iri: str) -> Any:
    """The pyoxigraph node of a graph IRI, or a one-line error for text that is not an IRI."""
    from pyoxigraph import NamedNode

    try:
        return NamedNode(iri)
    except ValueError as exc:
        raise UserError(f"the graph {iri!r} is not an IRI: {exc}") from None


def count(remote: RemoteStore, graph: str) -> int:
    """The triples in named graph ``graph`` at the remote store."""
    found = rows(run_internal(remote.without_graph(), "triples-in-graph", {"_graph_iri": graph_node(graph)}))
    return int(found[0]["n"]) if found else 0


CLEAN_UP_SECONDS = 2.0
"""The deadline of the ``DROP`` that removes the upload graph after a failure or an interruption."""


def push(store: EmbeddedStore, remote: RemoteStore, graph: str = DEFAULT_GRAPH, update_endpoint: str | None = None,
         chunk: int = 2000, progress: Callable[[int, int], None] = lambda done, total: None) -> int:
    """Replace ``graph`` at the remote store with the local graph within ``remote.timeout`` seconds in all; return
    the triples that landed. See :class:`Push`."""
    return Push(remote, graph, update_endpoint).run(store, chunk, progress)


@dataclass
class Push:
    """One publication of the local graph to a remote store, and what a failure leaves behind there.

    The triples go into a fresh upload graph in chunks; only when its count is right does one ``MOVE`` replace
    the target, so a failure before it leaves the old target graph as it was. ``remote.timeout`` bounds the whole
    push: each request gets at most the time left. After a failure or an interruption (Ctrl-C, SIGTERM) the
    upload graph is dropped within :data:`CLEAN_UP_SECONDS`; a failure's message (and :meth:`outcome`) says
    whether the target was replaced and names the upload graph if it may remain.
    """

    remote: RemoteStore
    graph: str
    update_endpoint: str | None = None
    sent: bool = False
    """An ``INSERT`` landed or may have landed, so the upload graph may exist."""
    replaced: bool | None = False
    """Whether the target graph was replaced; None while the ``MOVE`` is out or when no answer to it came back."""
    dropped: bool = False
    """The upload graph was dropped after a failure."""
    target: Any = field(init=False)
    upload: Any = field(init=False)
    """The temporary graph the triples go into: the target's IRI with ``-upload-`` and a random suffix."""
    update_url: str = field(init=False)

    def __post_init__(self) -> None:
        self.target = graph_node(self.graph)
        self.upload = graph_node(f"{self.graph}-upload-{uuid.uuid4().hex[:12]}")
        self.update_url = self.update_endpoint or self.remote.endpoint

    def run(self, store: EmbeddedStore, chunk: int = 2000,
            progress: Callable[[int, int], None] = lambda done, total: None) -> int:
        """Push, and return the triples that landed; on a failure, clean up and raise one line saying what is left."""
        from jakgraph.graph.store.deadline import Deadline

        remote = self.remote.within(Deadline.after(self.remote.timeout, "the push"))
        try:
            return self.publish(remote, distinct_triples(store), chunk, progress)
        except UserError as error:
            self.clean_up()
            raise UserError(f"{error}; {self.outcome()}") from None
        except BaseException:
            self.clean_up()
            raise

    def publish(self, remote: RemoteStore, triples: list[Any], chunk: int,
                progress: Callable[[int, int], None]) -> int:
        for start in range(0, len(triples), chunk):
            data = {"_graph_iri": self.upload, "_triples": triples[start:start + chunk]}
            try:
                remote.update(fill_update(internal_update("insert-data"), data), self.update_url)
            except NotCarriedOut:
                raise
            except BaseException:
                self.sent = True  # it may have landed in part or in full
                raise
            self.sent = True
            progress(min(start + chunk, len(triples)), len(triples))
        staged = count(remote, self.upload.value)
        if staged != len(triples):
            raise UserError(f"{remote.endpoint} holds {staged} of {len(triples)} triples in the upload graph")
        self.replaced = None
        try:
            remote.update(fill_update(internal_update("move-graph"), {"_upload_iri": self.upload,
                                                                      "_graph_iri": self.target}), self.update_url)
        except NoAnswer:
            raise
        except EndpointError:
            self.replaced = False
            raise
        self.replaced = True
        landed = count(remote, self.graph)
        if landed != len(triples):
            raise UserError(f"{remote.endpoint} reports {landed} triples in <{self.graph}>, expected {len(triples)}")
        return landed

    def clean_up(self) -> None:
        """Drop the upload graph, within its own short deadline, if it may exist and the target was not replaced.

        After a ``MOVE`` that got no answer nothing is dropped: the server may still be moving the upload graph.
        """
        from jakgraph.graph.store.deadline import Deadline

        if not self.sent or self.replaced is not False:
            return
        try:
            self.remote.within(Deadline.after(CLEAN_UP_SECONDS, "the clean-up")).update(self.drop(), self.update_url)
            self.dropped = True
        except (UserError, KeyboardInterrupt):  # a second Ctrl-C ends the clean-up, not the report
            self.dropped = False

    def drop(self) -> str:
        """The update that drops the upload graph (``queries/internal/drop-graph.ru``)."""
        return fill_update(internal_update("drop-graph"), {"_graph_iri": self.upload})

    def outcome(self) -> str:
        """What the push left at the remote store: whether the target was replaced, and any upload graph to drop."""
        drop = " ".join(line for line in self.drop().splitlines() if not line.startswith("#"))
        remains = f"the upload graph <{self.upload.value}> may remain at {self.update_url}: drop it with {drop}"
        if self.replaced:
            return f"the target graph <{self.graph}> was replaced"
        if self.replaced is None:
            return f"the target graph <{self.graph}> may have been replaced (no answer to the MOVE came back); {remains}"
        if self.sent and not self.dropped:
            return f"the target graph <{self.graph}> was left as it was; {remains}"
        return f"the target graph <{self.graph}> was left as it was"
