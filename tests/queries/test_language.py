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


def test_spanish_labels_on_every_record_change_no_english_answer(store):
    """A Spanish label given to each record that has only an English one (the shapes allow one on every labelled
    record) changes no stored question's answer: each reads the English label alone, so no row comes twice or in
    Spanish. Each question is asked of the graph with and without them, with its defaults, as is each paged text
    (a first page) and the narrowed text for one drug; list cells are compared as sorted lists, since GROUP_CONCAT
    leaves their order open."""
    from collections import Counter

    import pyoxigraph as ox

    from jakgraph.ontology.namespaces import PREFIXES
    from jakgraph.queries.catalog import paged_text, query_names
    from jakgraph.queries.runner import page_text, query_text
    from list_cells import answer_cell

    translated = ox.Store()
    translated.extend(store.quads())
    labels = [quad for quad in translated.quads_for_pattern(None, LABEL, None, None) if isinstance(quad.object, Literal)]
    spanish = {quad.subject for quad in labels if quad.object.language == "es"}
    added = [ox.Quad(quad.subject, LABEL, Literal(f"{quad.object.value} (es)", language="es"), quad.graph_name)
             for quad in labels if quad.object.language == "en" and quad.subject not in spanish]
    translated.extend(added)

    texts = {name: query_text(name, ()) for name in query_names()}
    texts.update({f"{name}, a page": page_text(name, (), 1000) for name in query_names() if paged_text(name)})
    drug = (("drug", "https://w3id.org/jakgraph/drug/abrocitinib"),)
    texts["long-term-incidence-rates, one drug"] = query_text("long-term-incidence-rates", drug)
    assert texts["long-term-incidence-rates, one drug"] != texts["long-term-incidence-rates"]  # the narrowed text

    def answer(graph: Store, name: str) -> Counter:
        results = graph.query(texts[name], use_default_graph_as_union=True, prefixes=PREFIXES)
        names = [variable.value for variable in results.variables]
        return Counter(tuple(answer_cell(n, solution[n]) for n in names) for solution in results)

    changed = [name for name in texts if answer(translated, name) != answer(store.database, name)]
    assert len(texts) == 43 and len(added) > 900 and changed == []
