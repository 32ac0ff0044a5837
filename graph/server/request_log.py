"""The request log of ``jakgraph serve``: one line per request with time, client, request, status, size, duration."""
from __future__ import annotations

import sys
import time
from typing import Any, Awaitable, Callable, TextIO

Message = dict[str, Any]
ASGIApp = Callable[[dict[str, Any], Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]],
                   Awaitable[None]]
SHOWN_TARGET = 200  # characters of the path and query shown


class RequestLog:
    """Writes the lines, or nothing when ``quiet``."""

    def __init__(self, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr

    def line(self, client: str, request: str, status: int, size: int, seconds: float | None = None) -> None:
        """``2025-01-31T12:00:00+0000 127.0.0.1 "GET /sparql?query=… HTTP/1.1" 200 1234 B 5.1 ms``"""
        if self.quiet:
            return
        when = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        duration = "-" if seconds is None else f"{seconds * 1000:.1f} ms"
        shown = request if len(request) <= SHOWN_TARGET else request[:SHOWN_TARGET - 1] + "…"
        self.stream.write(f"{when} {client} \"{shown}\" {status} {size} B {duration}\n")
        self.stream.flush()


class RequestLogMiddleware:
    """ASGI middleware that logs each request once its reply is sent (or failed)."""

    def __init__(self, app: ASGIApp, log: RequestLog) -> None:
        self.app, self.log = app, log

    async def __call__(self, scope: dict[str, Any], receive: Callable[[], Awaitable[Message]],
                       send: Callable[[Message], Awaitable[None]]) -> None:
        if scope["type"] != "http" or self.log.quiet:
            await self.app(scope, receive, send)
            return
        started = time.monotonic()
        status, size = 500, 0

        async def sending(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and scope["method"] != "HEAD":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            target = scope.get("raw_path", b"").decode("latin-1")
            if scope.get("query_string"):
                target += "?" + scope["query_string"].decode("latin-1")
            client = scope["client"][0] if scope.get("client") else "-"
            request = f"{scope['method']} {target} HTTP/{scope.get('http_version', '1.1')}"
            self.log.line(client, request, status, size, time.monotonic() - started)
