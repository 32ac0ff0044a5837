"""The package's own SPARQL (``queries/internal/*.rq`` and ``*.ru``): documented, answering as it must, and sent safely."""
from __future__ import annotations

import io
from collections import Counter
from importlib.resources import files

import pytest

from jakgraph.ontology.namespaces import GRAPH_REVIEW, PREFIXES
from jakgraph.queries.binding import fill_update
from jakgraph.queries.catalog import internal_query, internal_update, parse_header, parse_query, query_names
from jakgraph.queries.results import rows
from jakgraph.queries.runner import run_internal

INTERNAL = sorted(entry.name for entry in files("jakgraph.queries").joinpath("internal").iterdir()
                  if entry.name.endswith((".rq", ".ru")))
RDF_TYPE = PREFIXES["rdf"] + "type"


def text_of(file: str) -> str:
    name, kind = file.rsplit(".", 1)
    return internal_query(name) if kind == "rq" else internal_update(name)


def test_the_internal_files_are_shipped():
    assert {"all-triples.rq", "class-counts.rq", "graph-sizes.rq", "triple-count.rq", "triples-in-graph.rq",
            "drop-graph.ru", "insert-data.ru", "move-graph.ru"} <= set(INTERNAL)
    assert len(INTERNAL) == 34


@pytest.mark.parametrize("file", INTERNAL)
def test_each_internal_file_says_what_it_is_for_in_one_header_line(file):
    # one line: SPARQLWrapper strips a leading comment line but not the next one, and reads a query's kind
    # (SELECT, DROP …) from the first such word anywhere in what is left
    lines = text_of(file).splitlines()
    assert lines[0].startswith("#+ summary: ") and len(lines[0]) > 40
    assert not any(line.lstrip().startswith("#") for line in lines[1:])
    assert set(parse_header(text_of(file))) == {"summary"}


def test_internal_queries_are_not_stored_questions():
    assert not {file.rsplit(".", 1)[0] for file in INTERNAL} & set(query_names())


@pytest.fixture(scope="module")
def quads(store):
    """Every quad of the test store, read back from its N-Quads dump (not through the queries under test)."""
    from pyoxigraph import RdfFormat, parse

    buffer = io.BytesIO()
    store.dump(buffer, RdfFormat.N_QUADS)
    return list(parse(buffer.getvalue(), format=RdfFormat.N_QUADS))


def test_graph_sizes_count_the_triples_of_each_named_graph(store, quads):
    expected = Counter(quad.graph_name.value for quad in quads if type(quad.graph_name).__name__ == "NamedNode")
    answer = rows(run_internal(store, "graph-sizes"))
    assert {row["g"]: row["n"] for row in answer} == expected
    assert [row["g"] for row in answer] == sorted(expected)


def test_class_counts_count_the_instances_of_each_class_of_the_vocabulary(store, quads):
    typed = {(quad.subject, quad.object.value) for quad in quads
             if quad.predicate.value == RDF_TYPE and quad.object.value.startswith(PREFIXES["jak"])}
    expected = Counter(cls for _, cls in typed)
    assert {row["class"]: row["n"] for row in rows(run_internal(store, "class-counts"))} == expected
    assert expected[PREFIXES["jak"] + "Drug"] >= 4


def test_triple_count_counts_the_default_graph_only():
    from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

    raw = Store()
    thing = NamedNode("https://example.org/thing")
    raw.add(Quad(thing, thing, thing, DefaultGraph()))
    raw.add(Quad(thing, thing, NamedNode("https://example.org/other"), NamedNode("https://example.org/graph")))
    assert rows(raw.query(internal_query("triple-count"))) == [{"n": 1}]


def test_all_triples_are_the_distinct_triples_of_every_graph(store, quads):
    assert set(run_internal(store, "all-triples")) == {quad.triple for quad in quads}


def test_an_internal_query_takes_its_parameters_as_a_values_row(store, quads):
    from pyoxigraph import NamedNode

    assert [p.name for p in parse_query("triples-in-graph", internal_query("triples-in-graph")).parameters] == ["graph"]
    expected = sum(1 for quad in quads if quad.graph_name.value == GRAPH_REVIEW)
    assert rows(run_internal(store, "triples-in-graph", {"_graph_iri": NamedNode(GRAPH_REVIEW)})) == [{"n": expected}]
    assert rows(run_internal(store, "triples-in-graph", {"_graph_iri": NamedNode(GRAPH_REVIEW + "-none")})) == [{"n": 0}]


def test_an_internal_query_takes_only_library_terms(store):
    with pytest.raises(TypeError):
        run_internal(store, "triples-in-graph", {"_graph_iri": f"<{GRAPH_REVIEW}>"})


