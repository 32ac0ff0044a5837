"""``jakgraph queries``: the stored questions; ``queries NAME`` and ``query NAME --help`` describe one, with the
values its parameters take in the graph; ``queries NAME PARAMETER`` lists them."""
from __future__ import annotations

import pytest

from jakgraph.cli.query_card import card
from jakgraph.errors import UserError
from jakgraph.queries.catalog import load_query

NARROW = {"COLUMNS": "100"}

ISOFORM_CARD = """drugs-by-isoform
  Which drugs inhibit a given JAK isoform, and are they selective for it?

Parameters (-p NAME=VALUE; an IRI value may be a CURIE, an IRI, or a name or label):
  isoform  a JAK isoform; default isoform:jak2 (Janus kinase 2)
           4 values: jak1, jak2, jak3, tyk2

SPARQL (each parameter is bound in a VALUES row at the start of the WHERE clause):
"""


@pytest.fixture(autouse=True)
def narrow(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")


def parameter_lines(text: str) -> list[str]:
    """The lines of a card between its "Parameters" line and the blank line after them."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Parameters")) + 1
    return lines[start:lines.index("", start)]


def test_the_list_names_each_question_with_its_title_and_parameters(cli, store_path):
    lines = cli("queries", "--store", str(store_path)).stdout.splitlines()
    assert [line.split()[0] for line in lines[2:-1]][:3] == ["adverse-event-across-evidence", "adverse-events-of-item",
                                                             "approvals-by-agency"]
    assert lines[-1] == "(39 rows)"
    rows = {line.split()[0]: line for line in lines[2:-1]}
    assert rows["long-term-incidence-rates"].endswith("  [drug]")  # optional parameters in brackets
    assert rows["selective-drugs-with-design-in-group"].endswith("  selectivity design group")


def test_query_name_help_is_the_card_then_the_options(cli, store_path, store):
    done = cli("query", "drugs-by-isoform", "--help", "--store", str(store_path), env=NARROW)
    assert done.returncode == 0, done.stderr
    text = load_query("drugs-by-isoform").text
    shown, _, options = done.stdout.partition("\n\nusage: jakgraph query ")
    assert shown + "\n" == ISOFORM_CARD + "".join(line + "\n" for line in text.splitlines() if not line.startswith("#+"))
    assert "--lang {en,es}" in options and "--wide" in options


def test_queries_name_is_the_same_card(cli, store_path, store):
    done = cli("queries", "drugs-by-isoform", "--store", str(store_path), env=NARROW)
    assert done.stdout == card(load_query("drugs-by-isoform"), store)


def test_a_long_list_of_values_is_cut_with_a_count(store):
    assert parameter_lines(card(load_query("evidence-for-drug"), store)) == [
        "  drug  a drug; default drug:abrocitinib (abrocitinib)",
        "        16 values: abrocitinib, adalimumab, anakinra, baricitinib, biologics, clobetasol,",
        "        corticosteroids, cyclosporine, … (all with labels: jakgraph queries evidence-for-drug drug)"]


@pytest.mark.parametrize(("name", "line"), [
    ("long-term-incidence-rates", "  drug  a drug; optional (without it: every drug)"),
    ("studies-above-size", "  min_n  a whole number; default 20"),
    ("provenance", "  record  the IRI or CURIE of any record (such as drug:baricitinib); default"),
])
def test_each_kind_of_parameter_is_described(store, name, line):
    assert parameter_lines(card(load_query(name), store))[0] == line


def test_without_a_graph_the_card_says_why_it_has_no_values(tmp_path):
    from jakgraph.graph.store import open_store

    lines = parameter_lines(card(load_query("drugs-by-isoform"), open_store(tmp_path / "none")))
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


def test_a_parameter_without_a_list_of_values_is_one_line(cli, store_path):
    done = cli("queries", "studies-above-size", "min_n", "--store", str(store_path))
    assert (done.returncode, done.stdout, done.stderr) == (
        1, "", "jakgraph queries: query studies-above-size, parameter min_n takes a whole number: it has no list of "
               "values\n")


def test_values_of_an_unknown_parameter(store):
    from jakgraph.cli.queries_command import print_values

    query = load_query("drugs-by-isoform")
    with pytest.raises(UserError, match=r"^query drugs-by-isoform has no parameter 'colour' \(its parameters: "
                                        r"isoform\)$"):
        print_values(query, query.parameter("colour"), store)
    with pytest.raises(UserError, match="^query provenance, parameter record takes the IRI or CURIE of any record: "):
        print_values(load_query("provenance"), load_query("provenance").parameter("record"), store)
