"""Bad input fails the build with one line naming file, row (or line) and field; the store stays as it was.

Each case edits a copy of the curated tables (``--curated``) or of the ontology's Turtle files (``--ontology``) and
runs ``jakgraph build`` in a process of its own against a copy of the session's store: forked from one warm
interpreter (:mod:`forked_cli`), so that sixty cases cost seconds, and a few of them in a fresh ``python -m jakgraph``
too. Only the SHACL cases pay for validation, so there are few of them.
"""
from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path
from typing import Callable

import pytest

from jakgraph.graph.store import StoreFolder, open_store
from jakgraph.loaders import curated_directory, read_curated
from jakgraph.ontology import ONTOLOGY_FILES, SHAPES_FILE

from conftest import run_cli, run_fresh_cli

QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
JAKGRAPH = "https://w3id.org/jakgraph/"
Change = Callable[[Path, Path], None]  # (curated folder, ontology folder)


# -- edits of a copied curated folder --------------------------------------------------------------------------
def edit_lines(path: Path, change: Callable[[list[str]], list[str]]) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")


def set_cell(name: str, line: int, column: str, value: str, header_line: int = 1) -> Change:
    def change(curated: Path, ontology: Path) -> None:
        def edit(lines: list[str]) -> list[str]:
            header = lines[header_line - 1].split("\t")
            cells = lines[line - 1].split("\t")
            cells += [""] * (len(header) - len(cells))
            cells[header.index(column)] = value
            lines[line - 1] = "\t".join(cells)
            return lines
        edit_lines(curated / name, edit)
    return change


def mapping_cell(line: int, column: str, value: str) -> Change:
    """A cell of the SSSOM file, whose column header is line 26 (after the YAML header)."""
    return set_cell("mappings.sssom.tsv", line, column, value, header_line=26)


def drop_column(name: str, column: str, header_line: int = 1) -> Change:
    def change(curated: Path, ontology: Path) -> None:
        def edit(lines: list[str]) -> list[str]:
            index = lines[header_line - 1].split("\t").index(column)
            return lines[: header_line - 1] + ["\t".join(c for i, c in enumerate(l.split("\t")) if i != index)
                                               for l in lines[header_line - 1:]]
        edit_lines(curated / name, edit)
    return change


def replace_line(name: str, line: int, old: str, new: str) -> Change:
    def change(curated: Path, ontology: Path) -> None:
        def edit(lines: list[str]) -> list[str]:
            assert old in lines[line - 1], (name, line, old)
            lines[line - 1] = lines[line - 1].replace(old, new, 1)
            return lines
        edit_lines(curated / name, edit)
    return change


def lines_of(name: str, keep: Callable[[list[str]], list[str]]) -> Change:
    def change(curated: Path, ontology: Path) -> None:
        edit_lines(curated / name, keep)
    return change


def write_bytes(name: str, make: Callable[[bytes], bytes], in_ontology: bool = False) -> Change:
    """Rewrite the bytes of a copied curated file (or, ``in_ontology``, of a copied Turtle file)."""
    def change(curated: Path, ontology: Path) -> None:
        path = (ontology if in_ontology else curated) / name
        path.write_bytes(make(path.read_bytes()))
    return change


def remove(name: str, in_ontology: bool = False) -> Change:
    """Delete a copied curated file (or, ``in_ontology``, a copied Turtle file)."""
    def change(curated: Path, ontology: Path) -> None:
        ((ontology if in_ontology else curated) / name).unlink()
    return change


def both(first: Change, second: Change) -> Change:
    def change(curated: Path, ontology: Path) -> None:
        first(curated, ontology)
        second(curated, ontology)
    return change


def unquote_line_13(lines: list[str]) -> list[str]:
    """Line 13 of the YAML header holds a prefix IRI ending in ``:``, which YAML reads only quoted."""
    lines[12] = lines[12].replace('"', "")
    return lines


