"""The routes of ``jakgraph serve`` (Starlette): ``/sparql`` the protocol, ``/`` the workbench, ``/api/…`` the
stored questions (:mod:`.api`), ``/search`` by label, ``/viz`` and ``/gapmap`` the views, ``/static/…`` the pages'
files, any other path an IRI of the project; every reply with CORS headers, every error in one format."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route

from jakgraph.ontology.namespaces import BASE
from jakgraph.queries.guard import SERVICE, UPDATE, QueryRefused, check

from .api import StoredQuestionRoutes
from .negotiation import FORMAT_NAMES, GRAPH_ACCEPT, PAGE_ACCEPT, RESULT_ACCEPT, format_parameter, negotiate
from .request_log import RequestLog, RequestLogMiddleware
from .responses import HTML_TYPE, BadRequest, answer, deliver, error, query_parameters
from .settings import ServerSettings
from .static_files import static_file
from .worker import DescribeJob, QueryJob, WorkerPool

READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
NO_SERVICE = "SERVICE (federated query) is not allowed on this endpoint"
WRITE_METHODS = ("PUT", "DELETE", "PATCH")
SEARCH_ACCEPT = {"json": ("application/json",), "html": ("text/html", "application/xhtml+xml")}


async def body_text(request: Request, limit: int) -> str:
    """The request body as text, at most ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and not declared.isdigit():
        raise BadRequest(400, "Content-Length is not a number")
    if declared is not None and int(declared) > limit:
        raise BadRequest(413, f"the request body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BadRequest(413, f"the request body is larger than {limit} bytes")
        chunks.append(chunk)
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest(400, "the request body is not UTF-8") from None


class Endpoint:
    """The routes, around the worker pool that runs the queries."""

    def __init__(self, pool: WorkerPool, settings: ServerSettings, home: bytes) -> None:
        from .views import ViewCache

        self.pool, self.settings, self.home = pool, settings, home
        self.views = ViewCache(self.current_build)

    def current_build(self) -> str | None:
        """Name of the build the store's ``current`` link names now (None if it cannot be read)."""
        from jakgraph.graph.store.folder import StoreFolder

        location = getattr(self.pool, "location", None)
        try:
            return StoreFolder(Path(location)).current_name() if location is not None else None
        except OSError:
            return None

    async def sparql(self, request: Request) -> Response:
        """The SPARQL 1.1 Protocol query operation: GET, POST form, or POST with the query as the body."""
        params = query_parameters(request)
        direct = None
        if request.method == "POST":
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                raise BadRequest(403, READ_ONLY)
            if media not in ("application/x-www-form-urlencoded", "application/sparql-query"):
                raise BadRequest(415, f"unsupported Content-Type {media or '(none)'}: send application/sparql-query"
                                      " or application/x-www-form-urlencoded")
            text = await body_text(request, self.settings.max_body_bytes)
            if media == "application/sparql-query":
                direct = text
            else:
                try:
                    fields = parse_qs(text, keep_blank_values=True, errors="strict")
                except UnicodeDecodeError:
                    raise BadRequest(400, "the form is not UTF-8") from None
                for name, values in fields.items():
                    params.setdefault(name, []).extend(values)
        if "update" in params:
            raise BadRequest(403, READ_ONLY)
        queries = params.get("query", []) + ([direct] if direct is not None else [])
        if len(queries) > 1:
            raise BadRequest(400, "more than one query: pass exactly one")
        if not queries or not queries[0].strip():
            raise BadRequest(400, "missing query: pass a SPARQL query as the query parameter or as the body")
        try:
            await run_in_threadpool(check, queries[0])  # up to 100,000 characters: not on the event loop
        except QueryRefused as refused:
            if refused.kind == SERVICE:
                raise BadRequest(403, NO_SERVICE) from None
            if refused.kind == UPDATE:
                raise BadRequest(403, READ_ONLY) from None
            raise BadRequest(400, str(refused)) from None
        results_format, graph_format = self.formats(request, params.get("format", []))
        job = QueryJob(queries[0], results_format, graph_format, self.settings.max_results,
                       tuple(params.get("default-graph-uri", [])), tuple(params.get("named-graph-uri", [])))
        return deliver(request, await run_in_threadpool(self.pool.run, job))

    @staticmethod
    def formats(request: Request, formats: list[str]) -> tuple[str | None, str | None]:
        """(results format, graph format): the ``format`` parameter's, else the Accept header's."""
        if not formats:
            accept = request.headers.get("accept")
            return negotiate(accept, RESULT_ACCEPT), negotiate(accept, GRAPH_ACCEPT)
        chosen = format_parameter(formats)
        if chosen is None:
            names = ", ".join(name for name in FORMAT_NAMES if name not in ("srj", "srx"))
            raise BadRequest(400, f"unknown format {formats[0]!r}; use one of {names}")
        return chosen

    async def home_page(self, request: Request) -> Response:
        return answer(self.home, "text/html; charset=utf-8")

    async def static(self, request: Request) -> Response:
        """A file of the package's ``static`` folder, revalidated by its entity tag (304 when unchanged)."""
        name = request.path_params["name"]
        found = static_file(name)
        if found is None:
            raise BadRequest(404, f"no file /static/{name}")
        headers = {"Cache-Control": "no-cache", "ETag": found.etag}
        if found.etag in [tag.strip() for tag in request.headers.get("if-none-match", "").split(",")]:
            return answer(b"", found.media_type, headers, 304)
        return answer(found.body, found.media_type, headers)

    async def search(self, request: Request) -> Response:
        """Records by label, English or Spanish: an HTML page for browsers, JSON for other clients."""
        from .search import SearchJob
        from .search_page import search_page

        texts = query_parameters(request).get("q", [])
        text = texts[0].strip() if texts else ""
        wants = negotiate(request.headers.get("accept"), SEARCH_ACCEPT)
        if not text:
            if wants == "html":
                return answer(search_page("", []).encode("utf-8"), HTML_TYPE, {"Vary": "Accept"})
            raise BadRequest(400, "missing search text: pass it as q, e.g. /search?q=psoriasis")
        reply = await run_in_threadpool(self.pool.run, SearchJob(text))
        if reply.status >= 400 or wants != "html":
            return deliver(request, reply)
        hits = json.loads(reply.body)["results"]
        return answer(search_page(text, hits).encode("utf-8"), HTML_TYPE, {"Vary": "Accept"})

    async def view(self, request: Request) -> Response:
        """``/viz`` (narrowed by ``drug``, ``group`` and ``min_level`` as ``jakgraph viz`` is) and ``/gapmap``."""
        from .views import ViewJob

        kind = request.url.path.strip("/")
        params = query_parameters(request)
        if kind == "viz":
            known = {"drug", "group", "min_level"}
            levels = params.get("min_level", [])
            job = ViewJob(kind, tuple(params.get("drug", [])), tuple(params.get("group", [])),
                          levels[0] if levels else None)
        else:
            known, job = set(), ViewJob(kind)
        unknown = sorted(set(params) - known)
        if unknown:
            allowed = ", ".join(sorted(known)) or "none"
            raise BadRequest(400, f"/{kind} takes no parameter {unknown[0]!r} (its parameters: {allowed})")
        reply = await run_in_threadpool(self.views.page, job, self.pool.run)
        return deliver(request, reply, vary=False)

    async def no_icon(self, request: Request) -> Response:
        raise BadRequest(404, "no icon")

    async def dereference(self, request: Request) -> Response:
        """Describe the project IRI at this path: HTML for browsers, Turtle, JSON-LD, N-Triples or RDF/XML."""
        params = query_parameters(request)
        if params.get("format"):
            chosen = format_parameter(params["format"], ("html",))
            if chosen is None or chosen[1] is None:
                raise BadRequest(400, f"unknown format {params['format'][0]!r}; use html, turtle, jsonld, ntriples"
                                      " or rdfxml")
            fmt = chosen[1]
        else:
            fmt = negotiate(request.headers.get("accept"), PAGE_ACCEPT)
        raw = request.scope["raw_path"].decode("latin-1").lstrip("/")
        iris = tuple(dict.fromkeys(BASE + candidate for candidate in (unquote(raw), raw)))
        job = DescribeJob(iris, fmt, self.settings.max_results)
        return deliver(request, await run_in_threadpool(self.pool.run, job))

    async def other_methods(self, request: Request) -> Response:
        """CORS preflight on any path; writes refused; POST anywhere but ``/sparql`` not allowed."""
        if request.method == "OPTIONS":
            requested = request.headers.get("access-control-request-headers", "Content-Type, Accept")
            return answer(b"", "text/plain", {"Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
                                              "Access-Control-Allow-Headers": requested,
                                              "Access-Control-Max-Age": "86400",
                                              "Allow": "GET, HEAD, POST, OPTIONS"}, 204)
        if request.method in WRITE_METHODS:
            raise BadRequest(403, "this endpoint is read-only")
        return error(request, 405, "POST is only accepted at /sparql", {"Allow": "GET, HEAD, OPTIONS"})


class RequestLimits:
    """ASGI middleware: a path and query string over ``max_url`` bytes is answered 414, headers over ``max_header``
    bytes 431 (h11 enforces its head limit only while a head is incomplete, not on one that arrives whole)."""

    def __init__(self, app: Any, max_url: int, max_header: int) -> None:
        self.app, self.max_url, self.max_header = app, max_url, max_header

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            problem = None
            if len(scope.get("raw_path", b"")) + len(scope.get("query_string", b"")) > self.max_url:
                problem = 414, f"the URL is longer than {self.max_url} bytes; send the query by POST"
            elif sum(len(name) + len(value) + 4 for name, value in scope["headers"]) > self.max_header:
                problem = 431, f"the request headers are larger than {self.max_header} bytes"
            if problem is not None:
                await error(Request(scope), *problem)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def create_app(pool: WorkerPool, settings: ServerSettings, home: bytes, log: RequestLog) -> RequestLogMiddleware:
    """The ASGI application: routes, the URL and header limits and one error format for every failure, inside the
    request log (outside Starlette's error handling, so that a 500 is logged as sent)."""
    endpoint = Endpoint(pool, settings, home)
    api = StoredQuestionRoutes(pool, settings)
    reading = ["GET", "HEAD"]

    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BadRequest)
        return error(request, exc.status, str(exc))

    async def http_exception(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return error(request, exc.status_code, exc.detail, dict(exc.headers or {}))

    async def disconnected(request: Request, exc: Exception) -> Response:
        return error(request, 400, "the client closed the connection before the request was read")

    async def internal_error(request: Request, exc: Exception) -> Response:
        """A programming error: a one-line 500 without details; Uvicorn logs the traceback."""
        return error(request, 500, f"internal error: {type(exc).__name__}")

    routes = [
        Route("/sparql", endpoint.sparql, methods=["GET", "HEAD", "POST"]),
        Route("/{path:path}", endpoint.other_methods, methods=["OPTIONS", "POST", *WRITE_METHODS]),
        Route("/", endpoint.home_page, methods=reading),
        Route("/index.html", endpoint.home_page, methods=reading),
        Route("/static/{name:path}", endpoint.static, methods=reading),
        Route("/favicon.ico", endpoint.no_icon, methods=reading),
        Route("/search", endpoint.search, methods=reading),
        Route("/viz", endpoint.view, methods=reading),
        Route("/gapmap", endpoint.view, methods=reading),
        Route("/api", api.index, methods=reading),
        Route("/api/", api.index, methods=reading),
        Route("/api/openapi.json", api.openapi, methods=reading),
        Route("/api/{name}/values/{parameter}", api.values, methods=reading),
        Route("/api/{name}/sparql", api.sparql, methods=reading),
        Route("/api/{name}", api.run, methods=reading),
        Route("/{path:path}", endpoint.dereference, methods=reading),
    ]
    app = Starlette(routes=routes,
                    middleware=[Middleware(RequestLimits, max_url=settings.max_url_bytes,
                                           max_header=settings.max_header_bytes)],
                    exception_handlers={BadRequest: bad_request, HTTPException: http_exception,
                                        ClientDisconnect: disconnected, Exception: internal_error})
    return RequestLogMiddleware(app, log)
