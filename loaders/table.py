"""Read one curated TSV file into checked rows; every fault names file, row and field."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from jakgraph.errors import CurationError

from .schema import Column

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)*$")
REF_TOKEN = re.compile(r"^(\d+)(?:-(\d+))?$")
LOCATOR = re.compile(r"^(?:T([1-7])/(.+)|P([1-9]\d*))$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
DRUG_REFS = re.compile(r"^([a-z0-9-]+)=(.*)$")


@dataclass(frozen=True)
class Locator:
    """A place in the review: table ``table`` row ``row``, or paragraph ``paragraph``."""

    table: int | None = None
    row: str | None = None
    paragraph: int | None = None

    def __str__(self) -> str:
        return f"T{self.table}/{self.row}" if self.table else f"P{self.paragraph}"


@dataclass(frozen=True)
class Row:
    """One data row of a curated table; ``line`` is its 1-based line number in the file."""

    file: str
    line: int
    values: dict[str, str]

    def error(self, field: str | None, message: str) -> CurationError:
        return CurationError(self.file, self.line, field, message)

    def text(self, field: str) -> str | None:
        value = self.values.get(field, "")
        return value or None

    def ids(self, field: str) -> list[str]:
        value = self.values.get(field, "")
        return value.split(";") if value else []

    def int(self, field: str) -> int | None:
        value = self.text(field)
        return None if value is None else int(value)

    def decimal(self, field: str) -> Decimal | None:
        value = self.text(field)
        return None if value is None else Decimal(value)

    def refs(self, field: str = "refs") -> list[int]:
        return parse_refs(self.values.get(field, ""))

    def sources(self, field: str = "source") -> list[Locator]:
        return [parse_locator(token) for token in self.ids(field)]

    def drug_refs(self, field: str = "drug_refs") -> list[tuple[str, list[int]]]:
        value = self.values.get(field, "")
        pairs = []
        for part in value.split("|") if value else []:
            match = DRUG_REFS.match(part)
            assert match is not None  # checked on reading
            pairs.append((match.group(1), parse_refs(match.group(2))))
        return pairs


def parse_refs(value: str) -> list[int]:
    """Expand a reference list such as ``47-49;60`` to ``[47, 48, 49, 60]``."""
    numbers: list[int] = []
    for token in value.split(";") if value else []:
        match = REF_TOKEN.match(token)
        if not match:
            raise ValueError(f"malformed reference {token!r} (expected numbers or ranges such as 18;70 or 78-81)")
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if low < 1 or high < low:
            raise ValueError(f"malformed reference range {token!r}")
        numbers.extend(range(low, high + 1))
    return numbers


def parse_locator(token: str) -> Locator:
    match = LOCATOR.match(token)
    if not match:
        raise ValueError(f"malformed source locator {token!r} (expected T<table>/<row label> or P<paragraph>)")
    if match.group(1):
        return Locator(table=int(match.group(1)), row=match.group(2).strip())
    return Locator(paragraph=int(match.group(3)))


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
    if not text.strip():
        raise CurationError(path.name, None, None, "is empty")
    return text.removeprefix("\ufeff")


def read_table(path: Path, columns: tuple[Column, ...]) -> list[Row]:
    """Read ``path`` and check every cell against ``columns`` (cross-references are checked later)."""
    name = path.name
    lines = [(number, line) for number, line in enumerate(read_text(path).splitlines(), 1)
             if line.strip() and not line.startswith("#")]
    if not lines:
        raise CurationError(name, None, None, "has no header row")
    header_line, header_text = lines[0]
    header = header_text.split("\t")
    expected = [c.name for c in columns]
    missing = [c for c in expected if c not in header]
    if missing:
        raise CurationError(name, header_line, missing[0], "column is missing from the header")
    unknown = [c for c in header if c not in expected]
    if unknown:
        raise CurationError(name, header_line, unknown[0], f"unknown column (expected {', '.join(expected)})")
    rows = []
    seen: dict[str, int] = {}
    for number, line in lines[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise CurationError(name, number, None, f"has {len(cells)} cells but the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        row = Row(name, number, {h: cell.strip() for h, cell in zip(header, cells)})
        for column in columns:
            check_cell(row, column)
        if columns[0].name == "id":
            ident = row.values["id"]
            if ident in seen:
                raise row.error("id", f"duplicate identifier {ident!r} (first on row {seen[ident]})")
            seen[ident] = number
        rows.append(row)
    if not rows:
        raise CurationError(name, None, None, "has a header but no rows")
    return rows


def check_cell(row: Row, column: Column) -> None:
    """Check one cell's presence and form; raise a CurationError naming file, row and field."""
    value = row.values.get(column.name, "")
    if not value:
        if column.required:
            raise row.error(column.name, "is required but empty")
        return
    kind = column.kind
    try:
        if kind == "id" and not SLUG.match(value) and value not in column.extra:
            raise ValueError(f"{value!r} is not a valid identifier (lower-case words joined by -)")
        elif kind == "ids":
            for part in value.split(";"):
                if not SLUG.match(part) and part not in column.extra:
                    raise ValueError(f"{part!r} is not a valid identifier (lower-case words joined by -)")
        elif kind == "int":
            if not re.fullmatch(r"\d+", value):
                raise ValueError(f"{value!r} is not a whole number")
        elif kind == "decimal":
            try:
                Decimal(value)
            except InvalidOperation:
                raise ValueError(f"{value!r} is not a number") from None
            if not re.fullmatch(r"-?\d+(?:\.\d+)?", value):
                raise ValueError(f"{value!r} is not a plain decimal number")
        elif kind == "choice" and value not in column.choices:
            raise ValueError(f"unknown value {value!r} (expected one of: {', '.join(column.choices)})")
        elif kind == "refs":
            parse_refs(value)
        elif kind == "sources":
            for token in value.split(";"):
                parse_locator(token)
        elif kind == "date" and not DATE.match(value):
            raise ValueError(f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        elif kind == "drug_refs":
            for part in value.split("|"):
                match = DRUG_REFS.match(part)
                if not match:
                    raise ValueError(f"{part!r} is not drug=refs")
                parse_refs(match.group(2))
    except ValueError as exc:
        raise row.error(column.name, str(exc)) from None
