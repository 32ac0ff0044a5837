"""``jakgraph push``: publish the graph to a remote triple store."""
from __future__ import annotations

import argparse
import sys

from . import add_store_argument


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--endpoint", required=True, metavar="URL", help="SPARQL query endpoint of the remote store")
    command.add_argument("--update-endpoint", metavar="URL",
                         help="SPARQL update endpoint, if not the query endpoint (Oxigraph server: …/update)")
    command.add_argument("--graph", metavar="IRI", help="named graph to replace (default: https://w3id.org/jakgraph/graph/all)")
    command.add_argument("--user", help="user name for the endpoint")
    command.add_argument("--password", help="password for the endpoint")
    command.add_argument("--timeout", type=float, default=300, metavar="SECONDS",
                         help="seconds the whole push may take; after a failure, Ctrl-C or SIGTERM the temporary "
                              "upload graph is dropped within 2 s more (default: 300)")
    command.add_argument("--chunk", type=int, default=2000, help="triples per INSERT DATA request (default: 2000)")
    add_store_argument(command, remote=False)


def run(args: argparse.Namespace) -> int:
    import math

    from jakgraph.cli import Terminated
    from jakgraph.errors import UserError
    from jakgraph.graph.export.push import DEFAULT_GRAPH, Push
    from jakgraph.graph.store.remote import RemoteStore
    from jakgraph.graph.store import open_store
    from jakgraph.queries.presentation import plural

    from .terminal import progress_bar

    for url in (args.endpoint, args.update_endpoint):
        if url and not url.startswith(("http://", "https://")):
            raise UserError(f"{url!r} is not an http(s) URL")
    if args.chunk < 1:
        raise UserError(f"--chunk must be at least 1, not {args.chunk}")
    if not (args.timeout > 0 and math.isfinite(args.timeout)):
        raise UserError(f"--timeout must be a positive number of seconds, not {args.timeout:g}")
    remote = RemoteStore(args.endpoint, user=args.user, password=args.password, timeout=args.timeout)
    graph = args.graph or DEFAULT_GRAPH
    publication = Push(remote, graph, args.update_endpoint)
    try:
        with progress_bar("pushing", "triples") as advance:
            landed = publication.run(open_store(args.store), args.chunk, advance)
    except KeyboardInterrupt as stop:  # cleaned up by now: say what is left, as a failure's message does
        print(f"jakgraph push: {'terminated' if isinstance(stop, Terminated) else 'interrupted'}; "
              f"{publication.outcome()}", file=sys.stderr)
        return 128 + stop.signum if isinstance(stop, Terminated) else 130
    print(f"pushed {plural(landed, 'triple')} into <{graph}> at {args.endpoint}")
    return 0
