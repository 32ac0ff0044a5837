"""The limits of ``jakgraph serve``, each with its default, in one typed record."""
from __future__ import annotations

import os
import resource
from dataclasses import dataclass

MIN_WORKER_MEMORY_MB = 256  # a worker needs about 200 MB of data segment to open the store (RocksDB's threads)
ACCEPT_BATCH = 64  # connections asyncio accepts in one go (the backlog it is given), before any can make room
LISTEN_BACKLOG = 2048  # connections the kernel holds until they are accepted (Uvicorn's default)
FILES_PER_WORKER = 4  # the parent's ends of a worker's pipe and its process sentinel
FILES_RESERVED = 64  # standard streams, the listening socket, the event loop, threads, the store's lock


def default_worker_memory_mb(workers: int) -> int:
    """Half of this machine's memory shared by the workers, at least :data:`MIN_WORKER_MEMORY_MB` each."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") >> 20
    return max(MIN_WORKER_MEMORY_MB, total // 2 // max(1, workers))


def connection_room(workers: int) -> int:
    """Connections the open-file limit leaves room for, after raising the soft limit to the hard one if it can.

    Four accept batches are kept free: asyncio accepts a batch in each turn of its loop, and a new connection closes
    an idle one only two or three turns after it was accepted (measured: with two, 1,100 connections under a
    limit of 1,024 open files ran out of them).
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard > soft:
        wanted = 65536 if hard == resource.RLIM_INFINITY else hard
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return soft - FILES_RESERVED - 4 * ACCEPT_BATCH - FILES_PER_WORKER * workers


@dataclass(frozen=True)
class ServerSettings:
    """Where the server listens and every limit it keeps (``jakgraph serve --help`` names each option)."""

    host: str = "127.0.0.1"
    port: int = 7878
    workers: int = 4
    timeout: float = 10.0  # seconds a query may run before its worker is killed (503)
    max_results: int = 10_000  # rows or triples sent at most; more are cut and flagged
    worker_memory_mb: int = 0  # data segment of a worker (RLIMIT_DATA); 0: default_worker_memory_mb(workers)
    idle_timeout: float = 5.0  # seconds a kept-alive connection may wait for its next request
    header_timeout: float = 10.0  # seconds for a request's line and headers to arrive, and as many for its body
    max_connections: int = 1000  # open connections; at the limit the one idle longest is closed
    max_body_bytes: int = 1 << 20  # a POST body (413 beyond)
    max_url_bytes: int = 32 << 10  # path and query string of a request (414 beyond)
    max_header_bytes: int = 64 << 10  # request line and headers together (431 beyond)
    quiet: bool = False  # no request log

    @property
    def worker_memory(self) -> int:
        """Megabytes of data segment each query worker may use."""
        return self.worker_memory_mb or default_worker_memory_mb(self.workers)
