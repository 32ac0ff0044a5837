"""Exports read back: isomorphic to the store (rdflib), and the same triple count for independent parsers."""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import BNode, Dataset, Graph
from rdflib.compare import isomorphic

from conftest import run_cli

GRAPH_FORMATS = {"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml", "jsonld": "json-ld"}
DATASET_FORMATS = {"trig": "trig", "nquads": "nquads"}
RAPPER_NAMES = {"turtle": "turtle", "ntriples": "ntriples", "rdfxml": "rdfxml", "trig": "trig", "nquads": "nquads"}
OXIGRAPH_NAMES = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "rdfxml": "RDF_XML", "jsonld": "JSON_LD",
                  "trig": "TRIG", "nquads": "N_QUADS"}


@pytest.fixture(scope="module")
def store_dataset(store) -> Dataset:
    """The store's quads as an rdflib Dataset, read through pyoxigraph's own N-Quads dump."""
    from pyoxigraph import RdfFormat

    buffer = io.BytesIO()
    store.dump(buffer, RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=buffer.getvalue().decode("utf-8"), format="nquads")
    return dataset


@pytest.fixture(scope="module")
def union_graph(store_dataset) -> Graph:
    graph = Graph()
    for graph_part in store_dataset.graphs():
        graph += graph_part
    return graph


@pytest.fixture(scope="module")
def exported(store_path, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    files = {}
    for fmt in list(GRAPH_FORMATS) + list(DATASET_FORMATS):
        path = folder / f"graph.{fmt}"
        result = run_cli("export", "--format", fmt, "-o", str(path), "--store", str(store_path))
        assert result.returncode == 0, result.stderr
        files[fmt] = path
    return files


def quick_only(formats, quick: str) -> list:
    """One format in the quick loop, the others (each a full parse and isomorphism check) in the slow tier."""
    return [fmt if fmt == quick else pytest.param(fmt, marks=pytest.mark.slow) for fmt in formats]


@pytest.mark.parametrize("fmt", quick_only(GRAPH_FORMATS, "turtle"))
def test_graph_export_is_isomorphic_to_the_store(exported, union_graph, fmt):
    graph = Graph().parse(exported[fmt], format=GRAPH_FORMATS[fmt])
    assert len(graph) == len(union_graph)
    assert same_graph(graph, union_graph)


@pytest.mark.parametrize("fmt", quick_only(DATASET_FORMATS, "nquads"))
def test_dataset_export_keeps_one_named_graph_per_source(exported, store_dataset, fmt):
    dataset = Dataset()
    dataset.parse(exported[fmt], format=DATASET_FORMATS[fmt])
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {"https://w3id.org/jakgraph/graph/ontology", "https://w3id.org/jakgraph/graph/review",
                     "https://w3id.org/jakgraph/graph/mappings"}
    for name in names:
        from rdflib import URIRef
        assert same_graph(dataset.graph(URIRef(name)), store_dataset.graph(URIRef(name))), name


def same_graph(left: Graph, right: Graph) -> bool:
    """Isomorphism; with no blank nodes (the project mints IRIs for everything) it is plain set equality."""
    if not any(isinstance(term, BNode) for triple in left for term in triple):
        return set(left) == set(right)
    return isomorphic(left, right)


def test_the_graph_has_no_blank_nodes(union_graph):
    assert [t for t in union_graph if any(isinstance(term, BNode) for term in t)] == []


def distinct_count(path: Path, fmt: str) -> int:
    """Triples (or quads) pyoxigraph parses from the file, as a set."""
    from pyoxigraph import RdfFormat, parse

    return len(set(parse(path=str(path), format=getattr(RdfFormat, OXIGRAPH_NAMES[fmt]))))


@pytest.mark.parametrize("fmt", list(GRAPH_FORMATS) + list(DATASET_FORMATS))
def test_pyoxigraph_reads_the_same_number_of_triples(exported, union_graph, store_dataset, fmt):
    expected = len(union_graph) if fmt in GRAPH_FORMATS else sum(len(g) for g in store_dataset.graphs())
    assert distinct_count(exported[fmt], fmt) == expected


@pytest.mark.parametrize("fmt", list(RAPPER_NAMES))
def test_rapper_reads_the_same_number_of_triples(exported, union_graph, store_dataset, fmt):
    rapper = shutil.which("rapper")
    assert rapper, "rapper is missing: run tests/install-system-packages.sh (Debian package raptor2-utils)"
    result = subprocess.run([rapper, "-i", RAPPER_NAMES[fmt], "-c", str(exported[fmt])], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    count = int(re.search(r"returned (\d+) (?:triples|statements)", result.stderr).group(1))
    expected = len(union_graph) if fmt in GRAPH_FORMATS else sum(len(g) for g in store_dataset.graphs())
    assert count == expected


def test_jsonld_uses_the_shipped_context(exported):
    data = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    context = data["@context"]
    assert context["drug"] == "https://w3id.org/jakgraph/drug/"
    assert not any(isinstance(v, str) and v.startswith("http") and v.endswith(".jsonld") for v in context.values())
    assert "drug:baricitinib" in exported["jsonld"].read_text(encoding="utf-8")


def test_export_to_stdout(store_path):
    result = run_cli("export", "--format", "ntriples", "--store", str(store_path))
    assert result.returncode == 0
    assert "<https://w3id.org/jakgraph/drug/baricitinib>" in result.stdout


def test_export_to_an_unwritable_place_is_one_line(store_path, tmp_path):
    result = run_cli("export", "--format", "turtle", "-o", str(tmp_path / "missing" / "graph.ttl"), "--store", str(store_path))
    assert result.returncode == 1
    assert result.stderr.startswith("jakgraph export: cannot write") and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("name", "first_bytes"), [
    ("graph.ttl", b"@prefix "), ("graph.nt", b"<"), ("graph.trig", b"@prefix "), ("graph.nq", b"<"),
    ("graph.graphml", b"<?xml"),  # the network formats' writers are tested in tests/network
])
def test_export_format_follows_the_output_name(store_path, tmp_path, name, first_bytes):
    result = run_cli("export", "--store", str(store_path), "-o", str(tmp_path / name))
    assert (result.returncode, result.stderr) == (0, ""), name
    assert (tmp_path / name).read_bytes().startswith(first_bytes)


def test_export_refuses_a_format_that_contradicts_the_name(store_path, tmp_path):
    result = run_cli("export", "--store", str(store_path), "--format", "turtle", "-o", str(tmp_path / "x.graphml"))
    assert result.returncode == 1
    assert result.stderr == ("jakgraph export: x.graphml: the name says GraphML but --format says Turtle;"
                             " name the file *.ttl or drop --format\n")
    assert not (tmp_path / "x.graphml").exists()
    unknown = run_cli("export", "--store", str(store_path), "-o", str(tmp_path / "x.dat"))
    assert unknown.returncode == 1 and unknown.stderr.startswith(
        f"jakgraph export: {tmp_path / 'x.dat'}: cannot tell the format from the name; give --format")


@pytest.mark.parametrize(("fmt", "message"), [
    ("kgx", "--format kgx writes nodes.tsv and edges.tsv: give a folder with -o"),
    ("gexf", "--format gexf writes a file: give its path with -o"),
])
def test_formats_that_write_files_refuse_stdout_before_opening_the_store(tmp_path, fmt, message):
    result = run_cli("export", "--format", fmt, "--store", str(tmp_path / "no-store"))
    assert (result.returncode, result.stderr) == (1, f"jakgraph export: {message}\n")
