"""Read the curated TSV files into typed records, checking and converting every cell once.

Every fault is a :class:`~jakgraph.errors.CurationError` naming file, line (the header counts) and field.
Lines starting with ``#`` and blank lines are skipped. A file is UTF-8, with or without a byte order mark, and its
lines end in LF or CRLF; NUL bytes and other control characters (but the tab) are refused. Numbers are written with
the ASCII digits 0-9 only (Python's ``\\d`` and ``int()`` also take other scripts' digits).
"""
from __future__ import annotations

import csv
import math
import re
from dataclasses import MISSING, dataclass, fields
from datetime import date as calendar_date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from jakgraph.errors import CurationError

from .records import (LINKABLE_FILES, RECORD_TYPE, RECORD_TYPES, Conflict, ConflictReading, DrugRefs, Identified,
                      Locator, PatientOverlap, Record, RecordLink, Table7Row)
from .rules import check_record

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)*$")
REF_TOKEN = re.compile(r"([0-9]+)(?:-([0-9]+))?")
LOCATOR = re.compile(r"(?:T([1-7])/(.+)|P([1-9][0-9]*))", re.DOTALL)
DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
DRUG_REFS = re.compile(r"([a-z0-9-]+)=(.*)", re.DOTALL)
WHOLE = re.compile(r"-?[0-9]+")
PLAIN_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
PLAIN_DOUBLE = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


# -- cells ---------------------------------------------------------------------------------------------------
def parse_refs(value: str) -> tuple[int, ...]:
    """Expand a reference list such as ``47-49;60`` to ``(47, 48, 49, 60)``."""
    numbers: list[int] = []
    for token in value.split(";") if value else []:
        match = REF_TOKEN.fullmatch(token)
        if not match:
            raise ValueError(f"malformed reference {token!r} (expected numbers or ranges such as 18;70 or 78-81)")
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if low < 1 or high < low:
            raise ValueError(f"malformed reference range {token!r}")
        numbers.extend(range(low, high + 1))
    return tuple(numbers)


def parse_locator(token: str) -> Locator:
    """``T3/Psoriasis`` → table 3, row ``Psoriasis``; ``P92`` → paragraph 92."""
    match = LOCATOR.fullmatch(token)
    if not match:
        raise ValueError(f"malformed source locator {token!r} (expected T<table>/<row label> or P<paragraph>)")
    if match.group(1):
        row = match.group(2).strip()
        if not re.search(r"[A-Za-z0-9]", row):
            raise ValueError(f"malformed source locator {token!r} (its row label has no letter or digit)")
        return Locator(table=int(match.group(1)), row=row)
    return Locator(paragraph=int(match.group(3)))


def parse_date(value: str) -> str:
    """A date of the calendar as YYYY, YYYY-MM or YYYY-MM-DD: ``2022-02-29`` is refused (not a leap year)."""
    match = DATE.fullmatch(value)
    if not match:
        raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    try:
        calendar_date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a date of the calendar") from None
    return value


def parse_drug_refs(value: str) -> tuple[DrugRefs, ...]:
    """``baricitinib=18;70|upadacitinib=71`` → one :class:`DrugRefs` per drug."""
    pairs = []
    for part in value.split("|"):
        match = DRUG_REFS.fullmatch(part)
        if not match:
            raise ValueError(f"{part!r} is not drug=refs")
        pairs.append(DrugRefs(match.group(1), parse_refs(match.group(2))))
    return tuple(pairs)


def parse_record_link(token: str) -> RecordLink:
    """``evidence:baricitinib--psoriasis--18`` → the evidence item of that id (its file is checked later)."""
    prefix, colon, ident = token.partition(":")
    if not colon or not SLUG.match(ident):
        raise ValueError(f"{token!r} is not a record's CURIE (expected prefix:id, such as t7row:t7-psoriasis)")
    if prefix not in LINKABLE_FILES:
        raise ValueError(f"unknown prefix {prefix!r} in {token!r} (expected one of: {', '.join(LINKABLE_FILES)})")
    return RecordLink(prefix, ident)


