"""Starlette replies of ``jakgraph serve``: answers and errors, each with CORS headers; errors in the one format
(a line of text or JSON), or the site's error page when the client asks for HTML."""
from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import Response

from .negotiation import ERROR_ACCEPT, negotiate
from .replies import CORS, TRUNCATED_HEADER, error_body
from .worker import Reply

HTML_TYPE = "text/html; charset=utf-8"


class BadRequest(Exception):
    """A request the client must change: its status and one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error reply with CORS headers: the site's error page if Accept prefers HTML, else one line of text or
    JSON (:func:`.replies.error_body`)."""
    accept = request.headers.get("accept")
    if negotiate(accept, ERROR_ACCEPT) == "html":
        from .site import error_page

        line = " ".join(message.split())
        return Response(error_page(status, line).encode("utf-8"), status, {**CORS, **(headers or {})}, HTML_TYPE)
    media_type, body = error_body(status, message, accept)
    return Response(body, status, {**CORS, **(headers or {})}, media_type)


def answer(content: bytes, content_type: str, headers: dict[str, str] | None = None, status: int = 200) -> Response:
    return Response(content, status, {**CORS, **(headers or {})}, content_type)


def deliver(request: Request, reply: Reply, vary: bool = True) -> Response:
    """A worker's reply: its body for an answer, the one error format for an error."""
    if reply.status >= 400:
        return error(request, reply.status, reply.body.decode("utf-8", "replace"))
    headers = {"Vary": "Accept"} if vary else {}
    if reply.truncated:
        headers[TRUNCATED_HEADER] = "true"
    return answer(reply.body, reply.content_type, headers, reply.status)


def query_parameters(request: Request) -> dict[str, list[str]]:
    """The URL's parameters, percent-decoded as UTF-8."""
    try:
        return parse_qs(request.scope["query_string"].decode("latin-1"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(400, "the query string is not UTF-8") from None
