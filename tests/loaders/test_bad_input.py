"""A bad curated file fails the build with one line naming file, row and field; the store stays as it was."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from jakgraph.loaders import curated_directory

from conftest import run_cli
from jakgraph.graph.store import StoreFolder, open_store

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def edit_lines(path: Path, change: Callable[[list[str]], list[str]]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")


def set_cell(name: str, line: int, column: str, value: str):
    def change(directory: Path) -> None:
        def edit(lines: list[str]) -> list[str]:
            header = lines[0].split("\t")
            cells = lines[line - 1].split("\t")
            cells += [""] * (len(header) - len(cells))
            cells[header.index(column)] = value
            lines[line - 1] = "\t".join(cells)
            return lines
        edit_lines(directory / name, edit)
    return change


def drop_column(name: str, column: str):
    def change(directory: Path) -> None:
        def edit(lines: list[str]) -> list[str]:
            index = lines[0].split("\t").index(column)
            return ["\t".join(c for i, c in enumerate(l.split("\t")) if i != index) for l in lines]
        edit_lines(directory / name, edit)
    return change


def duplicate_row(name: str, line: int):
    def change(directory: Path) -> None:
        edit_lines(directory / name, lambda lines: lines + [lines[line - 1]])
    return change


def latin1(name: str):
    def change(directory: Path) -> None:
        path = directory / name
        path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    return change


def empty(name: str):
    def change(directory: Path) -> None:
        (directory / name).write_text("", encoding="utf-8")
    return change


def mapping_subject(value: str):
    """Replace the subject of the first mapping row (line 30, after the YAML header and the column header)."""
    def change(directory: Path) -> None:
        def edit(lines: list[str]) -> list[str]:
            cells = lines[29].split("\t")
            lines[29] = "\t".join([value] + cells[1:])
            return lines
        edit_lines(directory / "mappings.sssom.tsv", edit)
    return change


def mapping_lines(keep: Callable[[list[str]], list[str]]):
    """Rewrite the lines of the SSSOM file (its YAML header is lines 1-25, the column header line 26)."""
    def change(directory: Path) -> None:
        edit_lines(directory / "mappings.sssom.tsv", keep)
    return change


def unquote_line_13(lines: list[str]) -> list[str]:
    """Line 13 of the YAML header holds a prefix IRI ending in ``:``, which YAML reads only quoted."""
    lines[12] = lines[12].replace('"', "")
    return lines


CASES = {
    "missing column": (drop_column("evidence_items.tsv", "n_patients"), "evidence_items.tsv, row 1, field n_patients: column is missing"),
    "unknown drug": (set_cell("evidence_items.tsv", 2, "drug", "imaginarinib"), "evidence_items.tsv, row 2, field drug: unknown drug 'imaginarinib'"),
    "unknown disease": (set_cell("evidence_items.tsv", 3, "disease", "dragon-pox"), "evidence_items.tsv, row 3, field disease: unknown disease 'dragon-pox'"),
    "non-numeric n": (set_cell("evidence_items.tsv", 4, "n_patients", "twelve"), "evidence_items.tsv, row 4, field n_patients: 'twelve' is not a whole number"),
    "unknown unit": (set_cell("evidence_items.tsv", 2, "dose_unit", "grain"), "evidence_items.tsv, row 2, field dose_unit: unknown value 'grain'"),
    "duplicate identifier": (duplicate_row("diseases.tsv", 5), "diseases.tsv, row 61, field id: duplicate identifier 'chronic-nodular-prurigo' (first on row 5)"),
    "malformed reference list": (set_cell("evidence_items.tsv", 5, "refs", "18,70"), "evidence_items.tsv, row 5, field refs: malformed reference '18,70'"),
    "wrong encoding": (latin1("diseases.tsv"), "diseases.tsv, row 2: is not UTF-8"),
    "empty file": (empty("populations.tsv"), "populations.tsv: is empty"),
    "unknown mapping subject": (mapping_subject("jakgraph:design/anecdote"),
                                "mappings.sssom.tsv, row 30, field subject_id: unknown design 'anecdote'"),
    "mapping file without mappings": (mapping_lines(lambda lines: lines[:26]),
                                      "mappings.sssom.tsv: has a header but no rows"),
    "invalid YAML header": (mapping_lines(unquote_line_13),
                            "mappings.sssom.tsv, row 13: the YAML header is not valid: mapping values are not allowed"),
    "shape violation": (set_cell("study_designs.tsv", 4, "rank", "1"),
                        "SHACL validation failed: node <https://w3id.org/jakgraph/design/case-"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory, store_path) -> Path:
    """A copy of the session's built store, which every bad build must leave as it is."""
    location = tmp_path_factory.mktemp("kept") / "store"
    shutil.copytree(store_path, location, symlinks=True)
    return location


def current_target(location: Path) -> str | None:
    return StoreFolder(location).current_name()


def triple_count(location: Path) -> int:
    store = open_store(location)
    try:
        return int(next(iter(store.query(QUERY)))["n"].value)
    finally:
        store.close()


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_fails_with_one_line_and_keeps_the_store(case, built, tmp_path):
    change, expected = CASES[case]
    curated = tmp_path / "curated"
    shutil.copytree(curated_directory(), curated)
    change(curated)
    before = current_target(built)
    count_before = triple_count(built)

    result = run_cli("build", "--store", str(built), "--curated", str(curated))

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in lines[0]
    assert current_target(built) == before
    assert triple_count(built) == count_before
    assert StoreFolder(built).partial_builds() == []
