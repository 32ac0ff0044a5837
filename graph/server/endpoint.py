"""``jakgraph serve``: a read-only SPARQL 1.1 Protocol endpoint over the embedded store, with dereferenceable IRIs.

Standard library HTTP (ThreadingHTTPServer) in front of a pool of query worker processes
(:mod:`jakgraph.graph.server.worker`); pages come from :mod:`jakgraph.graph.server.pages`.
"""
from __future__ import annotations

import re
import signal
import socket
import sys
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import BASE

from .pages import query_page, static_file
from .worker import DescribeJob, QueryJob, Reply, WorkerPool
from jakgraph.graph.store.folder import StoreFolder

MAX_BODY = 1 << 20
TRUNCATED_HEADER = "X-JAKGRAPH-Truncated"
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": TRUNCATED_HEADER}

# media types a client may ask for, per format name; the first format of each table is the default
RESULT_ACCEPT = {"json": ("application/sparql-results+json", "application/json"),
                 "xml": ("application/sparql-results+xml",),
                 "csv": ("text/csv",), "tsv": ("text/tab-separated-values",)}
GRAPH_ACCEPT = {"turtle": ("text/turtle", "application/turtle", "application/x-turtle"),
                "ntriples": ("application/n-triples",), "jsonld": ("application/ld+json", "application/json"),
                "rdfxml": ("application/rdf+xml",)}
PAGE_ACCEPT = {**GRAPH_ACCEPT, "html": ("text/html", "application/xhtml+xml")}  # Turtle unless HTML is asked for
# names the ``format`` parameter takes: (results format, graph format); None where the name does not apply
FORMAT_NAMES = {"json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
                "turtle": (None, "turtle"), "ttl": (None, "turtle"), "ntriples": (None, "ntriples"),
                "nt": (None, "ntriples"), "jsonld": (None, "jsonld"), "json-ld": (None, "jsonld"),
                "rdfxml": (None, "rdfxml"), "rdf+xml": (None, "rdfxml"), "srj": ("json", None), "srx": ("xml", None)}
UPDATE_WORDS = {"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"}

_HIDDEN = re.compile(
    r"'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"
    r'|"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r'|<(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>'
    r"|#[^\n\r]*", re.S)
_WORD = re.compile(r"[^\s{}()\[\];,<>=!&|+*/^'\".]+")


def words(sparql: str) -> list[str]:
    """The bare words of a query, in lower case, outside its strings, IRIs and comments."""
    return [word.lower() for word in _WORD.findall(_HIDDEN.sub(" ", sparql))]


def refusal(sparql: str) -> str | None:
    """Why a read-only endpoint refuses ``sparql`` (an update, or a federated SERVICE call), else None."""
    found = words(sparql)
    if "service" in found:
        return "SERVICE (federated query) is not allowed on this endpoint"
    index = 0
    while index < len(found) and found[index] in ("prefix", "base"):
        index += 2 if found[index] == "prefix" else 1
    if index < len(found) and found[index] in UPDATE_WORDS:
        return "this endpoint is read-only: SPARQL updates are refused"
    return None


def accept_ranges(header: str) -> list[tuple[str, float, int]]:
    """Media ranges of an Accept header with their q-values and positions."""
    ranges = []
    for position, part in enumerate(header.split(",")):
        fields = part.split(";")
        media = fields[0].strip().lower()
        if not media:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value.strip())
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality, position))
    return ranges


def negotiate(header: str | None, offers: dict[str, tuple[str, ...]]) -> str:
    """The offer the Accept header prefers: highest q, then the most specific range, then the header's order.

    The first offer is the default, for a missing header, ``*/*``, or a header that accepts none of the offers.
    """
    default = next(iter(offers))
    if not header:
        return default
    ranges = accept_ranges(header)
    best: tuple[float, int, int, int] | None = None
    choice = default
    for rank, (name, types) in enumerate(offers.items()):
        for media in types:
            matches = [(3 if r == media else 2 if r == media.split("/")[0] + "/*" else 1, q, position)
                       for r, q, position in ranges if r in (media, media.split("/")[0] + "/*", "*/*")]
            if not matches:
                continue
            specificity, quality, position = max(matches)
            key = (quality, specificity, -position, -rank)
            if quality > 0 and (best is None or key > best):
                best, choice = key, name
    return choice


