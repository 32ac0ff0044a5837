"""``jakgraph serve`` and ``jakgraph sparql`` under hostile input: SERVICE hidden every way, slow and idle clients,
oversized requests, memory-hungry and deeply nested queries, leaks in replies."""
from __future__ import annotations

import json
import re
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

import pytest
from service_corpus import Listener, hiding_places, mentions
from test_server import SLOW, Server, get_query, http, post_form, start_server, stop_server

from conftest import ROOT, run_cli

pytestmark = pytest.mark.slow

HEADER_TIMEOUT = 2
IDLE_TIMEOUT = 2
DEEP = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000
FOUR_WAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l"
ASK = "ASK { drug:baricitinib a jak:Drug }"
TRUE = b'{"head":{},"boolean":true}'


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    running = Listener()
    yield running
    running.close()


@pytest.fixture(scope="module")
def guarded(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with short header and idle timeouts, logging every request."""
    running = start_server(store_path, tmp_path_factory.mktemp("guarded") / "serve.log", "--header-timeout",
                           str(HEADER_TIMEOUT), "--idle-timeout", str(IDLE_TIMEOUT), quiet=False)
    yield running
    stop_server(running)


def port(server: Server) -> int:
    return int(server.base.rsplit(":", 1)[1])


def connect(server: Server) -> socket.socket:
    connection = socket.create_connection(("127.0.0.1", port(server)), timeout=10)
    return connection


def read_until_closed(connection: socket.socket, limit: float = 10) -> tuple[bytes, float]:
    """Everything the server sends until it closes the connection, and how long that took."""
    started, received = time.monotonic(), b""
    connection.settimeout(limit)
    while True:
        try:
            chunk = connection.recv(65536)
        except (ConnectionResetError, socket.timeout):
            break
        if not chunk:
            break
        received += chunk
    return received, time.monotonic() - started


def head_and_body(reply: bytes) -> tuple[str, dict[str, str], bytes]:
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    return lines[0], headers, body


# --- SERVICE: never a request to another host -----------------------------------------------------------------

@pytest.mark.parametrize("transport", ["GET", "POST form", "POST body"])
def test_no_hiding_place_reaches_the_listener_through_the_server(guarded, listener, transport):
    places = hiding_places(listener.url)
    assert len(places) >= 30
    answers = {}
    for name, query in places:
        if transport == "GET":
            answer = get_query(guarded, query)
        elif transport == "POST form":
            answer = post_form(guarded, query=query)
        else:
            answer = http(guarded.base + "/sparql", query.encode(), Content_Type="application/sparql-query")
        answers[name] = (answer.status, answer.text)
    expected = {name: (403, "SERVICE (federated query) is not allowed on this endpoint\n") for name, _ in places}
    for name in ("update with SERVICE", "LOAD", "WITH … DELETE"):
        expected[name] = (403, "this endpoint is read-only: SPARQL updates are refused\n")
    opened = dict(places)["\\u0022 opens a string early"].replace("\\u0022", '"').rindex('"') + 1
    expected["\\u0022 opens a string early"] = (400, f"the query cannot be read at line 1, column {opened}: unexpected"
                                                     " '\" AS ?y) }'\n")
    assert answers == expected
    assert listener.requests == []


def test_no_hiding_place_reaches_the_listener_through_the_command_line(store_path, listener):
    def run(query: str) -> tuple[int, str, int]:
        done = run_cli("sparql", query, "--store", str(store_path))
        return done.returncode, done.stdout, done.stderr.count("\n")

    places = hiding_places(listener.url)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip((name for name, _ in places), pool.map(run, (query for _, query in places))))
    assert results == {name: (1, "", 1) for name, _ in places}
    assert listener.requests == []


def test_the_listener_is_live_and_allow_service_federates(store_path, listener):
    before = len(listener.requests)
    done = run_cli("sparql", f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?a ?b ?c }} }}", "--store",
                   str(store_path), "--allow-service")
    assert done.returncode == 0, done.stderr
    assert len(listener.requests) == before + 1 and listener.requests[-1].startswith(b"POST /sparql")
    listener.requests.clear()


@pytest.mark.parametrize(("name", "query"), mentions(), ids=[name for name, _ in mentions()])
def test_a_query_that_only_mentions_service_is_answered(guarded, store_path, name, query):
    assert get_query(guarded, query).status == 200
    assert run_cli("sparql", query, "--store", str(store_path)).returncode == 0


# --- nesting, length and size ---------------------------------------------------------------------------------

def test_a_query_5000_deep_is_400_in_one_line(guarded):
    for answer in (get_query(guarded, DEEP), post_form(guarded, query=DEEP)):
        assert (answer.status, answer.text) == (400, "the query is nested too deeply: more than 32 levels"
                                                     " (at line 1, column 48)\n")
    assert get_query(guarded, ASK).body == TRUE  # no worker was lost


def test_request_size_limits(guarded):
    # the refusal comes from the announced length, before the body: a client still sending would meet a closed socket
    with connect(guarded) as connection:
        connection.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                           b"Content-Length: %d\r\n\r\n" % ((1 << 20) + 1))
        status, _, text = head_and_body(read_until_closed(connection)[0])
    assert (status.split(" ")[1], text) == ("413", b"the request body is larger than 1048576 bytes\n")
    url = http(guarded.base + "/sparql?query=" + "x" * (40 << 10))
    assert (url.status, url.text) == (414, "the URL is longer than 32768 bytes; send the query by POST\n")
    too_long = post_form(guarded, query="#" * 100_001)
    assert (too_long.status, too_long.text) == (400, "the query is too long: more than 100000 characters\n")
    with connect(guarded) as connection:
        connection.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\n" + b"X-Big: " + b"y" * (64 << 10) + b"\r\n\r\n")
        status, headers, text = head_and_body(read_until_closed(connection)[0])
    assert (status, text) == ("HTTP/1.1 431 Request Header Fields Too Large",
                              b"the request headers are larger than 65536 bytes\n")
    assert headers["access-control-allow-origin"] == "*"
    with connect(guarded) as connection:
        connection.sendall(b"GET /" + b"a" * (70 << 10))
        status, headers, text = head_and_body(read_until_closed(connection)[0])
    assert (status.split(" ")[1], text) == ("414", b"the request line is longer than 65536 bytes; send the query by"
                                                   b" POST\n")


def test_errors_are_one_line_text_or_json_with_cors(guarded):
    cases = [("/sparql", {}), ("/static/none.js", {}), ("/drug/aspirin-that-is-not-here", {"Accept": "text/turtle"}),
             ("/sparql?query=SELECT", {}), ("/api/no-such-question", {}), ("/api/evidence-for-drug?drug=x", {}),
             ("/search", {})]
    for path, headers in cases:
        for accept in (None, "application/json"):
            answer = http(guarded.base + path, **({**headers, "Accept": accept} if accept else headers))
            assert answer.status in (400, 404)
            assert answer.headers["access-control-allow-origin"] == "*"
            assert answer.headers["server"] == "jakgraph"
            if accept:
                assert answer.headers["content-type"] == "application/json"
                assert set(json.loads(answer.body)) == {"status", "error"}
                assert answer.text.count("\n") == 1
            else:
                assert answer.headers["content-type"] == "text/plain; charset=utf-8"
                assert answer.text.count("\n") == 1 and "<" not in answer.text
    refused = http(guarded.base + "/sparql?query=" + urllib.parse.quote("SELECT * { SERVICE <http://x/> {} }"),
                   Accept="application/sparql-results+json")
    assert json.loads(refused.body) == {"status": 403, "error": "SERVICE (federated query) is not allowed on this"
                                                                " endpoint"}


@pytest.mark.parametrize("path", ["/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                                  "/static/..%2f..%2fpyproject.toml", "/static/.hidden", "/static/query.js/..",
                                  "/static//etc/passwd"])
def test_path_traversal_is_refused(guarded, path):
    with connect(guarded) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        status, headers, body = head_and_body(read_until_closed(connection)[0])
    assert status.split(" ")[1] in ("404",)
    assert b"[project]" not in body and b"root:" not in body


# --- slow and idle clients ------------------------------------------------------------------------------------

def test_a_half_sent_request_is_dropped_after_the_header_timeout(guarded):
    with connect(guarded) as connection:
        connection.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n")
        reply, waited = read_until_closed(connection)
    status, headers, body = head_and_body(reply)
    assert (status, body) == ("HTTP/1.1 408 Request Timeout", b"the request did not arrive within 2 s\n")
    assert headers["access-control-allow-origin"] == "*"
    assert HEADER_TIMEOUT - 0.2 < waited < HEADER_TIMEOUT + 1.5


def test_a_silent_connection_is_closed_after_the_header_timeout(guarded):
    with connect(guarded) as connection:
        reply, waited = read_until_closed(connection)
    assert reply == b""
    assert HEADER_TIMEOUT - 0.2 < waited < HEADER_TIMEOUT + 1.5


def test_a_stalled_body_is_dropped(guarded):
    with connect(guarded) as connection:
        connection.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                           b"Content-Length: 100\r\n\r\nASK {")
        reply, waited = read_until_closed(connection)
    assert b" 200 " not in reply.split(b"\r\n")[0]
    assert waited < 2 * HEADER_TIMEOUT + 1.5


@pytest.mark.parametrize("line", [b"GET /\r\n\r\n", b"GET /sparql\r\n\r\n", b"GARBAGE\r\n\r\n"])
def test_a_request_line_without_version_is_answered_400_at_once(guarded, line):
    with connect(guarded) as connection:
        connection.sendall(line)
        reply, waited = read_until_closed(connection)
    status, headers, body = head_and_body(reply)
    assert (status, body) == ("HTTP/1.1 400 Bad Request", b"the request is not valid HTTP/1.1\n")
    assert headers["access-control-allow-origin"] == "*"
    assert waited < 1


def test_a_request_line_alone_does_not_hang(guarded):
    with connect(guarded) as connection:
        connection.sendall(b"GET /sparql\r\n")
        reply, waited = read_until_closed(connection)
    assert reply.split(b"\r\n")[0] == b"HTTP/1.1 408 Request Timeout"
    assert waited < HEADER_TIMEOUT + 1.5


def test_keep_alive_serves_several_requests_then_closes_when_idle(guarded):
    query = urllib.parse.quote(ASK)
    request = f"GET /sparql?query={query} HTTP/1.1\r\nHost: x\r\n\r\n".encode()
    with connect(guarded) as connection:
        replies = []
        for _ in range(3):
            connection.sendall(request)
            replies.append(read_one_reply(connection))
        assert [reply[0] for reply in replies] == ["HTTP/1.1 200 OK"] * 3
        assert [reply[2] for reply in replies] == [TRUE] * 3
        rest, waited = read_until_closed(connection)
    assert rest == b"" and IDLE_TIMEOUT - 0.2 < waited < IDLE_TIMEOUT + 1.5


def read_one_reply(connection: socket.socket) -> tuple[str, dict[str, str], bytes]:
    """One reply with a Content-Length, read off a kept-alive connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(65536)
    status, headers, body = head_and_body(data)
    while len(body) < int(headers["content-length"]):
        body += connection.recv(65536)
    return status, headers, body


def test_at_the_connection_cap_the_longest_idle_connection_makes_room(store_path, tmp_path):
    running = start_server(store_path, tmp_path / "serve.log", "--max-connections", "10")
    try:
        idle = [connect(running) for _ in range(10)]
        time.sleep(0.3)
        started = time.monotonic()
        answer = get_query(running, ASK)
        assert (answer.status, answer.body) == (200, TRUE)
        assert time.monotonic() - started < 2
        idle[0].settimeout(2)
        assert idle[0].recv(10) == b""  # the oldest idle connection was closed to make room
    finally:
        for connection in idle:
            connection.close()
        stop_server(running)


def test_when_every_connection_is_busy_a_new_one_gets_503(store_path, tmp_path):
    running = start_server(store_path, tmp_path / "serve.log", "--max-connections", "2", "--timeout", "3")
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            busy = [pool.submit(post_form, running, query=SLOW) for _ in range(2)]
            time.sleep(1)
            with connect(running) as connection:
                status, headers, body = head_and_body(read_until_closed(connection)[0])
            assert (status.split(" ")[1], body) == ("503", b"the server has too many open connections; try again"
                                                           b" later\n")
            assert headers["access-control-allow-origin"] == "*"
            assert [future.result().status for future in busy] == [503, 503]  # timed out, as slow queries do
        assert get_query(running, ASK).body == TRUE
    finally:
        stop_server(running)


def limit_open_files() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))


