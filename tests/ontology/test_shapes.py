"""The SHACL shapes catch what they say they catch, each with its own message."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from jakgraph.graph.store.validate import violations

JAK = "https://w3id.org/jakgraph/vocab/"
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
BARICITINIB = URIRef("https://w3id.org/jakgraph/drug/baricitinib")
ITEM = URIRef("https://w3id.org/jakgraph/evidence/baricitinib--psoriasis--18")
BASE = "https://w3id.org/jakgraph/"
BLAU = URIRef(BASE + "evidence/baricitinib--blau-syndrome--33")
CANDLE = URIRef(BASE + "evidence/baricitinib--candle-syndrome--32")
LYMPHOPENIA = URIRef(BASE + "evidence/baricitinib--blau-syndrome--33/adverse-event/1")
FINDING = URIRef(BASE + "safety-finding/abrocitinib-platelet-analysis--abrocitinib--thrombocytopenia")
OVERLAP = "https://w3id.org/jakgraph/patient-overlap/"
CONFLICT = "https://w3id.org/jakgraph/conflict/"
PROV = "http://www.w3.org/ns/prov#"
HERPES_ZOSTER = URIRef(BASE + "adverse-event/herpes-zoster")
TOFACITINIB = URIRef(BASE + "drug/tofacitinib")


@pytest.fixture(scope="module")
def review() -> Graph:
    from jakgraph.loaders import review_graph

    return review_graph()


def messages(graph: Graph) -> set[tuple[str, str]]:
    return {(v.focus, v.message) for v in violations(graph)}


def test_each_rewritten_constraint_fires_with_its_own_message(review: Graph) -> None:
    """A drug without a Spanish label, an adverse event with only its Spanish one, a drug with a synonym given as
    a second English and a second Spanish label, an evidence item whose product holds another drug, structured
    readings without what they rest on (a switch without its reason, a comparison direction without a comparator, a
    cause of death on an event that is not a death, a finding about nothing), an overlap of the same patients without
    their number, one whose home row is not among its records, one naming a drug as a record, a conflict left with one
    reading, one without a kind, a reading without its place and two readings at one position: one validation, one
    message each."""
    changed = Graph() + review
    for label in list(changed.objects(BARICITINIB, RDFS_LABEL)):
        if isinstance(label, Literal) and label.language == "es":
            changed.remove((BARICITINIB, RDFS_LABEL, label))
    english = [label for label in changed.objects(HERPES_ZOSTER, RDFS_LABEL) if label.language == "en"]
    assert english and any(label.language == "es" for label in changed.objects(HERPES_ZOSTER, RDFS_LABEL))
    for label in english:
        changed.remove((HERPES_ZOSTER, RDFS_LABEL, label))
    changed.add((TOFACITINIB, RDFS_LABEL, Literal("a made-up synonym", lang="en")))
    changed.add((TOFACITINIB, RDFS_LABEL, Literal("un sinónimo inventado", lang="es")))
    changed.set((ITEM, URIRef(JAK + "product"), URIRef("https://w3id.org/jakgraph/product/oral-upadacitinib")))
    changed.remove((BLAU, URIRef(JAK + "switchReason"), None))
    changed.remove((BLAU, URIRef(JAK + "switchReasonEvent"), None))
    changed.add((CANDLE, URIRef(JAK + "comparisonDirection"), URIRef(BASE + "concept/comparison-better")))
    changed.add((LYMPHOPENIA, URIRef(JAK + "causeOfDeath"), URIRef(BASE + "adverse-event/covid-19")))
    assert (FINDING, URIRef(JAK + "event"), None) in changed
    changed.remove((FINDING, URIRef(JAK + "event"), None))
    changed.remove((URIRef(OVERLAP + "ov-scle-case-in-ffa"), URIRef(JAK + "sharedPatients"), None))
    changed.set((URIRef(OVERLAP + "ov-sjia-case-in-adult-still"), URIRef(JAK + "homeRow"),
                 URIRef("https://w3id.org/jakgraph/table7-row/t7-blau-syndrome")))
    changed.add((URIRef(OVERLAP + "ov-vexas-study"), URIRef(JAK + "overlapMember"), BARICITINIB))
    reading, position = URIRef(JAK + "reading"), URIRef(JAK + "position")
    changed.remove((URIRef(CONFLICT + "c-ga-dose"), reading, URIRef(CONFLICT + "c-ga-dose/reading/2")))
    changed.remove((URIRef(CONFLICT + "c-vexas-design"), URIRef(JAK + "conflictKind"), None))
    changed.remove((URIRef(CONFLICT + "c-vexas-n-patients/reading/1"), URIRef(PROV + "wasDerivedFrom"), None))
    changed.set((URIRef(CONFLICT + "c-aosd-n-studies/reading/2"), position, Literal(1)))
    assert messages(changed) == {
        (str(BARICITINIB), "a drug, isoform or disease needs a Spanish label"),
        (str(HERPES_ZOSTER), "a record needs one English label (a synonym is a skos:altLabel)"),
        (str(TOFACITINIB), "a record needs one English label (a synonym is a skos:altLabel)"),
        (str(TOFACITINIB), "a record has one Spanish label at most (a synonym is a skos:altLabel)"),
        (str(ITEM), "the product of an evidence item contains another drug than the item names"),
        (str(BLAU), "a switch needs its reason (or not-stated)"),
        (str(CANDLE), "a comparison direction needs the comparator it is measured against"),
        (str(LYMPHOPENIA), "a cause of death is given only for deaths"),
        (str(FINDING), "a safety finding is about one adverse event or one other outcome, not both or neither"),
        (OVERLAP + "ov-scle-case-in-ffa", "an overlap of the same patients needs a number of shared patients above 0"),
        (OVERLAP + "ov-sjia-case-in-adult-still", "an overlap's home row is one of its members"),
        (OVERLAP + "ov-vexas-study", "an overlap names two or more evidence items, Table 7 rows or safety analyses"),
        (CONFLICT + "c-ga-dose", "a conflict keeps two or more readings"),
        (CONFLICT + "c-ga-dose/reading/2", "a reading belongs to exactly one conflict"),
        (CONFLICT + "c-vexas-design", "a conflict has one kind from the scheme of conflict kinds"),
        (CONFLICT + "c-vexas-n-patients/reading/1", "a reading names where in the review it is stated"),
        (CONFLICT + "c-aosd-n-studies", "two readings of a conflict share one position")}


def test_a_kind_of_conflict_outside_the_scheme_and_undefined_is_refused() -> None:
    data = Graph().parse(format="turtle", data="""
        @prefix c: <https://w3id.org/jakgraph/concept/> . @prefix jak: <https://w3id.org/jakgraph/vocab/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        c:conflict-rumour a jak:ConflictKind ; rdfs:label "rumour"@en ; skos:notation "rumour" ;
            skos:inScheme c:other-scheme .""")
    rumour = "https://w3id.org/jakgraph/concept/conflict-rumour"
    assert messages(data) == {(rumour, "a kind of conflict is a concept of the scheme c:conflict-kinds"),
                              (rumour, "a kind of conflict has an English definition")}
