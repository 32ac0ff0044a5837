"""What Uvicorn's HTTP/1.1 protocol (h11) leaves open, filled in by one subclass of it.

Uvicorn (0.54) closes a kept-alive connection after ``timeout_keep_alive`` and caps a request head with
``h11_max_incomplete_event_size``, but it sets no timer on a new connection or on a request whose head or body
is still arriving, its ``limit_concurrency`` answers 503 yet keeps every connection open (so idle connections
can use up the open files), and its own error replies come without CORS. This subclass:

- gives a request ``header_timeout`` seconds for its line and headers, counted from the connection's opening or
  from the first byte after a kept-alive reply, and as long again for its body; then answers ``408`` (if any of
  it came) and closes;
- keeps at most ``max_connections`` open: at the cap, a new connection closes the one that has waited longest
  for a request; if every connection is busy answering, the new one gets ``503`` and is closed;
- answers malformed requests with the server's one error format: ``400``, ``414`` (request line over the head
  size), ``431`` (headers over it).

asyncio uses one number as the kernel's listen backlog and as the connections it accepts in one go; a small
batch keeps the open files in reach of the cap, so :class:`BacklogServer` sets the kernel's backlog back up.
"""
from __future__ import annotations

import asyncio
import socket
from collections import OrderedDict
from typing import Any, Callable

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from .replies import raw_error
from .settings import LISTEN_BACKLOG

DEFAULT_HEAD_LIMIT = 16 << 10  # h11's own, when Uvicorn is not given one
LINGER = 1.0  # seconds an error reply waits, reading and dropping what the client still sends, before closing
LogLine = Callable[[str, str, int, int], None]  # (client, request, status, size)


class Connections:
    """The open connections, the one waiting longest for a request first."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._open: OrderedDict[GuardedH11Protocol, None] = OrderedDict()

    def __len__(self) -> int:
        return len(self._open)

    def admit(self, connection: "GuardedH11Protocol") -> bool:
        """Count a new connection; at the cap, close the longest idle one first. False: no room (all busy)."""
        if len(self._open) >= self.limit:
            idle = next((other for other in self._open if other.waiting_for_request()), None)
            if idle is None:
                return False
            self.forget(idle)
            idle.close_idle()
        self._open[connection] = None
        return True

    def touch(self, connection: "GuardedH11Protocol") -> None:
        """The connection did something: it goes to the back of the idle line."""
        if connection in self._open:
            self._open.move_to_end(connection)

    def forget(self, connection: "GuardedH11Protocol") -> None:
        self._open.pop(connection, None)


class GuardedH11Protocol(H11Protocol):
    """Uvicorn's h11 protocol with a header timeout, a connection cap and the server's error format."""

    registry: Connections
    header_timeout: float
    log_line: LogLine

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._reading_body = False
        self._received_any = False
        self._lingering = False

    # --- the connection's life ---------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if not self.registry.admit(self):
            self._reply_and_close(503, "the server has too many open connections; try again later", linger=False)
            return
        self._arm(self.header_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self.registry.forget(self)
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._lingering:
            return  # the rest of a refused request
        self.registry.touch(self)
        self._received_any = True
        if self._deadline is None and self.conn.their_state is h11.IDLE:
            self._arm(self.header_timeout)  # the first byte of a request on a kept-alive connection
        super().data_received(data)
        self._follow_request()

    def on_response_complete(self) -> None:
        self.registry.touch(self)
        self._reading_body = False
        self._received_any = False
        self._disarm()
        super().on_response_complete()  # arms Uvicorn's keep-alive timer, then reads a pipelined request
        self._follow_request()

    def waiting_for_request(self) -> bool:
        """Whether no request is being answered on this connection (it may be idle or half-sent)."""
        return self.cycle is None or self.cycle.response_complete

    def close_idle(self) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self.transport.close()

    # --- the request deadline ----------------------------------------------------------------------------
    def _follow_request(self) -> None:
        """Move the deadline along the request: body time once the head is in, none once it is all in."""
        state = self.conn.their_state
        if state is h11.SEND_BODY and not self._reading_body:
            self._reading_body = True
            self._disarm()
            self._arm(self.header_timeout)
        elif state in (h11.DONE, h11.MUST_CLOSE, h11.CLOSED, h11.ERROR):
            self._disarm()

    def _arm(self, seconds: float) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._deadline_passed)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _deadline_passed(self) -> None:
        self._deadline = None
        if self.transport.is_closing() or self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            return
        if self.conn.their_state is h11.SEND_BODY or not self._received_any:
            self.transport.close()  # a body that stalls (the app sees a disconnect), or a silent connection
            return
        self._reply_and_close(408, f"the request did not arrive within {self.header_timeout:g} s")

    # --- replies before or without a request -------------------------------------------------------------
    def send_400_response(self, msg: str) -> None:
        """A request h11 cannot read: 414 or 431 when it outgrew the head size, else 400."""
        buffered = self.conn.trailing_data[0]
        limit = self.config.h11_max_incomplete_event_size or DEFAULT_HEAD_LIMIT
        if len(buffered) > limit and b"\n" not in buffered:
            self._reply_and_close(414, f"the request line is longer than {limit} bytes; send the query by POST")
        elif len(buffered) > limit:
            self._reply_and_close(431, f"the request headers are larger than {limit} bytes")
        else:
            self._reply_and_close(400, "the request is not valid HTTP/1.1")

    def _reply_and_close(self, status: int, message: str, linger: bool = True) -> None:
        """Send an error and close; with ``linger``, first drop what the client is still sending for a moment, so
        that closing with unread data (a TCP reset) does not destroy the reply before the client reads it."""
        self._disarm()
        if self.transport.is_closing():
            return
        reply = raw_error(status, message)
        self.transport.write(reply)
        client = f"{self.client[0]}" if self.client else "-"
        self.log_line(client, "-", status, len(reply))
        if not linger or not self.transport.can_write_eof():
            self.transport.close()
            return
        self._lingering = True
        self.transport.write_eof()
        self.loop.call_later(LINGER, self.close_idle)


def protocol_class(connections: Connections, header_timeout: float, log_line: LogLine) -> type[GuardedH11Protocol]:
    """The protocol class Uvicorn builds for each connection, bound to one server's connections and limits."""
    return type("JakgraphH11Protocol", (GuardedH11Protocol,),
                {"registry": connections, "header_timeout": header_timeout, "log_line": staticmethod(log_line)})


class BacklogServer(uvicorn.Server):
    """Uvicorn's server, with the kernel's listen backlog set back to :data:`LISTEN_BACKLOG` once asyncio has set
    it to the accept batch (Uvicorn's ``backlog``)."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        for listener in sockets or []:
            listener.listen(LISTEN_BACKLOG)
