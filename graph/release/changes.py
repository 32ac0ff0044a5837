"""What changed between two versions of the graph, record by record and field by field, and how much.

A record is a subject of the graph (an evidence item, its dosing, a mapping, a class of the vocabulary …). Between
two versions a record is added, removed, or changed in some of its fields (properties): a field whose one value
was replaced is a change ``before → after``; other values are added or removed. The release level follows the
scheme of :mod:`.version`.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from jakgraph.ontology.namespaces import GRAPH_ONTOLOGY

from .version import Level

if TYPE_CHECKING:
    from pyoxigraph import Quad, Term

    from .snapshot import Snapshot

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TYPE = RDF + "type"
LABEL = RDFS + "label"
# what only describes (a patch when nothing else changes): labels, comments, notes, definitions
DESCRIPTIVE = frozenset({LABEL, RDFS + "comment", SKOS + "definition", SKOS + "note", SKOS + "prefLabel",
                         SKOS + "altLabel", SKOS + "scopeNote", SKOS + "editorialNote",
                         "http://purl.org/dc/terms/description", OWL + "versionInfo"})
# what declares vocabulary (its removal is a major release)
DECLARATIONS = frozenset({OWL + "Class", OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty",
                          RDF + "Property"})


@dataclass(frozen=True)
class FieldChange:
    """One field of a record: a value replaced (both set), added (``after`` only) or removed (``before`` only)."""

    predicate: str
    before: "Term | None"
    after: "Term | None"


@dataclass(frozen=True)
class RecordChange:
    """A record added, removed or changed; an added or removed record names its parts (sub-records under its IRI
    that came or went with it) and its types; a changed one lists its fields."""

    subject: str
    kind: str  # "added", "removed", "changed"
    types: tuple[str, ...] = ()
    label: str | None = None
    parts: tuple[str, ...] = ()
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class Changes:
    """Every record change between two versions, the vocabulary that went, the other parts of a release that
    changed (shapes, stored questions), and the release level this makes."""

    records: tuple[RecordChange, ...]
    removed_vocabulary: tuple[str, ...]
    parts: dict[str, str] = field(default_factory=dict)  # file name → "added", "removed" or "changed"
    facts_changed: bool = False

    @property
    def level(self) -> Level:
        """major (vocabulary removed), minor (a fact added, removed or changed), else patch."""
        if self.removed_vocabulary:
            return "major"
        return "minor" if self.facts_changed else "patch"

    def count(self, kind: str) -> int:
        """How many records were ``kind`` (added, removed, changed)."""
        return sum(1 for record in self.records if record.kind == kind)

    def __bool__(self) -> bool:
        return bool(self.records or self.parts)


def compare(before: "Snapshot", after: "Snapshot") -> Changes:
    """The changes from ``before`` to ``after``."""
    removed = before.quads - after.quads
    added = after.quads - before.quads
    old_subjects = {quad.subject.value for quad in before.quads}
    new_subjects = {quad.subject.value for quad in after.quads}
    gone = by_subject(removed)
    came = by_subject(added)
    records = []
    for subject in sorted(set(gone) | set(came)):
        if subject not in new_subjects:
            records.append(whole_record(subject, "removed", gone[subject]))
        elif subject not in old_subjects:
            records.append(whole_record(subject, "added", came[subject]))
        else:
            fields = field_changes(gone.get(subject, []), came.get(subject, []))
            if fields:
                records.append(RecordChange(subject, "changed", fields=fields))
    facts_changed = any(quad.predicate.value not in DESCRIPTIVE for quad in removed | added)
    return Changes(tuple(fold_parts(records)), removed_vocabulary(before.quads, after.quads),
                   part_changes(before.parts, after.parts), facts_changed)


def by_subject(quads: Iterable["Quad"]) -> dict[str, list["Quad"]]:
    grouped: dict[str, list["Quad"]] = defaultdict(list)
    for quad in quads:
        grouped[quad.subject.value].append(quad)
    return grouped


def whole_record(subject: str, kind: str, quads: list["Quad"]) -> RecordChange:
    """A record that came or went whole: its types and English (or only) label."""
    types = tuple(sorted(q.object.value for q in quads if q.predicate.value == TYPE))
    labels = sorted((getattr(q.object, "language", None) not in ("en", None), q.object.value)
                    for q in quads if q.predicate.value == LABEL)
    return RecordChange(subject, kind, types, labels[0][1] if labels else None)


def field_changes(gone: list["Quad"], came: list["Quad"]) -> tuple[FieldChange, ...]:
    """A changed record's fields; its label is left out when another field changed too (loaders write labels
    from the other fields, so the label's change says nothing new)."""
    olds: dict[str, list["Term"]] = defaultdict(list)
    news: dict[str, list["Term"]] = defaultdict(list)
    for quad in gone:
        olds[quad.predicate.value].append(quad.object)
    for quad in came:
        news[quad.predicate.value].append(quad.object)
    if set(olds) | set(news) != {LABEL}:
        olds.pop(LABEL, None)
        news.pop(LABEL, None)
    changes = []
    for predicate in sorted(set(olds) | set(news)):
        changes += pair_values(predicate, olds.get(predicate, []), news.get(predicate, []))
    return tuple(changes)


