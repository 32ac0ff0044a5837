"""SPARQL servers on 127.0.0.1 that a user might pick instead of the embedded store: an Oxigraph server and Virtuoso 7,
started in a folder of their own, loaded with their own bulk loaders, and stopped after.

The test suite starts them the same way (``tests/support/servers.py``); the benchmark also loads a file into each
(:func:`load_oxigraph` before the server starts, :func:`load_virtuoso` into the running server) and reads the
server's peak memory (:func:`peak_mb`) before stopping it.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

VIRTUOSO_INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
DirsAllowed = ., {d}{dirs}
CaseMode = 2
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
MaxClientConnections = 10
CheckpointInterval = 60

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {d}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = {max_seconds}
MaxQueryCostEstimationTime = 0
"""
BUFFER_BYTES = 8192  # a Virtuoso buffer caches one 8 KB database page
VIRTUOSO_GRAPH = "https://w3id.org/jakgraph/graph/bench"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    name: str
    process: subprocess.Popen
    query_url: str
    update_url: str
    user: str | None = None
    password: str | None = None
    log: Path | None = None
    sql_port: int | None = None  # Virtuoso's SQL port, for isql

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_until_answering(server: Server, seconds: float = 60) -> None:
    """Poll the query endpoint with ASK until it answers; fail loudly with the server's log otherwise."""
    from jakgraph.queries.catalog import internal_query

    deadline = time.monotonic() + seconds
    url = server.query_url + "?" + urllib.parse.urlencode({"query": internal_query("server-answers")})
    last = ""
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        try:
            request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError) as exc:
            last = str(exc)
        time.sleep(0.3)
    server.stop()
    log = server.log.read_text(errors="replace")[-2000:] if server.log and server.log.exists() else ""
    raise RuntimeError(f"{server.name} did not answer at {server.query_url} within {seconds} s ({last})\n{log}")


def oxigraph_binary() -> str:
    """The ``oxigraph`` command of the PyPI package ``oxigraph`` (the test extra installs it)."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        raise RuntimeError("the oxigraph server is missing: install the test extra (pip install -e '.[test]')")
    return binary


def start_oxigraph(folder: Path, read_only: bool = False) -> Server:
    """``oxigraph serve`` (or ``serve-read-only`` on a loaded folder) on a free port of 127.0.0.1."""
    port = free_port()
    log = folder / "oxigraph.log"
    command = "serve-read-only" if read_only else "serve"
    process = subprocess.Popen([oxigraph_binary(), command, "--location", str(folder / "data"),
                                "--bind", f"127.0.0.1:{port}"], stdout=log.open("w"), stderr=subprocess.STDOUT)
    server = Server("oxigraph", process, f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/update", log=log)
    wait_until_answering(server)
    return server


def load_oxigraph(folder: Path, file: Path) -> float:
    """``oxigraph load`` of an N-Triples file into the default graph of ``folder/data``; seconds it took."""
    started = time.perf_counter()
    subprocess.run([oxigraph_binary(), "load", "--location", str(folder / "data"), "--file", str(file)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - started


def start_virtuoso(folder: Path, buffers: int = 10000, dirs: tuple[Path, ...] = (), max_seconds: int = 120) -> Server:
    """``virtuoso-t`` (Debian virtuoso-opensource) with its own ini in ``folder``, on free ports of 127.0.0.1.

    ``buffers`` is Virtuoso's page cache in 8 KB pages (10,000 for the tests; the benchmark gives it more);
    ``dirs`` are folders its bulk loader may read from.
    """
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise RuntimeError("virtuoso-t is missing: run tests/install-system-packages.sh (Debian virtuoso-opensource)")
    http_port, sql_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(
        d=folder, http_port=http_port, sql_port=sql_port, buffers=buffers, dirty=buffers * 3 // 4,
        dirs="".join(f", {d}" for d in dirs), max_seconds=max_seconds))
    log = folder / "virtuoso.log"
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=(folder / "stdout.log").open("w"), stderr=subprocess.STDOUT,
                               env={**os.environ, "LC_ALL": "C"})
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", process, f"{base}/sparql", f"{base}/sparql-auth", "dba", "dba", log=log,
                    sql_port=sql_port)
    wait_until_answering(server, seconds=90)
    return server


def isql(server: Server, statements: str) -> str:
    """Run SQL statements in the server through ``isql-vt``; their output, or RuntimeError with it."""
    binary = shutil.which("isql-vt") or shutil.which("isql")
    if binary is None:
        raise RuntimeError("isql-vt is missing: it comes with Debian's virtuoso-opensource")
    done = subprocess.run([binary, f"127.0.0.1:{server.sql_port}", server.user or "dba", server.password or "dba",
                           f"exec={statements}"], capture_output=True, text=True)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise RuntimeError(f"isql: {(done.stdout + done.stderr).strip()[-500:]}")
    return done.stdout


def load_virtuoso(server: Server, file: Path, graph: str = VIRTUOSO_GRAPH) -> float:
    """Virtuoso's bulk loader (``ld_dir``, ``rdf_loader_run``, ``checkpoint``) on one file; seconds it took."""
    started = time.perf_counter()
    isql(server, f"ld_dir('{file.parent}', '{file.name}', '{graph}'); rdf_loader_run(); checkpoint;")
    failed = isql(server, "SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;")
    if file.name in failed:
        raise RuntimeError(f"Virtuoso's bulk loader failed on {file.name}: {failed.strip()[-300:]}")
    return time.perf_counter() - started


def peak_mb(server: Server) -> float:
    """The server process's peak resident memory (VmHWM), in MB; 0 where /proc does not tell."""
    try:
        status = Path(f"/proc/{server.process.pid}/status").read_text()
    except OSError:
        return 0.0
    kilobytes = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0)
    return kilobytes * 1024 / 1e6
