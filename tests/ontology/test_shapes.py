"""The SHACL shapes catch what they say they catch, each with its own message."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from jakgraph.graph.store.validate import violations

JAK = "https://w3id.org/jakgraph/vocab/"
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
BARICITINIB = URIRef("https://w3id.org/jakgraph/drug/baricitinib")
ITEM = URIRef("https://w3id.org/jakgraph/evidence/baricitinib--psoriasis--18")
OVERLAP = "https://w3id.org/jakgraph/patient-overlap/"


@pytest.fixture(scope="module")
def review() -> Graph:
    from jakgraph.loaders import review_graph

    return review_graph()


def messages(graph: Graph) -> set[tuple[str, str]]:
    return {(v.focus, v.message) for v in violations(graph)}


def test_each_rewritten_constraint_fires_with_its_own_message(review: Graph) -> None:
    """A drug without a Spanish label, an evidence item whose product holds another drug, an overlap of the same
    patients without their number, one whose home row is not among its records, and one naming a drug as a record:
    one validation."""
    changed = Graph() + review
    for label in list(changed.objects(BARICITINIB, RDFS_LABEL)):
        if isinstance(label, Literal) and label.language == "es":
            changed.remove((BARICITINIB, RDFS_LABEL, label))
    changed.set((ITEM, URIRef(JAK + "product"), URIRef("https://w3id.org/jakgraph/product/oral-upadacitinib")))
    changed.remove((URIRef(OVERLAP + "ov-scle-case-in-ffa"), URIRef(JAK + "sharedPatients"), None))
    changed.set((URIRef(OVERLAP + "ov-sjia-case-in-adult-still"), URIRef(JAK + "homeRow"),
                 URIRef("https://w3id.org/jakgraph/table7-row/t7-blau-syndrome")))
    changed.add((URIRef(OVERLAP + "ov-vexas-study"), URIRef(JAK + "overlapMember"), BARICITINIB))
    assert messages(changed) == {
        (str(BARICITINIB), "a drug, isoform or disease needs a Spanish label"),
        (str(ITEM), "the product of an evidence item contains another drug than the item names"),
        (OVERLAP + "ov-scle-case-in-ffa", "an overlap of the same patients needs a number of shared patients above 0"),
        (OVERLAP + "ov-sjia-case-in-adult-still", "an overlap's home row is one of its members"),
        (OVERLAP + "ov-vexas-study", "an overlap names two or more evidence items, Table 7 rows or safety analyses")}
