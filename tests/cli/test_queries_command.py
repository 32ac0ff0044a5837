"""``jakgraph queries``: the stored questions; ``queries NAME`` and ``query NAME --help`` describe one, with the
values its parameters take in the graph; ``queries NAME PARAMETER`` lists them."""
from __future__ import annotations

import pytest

from jakgraph.queries.catalog import load_query

NARROW = {"COLUMNS": "100"}


def parameter_lines(done) -> list[str]:
    """The lines of a card between its "Parameters" line and the blank line after them."""
    lines = done.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Parameters")) + 1
    return lines[start:lines.index("", start)]

ISOFORM_CARD = """drugs-by-isoform
  Which drugs inhibit a given JAK isoform, and are they selective for it?

Parameters (-p NAME=VALUE; an IRI value may be a CURIE, an IRI, or a name or label):
  isoform  a JAK isoform; default isoform:jak2 (Janus kinase 2)
           4 values: jak1, jak2, jak3, tyk2

SPARQL (each parameter is bound in a VALUES row at the start of the WHERE clause):
"""


def test_the_list_names_each_question_with_its_title_and_parameters(cli, store_path):
    lines = cli("queries", "--store", str(store_path)).stdout.splitlines()
    assert [line.split()[0] for line in lines[2:-1]][:3] == ["adverse-event-across-evidence", "adverse-events-of-item",
                                                             "approvals-by-agency"]
    assert lines[-1] == "(36 rows)"
    rows = {line.split()[0]: line for line in lines[2:-1]}
    assert rows["long-term-incidence-rates"].endswith("  [drug]")  # optional parameters in brackets
    assert rows["selective-drugs-with-design-in-group"].endswith("  selectivity design group")


def test_a_card_shows_the_question_its_parameters_their_values_and_the_sparql(cli, store_path):
    done = cli("queries", "drugs-by-isoform", "--store", str(store_path), env=NARROW)
    assert done.returncode == 0, done.stderr
    text = load_query("drugs-by-isoform").text
    assert done.stdout == ISOFORM_CARD + "".join(line + "\n" for line in text.splitlines() if not line.startswith("#+"))


def test_query_name_help_shows_the_card_then_the_options(cli, store_path):
    done = cli("query", "drugs-by-isoform", "--help", "--store", str(store_path), env=NARROW)
    assert done.returncode == 0, done.stderr
    card, _, options = done.stdout.partition("\n\nusage: jakgraph query ")
    assert card + "\n" == cli("queries", "drugs-by-isoform", "--store", str(store_path), env=NARROW).stdout
    assert "--lang {en,es}" in options and "--wide" in options


def test_a_long_list_of_values_is_cut_with_a_count(cli, store_path):
    assert parameter_lines(cli("queries", "evidence-for-drug", "--store", str(store_path), env=NARROW)) == [
        "  drug  a drug; default drug:abrocitinib (abrocitinib)",
        "        16 values: abrocitinib, adalimumab, anakinra, baricitinib, biologics, clobetasol,",
        "        corticosteroids, cyclosporine, … (all with labels: jakgraph queries evidence-for-drug drug)"]


@pytest.mark.parametrize(("name", "line"), [
    ("long-term-incidence-rates", "  drug  a drug; optional (without it: every drug)"),
    ("studies-above-size", "  min_n  a whole number; default 20"),
    ("provenance", "  record  the IRI or CURIE of any record (such as drug:baricitinib); default"),
])
def test_each_kind_of_parameter_is_described(cli, store_path, name, line):
    assert parameter_lines(cli("queries", name, "--store", str(store_path), env=NARROW))[0] == line


def test_without_a_graph_the_card_says_why_it_has_no_values(cli, tmp_path):
    lines = parameter_lines(cli("queries", "drugs-by-isoform", "--store", str(tmp_path / "none"), env=NARROW))
    assert lines[0] == "  isoform  an isoform; default isoform:jak2"  # the class's name is in the graph too
    assert " ".join(line.strip() for line in lines[1:]) == (
        f"values: the graph cannot be read (no graph has been built at {tmp_path / 'none'}: run 'jakgraph build' "
        "first (or pass --store / set JAKGRAPH_STORE to where it was built))")


def test_a_parameters_values_with_their_labels(cli, store_path):
    done = cli("queries", "drugs-by-isoform", "isoform", "--store", str(store_path))
    assert done.stdout.splitlines() == [
        "value         label (en)         label (es)",
        "------------  -----------------  -----------------",
        "isoform:jak1  Janus kinase 1     cinasa Janus 1",
        "isoform:jak2  Janus kinase 2     cinasa Janus 2",
        "isoform:jak3  Janus kinase 3     cinasa Janus 3",
        "isoform:tyk2  tyrosine kinase 2  tirosina cinasa 2",
        "(4 rows)"]


@pytest.mark.parametrize(("args", "message"), [
    (("studies-above-size", "min_n"), "query studies-above-size, parameter min_n takes a whole number: it has no "
                                      "list of values"),
    (("drugs-by-isoform", "colour"), "query drugs-by-isoform has no parameter 'colour' (its parameters: isoform)"),
    (("drugs-by-isofrom",), "unknown query 'drugs-by-isofrom'; did you mean drugs-by-isoform?"),
])
def test_what_has_no_values_is_one_line(cli, store_path, args, message):
    done = cli("queries", *args, "--store", str(store_path))
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"jakgraph queries: {message}\n")
