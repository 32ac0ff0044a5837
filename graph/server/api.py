"""``/api``: every stored question as a REST route in grlc's convention, and its OpenAPI description.

``GET /api/NAME?param=value`` runs question NAME (parameters by name, values as CURIEs, IRIs, ids or labels) in the
worker pool, through the query guard, and answers SPARQL results JSON, CSV or an HTML table by ``Accept``
(``/api/NAME.json`` and ``/api/NAME.csv`` pick the format in the path). ``?page=N`` (from 1) answers the answer's N-th page of
``per_page`` rows (default 1,000, at most the server's result limit), with an HTTP ``Link: <…>; rel="next"`` header
(grlc's convention) while there are more rows; an answer cut at the result limit links to its next page too.
``/api/NAME/values/PARAM`` lists a parameter's valid values for the workbench's forms; ``/api/NAME/sparql`` gives
the bound query text.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import replace
from functools import lru_cache
from html import escape

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from jakgraph.errors import UserError
from jakgraph.queries.catalog import StoredQuery, all_queries

from .negotiation import API_ACCEPT, negotiate
from .responses import BadRequest, answer, deliver, query_parameters
from .settings import ServerSettings
from .site import layout
from .stored import StoredQueryJob, ValuesJob
from .worker import WorkerPool

SUFFIXES = {".json": "json", ".csv": "csv"}
INDEX_ACCEPT = {"json": ("application/json",), "html": ("text/html", "application/xhtml+xml")}
HTML_TYPE = "text/html; charset=utf-8"
PAGING = ("page", "per_page")  # the URL's paging parameters, never a stored question's
PER_PAGE = 1000


@lru_cache(maxsize=1)
def questions() -> dict[str, StoredQuery]:
    """The stored questions by name (read once per process)."""
    return {query.name: query for query in all_queries()}


def package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("jakgraph")
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def openapi_body() -> bytes:
    from .openapi import openapi_document

    document = openapi_document(list(questions().values()), package_version())
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def find_question(name: str) -> StoredQuery:
    """The stored question ``name``, or a 404 that suggests the closest names."""
    found = questions().get(name)
    if found is not None:
        return found
    close = difflib.get_close_matches(name, list(questions()), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(close)}?)" if close else ""
    raise BadRequest(404, f"no stored question {name!r}{hint}; /api/openapi.json lists them all")


def given_values(query: StoredQuery, request: Request) -> dict[str, str]:
    """The parameters of the URL, each a parameter of ``query`` given once; empty values mean the default."""
    given = {}
    for name, values in query_parameters(request).items():
        if name in PAGING:
            continue
        try:
            query.parameter(name)
        except UserError as exc:
            raise BadRequest(400, str(exc)) from None
        if len(values) > 1:
            raise BadRequest(400, f"query {query.name}: parameter {name} is given {len(values)} times; give it once")
        if values[0].strip():
            given[name] = values[0]
    return given


class StoredQuestionRoutes:
    """The ``/api`` routes, around the worker pool that runs the queries."""

    def __init__(self, pool: WorkerPool, settings: ServerSettings) -> None:
        self.pool, self.settings = pool, settings

    async def openapi(self, request: Request) -> Response:
        return answer(openapi_body(), "application/json")

    async def index(self, request: Request) -> Response:
        """A list of the routes for browsers; the OpenAPI document for other clients."""
        if negotiate(request.headers.get("accept"), INDEX_ACCEPT) != "html":
            return answer(openapi_body(), "application/json", {"Vary": "Accept"})
        return answer(api_index().encode("utf-8"), HTML_TYPE, {"Vary": "Accept"})

    async def run(self, request: Request) -> Response:
        """``/api/NAME``: the question's answer in the format the path or Accept asks for."""
        name, fmt = request.path_params["name"], None
        for suffix, chosen in SUFFIXES.items():
            if name.endswith(suffix) and name[: -len(suffix)] in questions():
                name, fmt = name[: -len(suffix)], chosen
        query = find_question(name)
        given = given_values(query, request)
        number, size = paging(request, self.settings.max_results)
        fmt = fmt or negotiate(request.headers.get("accept"), API_ACCEPT)
        job = StoredQueryJob(name, tuple(sorted(given.items())), "json" if fmt == "html" else fmt,
                             self.settings.max_results, size if number else None, (number - 1) * size if number else 0)
        reply = await run_in_threadpool(self.pool.run, job)
        following = next_page(request, number or 1, size if number else self.settings.max_results) \
            if reply.status < 400 and reply.truncated else None
        links = {"Link": f'<{following}>; rel="next"'} if following else {}
        if number and reply.truncated:  # a full page with rows after it, not an answer cut at the limit
            reply = replace(reply, truncated=False)
        if fmt != "html" or reply.status >= 400:
            response = deliver(request, reply)
            response.headers.update(links)
            return response
        page = await run_in_threadpool(render_results, query, given, reply.body, reply.truncated, following)
        return answer(page, HTML_TYPE, {"Vary": "Accept", **links})

    async def values(self, request: Request) -> Response:
        """``/api/NAME/values/PARAM``: the parameter's valid values as JSON."""
        query = find_question(request.path_params["name"])
        try:
            query.parameter(request.path_params["parameter"])
        except UserError as exc:
            raise BadRequest(404, str(exc)) from None
        reply = await run_in_threadpool(self.pool.run, ValuesJob(query.name, request.path_params["parameter"]))
        return deliver(request, reply, vary=False)

    async def sparql(self, request: Request) -> Response:
        """``/api/NAME/sparql``: the query text ``/api/NAME`` runs for the same parameters."""
        query = find_question(request.path_params["name"])
        given = given_values(query, request)
        job = StoredQueryJob(query.name, tuple(sorted(given.items())), "sparql", self.settings.max_results)
        return deliver(request, await run_in_threadpool(self.pool.run, job), vary=False)


