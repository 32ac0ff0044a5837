"""One SPARQL protocol request (a query or an update POSTed as a form) that is over by a deadline.

urllib does the HTTP, redirects, proxies and Basic or Digest authentication; its ``timeout`` bounds each socket
operation only, so every connection it opens here is also given to a :class:`~.deadline.Watchdog`, which shuts
it down when the deadline passes. Connecting, sending and reading all end by the deadline, however slowly the
server trickles its reply.
"""
from __future__ import annotations

import http.client
import math
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import partial
from typing import Any
from urllib.parse import urlencode

from .deadline import Deadline, Watchdog



def user_agent() -> str:
    """``jakgraph/VERSION``, the version read from the installed package."""
    import jakgraph

    return f"jakgraph/{jakgraph.__version__}"


@dataclass(frozen=True)
class Reply:
    """What the server answered: the status (errors included), the media type without parameters ("" if none)."""

    url: str
    status: int
    reason: str
    content_type: str
    body: bytes


class DeadlinePassed(Exception):
    """The deadline passed before the whole reply was read; what the server did with the request is unknown."""


def post(url: str, form: dict[str, str], accept: str, deadline: Deadline,
         user: str | None = None, password: str | None = None) -> Reply:
    """POST ``form`` to ``url`` and read the whole reply, or raise :class:`DeadlinePassed` by ``deadline``.

    Other failures are urllib's: ``URLError`` when connecting or sending failed (the request did not get
    there), ``OSError`` or ``http.client.HTTPException`` when the connection broke before the reply was read,
    ``ValueError`` for a URL urllib cannot use.
    """
    if deadline.left() <= 0:
        raise DeadlinePassed()
    request = urllib.request.Request(url, data=urlencode(form).encode("ascii"), method="POST", headers={
        "Accept": accept, "Content-Type": "application/x-www-form-urlencoded", "User-Agent": user_agent()})
    watchdog = Watchdog(deadline)
    response: Any = None
    try:
        with watchdog:
            try:
                response = opener(watchdog, url, user, password).open(request, timeout=socket_timeout(deadline))
            except urllib.error.HTTPError as refused:
                response = refused
            body = response.read()
    except (OSError, http.client.HTTPException) as error:
        if watchdog.expired or deadline.left() <= 0 or timed_out(error):
            raise DeadlinePassed() from None
        raise
    finally:
        if response is not None:
            response.close()
    if watchdog.expired:  # the shut-down socket may have read as the end of a shorter body
        raise DeadlinePassed()
    status = response.code if isinstance(response, urllib.error.HTTPError) else response.status
    content_type = (response.headers or {}).get("Content-Type", "").split(";")[0].strip().lower()
    return Reply(url, status, str(response.reason), content_type, body)


def socket_timeout(deadline: Deadline) -> float | None:
    """The time left, as urllib's per-operation timeout (also the bound on connecting); None when unbounded."""
    left = deadline.left()
    return left if math.isfinite(left) else None


def timed_out(error: BaseException) -> bool:
    """A socket time-out, as raised or as the reason of a URLError."""
    return isinstance(error, TimeoutError) or isinstance(getattr(error, "reason", None), TimeoutError)


def opener(watchdog: Watchdog, url: str, user: str | None, password: str | None) -> urllib.request.OpenerDirector:
    """urllib's opener with watched connections and, given a user, Basic and Digest authentication for ``url``
    (the server's challenge says which)."""
    handlers: list[urllib.request.BaseHandler] = [WatchedHTTPHandler(watchdog), WatchedHTTPSHandler(watchdog)]
    if user:
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPBasicAuthHandler(passwords), urllib.request.HTTPDigestAuthHandler(passwords)]
    return urllib.request.build_opener(*handlers)


class WatchedConnection:
    """An ``http.client`` connection whose socket is given to a watchdog as soon as it is connected."""

    def __init__(self, *args: Any, watchdog: Watchdog, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.watchdog = watchdog

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.watchdog.watch(self.sock)  # type: ignore[attr-defined]


class WatchedHTTPConnection(WatchedConnection, http.client.HTTPConnection):
    pass


class WatchedHTTPSConnection(WatchedConnection, http.client.HTTPSConnection):
    pass


class WatchedHTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: Watchdog) -> None:
        super().__init__()
        self.watchdog = watchdog

    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
        return super().do_open(partial(WatchedHTTPConnection, watchdog=self.watchdog), req, **kwargs)


class WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: Watchdog) -> None:
        super().__init__()
        self.watchdog = watchdog

    def do_open(self, http_class: Any, req: urllib.request.Request, **kwargs: Any) -> Any:
        return super().do_open(partial(WatchedHTTPSConnection, watchdog=self.watchdog), req, **kwargs)
