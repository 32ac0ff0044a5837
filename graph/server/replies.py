"""The one shape of every reply of ``jakgraph serve``: CORS headers always, errors as one line of text or JSON."""
from __future__ import annotations

import json
from http import HTTPStatus

from .negotiation import ERROR_ACCEPT, negotiate

TRUNCATED_HEADER = "X-JAKGRAPH-Truncated"
CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": TRUNCATED_HEADER}
TEXT_TYPE = "text/plain; charset=utf-8"
JSON_TYPE = "application/json"


def error_body(status: int, message: str, accept: str | None = None) -> tuple[str, bytes]:
    """(media type, body) of an error: one line of text, or ``{"status": …, "error": …}`` if Accept asks for JSON."""
    line = " ".join(message.split())
    if negotiate(accept, ERROR_ACCEPT) == "json":
        return JSON_TYPE, (json.dumps({"status": status, "error": line}, ensure_ascii=False) + "\n").encode("utf-8")
    return TEXT_TYPE, (line + "\n").encode("utf-8")


def raw_error(status: int, message: str) -> bytes:
    """A whole HTTP/1.1 error reply that closes the connection, for answers given before a request is read."""
    content_type, body = error_body(status, message)
    head = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", f"Content-Type: {content_type}",
            f"Content-Length: {len(body)}", "Connection: close", "Server: jakgraph",
            *(f"{name}: {value}" for name, value in CORS.items())]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body
