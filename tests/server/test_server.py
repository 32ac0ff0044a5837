"""``jakgraph serve``: a real server on 127.0.0.1, asked over HTTP as SPARQL clients and browsers ask it."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
import rdflib
from SPARQLWrapper import JSON, POST, POSTDIRECTLY, URLENCODED, SPARQLWrapper

from conftest import ROOT

pytestmark = pytest.mark.slow

TIMEOUT = 2
MAX_RESULTS = 1000
JAK = "https://w3id.org/jakgraph/"
BARICITINIB_SELECTIVITY = (rdflib.URIRef(JAK + "drug/baricitinib"), rdflib.URIRef(JAK + "vocab/selectivity"),
                           rdflib.URIRef(JAK + "selectivity/jak1-jak2"))
SELECTIVITY_LABELS = "SELECT ?drug ?label WHERE { ?drug jak:selectivity selectivity:jak1-jak2 ; rdfs:label ?label }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@dataclass
class Server:
    base: str
    process: subprocess.Popen
    log: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(store_path: Path, log: Path, *options: str, quiet: bool = True,
                 preexec: Callable[[], None] | None = None) -> Server:
    """Start ``python -m jakgraph serve`` and wait until it answers; fail loudly if it does not within 30 s.

    ``options`` replace the defaults of the tests (``--timeout 2 --max-results 1000``) where they name the same.
    """
    port = free_port()
    given = {"--timeout": str(TIMEOUT), "--max-results": str(MAX_RESULTS)}
    extra = list(options)
    for name in list(given):
        if name in extra:
            del given[name]
    arguments = [item for pair in given.items() for item in pair] + extra + (["--quiet"] if quiet else [])
    with log.open("w") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "jakgraph", "serve", "--store", str(store_path), "--port", str(port), *arguments],
            stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT, preexec_fn=preexec)
    server = Server(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            pytest.fail(f"jakgraph serve exited with {process.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(server.base + "/", timeout=2):
                return server
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"jakgraph serve did not answer within 30 s: {log.read_text()}")
            time.sleep(0.1)


def stop_server(server: Server) -> int:
    """Ctrl-C the server and wait for it; its return code."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGINT)
        try:
            server.process.wait(15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
    return server.process.returncode


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(store_path, tmp_path_factory.mktemp("serve") / "serve.log")
    yield running
    stop_server(running)


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def http(url: str, data: bytes | None = None, method: str | None = None, **headers: str) -> Answer:
    """One HTTP exchange; error statuses are answers too."""
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={name.replace("_", "-"): value for name, value in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


def get_query(server: Server, query: str, **params: str) -> Answer:
    accept = params.pop("accept", None)
    url = f"{server.base}/sparql?" + urllib.parse.urlencode({"query": query, **params})
    return http(url, Accept=accept) if accept else http(url)


def post_form(server: Server, **fields: str) -> Answer:
    return http(server.base + "/sparql", urllib.parse.urlencode(fields).encode(),
                Content_Type="application/x-www-form-urlencoded")


def plain_json(term: dict) -> str:
    """A SPARQL results JSON term as the ``select`` fixture shows it (IRIs compacted, literals by value)."""
    from jakgraph.ontology.namespaces import compact

    return compact(term["value"]) if term["type"] == "uri" else term["value"]


def plain_rows(variables: list[str], bindings: list[dict]) -> Counter:
    return Counter(tuple(plain_json(b[v]) if v in b else "" for v in variables) for b in bindings)


def parsed_rows(body: bytes, fmt: str) -> Counter:
    """Rows of a JSON, XML or TSV results document, read back with pyoxigraph."""
    from pyoxigraph import QueryResultsFormat, parse_query_results

    from jakgraph.queries.results import plain

    results = parse_query_results(body, getattr(QueryResultsFormat, fmt.upper()))
    names = [v.value for v in results.variables]
    return Counter(tuple(plain(solution[n]) for n in names) for solution in results)


# --- the SPARQL 1.1 Protocol --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["off-label-disorders", "fda-ema-differences", "lower-dose-higher-rate"])
@pytest.mark.parametrize("method", ["GET", URLENCODED, POSTDIRECTLY])
def test_select_answers_equal_the_embedded_store(server, select, name, method):
    from jakgraph.queries.catalog import load_query

    text = load_query(name).text
    client = SPARQLWrapper(server.base + "/sparql")
    client.setQuery(text)
    client.setReturnFormat(JSON)
    if method != "GET":
        client.setMethod(POST)
        client.setRequestMethod(method)
    answer = client.query().convert()
    rows = plain_rows(answer["head"]["vars"], answer["results"]["bindings"])
    assert rows == Counter(select(text))
    assert len(rows) == {"off-label-disorders": 37, "fda-ema-differences": 3, "lower-dose-higher-rate": 3}[name]


def test_answer_states_review_facts(server):
    client = SPARQLWrapper(server.base + "/sparql")
    client.setQuery("SELECT ?label WHERE { ?drug jak:selectivity selectivity:jak1-selective ; rdfs:label ?label"
                    " FILTER(LANG(?label) = 'en') }")
    client.setReturnFormat(JSON)
    labels = {b["label"]["value"] for b in client.query().convert()["results"]["bindings"]}
    assert labels == {"abrocitinib", "upadacitinib"}


@pytest.mark.parametrize(("fmt", "accept"), [
    ("json", "application/sparql-results+json"), ("xml", "application/sparql-results+xml"),
    ("tsv", "text/tab-separated-values"), ("csv", "text/csv")])
@pytest.mark.parametrize("by", ["accept", "format"])
def test_select_results_formats(server, select, fmt, accept, by):
    answer = get_query(server, SELECTIVITY_LABELS, **({"accept": accept} if by == "accept" else {"format": fmt}))
    assert answer.status == 200, answer.text
    assert answer.headers["content-type"].split(";")[0] == accept
    assert answer.headers["access-control-allow-origin"] == "*"
    expected = Counter(select(SELECTIVITY_LABELS))
    if fmt == "csv":
        from jakgraph.ontology.namespaces import compact

        reader = csv.reader(io.StringIO(answer.text))
        assert next(reader) == ["drug", "label"]
        assert Counter((compact(drug), label) for drug, label in reader) == expected
    else:
        assert parsed_rows(answer.body, fmt) == expected
    assert expected == Counter({("drug:baricitinib", "baricitinib"): 2, ("drug:ruxolitinib", "ruxolitinib"): 2})


@pytest.mark.parametrize(("fmt", "accept"), [("json", "application/sparql-results+json"),
                                             ("xml", "application/sparql-results+xml")])
def test_ask(server, fmt, accept):
    from pyoxigraph import QueryResultsFormat, parse_query_results

    for query, expected in [("ASK { drug:baricitinib jak:selectivity selectivity:jak1-jak2 }", True),
                            ("ASK { drug:abrocitinib jak:selectivity selectivity:jak1-jak2 }", False)]:
        answer = get_query(server, query, accept=accept)
        assert answer.status == 200, answer.text
        assert bool(parse_query_results(answer.body, getattr(QueryResultsFormat, fmt.upper()))) is expected


@pytest.mark.parametrize(("fmt", "accept", "rdflib_format"), [
    ("turtle", "text/turtle", "turtle"), ("ntriples", "application/n-triples", "nt"),
    ("jsonld", "application/ld+json", "json-ld")])
@pytest.mark.parametrize("by", ["accept", "format"])
def test_construct_formats(server, store, fmt, accept, rdflib_format, by):
    query = "CONSTRUCT WHERE { drug:baricitinib ?p ?o }"
    answer = get_query(server, query, **({"accept": accept} if by == "accept" else {"format": fmt}))
    assert answer.status == 200, answer.text
    assert answer.headers["content-type"].split(";")[0] == accept
    graph = rdflib.Graph().parse(data=answer.body, format=rdflib_format)
    assert BARICITINIB_SELECTIVITY in graph
    assert len(graph) == len({str(triple) for triple in store.query(query)})


def test_format_that_does_not_fit_the_query_form(server):
    answer = get_query(server, "CONSTRUCT WHERE { drug:baricitinib ?p ?o }", format="csv")
    assert answer.status == 406
    assert "turtle" in answer.text and answer.text.count("\n") == 1
    assert get_query(server, SELECTIVITY_LABELS, format="yaml").status == 400


def test_rows_beyond_the_limit_are_cut_and_flagged(server):
    answer = get_query(server, "SELECT * WHERE { ?s ?p ?o }", accept="application/sparql-results+json")
    assert answer.status == 200
    assert answer.headers.get("x-jakgraph-truncated") == "true"
    assert len(json.loads(answer.body)["results"]["bindings"]) == MAX_RESULTS
    graph = get_query(server, "CONSTRUCT WHERE { ?s ?p ?o }", format="ntriples")
    assert graph.headers.get("x-jakgraph-truncated") == "true"
    assert len(graph.text.splitlines()) == MAX_RESULTS
    small = get_query(server, SELECTIVITY_LABELS)
    assert "x-jakgraph-truncated" not in small.headers


def test_fifty_concurrent_clients(server):
    drugs = ["abrocitinib", "baricitinib", "upadacitinib", "ruxolitinib"]

    def client(number: int) -> list[str]:
        problems = []
        for turn in range(20):
            drug = drugs[(number + turn) % len(drugs)]
            answer = get_query(server, f"SELECT ?label WHERE {{ drug:{drug} rdfs:label ?label FILTER(LANG(?label) = 'en') }}")
            if answer.status != 200:
                problems.append(f"{answer.status} {answer.text}")
                continue
            labels = [b["label"]["value"] for b in json.loads(answer.body)["results"]["bindings"]]
            if labels != [drug]:
                problems.append(f"asked for {drug}, got {labels}")
        return problems

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=50) as pool:
        problems = [problem for found in pool.map(client, range(50)) for problem in found]
    assert problems == []
    assert time.monotonic() - started < 40


@pytest.mark.parametrize("clients", [50, 200])
def test_concurrent_clients_get_every_stored_answer(server, select, clients):
    """``clients`` clients at once, each asking 20 times in turn the stored questions that need no parameter
    (GET and POST alternately): 0 errors, every answer the embedded store's."""
    from jakgraph.queries.catalog import all_queries

    questions = [query for query in all_queries() if not any(p.required for p in query.parameters)]
    expected = {query.name: Counter(select(query.text)) for query in questions}
    assert len(questions) == 19

    def client(number: int) -> list[str]:
        problems = []
        for turn in range(20):
            question = questions[(number + turn) % len(questions)]
            answer = (get_query(server, question.text) if turn % 2 else post_form(server, query=question.text))
            if answer.status != 200:
                problems.append(f"{question.name}: {answer.status} {answer.text}")
                continue
            body = json.loads(answer.body)
            if plain_rows(body["head"]["vars"], body["results"]["bindings"]) != expected[question.name]:
                problems.append(f"{question.name}: another answer")
        return problems

    with ThreadPoolExecutor(max_workers=clients) as pool:
        problems = [problem for found in pool.map(client, range(clients)) for problem in found]
    assert problems == []


def test_slow_query_times_out_and_the_server_keeps_serving(server):
    started = time.monotonic()
    answer = post_form(server, query=SLOW)
    elapsed = time.monotonic() - started
    assert answer.status == 503
    assert answer.text == f"query timed out after {TIMEOUT} s\n"
    assert TIMEOUT - 0.5 < elapsed < TIMEOUT + 4
    after = get_query(server, "ASK { drug:baricitinib a jak:Drug }", accept="application/sparql-results+json")
    assert after.status == 200 and json.loads(after.body)["boolean"] is True
    # the killed worker is replaced: several queries at once still all get answers
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda _: get_query(server, SELECTIVITY_LABELS).status, range(8)))
    assert statuses == [200] * 8