@dataclass(frozen=True)
class Column:
    """One column of a curated file, as its record's field declares it.

    ``kind`` is ``text``, ``id``, ``ids``, ``int``, ``decimal``, ``double``, ``choice``, ``refs``, ``sources``,
    ``records`` (CURIEs of curated records), ``drug_refs``, ``date`` or ``table``; ``ref`` names the file whose ids the value must be, ``extra`` lists
    values allowed besides them. Whole numbers are never negative; ``nonnegative`` says a decimal is not either.
    """

    name: str
    kind: str
    required: bool
    default: Any = None
    choices: tuple[str, ...] = ()
    ref: str | None = None
    extra: tuple[str, ...] = ()
    nonnegative: bool = False

    def convert(self, value: str) -> Any:
        """The typed value of a non-empty cell; a ValueError says what is wrong with it."""
        kind = self.kind
        if kind == "text":
            return value
        if kind == "id":
            if not SLUG.match(value) and value not in self.extra:
                raise ValueError(f"{value!r} is not a valid identifier (lower-case words joined by -)")
            return value
        if kind == "ids":
            for part in value.split(";"):
                if not SLUG.match(part) and part not in self.extra:
                    raise ValueError(f"{part!r} is not a valid identifier (lower-case words joined by -)")
            return tuple(value.split(";"))
        if kind == "int":
            if not WHOLE.fullmatch(value):
                raise ValueError(f"{value!r} is not a whole number")
            if value.startswith("-"):
                raise ValueError(f"{value!r} is negative (expected a whole number, 0 or more)")
            return int(value)
        if kind == "decimal":
            if not PLAIN_DECIMAL.fullmatch(value):
                try:
                    Decimal(value)
                except InvalidOperation:
                    raise ValueError(f"{value!r} is not a number") from None
                raise ValueError(f"{value!r} is not a plain decimal number (digits 0-9, a point, an optional -)")
            if self.nonnegative and value.startswith("-"):
                raise ValueError(f"{value!r} is negative (expected 0 or more)")
            return Decimal(value)
        if kind == "double":
            number = float(value) if PLAIN_DOUBLE.fullmatch(value) else math.nan
            if not math.isfinite(number):
                raise ValueError(f"{value!r} is not a number")
            return number
        if kind in ("choice", "table"):
            if value not in self.choices:
                raise ValueError(f"unknown value {value!r} (expected one of: {', '.join(self.choices)})")
            return value
        if kind == "refs":
            return parse_refs(value)
        if kind == "sources":
            return tuple(parse_locator(token) for token in value.split(";"))
        if kind == "records":
            return tuple(parse_record_link(token) for token in value.split(";"))
        if kind == "date":
            return parse_date(value)
        if kind == "drug_refs":
            return parse_drug_refs(value)
        raise AssertionError(f"unknown column kind {kind!r}")


TUPLE_KINDS = {str: "ids", int: "refs", Locator: "sources", DrugRefs: "drug_refs", RecordLink: "records"}  # tuple[X, ...] by X
SCALAR_KINDS = {str: "text", int: "int", Decimal: "decimal", float: "double"}


@cache
def columns(cls: type[Record]) -> tuple[Column, ...]:
    """The columns of ``cls``'s file, in order, read from its fields' types and metadata."""
    hints = get_type_hints(cls)
    found = []
    for spec in fields(cls):
        if spec.name == "line":
            continue
        kind, choices = column_kind(hints[spec.name])
        kind = spec.metadata.get("kind", kind) if kind == "text" else kind
        if kind == "table":
            choices = tuple(t.FILE for t in RECORD_TYPES if issubclass(t, Identified))
        has_default = spec.default is not MISSING
        found.append(Column(spec.name, kind, not has_default, spec.default if has_default else None, choices,
                            spec.metadata.get("ref"), spec.metadata.get("extra", ()),
                            spec.metadata.get("nonnegative", False)))
    return tuple(found)


def column_kind(hint: Any) -> tuple[str, tuple[str, ...]]:
    """The kind of column a field's type stands for, and its closed list of values if any."""
    if get_origin(hint) in (Union, UnionType):
        hint = next(arg for arg in get_args(hint) if arg is not NoneType)
    if get_origin(hint) is Literal:
        return "choice", get_args(hint)
    if get_origin(hint) is tuple:
        return TUPLE_KINDS[get_args(hint)[0]], ()
    return SCALAR_KINDS[hint], ()


