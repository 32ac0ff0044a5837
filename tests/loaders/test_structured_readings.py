"""The rules of the structured readings (issue 13), checked in-process on curated records changed one cell at a time.

Each fault is the one line a build prints (file, row, field); ``test_bad_input.py`` runs one of them through
``jakgraph build`` end to end.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from jakgraph.errors import CurationError
from curated_fixtures import curated  # noqa: F401  (fixtures)
from jakgraph.loaders import Curated
from jakgraph.loaders.reading import cell, columns
from jakgraph.loaders.records import EvidenceItem, Recommendation, SafetyFinding
from jakgraph.loaders.rules import check_record

BLAU, CANDLE, CHILBLAIN = ("baricitinib--blau-syndrome--33", "baricitinib--candle-syndrome--32",
                           "baricitinib--familial-chilblain-lupus--37")


def record(curated: Curated, cls, key: str):
    if cls is None:  # evidence_adverse_events.tsv has no ids: the Blau case's lymphopenia
        return next(r for r in curated.evidence_adverse_events if (r.evidence_item, r.event) == (BLAU, "lymphopenia"))
    return curated.by_id(cls)[key]


@pytest.mark.parametrize(("cls", "key", "changes", "expected"), [
    (EvidenceItem, BLAU, {"switch_outcome": None},
     "evidence_items.tsv, row 5, field switch_outcome: is required when switched_from is given"),
    (EvidenceItem, BLAU, {"switch_reason": "not-stated"},
     "evidence_items.tsv, row 5, field switch_reason_event: is given only when switch_reason is adverse-event"),
    (EvidenceItem, CANDLE, {"switch_outcome": "improved"},
     "evidence_items.tsv, row 6, field switched_from: is required when switch_outcome is given"),
    (EvidenceItem, CANDLE, {"comparator_direction": "better"},
     "evidence_items.tsv, row 6, field comparator: is required when comparator_direction is given"),
    (EvidenceItem, CHILBLAIN, {"significance_measures": ("vas", "salt")},
     "evidence_items.tsv, row 13, field significance_measures: 'salt' is not one of the item's measures"),
    (EvidenceItem, CHILBLAIN, {"significance": None},
     "evidence_items.tsv, row 13, field significance: is required when significance_measures are given"),
    (None, "", {"causes_of_death": ("covid-19",)},
     "evidence_adverse_events.tsv, row 2, field causes_of_death: is given only for the event death (not 'lymphopenia')"),
    (SafetyFinding, "abrocitinib-platelet-analysis--abrocitinib--thrombocytopenia",
     {"outcome": "approval-of-off-label-use"},
     "safety_findings.tsv, row 48, field event: needs either an event or an outcome, not both"),
    (SafetyFinding, "abrocitinib-platelet-analysis--abrocitinib--thrombocytopenia", {"event": None},
     "safety_findings.tsv, row 48, field event: is required when no outcome is given"),
    (SafetyFinding, "baricitinib-ad-pooled-8-rcts--baricitinib-4mg--death", {"event": "serious-infection"},
     "safety_findings.tsv, row 61, field causes_of_death: is given only for the event death (not 'serious-infection')"),
])
def test_a_reading_without_what_it_rests_on_is_refused(curated, cls, key, changes, expected):
    original = record(curated, cls, key)
    check_record(original)  # as curated, it passes
    with pytest.raises(CurationError) as refused:
        check_record(replace(original, **changes))
    assert str(refused.value) == expected


@pytest.mark.parametrize(("cls", "field", "value", "expected"), [
    (EvidenceItem, "significance", "probably",
     "field significance: unknown value 'probably' (expected one of: significant, not-significant, not-superior)"),
    (EvidenceItem, "comparator_direction", "same",
     "field comparator_direction: unknown value 'same' (expected one of: better, not-different, worse)"),
    (EvidenceItem, "switch_outcome", "cured",
     "field switch_outcome: unknown value 'cured' (expected one of: improved, stabilized, no-improvement, worsened)"),
    (Recommendation, "requested_action", "pray",
     "field requested_action: unknown value 'pray' (expected one of: take-history, examine, screen, test, "
     "check-vaccination-status, vaccinate, follow-up, restrict-use, use-dose, reduce-dose, adjust-dose)"),
    (SafetyFinding, "outcome", "happiness",
     "field outcome: unknown value 'happiness' (expected one of: approval-of-off-label-use)"),
])
def test_controlled_values_are_a_closed_list(cls, field, value, expected):
    column = next(c for c in columns(cls) if c.name == field)
    with pytest.raises(CurationError) as refused:
        cell(cls.FILE, 2, column, value)
    assert str(refused.value) == f"{cls.FILE}, row 2, {expected}"