@pytest.mark.parametrize("request_kind", ["sparql-update body", "update form field", "update in GET",
                                          "update as query", "update after prologue"])
def test_updates_are_refused(server, request_kind):
    insert = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    if request_kind == "sparql-update body":
        answer = http(server.base + "/sparql", insert.encode(), Content_Type="application/sparql-update")
    elif request_kind == "update form field":
        answer = post_form(server, update=insert)
    elif request_kind == "update in GET":
        answer = http(f"{server.base}/sparql?" + urllib.parse.urlencode({"update": insert}))
    elif request_kind == "update as query":
        answer = post_form(server, query=insert)
    else:
        answer = post_form(server, query=f"PREFIX ex: <http://example.org/> # a comment\nBASE <http://x/>\n{insert}")
    assert answer.status == 403
    assert answer.text.count("\n") == 1 and "read-only" in answer.text
    check = get_query(server, "ASK { <http://example.org/a> ?p ?o }", accept="application/sparql-results+json")
    assert json.loads(check.body)["boolean"] is False


def test_writes_by_other_methods_are_refused(server):
    assert http(server.base + "/drug/baricitinib", b"", method="PUT").status == 403
    assert http(server.base + "/drug/baricitinib", method="DELETE").status == 403


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z .SERVICE ?endpoint { ?s ?p ?o } }",
    "# a comment with \"quotes\n SELECT * WHERE { ?a ?b \"x\" } SERVICE\n<http://127.0.0.1:9/> { ?s ?p ?o }",
])
def test_service_is_refused(server, query):
    answer = post_form(server, query=query)
    assert answer.status == 403
    assert "SERVICE" in answer.text and answer.text.count("\n") == 1