# -- edits of a copied ontology folder -------------------------------------------------------------------------
def turtle_line(name: str, line: int, old: str, new: str) -> Change:
    def change(curated: Path, ontology: Path) -> None:
        path = ontology / name
        lines = path.read_text(encoding="utf-8").split("\n")
        assert old in lines[line - 1], (name, line, old)
        lines[line - 1] = lines[line - 1].replace(old, new, 1)
        path.write_text("\n".join(lines), encoding="utf-8")
    return change


# name: (change, the line the build must print after "jakgraph build: "; {curated} and {ontology} are the folders)
CASES: dict[str, tuple[Change, str]] = {
    # columns and cells of the curated tables
    "missing column": (drop_column("evidence_items.tsv", "n_patients"),
                       "evidence_items.tsv, row 1, field n_patients: column is missing from the header"),
    "extra column": (replace_line("populations.tsv", 1, "\tdefinition", "\tdefinition\tmin_age"),
                     "populations.tsv, row 1, field min_age: unknown column (expected id, label_en, label_es, "
                     "definition)"),
    "extra cell in a row": (replace_line("products.tsv", 3, "\tT1/", "\tintravenous\tT1/"),
                            "products.tsv, row 3: has 8 cells but the header has 7"),
    "unknown drug": (set_cell("evidence_items.tsv", 2, "drug", "imaginarinib"),
                     "evidence_items.tsv, row 2, field drug: unknown drug 'imaginarinib' (not an id in drugs.tsv)"),
    "unknown disease": (set_cell("evidence_items.tsv", 3, "disease", "dragon-pox"),
                        "evidence_items.tsv, row 3, field disease: unknown disease 'dragon-pox' "
                        "(not an id in diseases.tsv)"),
    "unknown isoform in a list": (set_cell("selectivity_classes.tsv", 2, "isoforms", "jak1;jak9"),
                                  "selectivity_classes.tsv, row 2, field isoforms: unknown isoform 'jak9' "
                                  "(not an id in isoforms.tsv)"),
    "unknown conflict subject": (set_cell("conflicts.tsv", 2, "subjects", "analysis:no-such-analysis"),
                                 "conflicts.tsv, row 2, field subjects: unknown record 'analysis:no-such-analysis' "
                                 "(not an id in safety_analyses.tsv)"),
    "conflict subject of no kind of record": (set_cell("conflicts.tsv", 3, "subjects", "review:p15"),
                                              "conflicts.tsv, row 3, field subjects: unknown prefix 'review' in "
                                              "'review:p15' (expected one of: drug, product, isoform, selectivity, "
                                              "disease, design, evidence, ae, measure, population, approval, "
                                              "analysis, finding, recommendation, regulatory, t7row)"),
    "unknown conflict kind": (set_cell("conflicts.tsv", 2, "kind", "typo"),
                              "conflicts.tsv, row 2, field kind: unknown value 'typo' (expected one of: count, "
                              "percentage, design, dose, formulation, reference, classification, omission, "
                              "overstatement, threshold, placement, scope, finding)"),
    "reading of an unknown conflict": (set_cell("conflict_readings.tsv", 2, "conflict", "c-no-such-conflict"),
                                       "conflict_readings.tsv, row 2, field conflict: unknown conflict "
                                       "'c-no-such-conflict' (not an id in conflicts.tsv)"),
    "reading without its place in the review": (set_cell("conflict_readings.tsv", 4, "source", ""),
                                                "conflict_readings.tsv, row 4, field source: is required but empty"),
    "unknown drug in Table 7 refs": (set_cell("table7_rows.tsv", 2, "drug_refs", "imaginarinib=70"),
                                     "table7_rows.tsv, row 2, field drug_refs: unknown drug 'imaginarinib' "
                                     "(not an id in drugs.tsv)"),
    "unknown route": (set_cell("products.tsv", 2, "route", "intravenous"),
                      "products.tsv, row 2, field route: unknown value 'intravenous' "
                      "(expected one of: oral, topical, systemic, subcutaneous)"),
    "unknown dose unit": (set_cell("evidence_items.tsv", 2, "dose_unit", "grain"),
                          "evidence_items.tsv, row 2, field dose_unit: unknown value 'grain' (expected one of: mg, "
                          "percent)"),
    "unknown result unit": (set_cell("evidence_results.tsv", 2, "unit", "kg"),
                            "evidence_results.tsv, row 2, field unit: unknown value 'kg' (expected one of: percent, "
                            "points, score, count, lesions, mm)"),
    "non-numeric count": (set_cell("evidence_items.tsv", 4, "n_patients", "twelve"),
                          "evidence_items.tsv, row 4, field n_patients: 'twelve' is not a whole number"),
    "negative count": (set_cell("evidence_items.tsv", 4, "n_patients", "-12"),
                       "evidence_items.tsv, row 4, field n_patients: '-12' is negative (expected a whole number, "
                       "0 or more)"),
    "negative dose": (set_cell("evidence_items.tsv", 5, "dose_min", "-4"),
                      "evidence_items.tsv, row 5, field dose_min: '-4' is negative (expected 0 or more)"),
    "Arabic-Indic digits": (set_cell("table7_rows.tsv", 3, "n_patients", "١٢"),
                            "table7_rows.tsv, row 3, field n_patients: '١٢' is not a whole number"),
    "fullwidth digits": (set_cell("study_designs.tsv", 4, "rank", "２"),
                         "study_designs.tsv, row 4, field rank: '２' is not a whole number"),
    "exponent in a decimal": (set_cell("evidence_results.tsv", 3, "value", "2e1"),
                              "evidence_results.tsv, row 3, field value: '2e1' is not a plain decimal number "
                              "(digits 0-9, a point, an optional -)"),
    "duplicate identifier": (lines_of("diseases.tsv", lambda lines: lines + [lines[4]]),
                             "diseases.tsv, row 61, field id: duplicate identifier 'chronic-nodular-prurigo' "
                             "(first on row 5)"),
    "malformed reference list": (set_cell("evidence_items.tsv", 5, "refs", "18,70"),
                                 "evidence_items.tsv, row 5, field refs: malformed reference '18,70' (expected "
                                 "numbers or ranges such as 18;70 or 78-81)"),
    "backward reference range": (set_cell("drugs.tsv", 3, "refs", "70-18"),
                                 "drugs.tsv, row 3, field refs: malformed reference range '70-18'"),
    "malformed source locator": (set_cell("isoforms.tsv", 2, "source", "T9/JAK1"),
                                 "isoforms.tsv, row 2, field source: malformed source locator 'T9/JAK1' (expected "
                                 "T<table>/<row label> or P<paragraph>)"),
    "date not of the calendar": (set_cell("regulatory_events.tsv", 2, "date", "2021-02-30"),
                                 "regulatory_events.tsv, row 2, field date: '2021-02-30' is not a date of the "
                                 "calendar"),
    "identifier that is not an IRI segment": (set_cell("drugs.tsv", 2, "id", "abro citinib"),
                                              "drugs.tsv, row 2, field id: 'abro citinib' is not a valid identifier "
                                              "(lower-case words joined by -)"),
    "link that is not an IRI segment": (set_cell("evidence_results.tsv", 2, "evidence_item", "x/../y"),
                                        "evidence_results.tsv, row 2, field evidence_item: 'x/../y' is not a valid "
                                        "identifier (lower-case words joined by -)"),
    # rules between the cells of a row
    "dose min above max": (set_cell("evidence_items.tsv", 6, "dose_min", "12"),
                           "evidence_items.tsv, row 6, field dose_max: 10 is below dose_min 12"),
    "dose without unit": (set_cell("evidence_items.tsv", 2, "dose_unit", ""),
                          "evidence_items.tsv, row 2, field dose_unit: is required when a dose is given"),
    "result value above its maximum": (set_cell("evidence_results.tsv", 2, "value_max", "30"),
                                       "evidence_results.tsv, row 2, field value_max: 30 is below value 40"),
    "count above denominator": (set_cell("evidence_adverse_events.tsv", 21, "denominator", "5"),
                                "evidence_adverse_events.tsv, row 21, field count: 13 is above the denominator 5"),
    "percentage above 100": (set_cell("evidence_adverse_events.tsv", 2, "percentage", "120"),
                             "evidence_adverse_events.tsv, row 2, field percentage: 120 is above 100"),
    "reading numbered 0": (set_cell("conflict_readings.tsv", 2, "position", "0"),
                           "conflict_readings.tsv, row 2, field position: 0 is not a position (readings are numbered "
                           "from 1)"),
    # rules of the structured readings (issue 13; the others are checked in-process in test_structured_readings.py)
    "switch without its reason": (set_cell("evidence_items.tsv", 5, "switch_reason", ""),
                                  "evidence_items.tsv, row 5, field switch_reason: is required when switched_from is "
                                  "given"),
    # rules between the rows of a file
    "one-sided conflict": (lines_of("conflict_readings.tsv", lambda lines: lines[:2] + lines[3:]),
                           "conflicts.tsv, row 2, field id: has 1 reading in conflict_readings.tsv (a conflict needs "
                           "two or more)"),
    "conflict with one reading twice": (both(set_cell("conflict_readings.tsv", 2, "stated_value", "cited to ref 6"),
                                             set_cell("conflict_readings.tsv", 3, "stated_value", "cited to ref 6")),
                                        "conflict_readings.tsv, row 3, field stated_value: is the same as reading 1 of "
                                        "conflict 'c-tofacitinib-ra-safety-trial-refs' (a conflict needs different "
                                        "readings)"),
    "readings numbered with a gap": (set_cell("conflict_readings.tsv", 3, "position", "3"),
                                     "conflicts.tsv, row 2, field id: its readings are numbered 1, 3 in "
                                     "conflict_readings.tsv (expected 1 to 2)"),
    "two readings at one position": (set_cell("conflict_readings.tsv", 3, "position", "1"),
                                     "conflict_readings.tsv, row 3, field position: repeats position 1 of conflict "
                                     "'c-tofacitinib-ra-safety-trial-refs' (first on row 2)"),
    # whole files
    "wrong encoding": (write_bytes("diseases.tsv", lambda raw: raw.decode("utf-8").encode("latin-1", "replace")),
                       "diseases.tsv, row 2: is not UTF-8 (byte 0xe1)"),
    "empty file": (write_bytes("populations.tsv", lambda raw: b""), "populations.tsv: is empty"),
    "header only": (lines_of("drugs.tsv", lambda lines: lines[:1]), "drugs.tsv: has a header but no rows"),
    "missing file": (remove("approvals.tsv"), "approvals.tsv: is missing from {curated}"),
    "NUL byte": (set_cell("diseases.tsv", 7, "label_en", "lichen\x00planus"),
                 "diseases.tsv, row 7, field label_en: contains a NUL byte"),
    "vertical tab": (set_cell("outcome_measures.tsv", 3, "definition", "a\x0bb"),
                     "outcome_measures.tsv, row 3, field definition: contains the control character U+000B"),
    # the SSSOM mapping file: header, cells and the IRIs they make
    "unknown mapping subject": (mapping_cell(30, "subject_id", "jakgraph:design/anecdote"),
                                "mappings.sssom.tsv, row 30, field subject_id: unknown design 'anecdote' "
                                "(not an id in study_designs.tsv)"),
    "unknown mapping predicate": (mapping_cell(28, "predicate_id", "owl:sameAs"),
                                  "mappings.sssom.tsv, row 28, field predicate_id: unknown predicate 'owl:sameAs' "
                                  "(expected one of: skos:exactMatch, skos:closeMatch, skos:broadMatch, "
                                  "skos:narrowMatch, skos:relatedMatch)"),
    "mapping object with a space": (mapping_cell(27, "object_id", "MONDO:00 04980"),
                                    "mappings.sssom.tsv, row 27, field object_id: 'MONDO:00 04980' makes the IRI "
                                    "'http://purl.obolibrary.org/obo/MONDO_00 04980', which contains a space"),
    "mapping object with a bad percent-encoding": (mapping_cell(29, "object_id", "MESH:D%zz"),
                                                   "mappings.sssom.tsv, row 29, field object_id: 'MESH:D%zz' makes "
                                                   "the IRI 'https://bioregistry.io/mesh:D%zz', which has a malformed "
                                                   "percent-encoding '%zz'"),
    "mapping object of an unknown prefix": (mapping_cell(27, "object_id", "NOPE:1"),
                                            "mappings.sssom.tsv, row 27, field object_id: 'NOPE:1' is not a CURIE "
                                            "with a prefix of the curie_map"),
    "mapping justification not semapv": (mapping_cell(27, "mapping_justification", "by hand"),
                                         "mappings.sssom.tsv, row 27, field mapping_justification: 'by hand' is not "
                                         "a semapv: CURIE (such as semapv:ManualMappingCuration)"),
    "mapping confidence above 1": (mapping_cell(27, "confidence", "1.5"),
                                   "mappings.sssom.tsv, row 27, field confidence: 1.5 is not between 0 and 1"),
    "mapping column missing": (drop_column("mappings.sssom.tsv", "object_id", header_line=26),
                               "mappings.sssom.tsv, row 26, field object_id: column is missing from the header"),
    "mapping file without mappings": (lines_of("mappings.sssom.tsv", lambda lines: lines[:26]),
                                      "mappings.sssom.tsv: has a header but no rows"),
    "overlap sharing more patients than a record has": (
        set_cell("patient_overlaps.tsv", 3, "shared_patients", "4"),
        "patient_overlaps.tsv, row 3, field shared_patients: 4 is above the 3 patients of evidence item "
        "'baricitinib--subacute-cutaneous-lupus-erythematosus--38-40-41'"),
    "overlap of the same patients without their number": (
        set_cell("patient_overlaps.tsv", 2, "shared_patients", ""),
        "patient_overlaps.tsv, row 2, field shared_patients: is required and above 0 for kind same-patients"),
    "overlap of one record": (set_cell("patient_overlaps.tsv", 5, "evidence_items", "baricitinib--vexas-syndrome--35"),
                              "patient_overlaps.tsv, row 5, field evidence_items: an overlap needs two or more "
                              "records (evidence_items, table7_rows, safety_analyses)"),
    "overlap home row outside the overlap": (
        set_cell("patient_overlaps.tsv", 4, "home_row", "t7-blau-syndrome"),
        "patient_overlaps.tsv, row 4, field home_row: 't7-blau-syndrome' is not one of the overlap's table7_rows"),
    "invalid YAML header": (lines_of("mappings.sssom.tsv", unquote_line_13),
                            "mappings.sssom.tsv, row 13: the YAML header is not valid: mapping values are not "
                            "allowed here"),
    "curie_map namespace not an IRI": (replace_line("mappings.sssom.tsv", 6, "http://purl.obolibrary",
                                                    "http://purl obolibrary"),
                                       "mappings.sssom.tsv, row 6, field curie_map: prefix MONDO: "
                                       "'http://purl obolibrary.org/obo/MONDO_' is not an IRI: it contains a space"),
    "mapping_set_id not an IRI": (replace_line("mappings.sssom.tsv", 1, "https://", "https//"),
                                  "mappings.sssom.tsv, row 1, field mapping_set_id: "
                                  "'https//w3id.org/jakgraph/mappings.sssom.tsv' is not an IRI: it has no scheme "
                                  "(such as https:)"),
    "jakgraph prefix elsewhere": (replace_line("mappings.sssom.tsv", 5, "w3id.org/jakgraph/", "example.org/jak/"),
                                  "mappings.sssom.tsv, row 5, field curie_map: prefix jakgraph is "
                                  "'https://example.org/jak/'; jakgraph's records are under https://w3id.org/jakgraph/"),
    # the ontology's Turtle files (--ontology)
    "Turtle statement without its dot": (turtle_line("concepts.ttl", 20, ' "points" .', ' "points"'),
                                         "concepts.ttl, line 21, column 1: invalid Turtle: a dot is expected at the "
                                         "end of statements"),
    "Turtle IRI with a space": (turtle_line("concepts.ttl", 52, "c:status-approved", f"<{JAKGRAPH}concept/status "
                                                                                     "approved>"),
                                "concepts.ttl, line 52, column 1: invalid Turtle: invalid IRI code point ' '"),
    "Turtle IRI with a bad percent-encoding": (turtle_line("jakgraph.ttl", 3, "vocab/>", "vocab/%zz>"),
                                               "jakgraph.ttl, line 3, column 18: invalid Turtle: invalid IRI percent "
                                               "encoding '%zz'"),
    "Turtle undeclared prefix": (turtle_line("jakgraph.ttl", 3, "@prefix jak:", "@prefix jk:"),
                                 "jakgraph.ttl, line 24, column 1: invalid Turtle: the prefix jak: has not been "
                                 "declared"),
    "Turtle file not UTF-8": (write_bytes("concepts.ttl", lambda raw: raw.decode("utf-8").encode("latin-1", "replace"),
                                          in_ontology=True),
                              "concepts.ttl, line 11: is not UTF-8 (byte 0xf3)"),
    "Turtle file missing": (remove("jakgraph.ttl", in_ontology=True), "jakgraph.ttl: is missing from {ontology}"),
    "shapes file syntax error": (turtle_line(SHAPES_FILE, 10, " .", " ;;; ."),
                                 "shapes.ttl, line 10, column 46: invalid Turtle: ; is not a valid subject or graph "
                                 "name"),
    # SHACL: each violation traced to the curated file and row of the record the node was written for
    "SHACL: two designs share a rank": (set_cell("study_designs.tsv", 4, "rank", "1"),
                                        f"study_designs.tsv, row 3: SHACL validation failed: node <{JAKGRAPH}design/"
                                        f"case-report> breaks sh:SPARQLConstraintComponent of shape <{JAKGRAPH}shape/"
                                        "StudyDesign>: two study designs share one rank: the evidence scale must be a "
                                        "strict order (and 1 more violation(s))"),
    "SHACL: a dose of 0 (a dosing node, traced to its item's row)": (
        set_cell("evidence_items.tsv", 6, "dose_min", "0"),
        f"evidence_items.tsv, row 6: SHACL validation failed: node <{JAKGRAPH}evidence/"
        f"baricitinib--candle-syndrome--32/dosing> {JAKGRAPH}vocab/doseMin breaks sh:MinExclusiveConstraintComponent "
        f"of shape <{JAKGRAPH}shape/DosingRegimen>: Value is not > Literal(\"0\", datatype=xsd:integer)"),
    "SHACL: a controlled value without its code (traced to the ontology file)": (
        turtle_line("concepts.ttl", 18, ' ; skos:notation "mg"', ""),
        f"concepts.ttl: SHACL validation failed: node <{JAKGRAPH}concept/unit-mg> "
        f"http://www.w3.org/2004/02/skos/core#notation breaks sh:MinCountConstraintComponent of shape <{JAKGRAPH}shape/"
        f"ControlledValue>: Less than 1 values on <{JAKGRAPH}concept/unit-mg>->skos:notation"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory, store_path) -> tuple[Path, str | None, int, list[str]]:
    """A copy of the session's built store, which every bad build must leave as it is, and what it holds."""
    location = tmp_path_factory.mktemp("kept") / "store"
    shutil.copytree(store_path, location, symlinks=True)
    return location, StoreFolder(location).current_name(), triple_count(location), builds(location)


def triple_count(location: Path) -> int:
    store = open_store(location)
    try:
        return int(next(iter(store.query(QUERY)))["n"].value)
    finally:
        store.close()


def builds(location: Path) -> list[str]:
    return sorted(path.name for path in (location / "builds").iterdir())


def copy_inputs(root: Path) -> tuple[Path, Path]:
    """Copies of the shipped curated tables and ontology files, to edit."""
    curated, ontology = root / "curated", root / "ontology"
    shutil.copytree(curated_directory(), curated)
    ontology.mkdir()
    for name in (*ONTOLOGY_FILES, SHAPES_FILE):
        shutil.copy(Path(str(files("jakgraph.ontology").joinpath(name))), ontology / name)
    return curated, ontology


def test_the_matrix_is_large_enough():
    assert len(CASES) >= 40


# a SHACL case validates the whole graph (about 2 s): one stays in the quick loop, the others run in the slow tier
QUICK_SHACL = "SHACL: two designs share a rank"


def bad_input_case(name: str):
    slow = name.startswith("SHACL:") and name != QUICK_SHACL
    return pytest.param(name, marks=pytest.mark.slow) if slow else name


@pytest.mark.parametrize("case", [bad_input_case(name) for name in CASES])
def test_bad_input_fails_with_one_line_and_keeps_the_store(case, built, tmp_path):
    change, expected = CASES[case]
    location, current, count, kept = built
    curated, ontology = copy_inputs(tmp_path)
    change(curated, ontology)

    result = run_cli("build", "--store", str(location), "--curated", str(curated), "--ontology", str(ontology))

    check_refused(case, result, expected.format(curated=curated, ontology=ontology), built)


@pytest.mark.parametrize("case", ["mapping object with a space", "Turtle IRI with a space"])
def test_bad_input_fails_the_same_in_a_fresh_interpreter(case, built, tmp_path):
    change, expected = CASES[case]
    curated, ontology = copy_inputs(tmp_path)
    change(curated, ontology)

    result = run_fresh_cli("build", "--store", str(built[0]), "--curated", str(curated), "--ontology", str(ontology))

    check_refused(case, result, expected, built)


@pytest.mark.parametrize("case", ["Turtle statement without its dot", "mapping object with a space"])
def test_validate_says_the_same_line(case, tmp_path):
    change, expected = CASES[case]
    curated, ontology = copy_inputs(tmp_path)
    change(curated, ontology)
    result = run_cli("validate", "--curated", str(curated), "--ontology", str(ontology))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"jakgraph validate: {expected}\n")


