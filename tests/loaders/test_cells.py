"""One cell at a time: ASCII digits only, no negative counts or amounts, dates of the calendar, locators with a row."""
from __future__ import annotations

from decimal import Decimal

import pytest

from jakgraph.loaders.reading import columns, parse_date, parse_locator, parse_refs
from jakgraph.loaders.records import EvidenceAdverseEvent, EvidenceItem, EvidenceResult, Mapping


def column(cls, name: str):
    return next(c for c in columns(cls) if c.name == name)


@pytest.mark.parametrize(("cls", "name", "value", "message"), [
    (EvidenceItem, "n_patients", "١٢", "'١٢' is not a whole number"),          # Arabic-Indic digits
    (EvidenceItem, "n_patients", "１２", "'１２' is not a whole number"),        # fullwidth digits
    (EvidenceItem, "n_patients", "-3", "'-3' is negative (expected a whole number, 0 or more)"),
    (EvidenceItem, "dose_min", "١٥", "'١٥' is not a plain decimal number (digits 0-9, a point, an optional -)"),
    (EvidenceItem, "dose_min", "1e3", "'1e3' is not a plain decimal number (digits 0-9, a point, an optional -)"),
    (EvidenceItem, "dose_min", "-15", "'-15' is negative (expected 0 or more)"),
    (EvidenceAdverseEvent, "percentage", "-1.5", "'-1.5' is negative (expected 0 or more)"),
    (EvidenceResult, "timepoint", "-4", "'-4' is negative (expected 0 or more)"),
    (Mapping, "confidence", "٠.٥", "'٠.٥' is not a number"),
    (Mapping, "confidence", "inf", "'inf' is not a number"),
])
def test_a_number_is_ascii_digits_and_never_a_negative_count(cls, name, value, message):
    with pytest.raises(ValueError) as raised:
        column(cls, name).convert(value)
    assert str(raised.value) == message


def test_values_may_be_negative_where_a_change_can_be():
    assert column(EvidenceResult, "value").convert("-2.5") == Decimal("-2.5")
    assert column(Mapping, "confidence").convert("0.9") == 0.9


def test_reference_numbers_and_paragraphs_are_ascii_digits():
    assert parse_refs("47-49;60") == (47, 48, 49, 60)
    with pytest.raises(ValueError, match="malformed reference '١٨'"):
        parse_refs("١٨")
    with pytest.raises(ValueError, match="malformed source locator 'P٩٢'"):
        parse_locator("P٩٢")
    with pytest.raises(ValueError, match=r"^malformed source locator 'T3/ - ' \(its row label has no letter or digit\)$"):
        parse_locator("T3/ - ")


@pytest.mark.parametrize(("value", "message"), [
    ("2022-02-29", "'2022-02-29' is not a date of the calendar"),
    ("2021-13", "'2021-13' is not a date of the calendar"),
    ("0000", "'0000' is not a date of the calendar"),
    ("２０２１", "'２０２１' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("21-09-01", "'21-09-01' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
])
def test_a_date_is_a_date_of_the_calendar(value, message):
    with pytest.raises(ValueError) as raised:
        parse_date(value)
    assert str(raised.value) == message
    assert parse_date("2024-02-29") == "2024-02-29" and parse_date("2021-09") == "2021-09"