def test_service_as_a_word_inside_strings_iris_and_names_is_allowed(server):
    query = ('SELECT ?service ("SERVICE" AS ?word) WHERE { BIND(<http://example.org/SERVICE> AS ?service) } # SERVICE')
    answer = get_query(server, query, accept="application/sparql-results+json")
    assert answer.status == 200, answer.text
    assert json.loads(answer.body)["results"]["bindings"][0]["word"]["value"] == "SERVICE"


def test_bad_and_missing_queries(server):
    bad = get_query(server, "SELECT ?x WHERE { ?x ?y }")
    assert bad.status == 400
    assert bad.text.startswith("SPARQL syntax error:") and bad.text.count("\n") == 1
    missing = http(server.base + "/sparql")
    assert missing.status == 400 and "missing query" in missing.text
    empty = post_form(server, query="")
    assert empty.status == 400


def test_cors_preflight(server):
    answer = http(server.base + "/sparql", method="OPTIONS", Origin="http://example.org",
                  Access_Control_Request_Method="POST", Access_Control_Request_Headers="content-type")
    assert answer.status in (200, 204)
    assert answer.headers["access-control-allow-origin"] == "*"
    assert "POST" in answer.headers["access-control-allow-methods"]
    assert "content-type" in answer.headers["access-control-allow-headers"].lower()


