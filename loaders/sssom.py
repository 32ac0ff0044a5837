"""Read the SSSOM mapping file: its commented YAML header (with PyYAML), then one checked record per mapping.

Every IRI the file gives or makes (the ``curie_map`` namespaces, ``mapping_set_id``, each expanded subject and object,
the mapping axiom's node, the justification) is checked before any library sees it; a fault names the line, and the
header key or column.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jakgraph.errors import CurationError
from jakgraph.ontology.iri import iri_problem
from jakgraph.ontology.namespaces import BASE, LINKED_PREFIXES

from .reading import cell, columns, data_lines, read_text, split_lines
from .records import MAPPED_KINDS, Mapping, MappingSet
from .rules import check_record

SEMAPV = LINKED_PREFIXES["semapv"]


@dataclass(frozen=True)
class Header:
    """The YAML header's metadata and the line of each key (``curie_map.MONDO`` for a prefix of the map)."""

    metadata: dict[str, Any]
    lines: dict[str, int]
    first: int

    def line(self, key: str) -> int:
        """The line of ``key``, else of the ``curie_map`` it is part of, else the header's first line."""
        return self.lines.get(key) or self.lines.get(key.partition(".")[0]) or self.first


def read_header(name: str, lines: list[str]) -> Header:
    """The metadata of the commented YAML block at the top of an SSSOM TSV file, checked."""
    import yaml

    numbers, body = [], []
    for number, line in enumerate(lines, 1):
        if not line.startswith("#"):
            break
        numbers.append(number)
        body.append(line[1:])
    if not body:
        raise CurationError(name, None, None, "has no YAML header (lines starting with #)")
    loader = yaml.SafeLoader("\n".join(body))
    try:
        node = loader.get_single_node()
        metadata = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = numbers[min(mark.line, len(numbers) - 1)] if mark is not None else None
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise CurationError(name, line, None, f"the YAML header is not valid: {problem}") from None
    finally:
        loader.dispose()
    if not isinstance(metadata, dict):
        raise CurationError(name, numbers[0], None, "the YAML header is not a mapping of keys to values")
    header = Header(metadata, key_lines(node, numbers), numbers[0])
    check_header(name, header)
    return header


def key_lines(node: Any, numbers: list[int]) -> dict[str, int]:
    """The file line of each top-level key of the YAML header, and of each prefix of its ``curie_map``."""
    found: dict[str, int] = {}
    for key, value in node.value:
        found[str(key.value)] = numbers[key.start_mark.line]
        if key.value == "curie_map" and isinstance(value.value, list):
            for prefix, _ in value.value:
                found[f"curie_map.{prefix.value}"] = numbers[prefix.start_mark.line]
    return found


def check_header(name: str, header: Header) -> None:
    """``curie_map`` maps prefixes to IRIs, ``jakgraph`` among them as jakgraph's own; ``mapping_set_id`` is an IRI."""
    metadata = header.metadata
    prefixes = metadata.get("curie_map")
    if not isinstance(prefixes, dict) or not all(isinstance(v, str) for v in prefixes.values()):
        raise CurationError(name, header.line("curie_map"), "curie_map",
                            "is missing or is not a map of prefixes to IRIs")
    for prefix, namespace in prefixes.items():
        problem = iri_problem(namespace)
        if problem:
            raise CurationError(name, header.line(f"curie_map.{prefix}"), "curie_map",
                                f"prefix {prefix}: {namespace!r} is not an IRI: it {problem}")
    if "jakgraph" not in prefixes:
        raise CurationError(name, header.line("curie_map"), "curie_map", "has no jakgraph prefix")
    if prefixes["jakgraph"] != BASE:
        raise CurationError(name, header.line("curie_map.jakgraph"), "curie_map",
                            f"prefix jakgraph is {prefixes['jakgraph']!r}; jakgraph's records are under {BASE}")
    set_id = metadata.get("mapping_set_id")
    if not isinstance(set_id, str):
        raise CurationError(name, header.line("mapping_set_id"), "mapping_set_id", "is missing from the YAML header")
    problem = iri_problem(set_id)
    if problem:
        raise CurationError(name, header.line("mapping_set_id"), "mapping_set_id",
                            f"{set_id!r} is not an IRI: it {problem}")


