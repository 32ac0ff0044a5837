"""push under faults: one deadline for the whole push, no upload graph left behind, one line saying what happened.

The misbehaving endpoints are test doubles (tests/support/faulty_endpoints.py); where the state of a real store
matters, a failing proxy stands in front of a real Oxigraph server and the test reads that server's graphs.
"""
from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from urllib.parse import parse_qs

import pytest

from jakgraph.graph.export.push import CLEAN_UP_SECONDS, DEFAULT_GRAPH, distinct_triples
from jakgraph.graph.store.remote import RemoteStore
from jakgraph.queries.binding import fill_update
from jakgraph.queries.catalog import internal_update

from conftest import ROOT, run_cli
from faulty_endpoints import Fault, answering, failing_proxy, trickling, wait_for
from servers import start_oxigraph

pytestmark = pytest.mark.slow

START_UP = 2.5
"""Slack for starting ``python -m jakgraph`` and reading the local store, on a shared 2-core machine."""

UPLOAD = r"(?P<upload>{graph}-upload-[0-9a-f]{{12}})"


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph-faults"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def pushed(store) -> int:
    """The triples a push sends."""
    return len(distinct_triples(store))


@pytest.fixture
def endpoint():
    """Start a test double with ``endpoint(start, *args)``; every one started is stopped after the test."""
    started = []

    def start(make, *args):
        started.append(make(*args))
        return started[-1]

    yield start
    for double in started:
        double.stop()