# --- dereferencing --------------------------------------------------------------------------------------------

def test_entity_page_for_browsers(server):
    answer = http(server.base + "/drug/baricitinib",
                  Accept="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/html")
    page = answer.text
    assert "baricitinib" in page
    assert 'href="/isoform/jak1"' in page and 'href="/selectivity/jak1-jak2"' in page
    assert "Table 1, row Baricitinib (oral)" in page  # provenance: the row of Table 1 it was read from
    assert '<h1>baricitinib <span class="lang" title="English, Spanish">en, es</span></h1>' in page  # one name, two languages


def test_evidence_page_shows_its_references_and_sources(server):
    page = http(server.base + "/evidence/baricitinib--psoriasis--18", Accept="text/html").text
    assert "ref. 18" in page
    assert "Table 3, row Psoriasis" in page and "paragraph 92" in page
    assert 'href="/disease/psoriasis"' in page and 'href="/design/randomized-controlled-trial"' in page


def test_entity_as_turtle(server):
    answer = http(server.base + "/drug/baricitinib", Accept="text/turtle")
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=answer.body, format="turtle")
    assert BARICITINIB_SELECTIVITY in graph


def test_entity_as_json_ld(server):
    answer = http(server.base + "/drug/baricitinib", Accept="application/ld+json")
    assert answer.status == 200 and answer.headers["content-type"].startswith("application/ld+json")
    json.loads(answer.body)
    graph = rdflib.Graph().parse(data=answer.body, format="json-ld")
    assert BARICITINIB_SELECTIVITY in graph


