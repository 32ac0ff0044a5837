"""The review's contradictions: each reading proved against the text at its place, the kinds a closed SKOS scheme,
and the records whose values the conflicts decide (the most specific source wins, the other reading is kept)."""
from __future__ import annotations

import re
from decimal import Decimal
from typing import get_args

import pytest

from curated_fixtures import curated  # noqa: F401  (fixtures)
from jakgraph.loaders.records import ConflictKind, ConflictReading, EvidenceItem
from review_tables import ReviewText, printed_numbers, printed_references, stated_numbers

# readings that state no figure and cite no reference: nothing of theirs can be looked for in the text
WITHOUT_FIGURES = {("c-herpes-zoster-vaccination-population", 2)}


@pytest.fixture(scope="module")
def review(review_lines) -> ReviewText:
    return ReviewText(review_lines)


def unfound(review: ReviewText, reading: ConflictReading) -> list[str]:
    """What a reading states (its figures, its reference numbers) that its places in the review do not hold."""
    text = " ".join(review.text(str(locator)) for locator in reading.source)
    figures = stated_numbers(reading.stated_value) - printed_numbers(text)
    refs = {Decimal(number) for number in reading.refs} - printed_references(text)
    return [f"figure {n}" for n in sorted(figures)] + [f"ref {n}" for n in sorted(refs)]


def test_every_reading_is_found_at_its_places_in_the_review(review, curated):
    missing = {(r.conflict, r.position): found for r in curated.conflict_readings if (found := unfound(review, r))}
    assert missing == {}
    unchecked = {(r.conflict, r.position) for r in curated.conflict_readings
                 if not stated_numbers(r.stated_value) and not r.refs}
    assert unchecked == WITHOUT_FIGURES


@pytest.mark.parametrize(("locator", "stated", "refs", "expected"), [
    ("T3/VEXAS syndrome", "one case series, n=7", (35,), ["figure 7"]),          # Table 7's count, not Table 3's
    ("T7/VEXAS syndrome", "1 study, 7 patients", (35,), ["ref 35"]),            # sub-rows print no references
    ("P84", "one retrospective study (n=7)", (51,), ["figure 7"]),              # the lichen planopilaris n of P90
    ("T3/Frontal fibrosing alopecia", "refs 38 and 51", (38, 51), ["figure 38", "ref 38"]),  # Table 7's refs
    ("T5/Alopecia areata", "31% against 63% with clobetasol 0.05%", (86,), []),  # printed glued: vehicle.2431%
])
def test_the_reading_check_finds_what_is_not_there(review, locator, stated, refs, expected):
    from jakgraph.loaders.reading import parse_locator

    reading = ConflictReading(conflict="c-test", position=1, stated_value=stated, source=(parse_locator(locator),),
                              refs=refs)
    assert unfound(review, reading) == expected


def test_every_locator_of_a_reading_names_a_place_of_the_review(review, curated):
    unknown = []
    for reading in curated.conflict_readings:
        for locator in reading.source:
            try:
                review.text(str(locator))
            except KeyError:
                unknown.append((reading.conflict, reading.position, str(locator)))
    assert unknown == []


def test_the_kinds_are_the_concepts_of_one_scheme():
    from rdflib import Namespace, URIRef
    from rdflib.namespace import RDF, SKOS

    from jakgraph.ontology import ontology_graph

    graph, concepts = ontology_graph(), Namespace("https://w3id.org/jakgraph/concept/")
    scheme = concepts["conflict-kinds"]
    members = set(graph.subjects(SKOS.inScheme, scheme))
    assert members == set(graph.subjects(RDF.type, URIRef("https://w3id.org/jakgraph/vocab/ConflictKind")))
    assert members == set(graph.objects(scheme, SKOS.hasTopConcept))
    assert {str(graph.value(m, SKOS.notation)) for m in members} == set(get_args(ConflictKind))
    assert all(graph.value(m, SKOS.definition) is not None for m in members)
    assert {m: str(graph.value(m, SKOS.notation)) for m in members} == {
        concepts[f"conflict-{kind}"]: kind for kind in get_args(ConflictKind)}


def test_every_kind_is_used_and_every_conflict_has_readings_of_its_own(curated):
    assert {c.kind for c in curated.conflicts} == set(get_args(ConflictKind))
    per_conflict = {c.id: sorted(r.position for r in curated.conflict_readings if r.conflict == c.id)
                    for c in curated.conflicts}
    assert all(positions == list(range(1, len(positions) + 1)) and len(positions) >= 2
               for positions in per_conflict.values())
    places = {c.id: {r.source for r in curated.conflict_readings if r.conflict == c.id} for c in curated.conflicts}
    # a cell that contradicts itself: 83% of 11 patients; all organs but the lungs, yet no skin response given
    assert {ident for ident, found in places.items() if len(found) == 1} == {"c-candle-percentage", "c-cgvhd-organs"}


def test_livedoid_vasculopathy_case_reports_keep_their_own_dose_and_the_row_range_is_a_reading(curated, review):
    """Fidelity finding 2 (issue 13): the two case reports (refs 67, 68) got 4 mg/day (P91); 2–4 mg is the range
    Table 3 prints for the whole row, the series of ref 66 included (2 mg/day, P91)."""
    items = curated.by_id(EvidenceItem)
    reports, series = items["baricitinib--livedoid-vasculopathy--67-68"], items["baricitinib--livedoid-vasculopathy--66"]
    assert (reports.dose_min, reports.dose_max, reports.dose_unit) == (Decimal(4), Decimal(4), "mg")
    assert (series.dose_min, series.dose_max) == (Decimal(2), Decimal(2))
    conflict = next(c for c in curated.conflicts if c.id == "c-lv-dose")
    assert (conflict.kind, [str(s) for s in conflict.subjects]) == (
        "dose", ["evidence:baricitinib--livedoid-vasculopathy--67-68"])
    readings = {r.position: ([str(l) for l in r.source], r.refs, stated_numbers(r.stated_value))
                for r in curated.conflict_readings if r.conflict == "c-lv-dose"}
    assert readings[1] == (["T3/Livedoid vasculopathy"], (66, 67, 68), {Decimal(2), Decimal(4)})
    assert readings[2] == (["P91"], (67, 68), {Decimal(4)})
    # the text holds both: the row's range, and 4 mg/day closing the sentence on the two case reports
    assert "Baricitinib 2–4mg daily" in review.text("T3/Livedoid vasculopathy")
    assert re.search(r"Two case reports .* 4mg/day\.68", review.text("P91"))


def test_the_adult_still_disease_shares_reconcile_and_are_a_note_not_a_conflict(curated, review):
    """Table 3's 3, 1 and 2 of 6 patients and P33's 40% and 20% of the two series (n=3 and n=2) are the same patients:
    2 and 1 of the 5 series patients, plus the remission of the ref 36 case report."""
    row, prose = review.text("T3/Adult Still's disease"), review.text("P33")
    assert re.search(r"3 \(50%\).*1 case \(16\.7%\).*2 cases \(33\.3%\)", row)
    assert "complete (40%) or partial resolution (20%)" in prose
    series = 3 + 2
    assert (Decimal(2) / series * 100, Decimal(1) / series * 100) == (40, 20)
    assert (2 + 1, 1, series - 2 - 1) == (3, 1, 2)  # with the case report's remission: the row's 3, 1 and 2 of 6
    assert "c-aosd-result" not in {c.id for c in curated.conflicts}
    note = curated.by_id(EvidenceItem)["baricitinib--adult-onset-still-disease--34"].note or ""
    assert "40%" in note and "5 series patients" in note and "of 6" in note
