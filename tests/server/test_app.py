"""The routes of ``jakgraph serve`` called as an ASGI application, with a worker pool that fails on purpose."""
from __future__ import annotations

import asyncio
import io
import re
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # tests/server: a server's parts


class BrokenPool:
    """A worker pool with a programming error in it."""

    def run(self, job: object) -> object:
        raise RuntimeError("/home/someone/store/builds/current is broken")


def call(path: str, query: bytes, headers: list[tuple[bytes, bytes]]) -> tuple[list[dict[str, Any]], str, str]:
    """The messages the application sends for one GET, the exception it lets out (for Uvicorn's log), and its log."""
    from jakgraph.graph.server.app import create_app
    from jakgraph.graph.server.request_log import RequestLog
    from jakgraph.graph.server.settings import ServerSettings

    log = io.StringIO()
    app = create_app(BrokenPool(), ServerSettings(), b"home", RequestLog(stream=log))  # type: ignore[arg-type]
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query, "root_path": "",
             "headers": [(b"host", b"x"), *headers], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 2)}
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    raised = ""
    try:
        asyncio.run(app(scope, receive, send))
    except RuntimeError as exc:
        raised = str(exc)
    return sent, raised, log.getvalue()


@pytest.mark.parametrize(("accept", "body"), [(None, b"internal error: RuntimeError\n"),
                                              (b"application/json",
                                               b'{"status": 500, "error": "internal error: RuntimeError"}\n')])
def test_a_programming_error_is_a_one_line_500_without_details(accept, body):
    sent, raised, log = call("/sparql", b"query=ASK%7B%7D", [(b"accept", accept)] if accept else [])
    start, reply = sent
    assert start["status"] == 500 and reply["body"] == body
    assert dict(start["headers"])[b"access-control-allow-origin"] == b"*"
    assert raised == "/home/someone/store/builds/current is broken"  # Uvicorn logs it with its traceback
    assert re.search(rf' 127\.0\.0\.1 "GET /sparql\?query=ASK%7B%7D HTTP/1\.1" 500 {len(body)} B \d+\.\d ms\n$', log)
