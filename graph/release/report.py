"""The change list in a curator's words, one line per changed field (``evidence:baricitinib--psoriasis--18 number
of patients 217 → 271``) and per added or removed record: what ``jakgraph diff`` prints and ``CHANGES.md`` holds."""
from __future__ import annotations

from .changes import Changes, FieldChange, RecordChange
from .words import Words, curie, value

LEVEL_WORDS = {
    "major": "major: a class or property of the vocabulary was removed",
    "minor": "minor: facts were added, removed or changed",
    "patch": "patch: only descriptions (labels, notes, definitions), shapes or stored questions changed",
}


def field_line(subject: str, change: FieldChange, words: Words) -> str:
    """``evidence:x number of patients 217 → 271``, ``… outcome measure added measure:easi``, ``… removed …``."""
    name = f"{curie(subject)} {words.term(change.predicate)}"
    if change.before is not None and change.after is not None:
        return f"{name} {value(change.before)} → {value(change.after)}"
    if change.after is not None:
        return f"{name} added {value(change.after)}"
    return f"{name} removed {value(change.before)}"  # type: ignore[arg-type]


def record_line(record: RecordChange, words: Words) -> str:
    """``evidence:x (evidence item) "label", with its dosing, result/1``."""
    line = curie(record.subject)
    kinds = [words.term(t) for t in record.types]
    if kinds:
        line += f" ({', '.join(kinds)})"
    if record.label:
        line += f' "{record.label}"'
    if record.parts:
        line += ", with its " + ", ".join(record.parts)
    return line


def change_lines(changes: Changes, words: Words) -> list[str]:
    """The change list as Markdown: changed fields, then added and removed records, vocabulary and parts."""
    lines: list[str] = []
    changed = [field_line(r.subject, f, words) for r in changes.records if r.kind == "changed" for f in r.fields]
    for title, items in (
        ("Changed", changed),
        ("Added", [record_line(r, words) for r in changes.records if r.kind == "added"]),
        ("Removed", [record_line(r, words) for r in changes.records if r.kind == "removed"]),
        ("Vocabulary removed", [f"{curie(iri)} ({words.term(iri)})" for iri in changes.removed_vocabulary]),
        ("Shapes and stored questions", [f"{name} {how}" for name, how in changes.parts.items()]),
    ):
        if items:
            lines += [f"## {title}", ""] + [f"- {item}" for item in items] + [""]
    return lines


def summary(changes: Changes) -> str:
    """``1 record changed, 2 added, 0 removed (minor: …)``."""
    if not changes:
        return "No fact changed (patch)."
    changed = changes.count("changed")
    counts = (f"{changed} record{'' if changed == 1 else 's'} changed, {changes.count('added')} added, "
              f"{changes.count('removed')} removed")
    if changes.parts:
        counts += f"; {len(changes.parts)} file{'' if len(changes.parts) == 1 else 's'} of shapes or stored questions"
    return f"{counts} ({LEVEL_WORDS[changes.level]})."


def changes_page(version: str, date: str, previous: str | None, changes: Changes | None, words: Words,
                 records: int) -> str:
    """``CHANGES.md`` of a release: its version and date, what it changed since ``previous``, or that it is the first."""
    lines = [f"# jakgraph {version}", "", f"Released {date}."]
    if previous is None or changes is None:
        lines += ["", f"The first release: {records} records. Later releases list what changed since the one before.", ""]
    else:
        lines += ["", f"Changes since {previous}: {summary(changes)}", ""] + change_lines(changes, words)
    return "\n".join(lines).rstrip("\n") + "\n"