def format_parameter(values: list[str], allowed: tuple[str, ...] = ()) -> tuple[str | None, str | None] | None:
    """(results format, graph format) named by the first known ``format`` value (a name or a media type)."""
    for value in values:
        value = value.strip().lower()
        if value in FORMAT_NAMES:
            return FORMAT_NAMES[value]
        if value in allowed:
            return (value, value)
        media = value.split(";")[0].strip()
        results = next((name for name, types in RESULT_ACCEPT.items() if media in types), None)
        graph = next((name for name, types in GRAPH_ACCEPT.items() if media in types), None)
        if results or graph:
            return results, graph
    return None


@dataclass(frozen=True)
class Settings:
    """How the endpoint answers: limits and the pages it serves."""

    timeout: float
    max_results: int
    home: bytes
    quiet: bool = False


class Endpoint(ThreadingHTTPServer):
    """The HTTP server: one thread per connection, queries handed to the worker pool."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], pool: WorkerPool, settings: Settings) -> None:
        self.pool, self.settings = pool, settings
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    """Routes: ``/`` the query page, ``/sparql`` the protocol, ``/static/…`` files, any other path an IRI."""

    server: Endpoint
    server_version = "jakgraph/0.1"
    protocol_version = "HTTP/1.0"
    head_only = False

    # --- answering ---------------------------------------------------------------------------------------
    def send(self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for name, value in {**CORS, "Content-Type": content_type, "Content-Length": str(len(body)),
                            **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)

    def say(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        reply = Reply.text(status, message)
        self.send(reply.status, reply.content_type, reply.body, headers)

    def deliver(self, reply: Reply, vary: bool = True) -> None:
        headers = {"Vary": "Accept"} if vary and reply.status == 200 else {}
        if reply.truncated:
            headers[TRUNCATED_HEADER] = "true"
        self.send(reply.status, reply.content_type, reply.body, headers)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class names it so
        if not self.server.settings.quiet:
            sys.stderr.write(f"{self.address_string()} {(format % args)[:300]}\n")

    def guarded(self, route: Any) -> None:
        """Run a route; a programming error becomes a 500 with one line, and its traceback goes to the log."""
        try:
            route()
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # noqa: BLE001 - keep serving, report the fault
            import traceback

            traceback.print_exc(file=sys.stderr)
            try:
                self.say(500, f"internal error: {type(exc).__name__}")
            except OSError:
                pass

    # --- methods -----------------------------------------------------------------------------------------
    def do_OPTIONS(self) -> None:  # noqa: N802
        requested = self.headers.get("Access-Control-Request-Headers", "Content-Type, Accept")
        self.send(204, "text/plain", b"", {"Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
                                          "Access-Control-Allow-Headers": requested,
                                          "Access-Control-Max-Age": "86400", "Allow": "GET, HEAD, POST, OPTIONS"})

    def do_GET(self) -> None:  # noqa: N802
        self.guarded(self.get)

    def do_HEAD(self) -> None:  # noqa: N802
        self.head_only = True
        self.guarded(self.get)

    def do_POST(self) -> None:  # noqa: N802
        self.guarded(self.post)

    def refuse_write(self) -> None:
        self.say(403, "this endpoint is read-only")

    do_PUT = do_DELETE = do_PATCH = refuse_write  # noqa: N815

    # --- routes ------------------------------------------------------------------------------------------
    def get(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        if path == "/sparql":
            self.sparql(parse_qs(parts.query, keep_blank_values=True), None)
        elif path in ("/", "/index.html"):
            self.send(200, "text/html; charset=utf-8", self.server.settings.home)
        elif path.startswith("/static/"):
            found = static_file(path[len("/static/"):])
            if found is None:
                self.say(404, f"no file {path}")
            else:
                self.send(200, found[1], found[0], {"Cache-Control": "no-cache"})
        elif path == "/favicon.ico":
            self.say(404, "no icon")
        else:
            self.dereference(path, parse_qs(parts.query, keep_blank_values=True))

    def post(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != "/sparql":
            self.say(405, "POST is only accepted at /sparql", {"Allow": "GET, HEAD, OPTIONS"})
            return
        media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        params = parse_qs(parts.query, keep_blank_values=True)
        body = self.body()
        if body is None:
            return
        if media == "application/sparql-update":
            self.say(403, "this endpoint is read-only: SPARQL updates are refused")
        elif media == "application/x-www-form-urlencoded":
            for name, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
            self.sparql(params, None)
        elif media == "application/sparql-query":
            self.sparql(params, body)
        else:
            self.say(415, f"unsupported Content-Type {media or '(none)'}: send application/sparql-query"
                          " or application/x-www-form-urlencoded")

    def body(self) -> str | None:
        """The request body as text, or None after answering why it cannot be read."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.say(400, "Content-Length is not a number")
            return None
        if length > MAX_BODY:
            self.say(413, f"request body too large (over {MAX_BODY} bytes)")
            return None
        try:
            return self.rfile.read(length).decode("utf-8")
        except UnicodeDecodeError:
            self.say(400, "request body is not UTF-8")
            return None

    def sparql(self, params: dict[str, list[str]], direct: str | None) -> None:
        """The SPARQL 1.1 Protocol query operation, with ``query`` in ``params`` or the body (``direct``)."""
        if "update" in params:
            self.say(403, "this endpoint is read-only: SPARQL updates are refused")
            return
        queries = params.get("query", []) + ([direct] if direct is not None else [])
        if len(queries) > 1:
            self.say(400, "more than one query: pass exactly one")
            return
        if not queries or not queries[0].strip():
            self.say(400, "missing query: pass a SPARQL query as the query parameter or as the body")
            return
        problem = refusal(queries[0])
        if problem is not None:
            self.say(403, problem)
            return
        formats = params.get("format", [])
        if formats:
            chosen = format_parameter(formats)
            if chosen is None:
                names = ", ".join(name for name in FORMAT_NAMES if name not in ("srj", "srx"))
                self.say(400, f"unknown format {formats[0]!r}; use one of {names}")
                return
            results_format, graph_format = chosen
        else:
            accept = self.headers.get("Accept")
            results_format, graph_format = negotiate(accept, RESULT_ACCEPT), negotiate(accept, GRAPH_ACCEPT)
        settings = self.server.settings
        job = QueryJob(queries[0], results_format, graph_format, settings.max_results,
                       tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])))
        self.deliver(self.server.pool.run(job))

    def dereference(self, path: str, params: dict[str, list[str]]) -> None:
        """Describe the project IRI at this path: HTML for browsers, Turtle, JSON-LD, N-Triples or RDF/XML."""
        if params.get("format"):
            chosen = format_parameter(params["format"], ("html",))
            if chosen is None or chosen[1] is None:
                self.say(400, f"unknown format {params['format'][0]!r}; use html, turtle, jsonld, ntriples or rdfxml")
                return
            fmt = chosen[1]
        else:
            fmt = negotiate(self.headers.get("Accept"), PAGE_ACCEPT)
        raw = path.lstrip("/")
        iris = tuple(dict.fromkeys(BASE + candidate for candidate in (unquote(raw), raw)))
        self.deliver(self.server.pool.run(DescribeJob(iris, fmt, self.server.settings.max_results)))


