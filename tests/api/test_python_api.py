"""The Python API (``jakgraph.open`` and :class:`jakgraph.api.Graph`) on the graph built for the session.

Its docstring examples run here too, one test per docstring, with ``g`` opened on that graph and
``$JAKGRAPH_STORE`` naming it, so that ``jakgraph.open()`` in an example opens it as a user's would.
"""
from __future__ import annotations

import doctest
import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest

import jakgraph
import jakgraph.api
from jakgraph.errors import UserError

from conftest import run_cli

HEADLINE = [{
    "selectivity": "selectivity:jak1-selective", "design": "design:case-series",
    "group": "disease:autoinflammatory-disorders", "drug": "drug:upadacitinib", "drug_label": "upadacitinib",
    "disease": "disease:vexas-syndrome", "disease_label": "VEXAS syndrome",
    "evidence": "evidence:upadacitinib--vexas-syndrome--35", "n_patients": None, "refs": "35",
}]


@pytest.fixture
def default_store(store_path, monkeypatch):
    """``$JAKGRAPH_STORE`` names the session's graph: ``jakgraph.open()`` opens it."""
    monkeypatch.setenv("JAKGRAPH_STORE", str(store_path))
    return store_path


@pytest.fixture(scope="module")
def g(store_path):
    with jakgraph.open(store_path) as graph:
        yield graph


def docstrings(module) -> dict[str, doctest.DocTest]:
    return {test.name: test for test in doctest.DocTestFinder().find(module, module.__name__) if test.examples}


DOCSTRINGS = {**docstrings(jakgraph), **docstrings(jakgraph.api)}


@pytest.mark.parametrize("name", sorted(DOCSTRINGS))
def test_the_docstring_examples_hold(name, g, default_store):
    test = DOCSTRINGS[name]
    test.globs = {**test.globs, "jakgraph": jakgraph, "g": g}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failures: list[str] = []
    runner.run(test, out=failures.append)
    assert runner.failures == 0, "".join(failures)


def test_every_public_function_and_method_shows_an_example():
    public = ["jakgraph.open", "jakgraph.open_store", "jakgraph.api.Graph", "jakgraph.api.parameter_text"]
    public += [f"jakgraph.api.Graph.{name}" for name in vars(jakgraph.api.Graph) if not name.startswith("_")]
    assert sorted(set(public) - set(DOCSTRINGS)) == []


def test_import_jakgraph_loads_no_heavy_library():
    code = ("import sys, jakgraph; jakgraph.Graph; print(sorted(m for m in ('pyoxigraph', 'rdflib', 'networkx',"
            " 'pandas', 'pyshacl', 'SPARQLWrapper') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")


def test_the_headline_question_answers_in_python_values(g):
    assert g.ask("selective-drugs-with-design-in-group") == HEADLINE


@pytest.mark.parametrize("group", ["autoinflammatory disorders with cutaneous manifestations",
                                   "autoinflammatory-disorders", "disease:autoinflammatory-disorders",
                                   "https://w3id.org/jakgraph/disease/autoinflammatory-disorders"])
def test_parameters_by_label_id_curie_or_iri_give_the_same_answer(g, group):
    assert g.ask("selective-drugs-with-design-in-group", group=group, design="case series",
                 selectivity="selectivity:jak1-selective") == HEADLINE


def test_none_leaves_a_parameter_out(g):
    assert g.ask("long-term-incidence-rates", drug=None) == g.ask("long-term-incidence-rates")
    assert sorted({row["drug"] for row in g.ask("long-term-incidence-rates", drug=None)}) == [
        "drug:abrocitinib", "drug:baricitinib", "drug:upadacitinib"]
    with pytest.raises(UserError, match="has no parameter 'medicine'"):
        g.ask("long-term-incidence-rates", medicine=None)


def test_values_keep_their_types(g):
    rates = {(r["event_label"], r["dose_mg"]): r["rate"] for r in g.ask("long-term-incidence-rates", drug="abrocitinib")}
    assert rates[("herpes simplex", Decimal("200"))] == Decimal("11.83")
    assert type(rates[("serious infection", Decimal("100"))]) is Decimal
    events = {r["event"]: r["date"] for r in g.ask("regulatory-events")}
    assert events["regulatory:fda-boxed-warning-2021"] == date(2021, 9, 1)
    assert events["regulatory:jak-task-force-consensus-2021"] == "2021"  # a year alone (xsd:gYear) stays text
    sizes = g.ask("studies-above-size", min_n=100)
    assert [(r["min_n"], r["evidence"], r["n_patients"]) for r in sizes] == [
        (100, "evidence:baricitinib--psoriasis--18", 271)]


