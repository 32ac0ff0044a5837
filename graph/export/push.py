"""Publish the graph to a remote triple store: load into a temporary graph, check, then move it over the target."""
from __future__ import annotations

import uuid
from typing import Callable

from jakgraph.errors import UserError

from .rdf import ALL_TRIPLES
from jakgraph.graph.store.remote import RemoteStore
from jakgraph.graph.store.embedded import EmbeddedStore

DEFAULT_GRAPH = "https://w3id.org/jakgraph/graph/all"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }"


def ntriples_lines(store: EmbeddedStore) -> list[str]:
    """Every distinct triple of the store's union graph as one N-Triples line."""
    return sorted({f"{t.subject} {t.predicate} {t.object} ." for t in store.query(ALL_TRIPLES)})


def count(remote: RemoteStore, graph: str) -> int:
    solutions = list(remote.without_graph().query(COUNT % graph))
    return int(solutions[0]["n"].value) if solutions else 0


def push(store: EmbeddedStore, remote: RemoteStore, graph: str = DEFAULT_GRAPH, update_endpoint: str | None = None,
         chunk: int = 2000, progress: Callable[[int, int], None] = lambda done, total: None) -> int:
    """Replace ``graph`` at the remote store with the local graph; return the triples that landed.

    The triples go into a fresh temporary graph in chunks; only when its count is right does one
    ``MOVE`` replace the target, so a failure midway leaves the old target graph as it was.
    """
    lines = ntriples_lines(store)
    temporary = f"{graph}-upload-{uuid.uuid4().hex[:12]}"
    target = update_endpoint or remote.endpoint
    try:
        remote.update(f"DROP SILENT GRAPH <{temporary}>", target)
        for start in range(0, len(lines), chunk):
            block = "\n".join(lines[start:start + chunk])
            remote.update(f"INSERT DATA {{ GRAPH <{temporary}> {{\n{block}\n}} }}", target)
            progress(min(start + chunk, len(lines)), len(lines))
        staged = count(remote, temporary)
        if staged != len(lines):
            raise UserError(f"{remote.endpoint} holds {staged} of {len(lines)} triples in the upload graph; "
                            f"the target graph <{graph}> was left as it was")
        remote.update(f"MOVE SILENT GRAPH <{temporary}> TO GRAPH <{graph}>", target)
    except BaseException:
        try:
            remote.update(f"DROP SILENT GRAPH <{temporary}>", target)
        except UserError:
            pass
        raise
    landed = count(remote, graph)
    if landed != len(lines):
        raise UserError(f"{remote.endpoint} reports {landed} triples in <{graph}>, expected {len(lines)}")
    return landed
