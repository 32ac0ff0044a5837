"""A deadline for one request or a series of them, and the watchdog that holds a connection to it.

A socket timeout bounds each read, not the request: a server that sends one byte a second keeps
``urlopen(url, timeout=3)`` going for as long as it likes, since every read returns within the timeout. The
watchdog shuts the connection's socket down when the deadline passes, which ends a blocked read at once
whatever the server does; the request then fails as a time-out.
"""
from __future__ import annotations

import math
import socket
import threading
import time
from dataclasses import dataclass
from types import TracebackType


@dataclass(frozen=True)
class Deadline:
    """A moment on the monotonic clock, with the seconds it was set for and what they were given to.

    >>> deadline = Deadline.after(3, "the push")
    >>> 0 < deadline.left() <= 3, deadline.describe()
    (True, 'within the 3 s given to the push')
    """

    end: float
    seconds: float
    purpose: str = ""

    @classmethod
    def after(cls, seconds: float, purpose: str = "") -> "Deadline":
        """The deadline ``seconds`` from now."""
        return cls(time.monotonic() + seconds, seconds, purpose)

    def left(self) -> float:
        """Seconds until the deadline (0 once it has passed; infinite for an infinite deadline)."""
        return max(0.0, self.end - time.monotonic())

    def sooner(self, other: "Deadline | None") -> "Deadline":
        """Whichever of the two comes first."""
        return self if other is None or self.end <= other.end else other

    def describe(self) -> str:
        """``within 3 s``, or ``within the 3 s given to the push``: how a time-out message says it."""
        return f"within the {self.seconds:g} s given to {self.purpose}" if self.purpose else f"within {self.seconds:g} s"


class Watchdog:
    """Shuts down every socket it watches once ``deadline`` passes; a context manager around one request.

    >>> with Watchdog(Deadline.after(0.1)) as watchdog:
    ...     time.sleep(0.2)
    >>> watchdog.expired
    True
    """

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.expired = False
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        if math.isfinite(deadline.end):
            self.timer = threading.Timer(deadline.left(), self.expire)
            self.timer.daemon = True

    def __enter__(self) -> "Watchdog":
        if self.timer is not None:
            self.timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer.join()  # no socket is shut down after this returns, so the caller may close them

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down when the deadline passes (at once if it has)."""
        with self.lock:
            self.sockets.append(sock)
            expired = self.expired
        if expired:
            shut(sock)

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            sockets = list(self.sockets)
        for sock in sockets:
            shut(sock)


def shut(sock: socket.socket) -> None:
    """Shut a socket down both ways, which wakes a thread blocked reading it.

    The plain socket's ``shutdown`` is called even for a TLS socket: the TLS socket's own would also drop its TLS
    state under the thread that is reading.
    """
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass  # already closed