def test_unknown_names_are_the_command_lines_one_line_errors(g, store_path):
    for args, kwargs in ((["no-such-question"], {}), (["evidence-for-drug"], {"medicine": "upadacitinib"}),
                         (["evidence-for-drug"], {"drug": "upadacitnib"})):
        with pytest.raises(UserError) as raised:
            g.ask(*args, **kwargs)
        cli = run_cli("query", *args, *[f"-p{k}={v}" for k, v in kwargs.items()], "--store", str(store_path))
        assert cli.stderr == f"jakgraph query: {raised.value}\n"


def test_questions_parameters_and_choices_are_listed(g):
    from jakgraph.queries.catalog import query_names

    assert [q["name"] for q in g.queries()] == query_names()
    assert g.parameters("long-term-incidence-rates") == [
        {"name": "drug", "type": "iri", "required": False, "default": None}]
    assert [c["value"] for c in g.choices("selective-drugs-with-design-in-group", "selectivity")] == [
        "selectivity:jak1-jak2", "selectivity:jak1-selective"]
    assert g.choices("studies-above-size", "min_n") == []


def test_a_frame_has_every_column_even_without_rows(g):
    frame = g.frame("selective-drugs-with-design-in-group", design="randomized controlled trial")
    assert list(frame.columns) == list(HEADLINE[0]) and len(frame) == 0
    patients = g.frame("patients-per-drug").set_index("drug_label")["patients"].to_dict()
    assert patients == {"baricitinib": 428, "ruxolitinib": 169, "upadacitinib": 28, "abrocitinib": 2}


def test_frame_without_pandas_says_how_to_install_it(g, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # what `import pandas` meets where it is not installed
    with pytest.raises(UserError) as raised:
        g.frame("patients-per-drug")
    assert str(raised.value) == "Graph.frame needs pandas, an optional extra: pip install 'jakgraph[pandas]'"


def test_sparql_answers_select_ask_and_construct(g):
    assert g.sparql("SELECT ?isoform WHERE { drug:ruxolitinib jak:inhibits ?isoform } ORDER BY ?isoform") == [
        {"isoform": "isoform:jak1"}, {"isoform": "isoform:jak2"}]
    assert g.sparql("ASK { drug:ruxolitinib jak:inhibits isoform:jak3 }") == [{"boolean": False}]
    labels = g.sparql("CONSTRUCT { drug:ruxolitinib rdfs:label ?l } WHERE { drug:ruxolitinib rdfs:label ?l }")
    assert sorted(t["object"] for t in labels) == ["ruxolitinib", "ruxolitinib"]  # English and Spanish
    with pytest.raises(UserError, match="SERVICE"):
        g.sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")


def test_the_network_is_the_one_jakgraph_network_reads(g, store):
    from jakgraph.graph.network.model import evidence_network, summary_network

    network, expected = g.network(), summary_network(evidence_network(store))
    assert (network.number_of_nodes(), network.number_of_edges()) == (41, 46)
    assert sorted(network.edges(data=True)) == sorted(expected.edges(data=True))
    assert {d for d, data in network.nodes(data=True) if data["type"] == "drug"} == {
        "drug:abrocitinib", "drug:baricitinib", "drug:ruxolitinib", "drug:upadacitinib"}


def test_export_infers_the_format_from_the_name_and_writes_kgx_folders(g, tmp_path):
    import networkx as nx

    written = g.export(tmp_path / "evidence.graphml")
    assert nx.read_graphml(written).nodes["drug:upadacitinib"]["label"] == "upadacitinib"
    folder = g.export(tmp_path / "kgx", format="kgx")
    assert sorted(p.name for p in folder.iterdir()) == ["edges.tsv", "nodes.tsv"]
    with pytest.raises(UserError, match="cannot tell the format from the name"):
        g.export(tmp_path / "graph.dat")


def test_open_refuses_endpoint_options_for_a_folder_and_a_missing_store(tmp_path):
    with pytest.raises(UserError) as raised:
        jakgraph.open(tmp_path, graph="https://w3id.org/jakgraph/graph/review", timeout=5)
    assert str(raised.value) == f"graph, timeout apply to a SPARQL endpoint; {tmp_path} is a folder"
    with pytest.raises(UserError, match="no graph has been built at"):
        jakgraph.open(tmp_path / "nothing")


def test_a_graph_holds_its_lease_until_closed(store_path):
    with jakgraph.open(store_path) as graph:
        assert graph.store._open is not None  # the lease taken at open
    assert graph._store is None and "closed" in repr(graph)
