"""The graph pushed to real SPARQL servers (Oxigraph server, Virtuoso) answers every stored query as the embedded store does."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest

from jakgraph.errors import UserError
from jakgraph.graph.export.push import DEFAULT_GRAPH, push
from jakgraph.graph.store.remote import RemoteStore
from jakgraph.queries.catalog import paged_text, query_names
from jakgraph.queries.runner import run_query

from conftest import run_cli
from list_cells import sorted_cell
from servers import free_port, start_oxigraph, start_virtuoso

pytestmark = pytest.mark.slow

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}


@pytest.fixture(scope="module")
def servers(tmp_path_factory, store_path):
    started = {}
    try:
        for name, start in (("oxigraph", start_oxigraph), ("virtuoso", start_virtuoso)):
            server = start(tmp_path_factory.mktemp(name))
            started[name] = server
            args = ["push", "--endpoint", server.query_url, "--update-endpoint", server.update_url, "--store", str(store_path)]
            if server.user:
                args += ["--user", server.user, "--password", server.password]
            result = run_cli(*args)
            assert result.returncode == 0, result.stderr
        yield started
    finally:
        for server in started.values():
            server.stop()


@pytest.fixture(scope="module")
def engines(servers, store):
    remote = {name: RemoteStore(s.query_url, graph=DEFAULT_GRAPH, timeout=120) for name, s in servers.items()}
    return {"embedded": store, **remote}


def normal(term) -> str:
    """A term compared across engines: numbers by value, booleans as true/false, other literals by text."""
    if term is None:
        return ""
    kind = type(term).__name__
    if kind == "NamedNode":
        return "<" + term.value + ">"
    if kind == "BlankNode":
        return "_:"
    datatype = term.datatype.value if term.datatype else ""
    if datatype in NUMERIC:
        try:
            return str(Decimal(term.value).normalize())
        except InvalidOperation:
            return term.value
    if datatype == XSD + "boolean":
        return {"1": "true", "0": "false"}.get(term.value, term.value)
    return term.value + (f"@{term.language}" if term.language else "")


def answer_set(store, name: str, params: dict[str, str] | None = None) -> set[tuple[str, ...]]:
    return normal_rows(run_query(store, name, params or {}))


def normal_rows(results) -> set[tuple[str, ...]]:
    """The rows of ``results``, each term as :func:`normal` writes it, list columns sorted."""
    names = [v.value for v in results.variables]
    return {tuple(sorted_cell(n, normal(solution[n])) for n in names) for solution in results}


def test_push_lands_every_triple(servers, engines, store):
    from jakgraph.graph.export.push import count, distinct_triples

    expected = len(distinct_triples(store))
    for name in ("oxigraph", "virtuoso"):
        assert count(engines[name], DEFAULT_GRAPH) == expected


@pytest.mark.parametrize("name", query_names())
def test_stored_query_gives_the_same_answer_on_every_engine(engines, name):
    embedded = answer_set(engines["embedded"], name)
    assert embedded, f"{name} has no answer on the embedded store"
    for engine in ("oxigraph", "virtuoso"):
        assert answer_set(engines[engine], name) == embedded, engine


@pytest.mark.parametrize("params", [{"kind": "c:conflict-count"}, {"drug": "upadacitinib"},
                                    {"disease": "dermatomyositis", "kind": "omission"},
                                    {"disease": "psoriasis", "drug": "baricitinib"}])
def test_optional_filters_give_the_same_answer_on_every_engine(engines, params):
    """``source-conflicts`` takes optional parameters that a VALUES row binds only when given (a disease group with its
    members): one answer on every engine (Virtuoso mis-evaluated them inside FILTER EXISTS with property paths)."""
    embedded = answer_set(engines["embedded"], "source-conflicts", params)
    assert embedded
    for engine in ("oxigraph", "virtuoso"):
        assert answer_set(engines[engine], "source-conflicts", params) == embedded, engine


@pytest.mark.parametrize("drug", ["abrocitinib", "baricitinib"])
def test_a_narrowed_text_gives_the_same_answer_on_every_engine(engines, drug):
    """Given a drug, ``long-term-incidence-rates`` runs its narrowed text (queries/narrowed/; the fast tier checks it
    gives the stored text's rows in its order): one answer on every engine."""
    embedded = answer_set(engines["embedded"], "long-term-incidence-rates", {"drug": drug})
    assert embedded
    for engine in ("oxigraph", "virtuoso"):
        assert answer_set(engines[engine], "long-term-incidence-rates", {"drug": drug}) == embedded, engine


def test_failed_push_leaves_the_old_graph(servers, store, monkeypatch):
    server = servers["oxigraph"]
    remote = RemoteStore(server.query_url)
    from jakgraph.graph.export.push import count

    before = count(remote, DEFAULT_GRAPH)
    calls = {"n": 0}
    original = RemoteStore.update

    def failing(self, sparql, endpoint=None):
        calls["n"] += 1
        if any(line.startswith("INSERT DATA") for line in sparql.splitlines()) and calls["n"] > 3:
            raise UserError("connection lost (simulated)")
        return original(self, sparql, endpoint)

    monkeypatch.setattr(RemoteStore, "update", failing)
    with pytest.raises(UserError):
        push(store, remote, DEFAULT_GRAPH, server.update_url, chunk=1000)
    monkeypatch.setattr(RemoteStore, "update", original)
    assert count(remote, DEFAULT_GRAPH) == before
    graphs = {s["g"].value for s in remote.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert graphs == {DEFAULT_GRAPH}  # the upload graph was dropped


def one_line_error(result) -> str:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_unreachable_endpoint_is_one_line(store_path):
    url = f"http://127.0.0.1:{free_port()}/sparql"
    line = one_line_error(run_cli("query", "off-label-disorders", "--endpoint", url, "--timeout", "5"))
    assert f"cannot reach {url}" in line


def test_wrong_password_is_one_line(servers, store_path):
    server = servers["virtuoso"]
    line = one_line_error(run_cli("push", "--endpoint", server.query_url, "--update-endpoint", server.update_url,
                                  "--user", "dba", "--password", "wrong", "--store", str(store_path)))
    assert "refused the credentials (HTTP 401)" in line


def test_sparql_error_from_the_server_is_one_line(servers):
    line = one_line_error(run_cli("sparql", "SELECT ?x WHERE { ?x", "--endpoint", servers["oxigraph"].query_url))
    assert "rejected the request" in line


def test_timeout_is_one_line(servers):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    line = one_line_error(run_cli("sparql", slow, "--endpoint", servers["virtuoso"].query_url, "--timeout", "1",
                                  "--graph", DEFAULT_GRAPH))
    assert "did not answer within 1 s" in line


def stats_tables(stdout: str) -> tuple[int, dict[str, int], dict[str, int]]:
    """The total, the graph table and the class table printed by ``jakgraph stats``."""
    lines = stdout.splitlines()
    total = int(lines[0].removeprefix("triples: "))
    rows = [line.rsplit(None, 1) for line in lines[1:] if line and not line.startswith(("-", "(", "graph ", "class "))]
    graphs = {name: int(n) for name, n in rows if not name.startswith("jak:")}
    classes = {name: int(n) for name, n in rows if name.startswith("jak:")}
    return total, graphs, classes


@pytest.mark.parametrize("engine", ["oxigraph", "virtuoso"])
def test_stats_on_an_endpoint_counts_its_graphs_and_the_same_classes(servers, store_path, engine):
    server = servers[engine]
    remote = run_cli("stats", "--store", server.query_url, "--user", server.user or "", "--password",
                     server.password or "") if server.user else run_cli("stats", "--store", server.query_url)
    local = run_cli("stats", "--store", str(store_path))
    assert (remote.returncode, remote.stderr) == (0, "")
    _, remote_graphs, remote_classes = stats_tables(remote.stdout)
    total, _, local_classes = stats_tables(local.stdout)
    assert remote_graphs[DEFAULT_GRAPH] == total  # push puts the union of the three graphs into one
    assert remote_classes == local_classes


def test_export_from_an_endpoint_gives_the_store_s_triples(servers, store_path, tmp_path):
    import rdflib
    from rdflib.compare import isomorphic

    server = servers["oxigraph"]
    for fmt, name in (("turtle", "remote.ttl"), ("nquads", "remote.nq")):
        done = run_cli("export", "--store", server.query_url, "--graph", DEFAULT_GRAPH, "-o", str(tmp_path / name))
        assert (done.returncode, done.stderr) == (0, ""), fmt
    local = run_cli("export", "--store", str(store_path), "-o", str(tmp_path / "local.nt"))
    assert local.returncode == 0, local.stderr
    expected = rdflib.Graph().parse(tmp_path / "local.nt", format="nt")
    assert isomorphic(rdflib.Graph().parse(tmp_path / "remote.ttl", format="turtle"), expected)
    quads = rdflib.Dataset().parse(tmp_path / "remote.nq", format="nquads")
    assert {str(g.identifier) for g in quads.graphs() if len(g)} == {DEFAULT_GRAPH}
    assert len(quads) == len(expected)


def test_kgx_from_an_endpoint_equals_the_embedded_kgx(servers, store_path, tmp_path):
    server = servers["oxigraph"]
    for where, store in (("remote", [server.query_url, "--graph", DEFAULT_GRAPH]), ("local", [str(store_path)])):
        done = run_cli("export", "--format", "kgx", "--store", *store, "-o", str(tmp_path / where))
        assert done.returncode == 0, done.stderr
    for name in ("nodes.tsv", "edges.tsv"):
        assert (tmp_path / "remote" / name).read_text() == (tmp_path / "local" / name).read_text()


def test_an_endpoint_cannot_be_served_built_or_loaded_into(servers, tmp_path):
    url = servers["oxigraph"].query_url
    for command in (["serve"], ["build"], ["load", str(tmp_path / "x.nt")]):
        (tmp_path / "x.nt").write_text("", encoding="utf-8")
        line = one_line_error(run_cli(*command, "--store", url))
        assert line.endswith("this command needs an embedded store folder, not a remote SPARQL endpoint "
                             "(to publish the graph to an endpoint, use 'jakgraph push')"), line


def test_construct_on_an_endpoint_prints_triples(servers):
    done = run_cli("sparql", "CONSTRUCT { drug:baricitinib jak:inhibits ?i } WHERE { drug:baricitinib jak:inhibits ?i }",
                   "--endpoint", servers["oxigraph"].query_url, "--graph", DEFAULT_GRAPH)
    assert (done.returncode, done.stderr) == (0, "")
    assert sorted(done.stdout.splitlines()) == [
        f"<https://w3id.org/jakgraph/drug/baricitinib> <https://w3id.org/jakgraph/vocab/inhibits> "
        f"<https://w3id.org/jakgraph/isoform/{isoform}> ." for isoform in ("jak1", "jak2")]


@pytest.mark.parametrize("name", [name for name in query_names() if paged_text(name) is not None])
def test_a_paged_text_gives_the_same_page_on_every_engine(engines, name):
    """A page of a listing runs its paged text (queries/paged/, or the stored text cut at its ``# first rows:``
    line; the fast tier checks it gives that slice of the stored text's answer): the same rows on every engine, for
    a first page and one further on."""
    for limit, offset in ((12, 0), (5, 9)):
        embedded = page_set(engines["embedded"], name, limit, offset)
        assert len(embedded) == limit
        for engine in ("oxigraph", "virtuoso"):
            assert page_set(engines[engine], name, limit, offset) == embedded, (engine, limit, offset)


def page_set(store, name: str, limit: int, offset: int) -> set[tuple[str, ...]]:
    return normal_rows(run_query(store, name, limit=limit, offset=offset))