def serve(folder: StoreFolder, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
          max_results: int = 10000, workers: int = 4, examples: list[tuple[str, str, str]] | None = None,
          quiet: bool = False) -> None:
    """Serve the store at ``location`` until interrupted (Ctrl-C or SIGTERM); workers are stopped on the way out."""
    folder.require_current()  # a missing store is a one-line error before anything starts
    location = folder.path
    settings = Settings(timeout, max_results, query_page(examples or []), quiet)
    pool = WorkerPool(location, workers, timeout)
    try:
        endpoint = Endpoint((host, port), pool, settings)
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        pool.start()
        previous = {number: signal.signal(number, interrupt) for number in (signal.SIGINT, signal.SIGTERM)}
        shown = f"[{host}]" if ":" in host else host
        print(f"jakgraph serve: http://{shown}:{endpoint.server_address[1]}/ (SPARQL at /sparql), store {location},"
              f" {workers} workers, timeout {timeout:g} s, at most {max_results} results; Ctrl-C stops",
              file=sys.stderr, flush=True)
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(f"jakgraph serve: listening on {host}: other machines can reach this endpoint", file=sys.stderr)
        try:
            endpoint.serve_forever(poll_interval=0.25)
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
    finally:
        endpoint.server_close()
        pool.close()


def interrupt(signum: int, frame: Any) -> None:
    """Ctrl-C or SIGTERM stops the server (even when a shell started it with SIGINT ignored)."""
    raise KeyboardInterrupt