def test_1100_idle_connections_under_ulimit_1024_do_not_stop_a_query(store_path, tmp_path):
    running = start_server(store_path, tmp_path / "serve.log", preexec=limit_open_files)
    opened: list[socket.socket] = []
    try:
        for _ in range(1100):
            opened.append(socket.create_connection(("127.0.0.1", port(running)), timeout=10))
        time.sleep(1)
        for attempt in range(3):
            started = time.monotonic()
            answer = get_query(running, ASK)
            elapsed = time.monotonic() - started
            assert (answer.status, answer.body) == (200, TRUE)
            assert elapsed < 2, f"attempt {attempt}: {elapsed:.2f} s"
        still_open = 0
        for connection in opened:
            connection.setblocking(False)
            try:
                still_open += connection.recv(1) != b""
            except BlockingIOError:
                still_open += 1
        cap = int(re.search(r"(\d+) connections;", running.log.read_text()).group(1))
        assert cap < 1024  # below the open files, so some of the 1,100 had to be dropped
        assert cap - 5 <= still_open <= cap  # the server kept as many as its open files allow, and dropped the rest
        assert running.process.poll() is None
    finally:
        for connection in opened:
            connection.close()
        stop_server(running)
    assert "out of system resource" not in running.log.read_text()


# --- memory -----------------------------------------------------------------------------------------------------

