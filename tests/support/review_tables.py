"""Parse the pipe tables of the review text (Tables 1–7) into rows, for reconciliation tests."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

TRAILING_REFS = re.compile(r"^(.*?[^\d\s,–-])\s*((?:\d+(?:[–-]\d+)?)(?:,\d+(?:[–-]\d+)?)*)$")
HEADERS = {"Drug | Mechanism": 1, "Indication |": None, "Proposed by": 6, "Dermatosis |": 7}


@dataclass
class TableRow:
    table: int
    line: int
    cells: list[str]
    label: str = ""
    refs: list[int] = field(default_factory=list)
    group: str | None = None


def expand_refs(text: str) -> list[int]:
    numbers: list[int] = []
    for part in re.split(r",", text):
        part = part.strip()
        if not part:
            continue
        low, _, high = part.replace("–", "-").partition("-")
        numbers.extend(range(int(low), int(high or low) + 1))
    return numbers


def split_label(cell: str) -> tuple[str, list[int]]:
    """``Psoriasis18,70`` → (``Psoriasis``, [18, 70]); labels without superscripts keep an empty list."""
    match = TRAILING_REFS.match(cell.strip())
    if not match:
        return cell.strip(), []
    return match.group(1).strip(), expand_refs(match.group(2))


def tables(lines: list[str]) -> dict[int, list[TableRow]]:
    """Every data row of every table, by table number; Tables 2–5 are numbered in order of appearance."""
    found: dict[int, list[TableRow]] = {}
    indication_tables = iter([2, 3, 4, 5])
    current: int | None = None
    group: str | None = None
    for number, line in enumerate(lines, 1):
        if "|" not in line:
            current, group = None, None
            continue
        header = next((key for key in HEADERS if line.startswith(key)), None)
        if header:
            current = HEADERS[header] or next(indication_tables)
            found[current] = []
            group = None
            continue
        if current is None or line.startswith("---"):
            continue
        cells = [c.strip() for c in line.rstrip().rstrip("|").split("|")]
        row = TableRow(current, number, cells)
        if current in (2, 3, 4, 5):
            row.label, row.refs = split_label(cells[0])
            if not any(cells[1:]):          # a group heading such as "Autoinflammatory disorders32–36"
                group = row.label
                continue
            row.group = group
        else:
            row.label = cells[0]
        found[current].append(row)
    return found


NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
DIGITS = re.compile(r"[0-9]+")
GLUED = re.compile(r"\.([0-9]{2,})")
RANGE = re.compile(r"([0-9]+)[–-]([0-9]+)")
T6_COLUMNS = {"Task Force": 0, "PRAC-EMA": 1, "SmPC": 2}


def stated_numbers(text: str) -> set[Decimal]:
    """The numbers a curated text writes with digits: ``1.5% twice daily (n=12)`` → {1.5, 12}."""
    return {Decimal(found) for found in NUMBER.findall(text)}


def printed_numbers(text: str) -> set[Decimal]:
    """Every number the review's text may be read to hold, its superscript references included.

    The text glues reference superscripts to the words and numbers around them: ``n=8)66``, ``at day 28.99`` (day 28,
    ref 99), ``vehicle.2431%`` (ref 24, then 31%). So each decimal is also read as its two whole parts, and a run of
    digits after a full stop as every split of it; reference ranges (``47–49``) are not expanded here.

    >>> sorted(printed_numbers("at day 28.99"))
    [Decimal('9'), Decimal('28'), Decimal('28.99'), Decimal('99')]
    >>> {Decimal(24), Decimal(31)} <= printed_numbers("vehicle.2431% of the patients")
    True
    """
    found = {Decimal(number) for number in NUMBER.findall(text)} | {Decimal(run) for run in DIGITS.findall(text)}
    for run in GLUED.findall(text):
        found |= {Decimal(part) for cut in range(1, len(run)) for part in (run[:cut], run[cut:])}
    return found


def printed_references(text: str) -> set[Decimal]:
    """:func:`printed_numbers` with each short range expanded: ``Baricitinib47–49,60–64`` holds 48 and 61."""
    found = printed_numbers(text)
    for low, high in RANGE.findall(text):
        if 0 < int(high) - int(low) < 20:
            found |= {Decimal(number) for number in range(int(low), int(high) + 1)}
    return found


class ReviewText:
    """The review's text at a curated locator: a paragraph, a table row (or group heading row) or a Table 6 column.

    A table row's text is its line as printed (label, superscript references and cells); a Table 6 column
    (``T6/PRAC-EMA``) is its header cell and its cells in every row of the table.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.tables = tables(lines)

    def text(self, locator: str) -> str:
        """The text at ``locator`` (``P92``, ``T3/Psoriasis``, ``T6/SmPC``); KeyError if it names no place."""
        if locator.startswith("P"):
            number = int(locator[1:])
            if not 1 <= number <= len(self.lines):
                raise KeyError(locator)
            return self.lines[number - 1]
        table, _, label = locator[1:].partition("/")
        rows = self.tables[int(table)]
        if int(table) == 6:
            column = T6_COLUMNS[label]
            header = self.lines[rows[0].line - 3]
            lines = [header] + [self.lines[row.line - 1] for row in rows]
            return " ".join(cells[column] for cells in (line.split("|") for line in lines) if len(cells) > column)
        found = [self.lines[row.line - 1] for row in rows if row.label == label]
        found += [line for line in self.group_lines(int(table)) if split_label(line.split("|")[0])[0] == label]
        if not found:
            raise KeyError(locator)
        return " ".join(found)

    def group_lines(self, table: int) -> list[str]:
        """The group heading lines of Tables 2–5 (a label and empty cells), which :func:`tables` leaves out."""
        rows = self.tables[table]
        if table not in (2, 3, 4, 5) or not rows:
            return []
        first, last = rows[0].line, rows[-1].line  # a heading may come just before the first row
        return [line for line in self.lines[first - 3:last]
                if "|" in line and not any(cell.strip() for cell in line.rstrip().rstrip("|").split("|")[1:])]
