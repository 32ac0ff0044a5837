"""Publish the graph to a remote triple store: load into a temporary graph, check, then move it over the target."""
from __future__ import annotations

import uuid
from typing import Any, Callable

from jakgraph.errors import UserError
from jakgraph.queries.binding import fill_update
from jakgraph.queries.catalog import internal_update
from jakgraph.queries.results import rows
from jakgraph.queries.runner import run_internal

from jakgraph.graph.store.remote import RemoteStore
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


def push(store: EmbeddedStore, remote: RemoteStore, graph: str = DEFAULT_GRAPH, update_endpoint: str | None = None,
         chunk: int = 2000, progress: Callable[[int, int], None] = lambda done, total: None) -> int:
    """Replace ``graph`` at the remote store with the local graph; return the triples that landed.

    The triples go into a fresh temporary graph in chunks; only when its count is right does one
    ``MOVE`` replace the target, so a failure midway leaves the old target graph as it was.
    """
    target_graph = graph_node(graph)
    upload = graph_node(f"{graph}-upload-{uuid.uuid4().hex[:12]}")
    triples = distinct_triples(store)
    target = update_endpoint or remote.endpoint
    drop = fill_update(internal_update("drop-graph"), {"_graph_iri": upload})
    try:
        remote.update(drop, target)
        for start in range(0, len(triples), chunk):
            data = {"_graph_iri": upload, "_triples": triples[start:start + chunk]}
            remote.update(fill_update(internal_update("insert-data"), data), target)
            progress(min(start + chunk, len(triples)), len(triples))
        staged = count(remote, upload.value)
        if staged != len(triples):
            raise UserError(f"{remote.endpoint} holds {staged} of {len(triples)} triples in the upload graph; "
                            f"the target graph <{graph}> was left as it was")
        remote.update(fill_update(internal_update("move-graph"), {"_upload_iri": upload, "_graph_iri": target_graph}),
                      target)
    except BaseException:
        try:
            remote.update(drop, target)
        except UserError:
            pass
        raise
    landed = count(remote, graph)
    if landed != len(triples):
        raise UserError(f"{remote.endpoint} reports {landed} triples in <{graph}>, expected {len(triples)}")
    return landed
