"""``jakgraph serve``: the store as a read-only SPARQL endpoint with a workbench, the stored questions as an API,
and a page for every IRI of the project."""
from __future__ import annotations

import argparse
import sys
from typing import NamedTuple

from jakgraph.graph.server.settings import MIN_WORKER_MEMORY_MB, ServerSettings

from . import add_store_argument

DEFAULTS = ServerSettings()


class Number(NamedTuple):
    """What an option takes: a kind of number, its smallest value (excluded when ``above``) and its largest."""

    kind: type
    minimum: float = 0
    maximum: float | None = None
    above: bool = True


LIMITS = {"port": Number(int, 0, 65535, above=False), "timeout": Number(float), "max_results": Number(int),
          "workers": Number(int), "worker_memory": Number(int, MIN_WORKER_MEMORY_MB, above=False),
          "idle_timeout": Number(float), "header_timeout": Number(float), "max_connections": Number(int),
          "max_body": Number(int), "max_url": Number(int), "max_header": Number(int)}


def option_value(name: str, text: str | int | float) -> int | float:
    """The number an option was given, checked against :data:`LIMITS`; one line of UserError otherwise."""
    from jakgraph.errors import UserError

    rule = LIMITS[name]
    option = "--" + name.replace("_", "-")
    if not isinstance(text, str):
        return text
    try:
        if not text.strip().isascii():
            raise ValueError
        value = rule.kind(text)
    except ValueError:
        raise UserError(f"{option} {text!r} is not a {'whole ' if rule.kind is int else ''}number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise UserError(f"{option} {text!r} is not a finite number")
    if (value <= rule.minimum) if rule.above else (value < rule.minimum):
        raise UserError(f"{option} {text} must be {'above' if rule.above else 'at least'} {rule.minimum:g}")
    if rule.maximum is not None and value > rule.maximum:
        raise UserError(f"{option} {text} must be at most {rule.maximum:g}"
                        + (" (0 picks any free port)" if name == "port" else ""))
    return value


def arguments(command: argparse.ArgumentParser) -> None:
    add_store_argument(command, remote=False)
    command.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    d = DEFAULTS
    command.add_argument("--port", default=d.port,
                         help=f"port to listen on, 0 for any free port (shown when the server starts; default: {d.port})")
    command.add_argument("--timeout", default=d.timeout, metavar="SECONDS",
                         help=f"stop a query after this many seconds and answer 503 (default: {d.timeout:g})")
    command.add_argument("--max-results", default=d.max_results, metavar="N",
                         help="answer at most N rows or triples; more are cut and flagged with the header"
                              f" X-JAKGRAPH-Truncated: true (default: {d.max_results})")
    command.add_argument("--workers", default=d.workers, metavar="N",
                         help=f"query worker processes, i.e. queries run at once (default: {d.workers})")
    limits = command.add_argument_group("limits")
    limits.add_argument("--worker-memory", default=d.worker_memory_mb, metavar="MB",
                        help="memory a query worker may use; a query that needs more is answered 503 (default: half"
                             f" of this machine's memory divided by --workers, at least {MIN_WORKER_MEMORY_MB})")
    limits.add_argument("--idle-timeout", default=d.idle_timeout, metavar="SECONDS",
                        help=f"close a kept-alive connection that sends no new request for this long"
                             f" (default: {d.idle_timeout:g})")
    limits.add_argument("--header-timeout", default=d.header_timeout, metavar="SECONDS",
                        help="close a connection whose request line and headers (and again its body) do not arrive"
                             f" within this long (default: {d.header_timeout:g})")
    limits.add_argument("--max-connections", default=d.max_connections, metavar="N",
                        help="open connections at most; at the limit the one idle longest is closed"
                             f" (default: {d.max_connections}, fewer if the open-file limit is lower)")
    limits.add_argument("--max-body", default=d.max_body_bytes, metavar="BYTES",
                        help=f"largest POST body (default: {d.max_body_bytes})")
    limits.add_argument("--max-url", default=d.max_url_bytes, metavar="BYTES",
                        help=f"longest path and query string of a request (default: {d.max_url_bytes})")
    limits.add_argument("--max-header", default=d.max_header_bytes, metavar="BYTES",
                        help=f"largest request line and headers together (default: {d.max_header_bytes})")
    command.add_argument("-q", "--quiet", action="store_true", help="do not log each request")


def run(args: argparse.Namespace) -> int:
    from jakgraph.errors import UserError
    from jakgraph.graph.server.endpoint import serve
    from jakgraph.graph.store import StoreFolder

    if not args.host.strip():
        raise UserError("--host is empty: give an address such as 127.0.0.1, ::1 or 0.0.0.0")
    value = {name: option_value(name, getattr(args, name)) for name in LIMITS}
    settings = ServerSettings(host=args.host, port=int(value["port"]), workers=int(value["workers"]),
                              timeout=value["timeout"], max_results=int(value["max_results"]),
                              worker_memory_mb=int(value["worker_memory"]), idle_timeout=value["idle_timeout"],
                              header_timeout=value["header_timeout"], max_connections=int(value["max_connections"]),
                              max_body_bytes=int(value["max_body"]), max_url_bytes=int(value["max_url"]),
                              max_header_bytes=int(value["max_header"]), quiet=args.quiet)
    try:
        serve(StoreFolder.at(args.store), settings)
    except KeyboardInterrupt:
        pass
    print("jakgraph serve: stopped", file=sys.stderr)
    return 0
