"""One file of a release published at an ``http(s)://`` URL, read whole by a deadline."""
from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from typing import Any

from jakgraph.errors import UserError, first_line
from jakgraph.graph.store.deadline import Deadline, Watchdog
from jakgraph.graph.store.sparql_http import opener, socket_timeout, timed_out, user_agent

TIMEOUT = 60.0


def release_url(base: str, name: str) -> str:
    """The URL of file ``name`` of the release at ``base`` (with or without its final slash).

    >>> release_url("https://example.org/jakgraph/0.1.0", "void.ttl")
    'https://example.org/jakgraph/0.1.0/void.ttl'
    """
    return base.rstrip("/") + "/" + name


def fetch(url: str, timeout: float = TIMEOUT) -> bytes:
    """The body of ``url``; a one-line UserError when it cannot be had within ``timeout`` seconds or is not a 200."""
    deadline = Deadline.after(timeout, "the download")
    request = urllib.request.Request(url, headers={"User-Agent": user_agent()})
    watchdog = Watchdog(deadline)
    response: Any = None
    try:
        with watchdog:
            response = opener(watchdog, url, None, None).open(request, timeout=socket_timeout(deadline))
            body = response.read()
    except urllib.error.HTTPError as refused:
        raise UserError(f"{url}: the server answered {refused.code} {refused.reason}") from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        if watchdog.expired or timed_out(error):
            raise UserError(f"{url}: no complete answer {deadline.describe()}") from None
        reason = getattr(error, "reason", None) or error
        raise UserError(f"{url}: cannot be fetched: {first_line(str(reason))}") from None
    finally:
        if response is not None:
            response.close()
    if watchdog.expired:
        raise UserError(f"{url}: no complete answer {deadline.describe()}")
    return body
