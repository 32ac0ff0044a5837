"""Rules between the cells of one record, checked as the record is read: each fault one line naming file, row, field.

A cell on its own is checked by its column (:mod:`jakgraph.loaders.reading`); these rules need two cells of the same
row: a minimum not above its maximum, a unit for every amount, a count not above its denominator, a reading of a
conflict numbered from 1, two records and a kind that fits the shared patients in an overlap. Links between records
(and a conflict's two or more different readings) are checked once every file is read.

>>> from decimal import Decimal
>>> check_record(EvidenceResult(line=7, evidence_item="x", quantity="q", value=Decimal(5), value_max=Decimal(2),
...                             unit="percent", source=()))
Traceback (most recent call last):
...
jakgraph.errors.CurationError: evidence_results.tsv, row 7, field value_max: 2 is below value 5
"""
from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .records import (Approval, ConflictReading, EvidenceAdverseEvent, EvidenceItem, EvidenceResult, Mapping,
                      PatientOverlap, Recommendation, Record, SafetyFinding)

HUNDRED = Decimal(100)


def check_record(record: Record) -> None:
    """Raise the record's CurationError if its cells break a rule of its kind."""
    rule = RULES.get(type(record))
    if rule is not None:
        rule(record)


def text(number: Decimal | float) -> str:
    """A number as curated: ``Decimal("0.50")`` → ``0.50``."""
    return format(number, "f") if isinstance(number, Decimal) else repr(number)


def in_order(record: Record, low: Decimal | None, high: Decimal | None, low_name: str, high_name: str) -> None:
    """``high`` may not be below ``low``; a maximum needs its minimum."""
    if high is not None and low is None:
        raise record.error(low_name, f"is required when {high_name} is given")
    if low is not None and high is not None and high < low:
        raise record.error(high_name, f"{text(high)} is below {low_name} {text(low)}")


def evidence_item(item: EvidenceItem) -> None:
    if (item.dose_min is not None or item.dose_max is not None) and not item.dose_unit:
        raise item.error("dose_unit", "is required when a dose is given")
    if item.dose_min is not None and item.dose_max is not None and item.dose_max < item.dose_min:
        raise item.error("dose_max", f"{text(item.dose_max)} is below dose_min {text(item.dose_min)}")
    if item.significance_measures and not item.significance:
        raise item.error("significance", "is required when significance_measures are given")
    unmeasured = [m for m in item.significance_measures if m not in item.measures]
    if unmeasured:
        raise item.error("significance_measures", f"{unmeasured[0]!r} is not one of the item's measures")
    if item.comparator_direction and not item.comparator:
        raise item.error("comparator", "is required when comparator_direction is given")
    switch_item(item)


def switch_item(item: EvidenceItem) -> None:
    """A switch from another drug says why (or that the review does not say) and what followed; nothing else does."""
    if item.switched_from:
        for name in ("switch_reason", "switch_outcome"):
            if not getattr(item, name):
                raise item.error(name, "is required when switched_from is given")
    else:
        for name in ("switch_reason", "switch_reason_event", "switch_outcome"):
            if getattr(item, name):
                raise item.error("switched_from", f"is required when {name} is given")
    if item.switch_reason_event and item.switch_reason != "adverse-event":
        raise item.error("switch_reason_event", "is given only when switch_reason is adverse-event")


def causes_of_death(record: EvidenceAdverseEvent | SafetyFinding) -> None:
    if record.causes_of_death and record.event != "death":
        raise record.error("causes_of_death", f"is given only for the event death (not {record.event!r})")


def evidence_adverse_event(record: EvidenceAdverseEvent) -> None:
    if record.count is not None and record.denominator is not None and record.count > record.denominator:
        raise record.error("count", f"{record.count} is above the denominator {record.denominator}")
    if record.percentage is not None and record.percentage > HUNDRED:
        raise record.error("percentage", f"{text(record.percentage)} is above 100")
    causes_of_death(record)


def evidence_result(record: EvidenceResult) -> None:
    in_order(record, record.value, record.value_max, "value", "value_max")
    if record.timepoint is not None and not record.timepoint_unit:
        raise record.error("timepoint_unit", "is required when a time point is given")


def safety_finding(record: SafetyFinding) -> None:
    if (record.event is None) == (record.outcome is None):
        raise record.error("event", "needs either an event or an outcome, not both" if record.event
                           else "is required when no outcome is given")
    causes_of_death(record)
    if record.metric != "qualitative" and record.value is None and not record.direction:
        raise record.error("value", f"is required for metric {record.metric}")
    in_order(record, record.value, record.value_max, "value", "value_max")


def approval(record: Approval) -> None:
    if record.status == "approved" and not record.indication:
        raise record.error("indication", "is required for an approved indication")


def recommendation(record: Recommendation) -> None:
    if record.kind in ("recommended-dose", "dose-adjustment") and not record.drug:
        raise record.error("drug", f"is required for a {record.kind} recommendation")


def conflict_reading(record: ConflictReading) -> None:
    if record.position < 1:
        raise record.error("position", f"{record.position} is not a position (readings are numbered from 1)")


def patient_overlap(record: PatientOverlap) -> None:
    if len(set(record.members)) < 2:
        raise record.error("evidence_items", "an overlap needs two or more records (evidence_items, table7_rows, "
                                             "safety_analyses)")
    shared = record.shared_patients
    if record.kind == "same-patients" and not shared:
        raise record.error("shared_patients", "is required and above 0 for kind same-patients")
    if record.kind != "same-patients" and shared:
        raise record.error("shared_patients",
                           f"{shared} patients shared make the kind same-patients, not {record.kind}")
    if (shared is None) != (record.basis is None):
        raise record.error("basis", "is required when shared_patients is given, and only then")
    if record.home_row and record.home_row not in record.table7_rows:
        raise record.error("home_row", f"{record.home_row!r} is not one of the overlap's table7_rows")
    if shared and len(record.table7_rows) > 1 and not record.home_row:
        raise record.error("home_row", "is required when two or more Table 7 rows count the shared patients")


def mapping(record: Mapping) -> None:
    if record.confidence is not None and not 0 <= record.confidence <= 1:
        raise record.error("confidence", f"{text(record.confidence)} is not between 0 and 1")


RULES: dict[type[Record], Callable[[Any], None]] = {
    EvidenceItem: evidence_item, EvidenceAdverseEvent: evidence_adverse_event, EvidenceResult: evidence_result,
    SafetyFinding: safety_finding, Approval: approval, Recommendation: recommendation, ConflictReading: conflict_reading,
    Mapping: mapping, PatientOverlap: patient_overlap,
}
