"""``jakgraph serve``: the store as a read-only SPARQL endpoint, with a page for every IRI of the project."""
from __future__ import annotations

import argparse
import sys

from . import add_store_argument


def positive(kind: type) -> object:
    """An argparse type for numbers above zero."""
    def parse(text: str) -> float | int:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a {'whole ' if kind is int else ''}number") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{text!r} must be above zero")
        return value
    return parse


def arguments(command: argparse.ArgumentParser) -> None:
    add_store_argument(command, remote=False)
    command.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    command.add_argument("--port", type=int, default=7878, help="port to listen on (default: 7878)")
    command.add_argument("--timeout", type=positive(float), default=10.0, metavar="SECONDS",
                         help="stop a query after this many seconds and answer 503 (default: 10)")
    command.add_argument("--max-results", type=positive(int), default=10000, metavar="N",
                         help="answer at most N rows or triples; more are cut and flagged with the header"
                              " X-JAKGRAPH-Truncated: true (default: 10000)")
    command.add_argument("--workers", type=positive(int), default=4, metavar="N",
                         help="query worker processes, i.e. queries run at once (default: 4)")
    command.add_argument("-q", "--quiet", action="store_true", help="do not log each request")


def run(args: argparse.Namespace) -> int:
    from jakgraph.graph.server.endpoint import serve
    from jakgraph.graph.store import StoreFolder
    from jakgraph.queries.catalog import all_queries

    examples = [(query.name, query.title, query.text) for query in all_queries()
                if not any(parameter.required for parameter in query.parameters)]
    try:
        serve(StoreFolder.at(args.store), args.host, args.port, args.timeout, args.max_results, args.workers,
              examples, args.quiet)
    except KeyboardInterrupt:
        pass
    print("jakgraph serve: stopped", file=sys.stderr)
    return 0