def test_the_forked_runner_answers_as_a_fresh_interpreter():
    """An option argparse refuses: the same exit status 2 and the same usage text on stderr, from both."""
    fresh = run_fresh_cli("build", "--no-such-option")
    forked_result = run_cli("build", "--no-such-option")
    assert (forked_result.returncode, forked_result.stdout, forked_result.stderr) == (2, "", fresh.stderr)
    assert fresh.returncode == 2 and "unrecognized arguments: --no-such-option" in fresh.stderr


def check_refused(case: str, result, expected: str, built) -> None:
    """Exit status 1, nothing on stdout, one line on stderr, and the store as it was."""
    location, current, count, kept = built
    assert (result.returncode, result.stdout) == (1, "")
    assert "Traceback" not in result.stderr
    assert result.stderr == f"jakgraph build: {expected}\n"
    assert StoreFolder(location).current_name() == current
    assert builds(location) == kept  # no staging folder left, no build added or removed
    if case.startswith("SHACL"):  # the cases that got furthest: the store still answers with every triple
        assert triple_count(location) == count


def test_a_byte_order_mark_and_crlf_line_ends_are_accepted(tmp_path):
    curated, _ = copy_inputs(tmp_path)
    for path in curated.glob("*.tsv"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert read_curated(curated) == read_curated()


def test_every_curated_file_refuses_an_identifier_that_would_make_a_bad_iri(tmp_path):
    """Every cell that becomes part of an IRI is an id (lower-case words joined by -): one with a space, a slash or
    a non-ASCII letter is refused in its own file, row and field, before any IRI is made."""
    from jakgraph.errors import CurationError
    from jakgraph.loaders.reading import columns
    from jakgraph.loaders.records import RECORD_TYPES

    for cls in RECORD_TYPES:
        column = next(c.name for c in columns(cls) if c.kind == "id")
        for number, bad in enumerate(("a b", "a/b", "café")):
            curated, _ = copy_inputs(tmp_path / f"{cls.__name__}-{number}")
            set_cell(cls.FILE, 2, column, bad)(curated, Path())
            with pytest.raises(CurationError) as raised:
                read_curated(curated)
            assert str(raised.value) == (f"{cls.FILE}, row 2, field {column}: {bad!r} is not a valid identifier "
                                         "(lower-case words joined by -)")