# -- files ---------------------------------------------------------------------------------------------------
def read_text(path: Path) -> str:
    """The file's text as UTF-8, or a CurationError naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CurationError(path.name, None, None, f"cannot be read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CurationError(path.name, line, None, f"is not UTF-8 (byte 0x{raw[exc.start]:02x})") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise CurationError(path.name, None, None, "is empty")
    return text


def split_lines(text: str) -> list[str]:
    """The lines of a text ending in LF, CRLF or CR; unlike ``str.splitlines``, no other character ends a line."""
    return LINE_BREAK.split(text)


def data_lines(name: str, lines: list[str]) -> list[tuple[int, list[str]]]:
    """The header and data rows of a TSV text as (line number, cells); comments and blank lines left out.

    A cell holding a control character (NUL, vertical tab, …) is refused, named by the header's column.
    """
    kept = [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not kept:
        raise CurationError(name, None, None, "has no header row")
    cells = csv.reader((line for _, line in kept), delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = [(number, row) for (number, _), row in zip(kept, cells)]
    header = rows[0][1]
    for number, row in rows:
        for position, value in enumerate(row):
            control = CONTROL.search(value)
            if control:
                field = header[position] if number != rows[0][0] and position < len(header) else None
                char = control.group()
                what = "a NUL byte" if char == "\x00" else f"the control character U+{ord(char):04X}"
                raise CurationError(name, number, field, f"contains {what}")
    return rows


def read_table(path: Path, cls: type[Record]) -> tuple[Record, ...]:
    """Read ``path`` into records of ``cls``, checking every cell (cross-references are checked later)."""
    name = path.name
    rows = data_lines(name, split_lines(read_text(path)))
    header_line, header = rows[0]
    table = columns(cls)
    expected = [c.name for c in table]
    missing = [c for c in expected if c not in header]
    if missing:
        raise CurationError(name, header_line, missing[0], "column is missing from the header")
    unknown = [c for c in header if c not in expected]
    if unknown:
        raise CurationError(name, header_line, unknown[0], f"unknown column (expected {', '.join(expected)})")
    positions = [(column, header.index(column.name)) for column in table]
    records = []
    seen: dict[str, int] = {}
    for number, cells in rows[1:]:
        if len(cells) > len(header):
            raise CurationError(name, number, None, f"has {len(cells)} cells but the header has {len(header)}")
        values = {}
        for column, position in positions:
            values[column.name] = cell(name, number, column, cells[position] if position < len(cells) else "")
        if "id" in values:
            ident = values["id"]
            if ident in seen:
                raise CurationError(name, number, "id", f"duplicate identifier {ident!r} (first on row {seen[ident]})")
            seen[ident] = number
        record = cls(line=number, **values)
        check_record(record)
        records.append(record)
    if not records:
        raise CurationError(name, None, None, "has a header but no rows")
    return tuple(records)


def cell(name: str, line: int, column: Column, raw: str) -> Any:
    """The checked, typed value of one cell, or its column's default when it is empty."""
    value = raw.strip()
    if not value:
        if column.required:
            raise CurationError(name, line, column.name, "is required but empty")
        return column.default
    try:
        return column.convert(value)
    except ValueError as exc:
        raise CurationError(name, line, column.name, str(exc)) from None


# -- links between files -------------------------------------------------------------------------------------
def check_references(tables: dict[str, tuple[Record, ...]], ids: dict[str, set[str]]) -> None:
    """Every id a record points to must exist in the file it points into."""
    for name, records in tables.items():
        links = [c for c in columns(RECORD_TYPE[name]) if c.ref]
        for record in records:
            for column in links:
                value = getattr(record, column.name)
                for ident in (value,) if isinstance(value, str) else value or ():
                    if ident not in ids[column.ref] and ident not in column.extra:  # type: ignore[index]
                        noun = RECORD_TYPE[column.ref].NOUN  # type: ignore[index]
                        raise record.error(column.name, f"unknown {noun} {ident!r} (not an id in {column.ref})")
            if isinstance(record, Conflict):
                for subject in record.subjects:
                    if subject.ident not in ids[subject.file]:
                        raise record.error("subjects", f"unknown record {str(subject)!r} (not an id in {subject.file})")
            if isinstance(record, Table7Row):
                for pair in record.drug_refs:
                    if pair.drug not in ids["drugs.tsv"]:
                        raise record.error("drug_refs", f"unknown drug {pair.drug!r} (not an id in drugs.tsv)")


def check_shared_patients(tables: dict[str, tuple[Record, ...]]) -> None:
    """Every member of an overlap that shares patients counts at least those patients in its own number of patients."""
    counts = {(name, record.id): getattr(record, "n_patients", None)
              for name, records in tables.items() for record in records if isinstance(record, Identified)}
    for overlap in tables.get(PatientOverlap.FILE, ()):
        assert isinstance(overlap, PatientOverlap)
        shared = overlap.shared_patients
        if not shared:
            continue
        for name, ident in overlap.members:
            count = counts[name, ident]
            noun = RECORD_TYPE[name].NOUN
            if count is None:
                raise overlap.error("shared_patients",
                                    f"{noun} {ident!r} gives no number of patients to share {shared} of")
            if count < shared:
                raise overlap.error("shared_patients", f"{shared} is above the {count} patients of {noun} {ident!r}")


def check_readings(conflicts: tuple[Conflict, ...], readings: tuple[ConflictReading, ...]) -> None:
    """Every conflict has two or more readings, numbered 1, 2, … and each stating something different."""
    by_conflict: dict[str, list[ConflictReading]] = {}
    for reading in readings:
        group = by_conflict.setdefault(reading.conflict, [])
        for other in group:
            if other.position == reading.position:
                raise reading.error("position", f"repeats position {reading.position} of conflict {reading.conflict!r} "
                                                f"(first on row {other.line})")
            if other.stated_value == reading.stated_value:
                raise reading.error("stated_value", f"is the same as reading {other.position} of conflict "
                                                    f"{reading.conflict!r} (a conflict needs different readings)")
        group.append(reading)
    for conflict in conflicts:
        group = by_conflict.get(conflict.id, [])
        if len(group) < 2:
            raise conflict.error("id", f"has {len(group)} reading{'' if len(group) == 1 else 's'} in "
                                       f"{ConflictReading.FILE} (a conflict needs two or more)")
        positions = sorted(reading.position for reading in group)
        if positions != list(range(1, len(group) + 1)):
            raise conflict.error("id", f"its readings are numbered {', '.join(map(str, positions))} in "
                                       f"{ConflictReading.FILE} (expected 1 to {len(group)})")