def paging(request: Request, most: int) -> tuple[int, int]:
    """``?page=N&per_page=M`` of the URL: the page's number (0 when the whole answer is asked for) and its size."""
    found = query_parameters(request)
    values = {}
    for name in PAGING:
        given = found.get(name, [])
        if len(given) > 1:
            raise BadRequest(400, f"{name} is given {len(given)} times; give it once")
        if given and given[0].strip():
            if not given[0].strip().isdigit() or len(given[0].strip()) > 9 or int(given[0]) < 1:
                raise BadRequest(400, f"{name} {given[0]!r} is not a whole number from 1")
            values[name] = int(given[0])
    size = values.get("per_page", min(PER_PAGE, most))
    if size > most:
        raise BadRequest(400, f"per_page {size} is over the server's result limit of {most} rows")
    return values.get("page", 1 if "per_page" in values else 0), size


def next_page(request: Request, number: int, size: int) -> str:
    """The path and query of the page after page ``number`` of ``size`` rows (other parameters kept)."""
    from urllib.parse import urlencode

    kept = [(name, value) for name, values in query_parameters(request).items() if name not in PAGING
            for value in values]
    return f"{request.url.path}?{urlencode(kept + [('page', number + 1), ('per_page', size)])}"


def render_results(query: StoredQuery, given: dict[str, str], body: bytes, truncated: bool,
                   following: str | None = None) -> bytes:
    from .results_page import results_page

    return results_page(query, given, json.loads(body), truncated, following).encode("utf-8")


def api_index() -> str:
    """The HTML list of the ``/api`` routes: each question with its parameters and their defaults."""
    items = []
    for query in questions().values():
        parameters = ", ".join(
            f"<code>{escape(p.name)}</code>" + (f" ({escape(p.type)}, default <code>{escape(p.default)}</code>)"
                                                if p.default else f" ({escape(p.type)})")
            for p in query.parameters) or "no parameters"
        items.append(f'<li><a href="/api/{escape(query.name)}"><code>/api/{escape(query.name)}</code></a> '
                     f'{escape(query.title)} <span class="note">{parameters}</span></li>')
    body = ("<h1>Stored questions as an API</h1><p>Each stored question answers <code>GET /api/NAME</code> with its "
            "parameters by name, as SPARQL results JSON, CSV or an HTML table by <code>Accept</code>, or by the "
            "suffix <code>.json</code> or <code>.csv</code>. The routes are described in "
            '<a href="/api/openapi.json">OpenAPI 3</a>.</p>'
            f'<ul class="routes">{"".join(items)}</ul>')
    return layout("API", body, current="/api")
