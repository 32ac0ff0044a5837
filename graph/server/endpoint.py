"""``jakgraph serve``: a read-only SPARQL 1.1 Protocol endpoint over the embedded store, with dereferenceable IRIs,
a SPARQL workbench, the stored questions as a REST API, search by label and the network views.

Uvicorn (HTTP/1.1, keep-alive) runs the Starlette routes of :mod:`.app`; :mod:`.connections` adds what Uvicorn
lacks (a header timeout, a connection cap that frees open files); queries run in the worker processes of
:mod:`.worker`, each killed on timeout and capped in memory.
"""
from __future__ import annotations

import socket
import sys

from jakgraph.errors import UserError
from jakgraph.graph.store.folder import StoreFolder

from .settings import ACCEPT_BATCH, LISTEN_BACKLOG, ServerSettings, connection_room


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` (port 0: any free port) and listening; one line of UserError if it cannot."""
    if not 0 <= port <= 65535:
        raise UserError(f"port {port} is out of range: use 1 to 65535, or 0 for any free port")
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        listener = socket.socket(family, kind, proto)
    except OSError as exc:
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
        listener.listen(LISTEN_BACKLOG)
    except OSError as exc:
        listener.close()
        raise UserError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    listener.setblocking(False)
    return listener


def serve(folder: StoreFolder, settings: ServerSettings) -> None:
    """Serve the store until interrupted (Ctrl-C or SIGTERM); workers are stopped on the way out."""
    import logging

    import uvicorn

    from .app import create_app
    from .connections import BacklogServer, Connections, protocol_class
    from jakgraph.queries.catalog import all_queries

    from .workbench import workbench_page
    from .request_log import RequestLog
    from .worker import WorkerPool

    folder.require_current()  # a missing store is a one-line error before anything starts
    room = connection_room(settings.workers)
    if room < 1:
        raise UserError("the open-file limit is too low to serve (raise it with ulimit -n)")
    max_connections = min(settings.max_connections, room)
    listener = listening_socket(settings.host, settings.port)
    log = RequestLog(settings.quiet)
    pool = WorkerPool(folder.path, settings.workers, settings.timeout, settings.worker_memory)
    app = create_app(pool, settings, workbench_page(all_queries()), log)
    config = uvicorn.Config(
        app, http=protocol_class(Connections(max_connections), settings.header_timeout, log.line),
        loop="asyncio", ws="none", lifespan="off", interface="asgi3", log_config=None, access_log=False,
        proxy_headers=False, server_header=False, headers=[("Server", "jakgraph")], backlog=ACCEPT_BATCH,
        timeout_keep_alive=settings.idle_timeout, timeout_graceful_shutdown=3,  # type: ignore[arg-type]
        h11_max_incomplete_event_size=settings.max_header_bytes)
    logging.getLogger("uvicorn.error").setLevel(logging.ERROR)  # malformed requests are in the request log instead
    try:
        pool.start()
        host, port = listener.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        print(f"jakgraph serve: http://{shown}:{port}/ (workbench; SPARQL at /sparql, API at /api), store {folder.path},"
              f" {settings.workers} workers of {settings.worker_memory} MB, timeout {settings.timeout:g} s,"
              f" at most {settings.max_results} results, {max_connections} connections; Ctrl-C stops",
              file=sys.stderr, flush=True)
        if settings.host not in ("127.0.0.1", "localhost", "::1"):
            print(f"jakgraph serve: listening on {settings.host}: other machines can reach this endpoint",
                  file=sys.stderr)
        BacklogServer(config).run(sockets=[listener])
    finally:
        listener.close()
        pool.close()
