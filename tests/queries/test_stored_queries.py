"""Stored questions: exact answers read from the review, parameter checking, unknown names."""
from __future__ import annotations

import pytest

from jakgraph.queries.catalog import all_queries, load_query

from conftest import run_cli


def answer(store_path, name: str, *params: str) -> list[dict[str, str]]:
    import json

    args = ["query", name, "--store", str(store_path), "--format", "json"]
    for param in params:
        args += ["-p", param]
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_headline_question_without_parameters(store_path):
    # Table 3 (VEXAS, case series, ref 35) and the prose: upadacitinib is the only JAK1-selective drug
    # with case-series evidence in an autoinflammatory disorder.
    rows = answer(store_path, "selective-drugs-with-design-in-group")
    assert {(r["drug_label"], r["disease_label"], r["refs"]) for r in rows} == {("upadacitinib", "VEXAS syndrome", "35")}


def test_headline_question_with_parameters(store_path):
    rows = answer(store_path, "selective-drugs-with-design-in-group", "selectivity=selectivity:jak1-jak2",
                  "design=design:randomized-controlled-trial", "group=disease:psoriasis")
    # baricitinib phase 2b RCT (n=271, ref 18); topical ruxolitinib phase 2 RCT (n=29, ref 96)
    assert {(r["drug_label"], r["n_patients"], r["refs"]) for r in rows} == {("baricitinib", "271", "18"),
                                                                            ("ruxolitinib", "29", "96")}


@pytest.mark.parametrize("value", ['x} ; DROP ALL', '<https://w3id.org/x> } ; DROP ALL ; #', 'drug:a"b', "{", "design:x y"])
def test_values_that_try_to_break_out_are_refused(store_path, value):
    result = run_cli("query", "selective-drugs-with-design-in-group", "-p", f"design={value}", "--store", str(store_path))
    assert result.returncode == 1
    assert "parameter design" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_parameters_go_in_as_one_values_row_of_library_serialised_terms():
    from pyoxigraph import Literal

    from jakgraph.queries.binding import bind_values, bound_text

    text = bound_text(load_query("studies-above-size"), {"min_n": "+50"})
    head, _, body = text.partition("WHERE {")
    assert "VALUES" not in head
    assert body.startswith('\n  VALUES (?_min_n_integer) { ("+50"^^<http://www.w3.org/2001/XMLSchema#integer>) }\n')
    text = bound_text(load_query("evidence-for-drug"), {"drug": "drug:baricitinib"})
    assert text.count("VALUES") == 1 and "(<https://w3id.org/jakgraph/drug/baricitinib>)" in text
    # a comment that mentions WHERE { is not where the row goes
    query = "# answers WHERE { … } here\nSELECT ?_x WHERE { ?s ?p ?_x }"
    assert bind_values(query, {"_x": Literal("a#b")}) == ("# answers WHERE { … } here\nSELECT ?_x WHERE {\n"
                                                         '  VALUES (?_x) { ("a#b") }\n ?s ?p ?_x }')


def test_an_unknown_query_name_is_one_line_with_the_closest_names(store_path):
    result = run_cli("query", "evidence-for-drugs", "--store", str(store_path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == ("jakgraph query: unknown query 'evidence-for-drugs'; did you mean evidence-for-drug, "
                             "evidence-for-disease or evidence-by-design?\n")


@pytest.mark.parametrize(("name", "message"), [
    ("table7", "did you mean table-7?"),
    ("selective", "did you mean selective-drugs-with-design-in-group?"),  # a name that holds it
    ("no-such-question", "no stored query is named like it ('jakgraph queries' lists all 39)"),
])
def test_the_closest_names(name, message):
    from jakgraph.errors import UserError

    with pytest.raises(UserError) as unknown:
        load_query(name)
    assert str(unknown.value) == f"unknown query {name!r}; {message}"


def test_unknown_parameter_lists_the_known_ones(store_path):
    result = run_cli("query", "selective-drugs-with-design-in-group", "-p", "colour=red", "--store", str(store_path))
    assert result.returncode == 1
    assert result.stderr.strip() == ("jakgraph query: query selective-drugs-with-design-in-group has no parameter "
                                     "'colour' (its parameters: selectivity, design, group)")


@pytest.mark.parametrize("query", all_queries(), ids=lambda q: q.name)
def test_every_stored_query_has_a_header_and_projects_its_parameters(query):
    assert query.summary and query.summary != query.name
    select = query.text.split("WHERE", 1)[0]
    for parameter in query.parameters:
        assert parameter.variable in select, f"{query.name}: ?{parameter.variable} must be projected"
    assert load_query(query.name).text == query.text


def documentation() -> str:
    """The README and the hand-written pages of docs/ (the pages written from the code are tested apart)."""
    from conftest import ROOT

    pages = [ROOT / "README.md"] + sorted(path for path in (ROOT / "docs").glob("*.md")
                                         if path.name not in ("commands.md", "queries.md"))
    return "\n".join(path.read_text(encoding="utf-8") for path in pages)


def test_the_stored_questions_page_lists_every_stored_query():
    from conftest import ROOT
    from jakgraph.queries.catalog import query_names

    page = (ROOT / "docs" / "stored-questions.md").read_text(encoding="utf-8")
    assert [name for name in query_names() if f"| `{name}` |" not in page] == []


def readme_query_examples() -> list[str]:
    """Every ``jakgraph query`` command the README and the docs print, in code blocks (continuation lines joined,
    comments dropped) and in backticks; those sent to an endpoint, and forms such as ``jakgraph query NAME``, left
    out."""
    import re

    readme = documentation()
    found = re.findall(r"`(jakgraph query [^`]+)`", readme)
    for block in re.findall(r"```[a-z]*\n(.*?)```", readme, re.DOTALL):
        found += [line for line in block.replace("\\\n", " ").splitlines() if line.startswith("jakgraph query ")]
    return [command for command in found if "--endpoint" not in command and "--store http" not in command
            and re.fullmatch(r"[a-z0-9-]+", command.split()[2])]


@pytest.mark.parametrize("command", readme_query_examples())
def test_every_query_example_of_the_documentation_answers(store, command):
    import shlex

    from jakgraph.cli.query_command import parameters
    from jakgraph.queries.results import rows
    from jakgraph.queries.runner import run_query

    words = shlex.split(command, comments=True)[2:]
    pairs = [words[i + 1] for i, word in enumerate(words) if word in ("-p", "--param")]
    assert rows(run_query(store, words[0], parameters(pairs))), f"{command} answers no row"


def test_the_documentation_gives_an_example_of_every_stored_query():
    from jakgraph.queries.catalog import query_names

    assert {command.split()[2] for command in readme_query_examples()} == set(query_names())
