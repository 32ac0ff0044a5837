"""Parse the pipe tables of the review text (Tables 1–7) into rows, for reconciliation tests."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

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