def resident_megabytes(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        found = re.search(r"VmRSS:\s+(\d+) kB", status)
        total += int(found.group(1)) if found else 0
    return total / 1024


def server_processes(pid: int) -> list[int]:
    from test_server import children

    return [pid, *children(pid)]


def test_a_query_over_the_memory_cap_is_503_and_memory_stays_under_the_caps(store_path, tmp_path):
    cap, workers = 400, 2
    running = start_server(store_path, tmp_path / "serve.log", "--workers", str(workers), "--worker-memory",
                           str(cap), "--timeout", "60")
    peak, done = [0.0], threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], resident_megabytes(server_processes(running.process.pid)))
            time.sleep(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        started = time.monotonic()
        answer = post_form(running, query=FOUR_WAY)
        elapsed = time.monotonic() - started
        done.set()
        watcher.join()
        assert (answer.status, answer.text) == (503, f"query needed more than {cap} MB\n")
        assert elapsed < 30
        assert 0 < peak[0] < cap * workers
        after = get_query(running, ASK)  # the worker was replaced
        assert (after.status, after.body) == (200, TRUE)
    finally:
        done.set()
        stop_server(running)


# --- leaks --------------------------------------------------------------------------------------------------------

def test_no_store_path_in_replies_and_a_neutral_server_header(tmp_path):
    from jakgraph.graph.store.build import build

    copy = tmp_path / "store"
    build(copy)
    running = start_server(copy, tmp_path / "serve.log")
    try:
        ok = get_query(running, ASK)
        assert ok.headers["server"] == "jakgraph"
        assert "python" not in json.dumps(ok.headers).lower()
        (copy / "current").unlink()
        answers = [get_query(running, ASK) for _ in range(4)]
        assert {(answer.status, answer.text) for answer in answers} == {(500, "the store cannot be opened\n")}
    finally:
        stop_server(running)
    assert str(copy) in running.log.read_text()  # said on the server's side


def test_each_request_is_logged_in_one_line(guarded):
    get_query(guarded, ASK)
    http(guarded.base + "/no/such/thing", Accept="text/turtle")
    time.sleep(0.2)
    lines = guarded.log.read_text().splitlines()
    logged = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} 127\.0\.0\.1 "(?P<request>[^"]*)" (?P<status>\d{3})'
                        r" (?P<size>\d+) B (?P<ms>\d+\.\d) ms$")
    found = [logged.match(line) for line in lines]
    requests = [(match["request"], match["status"]) for match in found if match]
    assert (f"GET /sparql?query={urllib.parse.quote_plus(ASK)} HTTP/1.1", "200") in requests
    assert ("GET /no/such/thing HTTP/1.1", "404") in requests
    sizes = {match["size"] for match in found
             if match and match["request"] == f"GET /sparql?query={urllib.parse.quote_plus(ASK)} HTTP/1.1"}
    assert sizes == {str(len(TRUE))}


