"""The store: atomic builds, where it lives, and the build/stats/validate/sparql commands."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from jakgraph.graph.store import StoreFolder

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(location: Path) -> int:
    result = run_cli("sparql", COUNT, "--store", str(location), "--format", "srj")
    assert result.returncode == 0, result.stderr
    return int(json.loads(result.stdout)["results"]["bindings"][0]["n"]["value"])


def test_stats_prints_triples_and_instances_per_class(store_path):
    result = run_cli("stats", "--store", str(store_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"triples: {count(store_path)}"
    per_class = dict(line.split()[:2] for line in lines if line.startswith("jak:"))
    # counted by reading the review: 37 disorders it counts, Table 7's 37 printed rows, 4 isoforms,
    # 9 approvals plus the one dash of Table 1, the 13 steps of the evidence scale
    assert per_class["jak:CountedDisorder"] == "37"
    assert per_class["jak:Table7Row"] == "37"
    assert per_class["jak:JAKIsoform"] == "4"
    assert per_class["jak:RegulatoryApproval"] == "10"
    assert per_class["jak:StudyDesign"] == "13"


def test_validate_passes_on_the_shipped_data():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("valid: ")


@pytest.mark.parametrize(("fmt", "expected"), [
    ("csv", "label\nbaricitinib\n"),
    ("tsv", "label\nbaricitinib\n"),
    ("table", "label\n-----------\nbaricitinib\n(1 row)\n"),
])
def test_sparql_formats(store_path, fmt, expected):
    query = 'SELECT ?label WHERE { drug:baricitinib rdfs:label ?label FILTER(lang(?label) = "en") }'
    result = run_cli("sparql", query, "--store", str(store_path), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected


def test_sparql_srj_is_sparql_results_json(store_path):
    result = run_cli("sparql", "SELECT ?n WHERE { evidence:baricitinib--psoriasis--18 jak:numberOfPatients ?n }",
                     "--store", str(store_path), "--format", "srj")
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["n"]
    assert data["results"]["bindings"] == [{"n": {"type": "literal", "value": "271",
                                                  "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]


def test_sparql_reads_a_query_file(store_path, tmp_path):
    query = tmp_path / "isoforms.rq"
    query.write_text("SELECT ?s WHERE { ?s a jak:JAKIsoform } ORDER BY ?s", encoding="utf-8")
    result = run_cli("sparql", str(query), "--store", str(store_path), "--format", "csv")
    assert result.stdout.split() == ["s", "isoform:jak1", "isoform:jak2", "isoform:jak3", "isoform:tyk2"]


def test_sparql_syntax_error_is_one_line(store_path):
    result = run_cli("sparql", "SELECT ?x WHERE { ?x", "--store", str(store_path))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("jakgraph sparql: SPARQL syntax error")


def test_querying_before_any_build_says_what_to_do(tmp_path):
    result = run_cli("stats", "--store", str(tmp_path / "nothing-here"))
    assert result.returncode == 1
    assert "run 'jakgraph build' first" in result.stderr
    assert "Traceback" not in result.stderr


TINY = '<https://example.org/a> <https://example.org/p> "one" .\n'


def test_store_location_from_environment(tmp_path):
    location = tmp_path / "from-env"
    (tmp_path / "tiny.nt").write_text(TINY, encoding="utf-8")
    result = run_cli("load", "-q", "tiny.nt", env={"JAKGRAPH_STORE": str(location)}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert StoreFolder(location).current_name() is not None
    stats = run_cli("stats", env={"JAKGRAPH_STORE": str(location)}, cwd=tmp_path)
    assert stats.stdout.startswith("triples: 1\n")


def test_default_location_is_under_the_user_data_folder(tmp_path):
    (tmp_path / "tiny.nt").write_text(TINY, encoding="utf-8")
    result = run_cli("load", "-q", "tiny.nt", env={"XDG_DATA_HOME": str(tmp_path), "JAKGRAPH_STORE": ""}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert StoreFolder(tmp_path / "jakgraph" / "store").current_name() is not None


def test_query_command_does_not_import_heavy_libraries(store_path):
    code = ("import sys; from jakgraph.cli import main; main(['sparql', 'ASK { ?s ?p ?o }', '--store', %r]);"
            "print(sorted(m for m in ('networkx', 'pyshacl', 'matplotlib', 'rdflib') if m in sys.modules))") % str(store_path)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.splitlines()[-1] == "[]"


def test_long_inline_query_is_not_taken_for_a_file(store_path):
    query = "SELECT ?s WHERE { ?s a jak:JAKIsoform . " + " ".join(f"OPTIONAL {{ ?s rdfs:label ?l{i} }}" for i in range(12)) + " }"
    assert len(query) > 300
    result = run_cli("sparql", query, "--store", str(store_path), "--format", "csv")
    assert result.returncode == 0, result.stderr


def test_sparql_construct_prints_n_triples(store_path):
    result = run_cli("sparql", "CONSTRUCT { drug:baricitinib jak:inhibits ?i } WHERE { drug:baricitinib jak:inhibits ?i }",
                     "--store", str(store_path))
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.splitlines()) == [
        f"<https://w3id.org/jakgraph/drug/baricitinib> <https://w3id.org/jakgraph/vocab/inhibits> "
        f"<https://w3id.org/jakgraph/isoform/{isoform}> ." for isoform in ("jak1", "jak2")]


def test_stats_reads_the_store_through_the_store_interface(store_path):
    from jakgraph.graph.store import Store, open_store
    from jakgraph.graph.store.stats import stats

    store = open_store(store_path)
    assert isinstance(store, Store)
    result = stats(store)
    assert result.triples == len(store) == sum(result.graphs.values())
    assert store.default_graph_size() == 0 and "(default graph)" not in result.graphs
    assert sorted(result.graphs) == store.named_graphs() == [
        "https://w3id.org/jakgraph/graph/mappings", "https://w3id.org/jakgraph/graph/ontology",
        "https://w3id.org/jakgraph/graph/review"]
    store.close()


def test_reading_options_for_an_endpoint_are_refused_for_a_folder(store_path):
    result = run_cli("stats", "--store", str(store_path), "--user", "someone")
    assert (result.returncode, result.stderr) == (1, f"jakgraph stats: --user apply to a SPARQL endpoint; {store_path} is a folder\n")
