"""Start real SPARQL servers on 127.0.0.1 for the tests (Oxigraph server, Virtuoso) and stop them after."""
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
DirsAllowed = ., {d}
CaseMode = 2
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
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
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
DefaultQuery = SELECT * WHERE {{ ?s ?p ?o }} LIMIT 1
"""


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
    deadline = time.monotonic() + seconds
    url = server.query_url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
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


def start_oxigraph(folder: Path) -> Server:
    """``oxigraph serve`` from the PyPI package ``oxigraph``, on a free port of 127.0.0.1."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        raise RuntimeError("the oxigraph server is missing: install the test extra (pip install -e '.[test]')")
    port = free_port()
    log = folder / "oxigraph.log"
    process = subprocess.Popen([binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
                               stdout=log.open("w"), stderr=subprocess.STDOUT)
    server = Server("oxigraph", process, f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/update", log=log)
    wait_until_answering(server)
    return server


def start_virtuoso(folder: Path) -> Server:
    """``virtuoso-t`` (Debian virtuoso-opensource) with its own ini in ``folder``, on free ports of 127.0.0.1."""
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise RuntimeError("virtuoso-t is missing: run tests/install-system-packages.sh (Debian virtuoso-opensource)")
    http_port, sql_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(d=folder, http_port=http_port, sql_port=sql_port))
    log = folder / "virtuoso.log"
    process = subprocess.Popen([binary, "+foreground", "+configfile", str(folder / "virtuoso.ini")], cwd=folder,
                               stdout=(folder / "stdout.log").open("w"), stderr=subprocess.STDOUT,
                               env={**os.environ, "LC_ALL": "C"})
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", process, f"{base}/sparql", f"{base}/sparql-auth", "dba", "dba", log=log)
    wait_until_answering(server, seconds=90)
    return server