def read_mapping_set(path: Path, ids: dict[str, set[str]]) -> MappingSet:
    """Read an SSSOM TSV file into its metadata and one :class:`Mapping` per distinct mapping.

    ``ids`` holds the ids of every curated file, to check that each subject is a jakgraph record.
    """
    name = path.name
    lines = split_lines(read_text(path))
    metadata = read_header(name, lines).metadata
    prefixes: dict[str, str] = {str(k): v for k, v in metadata["curie_map"].items()}
    mapping_set = MappingSet(metadata["mapping_set_id"], prefixes, ())
    rows = data_lines(name, lines)
    header_line, header = rows[0]
    table = columns(Mapping)
    missing = [c.name for c in table if c.name not in header]
    if missing:
        raise CurationError(name, header_line, missing[0], "column is missing from the header")
    positions = [(column, header.index(column.name)) for column in table]
    mappings: list[Mapping] = []
    seen: set[tuple[str, str, str]] = set()
    for number, cells in rows[1:]:
        raw = {column.name: cells[position].strip() if position < len(cells) else "" for column, position in positions}
        check_subject(name, number, raw["subject_id"], ids)
        predicates = next(c.choices for c in table if c.name == "predicate_id")
        if raw["predicate_id"] not in predicates:
            raise CurationError(name, number, "predicate_id", f"unknown predicate {raw['predicate_id']!r} "
                                f"(expected one of: {', '.join(predicates)})")
        for field in ("subject_id", "object_id"):
            check_curie(name, number, field, raw[field], prefixes)
        key = (raw["subject_id"], raw["predicate_id"], raw["object_id"])
        if key in seen:
            continue  # the same mapping seen in two reference rows
        seen.add(key)
        values = {column.name: cell(name, number, column, raw[column.name]) for column in table}
        mapping = Mapping(line=number, **values)
        check_iris(mapping, mapping_set)
        check_record(mapping)
        mappings.append(mapping)
    if not mappings:
        raise CurationError(name, None, None, "has a header but no rows")
    counts = Counter(mapping.object_id for mapping in mappings)
    shared = frozenset(object_id for object_id, count in counts.items() if count > 1)
    return MappingSet(metadata["mapping_set_id"], prefixes, tuple(mappings), shared)


def check_subject(name: str, line: int, subject_id: str, ids: dict[str, set[str]]) -> None:
    """A subject must be a curated drug, isoform, disease, design or adverse event: ``jakgraph:drug/…``."""
    kind, _, ident = subject_id.removeprefix("jakgraph:").partition("/")
    if not subject_id.startswith("jakgraph:") or kind not in MAPPED_KINDS:
        raise CurationError(name, line, "subject_id",
                            f"{subject_id!r} is not a jakgraph drug, isoform, disease, design or adverse event")
    file = MAPPED_KINDS[kind].FILE
    if ident not in ids[file]:
        raise CurationError(name, line, "subject_id", f"unknown {kind} {ident!r} (not an id in {file})")


def check_curie(name: str, line: int, field: str, curie: str, prefixes: dict[str, str]) -> None:
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in prefixes or not local:
        raise CurationError(name, line, field, f"{curie!r} is not a CURIE with a prefix of the curie_map")


def check_iris(mapping: Mapping, mapping_set: MappingSet) -> None:
    """The IRIs a mapping becomes (its object, its axiom's node, its justification) are valid IRIs."""
    justification = mapping.mapping_justification
    if not justification.startswith("semapv:"):
        raise mapping.error("mapping_justification",
                            f"{justification!r} is not a semapv: CURIE (such as semapv:ManualMappingCuration)")
    made = (("object_id", mapping_set.expand(mapping.object_id)), ("object_id", mapping_set.axiom_iri(mapping)),
            ("mapping_justification", SEMAPV + justification.removeprefix("semapv:")))
    for field, iri in made:
        problem = iri_problem(iri)
        if problem:
            value = getattr(mapping, field)
            raise mapping.error(field, f"{value!r} makes the IRI {iri!r}, which {problem}")
