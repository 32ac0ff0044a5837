"""Answers in the reader's language: English labels replaced by the same things' Spanish labels from the graph."""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad, Store

from jakgraph.queries import language
from jakgraph.queries.language import in_language

LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
ENGLISH_LABELS = 'SELECT ?thing ?label WHERE { ?thing rdfs:label ?label FILTER(LANG(?label) = "en") }'


def test_every_english_label_of_the_graph_in_spanish_in_batches(store, monkeypatch):
    monkeypatch.setattr(language, "BATCH", 97)
    translated = {row["thing"].value.rsplit("/", 1)[-1]: row["label"] for row in
                  in_language(store, store.query(ENGLISH_LABELS), "es")}
    assert translated["atopic-dermatitis"] == Literal("dermatitis atópica", language="es")
    assert translated["case-series"] == Literal("serie de casos", language="es")
    assert translated["jak-task-force"].language == "en"  # no Spanish label: the English one stays


def test_the_whole_graphs_labels_fit_the_guard(store):
    # one VALUES block for every label would pass the guard's 2,000 tokens and be refused
    answer = in_language(store, store.query(ENGLISH_LABELS), "es")
    assert len(answer) == len(list(store.query(ENGLISH_LABELS)))


def test_a_label_two_things_translate_differently_stays_english():
    graph = Store()
    for thing, spanish in (("a", "uno"), ("b", "otro")):
        graph.add(Quad(NamedNode(f"https://example.org/{thing}"), LABEL, Literal("same", language="en")))
        graph.add(Quad(NamedNode(f"https://example.org/{thing}"), LABEL, Literal(spanish, language="es")))
    graph.add(Quad(NamedNode("https://example.org/c"), LABEL, Literal("single", language="en")))
    graph.add(Quad(NamedNode("https://example.org/c"), LABEL, Literal("único", language="es")))
    answer = in_language(graph, graph.query('SELECT ?label WHERE { VALUES ?label { "same"@en "single"@en "x" } }'),
                         "es")
    assert [row["label"] for row in answer] == [Literal("same", language="en"), Literal("único", language="es"),
                                                Literal("x")]
