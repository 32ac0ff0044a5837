"""Read the SSSOM mapping file: its commented YAML header (with PyYAML), then one checked record per mapping."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from jakgraph.errors import CurationError

from .reading import cell, columns, data_lines, read_text
from .records import MAPPED_KINDS, Mapping, MappingSet


def read_header(name: str, lines: list[str]) -> dict[str, Any]:
    """The metadata of the commented YAML block at the top of an SSSOM TSV file."""
    import yaml

    numbers, body = [], []
    for number, line in enumerate(lines, 1):
        if not line.startswith("#"):
            break
        numbers.append(number)
        body.append(line[1:])
    if not body:
        raise CurationError(name, None, None, "has no YAML header (lines starting with #)")
    try:
        metadata = yaml.safe_load("\n".join(body))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = numbers[min(mark.line, len(numbers) - 1)] if mark is not None else None
        problem = getattr(exc, "problem", None) or "cannot be parsed"
        raise CurationError(name, line, None, f"the YAML header is not valid: {problem}") from None
    if not isinstance(metadata, dict):
        raise CurationError(name, numbers[0], None, "the YAML header is not a mapping of keys to values")
    prefixes = metadata.get("curie_map")
    if not isinstance(prefixes, dict) or not all(isinstance(v, str) for v in prefixes.values()):
        raise CurationError(name, None, "curie_map", "is missing or is not a map of prefixes to IRIs")
    if "jakgraph" not in prefixes:
        raise CurationError(name, None, "curie_map", "has no jakgraph prefix")
    if not isinstance(metadata.get("mapping_set_id"), str):
        raise CurationError(name, None, "mapping_set_id", "is missing from the YAML header")
    return metadata


def read_mapping_set(path: Path, ids: dict[str, set[str]]) -> MappingSet:
    """Read an SSSOM TSV file into its metadata and one :class:`Mapping` per distinct mapping.

    ``ids`` holds the ids of every curated file, to check that each subject is a jakgraph record.
    """
    name = path.name
    lines = read_text(path).splitlines()
    metadata = read_header(name, lines)
    prefixes: dict[str, str] = {str(k): v for k, v in metadata["curie_map"].items()}
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
        mappings.append(Mapping(line=number, **values))
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