def test_evidence_description_includes_its_dosing(server):
    answer = http(server.base + "/evidence/baricitinib--psoriasis--18?format=ntriples")
    graph = rdflib.Graph().parse(data=answer.body, format="nt")
    dosing = rdflib.URIRef(JAK + "evidence/baricitinib--psoriasis--18/dosing")
    assert (rdflib.URIRef(JAK + "evidence/baricitinib--psoriasis--18"), rdflib.URIRef(JAK + "vocab/dosing"), dosing) in graph
    assert graph.value(dosing, rdflib.URIRef(JAK + "vocab/doseMax")).toPython() == 10


@pytest.mark.parametrize(("path", "text"), [
    ("/disease/vexas-syndrome", "VEXAS"), ("/vocab/EvidenceItem", "elemento de evidencia"),
    ("/isoform/jak1", "JAK1")])
def test_other_entities_dereference(server, path, text):
    answer = http(server.base + path, Accept="text/html")
    assert answer.status == 200
    assert text in answer.text


def test_unknown_iri_is_404(server):
    assert http(server.base + "/drug/aspirin-that-is-not-here", Accept="text/html").status == 404
    assert http(server.base + "/no/such/thing", Accept="text/turtle").status == 404


# --- the workbench -------------------------------------------------------------------------------------------

def test_workbench_works_offline(server):
    answer = http(server.base + "/")
    assert answer.status == 200 and answer.headers["content-type"].startswith("text/html")
    page = answer.text
    assert '<div id="yasgui"></div>' in page
    assert not re.search(r"<script[^>]*\bsrc=[\"']?(https?:)?//", page)
    assert not re.search(r"<link[^>]*\bhref=[\"']?(https?:)?//", page)
    assets = re.findall(r"<(?:script|link)[^>]*\b(?:src|href)=\"([^\"]+)\"", page)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/")
        assert http(server.base + asset).status == 200
    assert 'id="q-off-label-disorders"' in page  # every stored question is in the library
    head = http(server.base + "/", method="HEAD")
    assert head.status == 200 and head.body == b"" and int(head.headers["content-length"]) == len(answer.body)
    script = http(server.base + "/static/workbench.js").text
    assert "http://" not in script and "https://" not in script


# --- shutdown -------------------------------------------------------------------------------------------------

def children(pid: int) -> set[int]:
    """Processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().rsplit(")", 1)[1].split()[0] == "Z")


def test_ctrl_c_stops_the_server_and_its_workers(store_path, tmp_path):
    running = start_server(store_path, tmp_path / "serve.log")
    workers = children(running.process.pid) if Path("/proc").is_dir() else set()
    assert len(workers) >= 4 or not Path("/proc").is_dir()
    assert get_query(running, SELECTIVITY_LABELS).status == 200
    assert stop_server(running) == 0
    assert "stopped" in running.log.read_text()
    time.sleep(0.2)
    assert [pid for pid in workers if alive(pid)] == []


def test_a_lost_worker_and_a_rebuild_do_not_stop_the_server(tmp_path):
    from jakgraph.graph.store.build import build

    location = tmp_path / "store"
    build(location)
    running = start_server(location, tmp_path / "serve.log")
    try:
        count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a jak:EvidenceItem }"
        before = json.loads(get_query(running, count).body)["results"]["bindings"][0]["n"]["value"]
        if Path("/proc").is_dir():
            workers = [pid for pid in children(running.process.pid)
                       if "spawn_main" in Path(f"/proc/{pid}/cmdline").read_text()]
            os.kill(workers[0], signal.SIGKILL)
            time.sleep(0.3)
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(lambda _: get_query(running, SELECTIVITY_LABELS).status, range(8)))
        assert statuses == [200] * 8
        build(location)  # a new build swaps `current` and deletes the build the workers opened
        after = get_query(running, count)
        assert after.status == 200, after.text
        assert json.loads(after.body)["results"]["bindings"][0]["n"]["value"] == before
    finally:
        assert stop_server(running) == 0