def test_quiet_logs_no_request(store_path, tmp_path):
    running = start_server(store_path, tmp_path / "serve.log")
    try:
        get_query(running, ASK)
    finally:
        stop_server(running)
    assert [line for line in running.log.read_text().splitlines() if "HTTP/1.1" in line] == []


# --- the command line ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("options", "message"), [
    (["--port", "99999"], "--port 99999 must be at most 65535 (0 picks any free port)"),
    (["--port", "-1"], "--port -1 must be at least 0"),
    (["--port", "http"], "--port 'http' is not a whole number"),
    (["--port", "٨٠"], "--port '٨٠' is not a whole number"),
    (["--worker-memory", "10"], "--worker-memory 10 must be at least 256"),
    (["--timeout", "nan"], "--timeout 'nan' is not a finite number"),
    (["--host", "http://[::1"], None),
    (["--host", " "], "--host is empty: give an address such as 127.0.0.1, ::1 or 0.0.0.0"),
])
def test_bad_serve_options_are_one_line(store_path, options, message):
    done = run_cli("serve", "--store", str(store_path), *options)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    if message is None:
        assert done.stderr.startswith("jakgraph serve: cannot listen on http://[::1:")
    else:
        assert done.stderr == f"jakgraph serve: {message}\n"


def test_port_0_picks_a_free_port_and_says_which(store_path, tmp_path):
    log = tmp_path / "serve.log"
    with log.open("w") as handle:
        process = subprocess.Popen([sys.executable, "-m", "jakgraph", "serve", "--store", str(store_path), "--port",
                                    "0", "-q"], stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while "Ctrl-C" not in log.read_text():
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        chosen = int(re.search(r"http://127\.0\.0\.1:(\d+)/", log.read_text()).group(1))
        assert chosen > 0
        server = Server(f"http://127.0.0.1:{chosen}", process, log)
        assert get_query(server, ASK).body == TRUE
    finally:
        stop_server(Server("", process, log))