def pair_values(predicate: str, olds: list["Term"], news: list["Term"]) -> list[FieldChange]:
    """One value replaced by one (of the same language, where several changed) is a change; the rest are added
    or removed values."""
    olds, news = sorted(olds, key=str), sorted(news, key=str)
    if len(olds) == 1 and len(news) == 1:
        return [FieldChange(predicate, olds[0], news[0])]
    changes = []
    for language in sorted({language_of(t) for t in olds + news}):
        before = [t for t in olds if language_of(t) == language]
        after = [t for t in news if language_of(t) == language]
        if len(before) == 1 and len(after) == 1:
            changes.append(FieldChange(predicate, before[0], after[0]))
            continue
        changes += [FieldChange(predicate, term, None) for term in before]
        changes += [FieldChange(predicate, None, term) for term in after]
    return changes


def language_of(term: "Term") -> str:
    return getattr(term, "language", None) or ""


def fold_parts(records: list[RecordChange]) -> list[RecordChange]:
    """Added or removed records whose IRI extends another added or removed record's (``evidence:x/dosing`` under
    ``evidence:x``) become that record's parts."""
    whole = {(r.subject, r.kind): r for r in records if r.kind != "changed"}
    parts: dict[tuple[str, str], list[str]] = defaultdict(list)
    folded = set()
    for record in whole.values():
        owner = owner_of(record.subject, record.kind, whole)
        if owner is not None:
            parts[owner].append(record.subject[len(owner[0]) + 1:])
            folded.add((record.subject, record.kind))
    result = []
    for record in records:
        key = (record.subject, record.kind)
        if key in folded:
            continue
        if key in parts:
            record = RecordChange(record.subject, record.kind, record.types, record.label, tuple(sorted(parts[key])))
        result.append(record)
    return result


def owner_of(subject: str, kind: str, whole: dict[tuple[str, str], RecordChange]) -> tuple[str, str] | None:
    """The shortest added (or removed) record whose IRI ``subject`` extends by ``/…``."""
    segments = subject.split("/")
    for cut in range(4, len(segments)):  # past "https:", "", the host and the first path segment
        prefix = "/".join(segments[:cut])
        if (prefix, kind) in whole:
            return prefix, kind
    return None


def removed_vocabulary(before: frozenset["Quad"], after: frozenset["Quad"]) -> tuple[str, ...]:
    """Classes and properties the ontology graph declared before and no longer does."""
    def declared(quads: frozenset["Quad"]) -> set[str]:
        return {q.subject.value for q in quads if q.predicate.value == TYPE and q.object.value in DECLARATIONS
                and getattr(q.graph_name, "value", None) == GRAPH_ONTOLOGY}

    return tuple(sorted(declared(before) - declared(after)))


def part_changes(before: dict[str, str], after: dict[str, str]) -> dict[str, str]:
    """Shapes and stored questions added, removed or changed, by their SHA-256 (when both sides have parts)."""
    if not before or not after:
        return {}
    names = sorted(set(before) | set(after))
    return {name: ("added" if name not in before else "removed" if name not in after else "changed")
            for name in names if before.get(name) != after.get(name)}