def one_line(result: subprocess.CompletedProcess, code: int = 1) -> str:
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def timed_cli(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    start = time.monotonic()
    result = run_cli(*args)
    return result, time.monotonic() - start


def sent(double) -> list[str]:
    """The first word of each SPARQL request the double received, after its comments and prefixes."""
    words = []
    for text in double.requests:
        form = {name: values[0] for name, values in parse_qs(text).items()}
        sparql = form.get("update") or form.get("query") or ""
        words.append(" ".join(line for line in sparql.splitlines() if not line.startswith(("#", "PREFIX"))).split()[0])
    return words


def remains(graph: str, update_url: str) -> str:
    """The pattern of a message's end that names the upload graph left at ``update_url``."""
    return (re.escape("the upload graph <") + UPLOAD.format(graph=re.escape(graph))
            + re.escape(f"> may remain at {update_url}: drop it with DROP SILENT GRAPH <") + "(?P=upload)>")


def graph_of(server, graph: str) -> set:
    remote = RemoteStore(server.query_url, graph=graph)
    return set(remote.query("CONSTRUCT WHERE { ?s ?p ?o }"))


def upload_graphs(server) -> list[str]:
    return [g for g in RemoteStore(server.query_url).named_graphs() if "-upload-" in g]


def old_target(server, graph: str) -> set:
    """Give ``graph`` at the server one triple of its own, the old target a failed push must leave alone."""
    from pyoxigraph import Literal, NamedNode, Triple

    node = NamedNode(graph)
    old = Triple(node, NamedNode("https://example.org/was"), Literal("the old target"))
    RemoteStore(server.query_url).update(
        fill_update(internal_update("insert-data"), {"_graph_iri": node, "_triples": [old]}), server.update_url)
    assert graph_of(server, graph) == {old}
    return {old}


def test_push_to_a_trickling_endpoint_ends_by_its_timeout_and_names_the_upload_graph(endpoint, store_path):
    trickler = endpoint(trickling)
    url = trickler.url + "/sparql"
    result, seconds = timed_cli("push", "--endpoint", url, "--timeout", "3", "--store", str(store_path))
    line = one_line(result)
    expected = re.escape(f"jakgraph push: {url} did not answer within the 3 s given to the push; "
                         f"the target graph <{DEFAULT_GRAPH}> was left as it was; ") + remains(DEFAULT_GRAPH, url)
    assert re.fullmatch(expected, line), line
    assert sent(trickler) == ["INSERT", "DROP"]  # the first chunk, then the clean-up, which also trickled
    # 3 s for the push, CLEAN_UP_SECONDS for the clean-up, both waited out in full; never the 45 s of a per-read timeout
    assert 3 + CLEAN_UP_SECONDS <= seconds < 3 + CLEAN_UP_SECONDS + START_UP, seconds


def test_a_query_to_a_trickling_endpoint_ends_by_its_timeout(endpoint):
    trickler = endpoint(trickling)
    url = trickler.url + "/sparql"
    result, seconds = timed_cli("sparql", "ASK { ?s ?p ?o }", "--endpoint", url, "--timeout", "2")
    assert one_line(result) == f"jakgraph sparql: {url} did not answer within 2 s"
    assert 2 <= seconds < 2 + START_UP, seconds


NOT_SPARQL = [
    ("text/html", b"<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>",
     "answered text/html, not SPARQL query results (is it a SPARQL endpoint?)"),
    ("text/plain", b"Service temporarily unavailable", "answered text/plain, not SPARQL query results (is it a SPARQL endpoint?)"),
    ("application/sparql-results+json", b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": ',
     "answered application/sparql-results+json that does not parse: "),
]


@pytest.mark.parametrize("content_type, body, said", NOT_SPARQL, ids=["html", "text", "truncated-json"])
def test_a_reply_that_is_not_sparql_is_one_line_naming_its_content_type(endpoint, store_path, pushed, content_type,
                                                                       body, said):
    double = endpoint(answering, 200, content_type, body)
    url = double.url + "/sparql"
    line = one_line(run_cli("push", "--endpoint", url, "--chunk", "5000", "--store", str(store_path)))
    assert line.startswith(f"jakgraph push: {url} {said}"), line
    assert line.endswith(f"; the target graph <{DEFAULT_GRAPH}> was left as it was"), line
    chunks = -(-pushed // 5000)
    assert sent(double) == ["INSERT"] * chunks + ["SELECT", "DROP"]  # the count read the page; clean-up
    line = one_line(run_cli("sparql", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", url))
    assert line.startswith(f"jakgraph sparql: {url} {said}"), line


@pytest.mark.parametrize("status, phrase, requests", [
    (403, "Forbidden", ["INSERT"]),  # refused: the chunk did not land, there is nothing to drop
    (503, "Service Unavailable", ["INSERT", "DROP"]),  # a server error may come after part of it was done
])
def test_a_push_failing_at_its_first_chunk_drops_the_upload_graph_only_if_it_may_exist(endpoint, store_path, status,
                                                                                       phrase, requests):
    double = endpoint(answering, status, "text/plain", b"updates are not allowed here\nsecond line")
    url = double.url + "/sparql"
    line = one_line(run_cli("push", "--endpoint", url, "--store", str(store_path)))
    said = re.escape(f"jakgraph push: {url} rejected the request (HTTP {status} {phrase}): updates are not allowed "
                     f"here; the target graph <{DEFAULT_GRAPH}> was left as it was")
    if status == 503:  # the clean-up was refused too
        said += "; " + remains(DEFAULT_GRAPH, url)
    assert re.fullmatch(said, line), line
    assert sent(double) == requests


REPLACED, LEFT, UNKNOWN = "was replaced", "was left as it was", "may have been replaced"
FAULTS = {  # id: (fault, cause after "jakgraph push: PROXY", what became of the target)
    "insert-refused": (Fault("INSERT DATA", 3, "error"),
                       "/update rejected the request (HTTP 500 Internal Server Error): simulated failure", LEFT),
    "insert-cut": (Fault("INSERT DATA", 3, "cut"), "/update closed the connection before answering in full "
                   "(IncompleteRead(7 bytes read, 993 more expected))", LEFT),
    "move-refused": (Fault("MOVE", 1, "error"),
                     "/update rejected the request (HTTP 500 Internal Server Error): simulated failure", LEFT),
    "move-cut": (Fault("MOVE", 1, "cut"), "/update closed the connection before answering in full "
                 "(IncompleteRead(7 bytes read, 993 more expected))", UNKNOWN),
    "final-count-refused": (Fault("COUNT", 2, "error"),
                            "/query rejected the request (HTTP 500 Internal Server Error): simulated failure", REPLACED),
}


@pytest.mark.parametrize("case", FAULTS)
def test_a_failure_midway_leaves_no_upload_graph_and_says_what_became_of_the_target(
        oxigraph, endpoint, store, store_path, pushed, case):
    fault, cause, target = FAULTS[case]
    graph = f"https://example.org/test/{case}"
    old = old_target(oxigraph, graph)
    proxy = endpoint(failing_proxy, oxigraph.query_url, oxigraph.update_url, fault)
    line = one_line(run_cli("push", "--endpoint", proxy.url + "/query", "--update-endpoint", proxy.url + "/update",
                            "--graph", graph, "--chunk", "1000", "--store", str(store_path)))
    said = f"jakgraph push: {proxy.url}{cause}; the target graph <{graph}> {target}"
    if target == UNKNOWN:  # the server may still be moving it: nothing is dropped, the message names it
        said = re.escape(said + " (no answer to the MOVE came back); ") + remains(graph, proxy.url + "/update")
        assert re.fullmatch(said, line), line
    else:
        assert line == said
    assert fault.seen >= fault.nth
    assert upload_graphs(oxigraph) == []
    if target == LEFT:
        assert graph_of(oxigraph, graph) == old
    else:  # the MOVE went through (here also when its answer was cut)
        assert len(graph_of(oxigraph, graph)) == pushed


@pytest.mark.parametrize("signum, code, word", [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")])
def test_a_signal_during_a_push_drops_the_upload_graph_at_the_real_server(oxigraph, endpoint, store_path, signum,
                                                                         code, word):
    graph = f"https://example.org/test/signal-{signum}"
    old = old_target(oxigraph, graph)
    fault = Fault("INSERT DATA", 3, "hold")  # passed on to the server, then no answer: the push waits in a read
    proxy = endpoint(failing_proxy, oxigraph.query_url, oxigraph.update_url, fault)
    process = subprocess.Popen(
        [sys.executable, "-m", "jakgraph", "push", "--endpoint", proxy.url + "/query", "--update-endpoint",
         proxy.url + "/update", "--graph", graph, "--chunk", "1000", "--store", str(store_path)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(fault.held, 60, "the third INSERT")
        [upload] = upload_graphs(oxigraph)
        assert len(graph_of(oxigraph, upload)) == 3000  # three chunks landed: there is something to clean up
        signalled = time.monotonic()
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=30)
        seconds = time.monotonic() - signalled
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == code, stderr
    assert stderr.strip().splitlines() == [f"jakgraph push: {word}; the target graph <{graph}> was left as it was"]
    assert upload_graphs(oxigraph) == []
    assert graph_of(oxigraph, graph) == old
    assert seconds < CLEAN_UP_SECONDS, seconds


@pytest.mark.parametrize("timeout", ["0", "-1", "nan", "inf"])
def test_a_timeout_that_is_not_a_positive_number_of_seconds_is_refused_before_any_request(endpoint, store_path, timeout):
    double = endpoint(answering, 204, "text/plain", b"")
    line = one_line(run_cli("push", "--endpoint", double.url + "/sparql", "--timeout", timeout, "--store", str(store_path)))
    assert line == f"jakgraph push: --timeout must be a positive number of seconds, not {float(timeout):g}"
    assert double.requests == []
