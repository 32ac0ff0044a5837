"""The SHACL shapes catch what they say they catch, each with its own message."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from jakgraph.graph.store.validate import violations

JAK = "https://w3id.org/jakgraph/vocab/"
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
BARICITINIB = URIRef("https://w3id.org/jakgraph/drug/baricitinib")
ITEM = URIRef("https://w3id.org/jakgraph/evidence/baricitinib--psoriasis--18")


@pytest.fixture(scope="module")
def review() -> Graph:
    from jakgraph.loaders import review_graph

    return review_graph()


def messages(graph: Graph) -> set[tuple[str, str]]:
    return {(v.focus, v.message) for v in violations(graph)}


def test_each_rewritten_constraint_fires_with_its_own_message(review: Graph) -> None:
    """A drug without a Spanish label, and an evidence item whose product holds another drug: one validation."""
    changed = Graph() + review
    for label in list(changed.objects(BARICITINIB, RDFS_LABEL)):
        if isinstance(label, Literal) and label.language == "es":
            changed.remove((BARICITINIB, RDFS_LABEL, label))
    changed.set((ITEM, URIRef(JAK + "product"), URIRef("https://w3id.org/jakgraph/product/oral-upadacitinib")))
    assert messages(changed) == {
        (str(BARICITINIB), "a drug, isoform or disease needs a Spanish label"),
        (str(ITEM), "the product of an evidence item contains another drug than the item names")}
