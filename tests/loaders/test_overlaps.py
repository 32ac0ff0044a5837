"""Patient overlaps reconciled with the review: each overlap's records and table rows cite its references, and each
number of shared patients is what the review's own tables and prose add up to."""
from __future__ import annotations

import re

import pytest

from curated_fixtures import curated, review_tables  # noqa: F401  (fixtures)
from jakgraph.loaders import Curated
from jakgraph.loaders.records import EvidenceItem, PatientOverlap, SafetyAnalysis
from review_tables import TableRow


@pytest.fixture(scope="module")
def overlaps(curated) -> dict[str, PatientOverlap]:
    return curated.by_id(PatientOverlap)


def row(review_tables, table: int, label: str) -> TableRow:
    return next(r for r in review_tables[table] if r.label == label)


def patients(cell: str) -> list[int]:
    """The ``n=`` figures of a design cell: ``2 case series (n=3 and n=2)`` → [3, 2]."""
    return [int(n) for n in re.findall(r"n=(\d+)", cell)]


def table7_refs(curated: Curated, ident: str) -> set[int]:
    """The references a Table 7 row prints, or its group row prints for it."""
    rows = {r.id: r for r in curated.table7_rows}
    found = rows[ident]
    group = next((r for r in rows.values() if r.dermatosis == found.group), None)
    return {n for r in (found, group) if r for pair in r.drug_refs for n in pair.refs}


def test_every_member_cites_a_reference_of_its_overlap(curated, overlaps):
    items, analyses = curated.by_id(EvidenceItem), curated.by_id(SafetyAnalysis)
    wrong = []
    for overlap in overlaps.values():
        refs = set(overlap.refs)
        cited = [(m, set(items[m].refs)) for m in overlap.evidence_items]
        cited += [(m, set(analyses[m].refs)) for m in overlap.safety_analyses]
        cited += [(m, table7_refs(curated, m)) for m in overlap.table7_rows]
        wrong += [(overlap.id, member) for member, numbers in cited if not numbers & refs]
    assert wrong == []


def test_table_locators_print_a_reference_of_their_overlap(review_tables, curated, overlaps):
    t7 = {r.dermatosis: r.id for r in curated.table7_rows}
    wrong = []
    for overlap in overlaps.values():
        for locator in (loc for loc in overlap.source if loc.table):
            if locator.table == 7:
                printed = table7_refs(curated, t7[locator.row])
            else:
                printed = set(row(review_tables, locator.table, locator.row).refs)
            if not printed & set(overlap.refs):
                wrong.append((overlap.id, str(locator)))
    assert wrong == []


def test_the_ref_18_trial_is_one_trial_of_271_patients_in_both_sections(review_lines, review_tables, overlaps):
    assert "n=271" in review_lines[22 - 1] and review_lines[22 - 1].rstrip().endswith("18")
    assert 271 in patients(row(review_tables, 3, "Psoriasis").cells[1])
    assert overlaps["ov-psoriasis-phase-2b-trial"].shared_patients == 271


def test_table_7_counts_the_ref_38_case_under_lupus_and_frontal_fibrosing_alopecia(review_lines, review_tables,
                                                                                   curated, overlaps):
    t7 = {r.id: r for r in curated.table7_rows}
    lupus_rows = ("Familial chilblain lupus", "Subacute cutaneous lupus erythematosus",
                  "Diffuse non-scarring alopecia due to systemic lupus erythematosus")
    assert 38 in row(review_tables, 3, "Subacute cutaneous lupus erythematosus").refs
    assert "stabilization,38" in review_lines[78 - 1]  # P78: the same patient's frontal fibrosing alopecia
    # cutaneous lupus: the three T3 rows (3 + 3 + 1), the ref 38 case among them
    assert t7["t7-cutaneous-lupus-erythematosus"].n_patients == sum(
        sum(patients(row(review_tables, 3, label).cells[1])) for label in lupus_rows) == 7
    # frontal fibrosing alopecia: the retrospective study of P84 (n=5, ref 51) and the ref 38 case
    assert 38 in table7_refs(curated, "t7-frontal-fibrosing-alopecia")
    study = patients(review_lines[84 - 1])
    shared = overlaps["ov-scle-case-in-ffa"].shared_patients
    assert (study, shared) == ([5], 1)
    assert t7["t7-frontal-fibrosing-alopecia"].n_patients == study[0] + shared


def test_table_7_adds_the_systemic_jia_case_to_adult_still_disease(review_tables, curated, overlaps):
    t7 = {r.id: r for r in curated.table7_rows}
    still = patients(row(review_tables, 3, "Adult Still's disease").cells[1])
    jia = patients(row(review_tables, 3, "Systemic JIA").cells[1])
    assert (still, jia) == ([3, 2, 1], [1])
    printed = t7["t7-adult-onset-still-disease"]
    assert (printed.n_studies, printed.n_patients) == (len(still) + len(jia), sum(still) + sum(jia)) == (4, 7)
    assert overlaps["ov-sjia-case-in-adult-still"].shared_patients == sum(jia) == t7[
        "t7-systemic-juvenile-idiopathic-arthritis"].n_patients


def test_the_ref_51_study_splits_into_distinct_subgroups(review_tables, overlaps):
    frontal = row(review_tables, 3, "Frontal fibrosing alopecia")
    lichen = row(review_tables, 3, "Lichen planus")
    # both rows print their adverse events over one denominator: the patients of the two rows together
    denominators = {int(d) for r in (frontal, lichen) for d in re.findall(r"\(\d+/(\d+)\)", r.cells[-1])}
    assert patients(frontal.cells[1]) + patients(lichen.cells[1]) == [5, 8]
    assert denominators == {5 + 8}
    assert overlaps["ov-ref-51-study"].shared_patients == 0


def test_the_ref_65_case_is_left_out_of_the_frontal_fibrosing_alopecia_count(review_lines, curated, overlaps):
    items = {i.id: i for i in curated.evidence_items}
    assert patients(review_lines[84 - 1]) == [5] and review_lines[84 - 1].rstrip().endswith("51")
    assert items["baricitinib--frontal-fibrosing-alopecia--51-65"].n_patients == 5
    assert overlaps["ov-ref-65-case"].shared_patients == 0


def test_overlaps_the_review_leaves_open_have_no_count(overlaps):
    assert {o.id for o in overlaps.values() if o.shared_patients is None} == {
        "ov-ref-32-interferonopathies", "ov-ref-34-still-and-sjia", "ov-ref-57-immunobullous",
        "ov-upadacitinib-ad-two-rcts"}
