"""Tiny misbehaving SPARQL endpoints on 127.0.0.1 for the push and remote-store tests, each in a thread.

* :func:`trickling` sends its reply one byte every half second, without end;
* :func:`answering` gives every request the same reply (a web page, a body that does not parse);
* :func:`failing_proxy` passes requests on to a real server, except the Nth that matches a text, which it
  fails in one of several ways.

They are test doubles, not servers: the standard library's ``http.server`` is enough for them.
"""
from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs

TRICKLED_HEAD = (b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                 b"Content-Length: 100000\r\n\r\n")

CUT_REPLY = (b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\nContent-Length: 1000\r\n\r\n"
             b'{"head"')


@dataclass
class Endpoint:
    """A test double listening on 127.0.0.1; ``stop()`` ends it and every reply it is still sending."""

    server: ThreadingHTTPServer
    stopping: threading.Event
    requests: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()


def start(handle: Callable[["Handler", str], None]) -> Endpoint:
    """Serve POSTs (and GETs) with ``handle(handler, decoded form text)`` on a free port of 127.0.0.1."""
    stopping = threading.Event()

    class Bound(Handler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            text = self.rfile.read(length).decode("utf-8", "replace")
            endpoint.requests.append(text)
            handle(self, text)

        do_GET = do_POST

    server = ThreadingHTTPServer(("127.0.0.1", 0), Bound)
    server.daemon_threads = True
    endpoint = Endpoint(server, stopping)
    Bound.stopping = stopping
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return endpoint


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    stopping: threading.Event

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def reply(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True


def trickling(interval: float = 0.5) -> Endpoint:
    """Every reply comes one byte per ``interval`` seconds, status line first, and never ends."""

    def handle(handler: Handler, text: str) -> None:
        position = 0
        while not handler.stopping.is_set():
            byte = TRICKLED_HEAD[position:position + 1] or b" "
            try:
                handler.wfile.write(byte)
                handler.wfile.flush()
            except OSError:
                return  # the client gave up
            position += 1
            handler.stopping.wait(interval)
        handler.close_connection = True

    return start(handle)


def answering(status: int, content_type: str, body: bytes) -> Endpoint:
    """Every request, query or update, gets this reply."""
    return start(lambda handler, text: handler.reply(status, content_type, body))


@dataclass
class Fault:
    """Fail the ``nth`` request whose form text contains ``match`` (decoded), in the way ``how`` says.

    ``error``: answer 500 without passing it on. ``cut``: pass it on, then send the head and 7 of 1,000 bytes and close.
    ``hold``: pass it on, then say nothing until the endpoint stops (``held`` is set once it is held).
    """

    match: str
    nth: int
    how: str
    seen: int = 0
    held: threading.Event = field(default_factory=threading.Event)


def failing_proxy(query_url: str, update_url: str, fault: Fault) -> Endpoint:
    """Pass ``/query`` and ``/update`` on to a real server's ``query_url`` and ``update_url``, failing one request."""

    def handle(handler: Handler, text: str) -> None:
        form = {name: values[0] for name, values in parse_qs(text).items()}
        sparql = form.get("query") or form.get("update") or ""
        if fault.match in sparql:
            fault.seen += 1
            if fault.seen == fault.nth:
                if fault.how == "error":
                    handler.reply(500, "text/plain", b"simulated failure\nsecond line")
                    return
                status, content_type, body = forward(handler, text)
                if fault.how == "cut":
                    handler.wfile.write(CUT_REPLY)
                    handler.close_connection = True
                    return
                fault.held.set()
                handler.stopping.wait(120)
                handler.close_connection = True
                return
        handler.reply(*forward(handler, text))

    def forward(handler: Handler, text: str) -> tuple[int, str, bytes]:
        target = update_url if handler.path.startswith("/update") else query_url
        request = urllib.request.Request(target, data=text.encode("utf-8"), method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": handler.headers.get("Accept", "*/*")})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.headers.get("Content-Type", "text/plain"), response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Content-Type", "text/plain"), error.read()

    return start(handle)


def wait_for(event: threading.Event, seconds: float, what: str) -> None:
    """Wait for ``event``, failing loudly after ``seconds``."""
    if not event.wait(seconds):
        raise AssertionError(f"{what} did not happen within {seconds} s")


def elapsed(since: float) -> float:
    return time.monotonic() - since