def test_the_push_updates_replace_a_graph_with_its_upload_in_one_move():
    from pyoxigraph import Literal, NamedNode, Store, Triple

    remote = Store()
    graph, upload = NamedNode("https://example.org/graph"), NamedNode("https://example.org/graph-upload-1")
    thing = NamedNode("https://example.org/thing")
    old = Triple(thing, thing, Literal("old"))
    new = [Triple(thing, thing, Literal('x"> } } ; DROP ALL ; #\n?_graph_iri', language="en")),
           Triple(thing, NamedNode("https://example.org/size"), Literal("3", datatype=NamedNode(PREFIXES["xsd"] + "integer"))),
           Triple(thing, thing, thing)]

    def count(node):
        return rows(run_internal(remote, "triples-in-graph", {"_graph_iri": node}))[0]["n"]

    remote.update(fill_update(internal_update("insert-data"), {"_graph_iri": graph, "_triples": [old]}))
    remote.update(fill_update(internal_update("drop-graph"), {"_graph_iri": upload}))
    for chunk in (new[:2], new[2:]):
        remote.update(fill_update(internal_update("insert-data"), {"_graph_iri": upload, "_triples": chunk}))
    assert (count(graph), count(upload)) == (1, 3)
    remote.update(fill_update(internal_update("move-graph"), {"_upload_iri": upload, "_graph_iri": graph}))
    assert {quad.triple for quad in remote.quads_for_pattern(None, None, None, graph)} == set(new)
    assert count(upload) == 0 and len(remote) == 3


def test_moving_a_missing_upload_graph_fails_and_keeps_the_target():
    from pyoxigraph import Literal, NamedNode, Store, Triple

    remote = Store()
    graph, upload = NamedNode("https://example.org/graph"), NamedNode("https://example.org/graph-upload-gone")
    thing = NamedNode("https://example.org/thing")
    remote.update(fill_update(internal_update("insert-data"),
                              {"_graph_iri": graph, "_triples": [Triple(thing, thing, Literal("old"))]}))
    with pytest.raises(RuntimeError, match="does not exist"):
        remote.update(fill_update(internal_update("move-graph"), {"_upload_iri": upload, "_graph_iri": graph}))
    assert len(list(remote.quads_for_pattern(None, None, None, graph))) == 1


@pytest.mark.parametrize("values, error", [
    ({"_graph_iri": "https://example.org/g> } ; DROP ALL ; #"}, TypeError),  # text is never filled in
    ({"_graph_iri": ["<https://example.org/s> <https://example.org/p> <https://example.org/o> ."]}, TypeError),
    ({}, ValueError),  # a placeholder without a value
    ({"_graph_iri": None}, TypeError),
])
def test_fill_update_takes_only_library_terms_for_every_placeholder(values, error):
    with pytest.raises(error):
        fill_update(internal_update("drop-graph"), values)


def test_fill_update_refuses_a_value_without_a_placeholder():
    from pyoxigraph import NamedNode

    node = NamedNode("https://example.org/g")
    with pytest.raises(ValueError):
        fill_update(internal_update("drop-graph"), {"_graph_iri": node, "_upload_iri": node})


@pytest.mark.parametrize("file, kind", [
    ("all-triples.rq", "CONSTRUCT"), ("triples-in-graph.rq", "SELECT"), ("kgx-nodes.rq", "SELECT"),
    ("drop-graph.ru", "DROP"), ("insert-data.ru", "INSERT"), ("move-graph.ru", "MOVE"),
])
def test_sparqlwrapper_sends_each_internal_text_as_what_it_is(file, kind):
    """The remote store's client reads the kind of request from the text, comments included."""
    from pyoxigraph import NamedNode, Triple
    from SPARQLWrapper import SPARQLWrapper

    from jakgraph.graph.store.remote import declare_prefixes

    node = NamedNode("https://example.org/g")
    if file.endswith(".ru"):
        values = {"_graph_iri": node, "_upload_iri": node, "_triples": [Triple(node, node, node)]}
        text = fill_update(text_of(file), {k: v for k, v in values.items() if f"?{k}" in text_of(file)})
    else:
        text = declare_prefixes(text_of(file))
    client = SPARQLWrapper("http://127.0.0.1:9/sparql")
    client.setQuery(text)
    assert client.queryType == kind
    assert client.isSparqlUpdateRequest() == file.endswith(".ru")


def test_the_prefix_declarations_sent_to_endpoints_are_the_prefix_map():
    declared = [line.split() for line in internal_query("prefixes").splitlines()[1:]]
    assert [(name.removesuffix(":"), iri[1:-1]) for _, name, iri in declared] == list(PREFIXES.items())


def test_a_query_to_an_endpoint_gets_only_the_prefixes_it_does_not_declare():
    from jakgraph.graph.store.remote import declare_prefixes

    text = declare_prefixes("PREFIX drug: <https://example.org/other/>\nASK { drug:x ?p ?o }")
    assert "PREFIX drug: <https://example.org/other/>" in text
    assert text.count("PREFIX drug:") == 1 and f"PREFIX jak: <{PREFIXES['jak']}>" in text
