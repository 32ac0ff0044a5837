"""Answers as people read them: parameter columns titled by their names, numbers right-aligned, rows and list
cells in natural order, labels in the reader's language; CSV and JSON keep the SPARQL names and are never cut."""
from __future__ import annotations

import json
import re

import pytest

from jakgraph.queries.catalog import load_query
from jakgraph.queries.presentation import View, natural_key, order_keys, title, view_of
from jakgraph.queries.guard import PYOXIGRAPH


def test_the_headline_table_titles_its_parameters_by_name(cli, store_path):
    done = cli("query", "selective-drugs-with-design-in-group", "--store", str(store_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "selectivity                 design              group                               drug               "
        "drug_label    disease                 disease_label   evidence                                   n_patients  refs",
        "--------------------------  ------------------  ----------------------------------  -----------------  "
        "------------  ----------------------  --------------  -----------------------------------------  ----------  ----",
        "selectivity:jak1-selective  design:case-series  disease:autoinflammatory-disorders  drug:upadacitinib  "
        "upadacitinib  disease:vexas-syndrome  VEXAS syndrome  evidence:upadacitinib--vexas-syndrome--35              35",
        "(1 row)"]


def test_csv_and_json_keep_the_sparql_variable_names(cli, store_path):
    csv = cli("query", "selective-drugs-with-design-in-group", "--store", str(store_path), "--format", "csv")
    assert csv.stdout.splitlines()[0] == ("_selectivity_iri,_design_iri,_group_iri,drug,drug_label,disease,"
                                          "disease_label,evidence,n_patients,refs")
    records = json.loads(cli("query", "studies-above-size", "-p", "min_n=100", "--store", str(store_path),
                             "--format", "json").stdout)
    assert list(records[0]) == ["_min_n_integer", "evidence", "drug_label", "disease_label", "design_label",
                                "n_patients"]


def test_rows_sort_naturally_by_the_querys_own_keys(cli, store_path):
    # ORDER BY ?disorder_label: SPARQL compares code points (CANDLE and VEXAS before acrodermatitis); the table
    # ignores case. CSV keeps the engine's order.
    table = cli("query", "off-label-disorders", "--store", str(store_path)).stdout.splitlines()
    labels = [line.split("  ")[0] for line in table[2:-1]]
    assert labels[:4] == ["disease:acrodermatitis-continua-of-hallopeau", "disease:adult-onset-still-disease",
                          "disease:aicardi-goutieres-syndrome", "disease:alopecia-areata"]
    assert labels[-2:] == ["disease:vexas-syndrome", "disease:vitiligo"]
    csv = cli("query", "off-label-disorders", "--store", str(store_path), "--format", "csv").stdout.splitlines()
    assert csv[1].startswith("disease:aicardi-goutieres-syndrome,Aicardi-Goutières syndrome,")  # upper case first


def test_a_query_without_order_by_is_sorted_by_its_columns_numbers_by_value(cli, store_path):
    done = cli("sparql", "SELECT ?n ?d WHERE { VALUES (?n ?d) { (10 'b') (9 'B') (9 'a') (100 'c') } }",
               "--store", str(store_path))
    assert done.stdout.splitlines() == ["  n  d", "---  -", "  9  a", "  9  B", " 10  b", "100  c", "(4 rows)"]


def test_list_cells_are_ordered_in_every_format_and_spaced_in_the_table(cli, store_path):
    args = ("query", "evidence-for-drug", "-p", "drug=upadacitinib", "--store", str(store_path))
    table = cli(*args).stdout.splitlines()
    assert [line.rstrip().rsplit("  ", 1)[-1] for line in table[2:-1]] == ["78, 79, 80, 81", "82, 83", "84", "85",
                                                                         "86", "35"]
    csv = cli(*args, "--format", "csv").stdout.splitlines()  # the engine's order: VEXAS first
    assert [line.rsplit(",", 1)[-1] if '"' not in line else line.split('"')[-2] for line in csv[1:]] == [
        "35", "78,79,80,81", "82,83", "84", "85", "86"]


def test_labels_in_spanish(cli, store_path):
    done = cli("query", "evidence-for-drug", "-p", "drug=upadacitinib", "--lang", "es", "--store", str(store_path),
               "--format", "csv")
    rows = [line.split(",")[2:4] for line in done.stdout.splitlines()[1:]]
    assert rows == [["síndrome VEXAS", "serie de casos"], ["alopecia areata", "caso clínico"],
                    ["liquen plano oral erosivo", "caso clínico"], ["eritema multiforme", "caso clínico"],
                    ["granuloma anular", "caso clínico"], ["hidradenitis supurativa", "estudio retrospectivo"]]
    table = cli("query", "evidence-for-drug", "-p", "drug=upadacitinib", "--lang", "es", "--store", str(store_path))
    assert [re.split(r"\s{2,}", line)[2] for line in table.stdout.splitlines()[2:-1]] == [  # by the Spanish labels
        "alopecia areata", "eritema multiforme", "granuloma anular", "hidradenitis supurativa",
        "liquen plano oral erosivo", "síndrome VEXAS"]


def test_a_column_of_labels_in_two_languages_shows_their_tags(cli, store_path):
    done = cli("sparql", "SELECT ?label WHERE { disease:psoriasis rdfs:label ?label }", "--store", str(store_path))
    assert done.stdout == "label\n------------\npsoriasis@en\npsoriasis@es\n(2 rows)\n"


def test_the_stats_tables_right_align_numbers(cli, store_path, store):
    from jakgraph.graph.store.stats import stats

    sizes = stats(store).graphs
    left, right = max(map(len, ["graph", *sizes])), max(map(len, ["triples", *map(str, sizes.values())]))
    done = cli("stats", "--store", str(store_path))
    assert done.stdout.splitlines()[2:4 + len(sizes)] == [
        f"{'graph':<{left}}  {'triples':>{right}}", f"{'-' * left}  {'-' * right}",
        *(f"{graph:<{left}}  {n:>{right}}" for graph, n in sizes.items())]


@pytest.mark.parametrize(("variable", "shown"), [("_drug_iri", "drug"), ("__drug_iri", "drug"),
                                                 ("_min_n_integer", "min_n"), ("_name_string", "name"),
                                                 ("_free", "free"), ("drug_label", "drug_label"), ("n", "n")])
def test_titles(variable, shown):
    assert title(variable) == shown


@pytest.mark.parametrize(("text", "keys"), [
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s DESC(?o) LIMIT 3", (("s", False), ("o", True))),
    ("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s } }", ()),  # a subquery's order is its own
    ("SELECT * WHERE { ?s ?p ?o } # ORDER BY ?s", ()),
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY LCASE(?s)", None),  # an expression: the engine's order stays
])
def test_the_order_the_table_keeps(text, keys):
    assert order_keys(list(PYOXIGRAPH.tokens(text))) == keys


def test_every_stored_question_orders_by_its_variables_and_names_its_lists():
    views = {name: view_of(load_query(name).text) for name in ("safety-analyses-for-drug", "source-conflicts",
                                                              "evidence-scale", "off-label-disorders")}
    assert views == {"safety-analyses-for-drug": View({"refs": ","}, (("analysis", False),)),
                     "source-conflicts": View({"about": "; ", "source": "; ", "refs": ","},
                                              (("conflict", False), ("reading", False))),
                     "evidence-scale": View({}, (("rank", True),)),
                     "off-label-disorders": View({"drugs": ", "}, (("disorder_label", False),))}


def test_natural_order():
    assert sorted(["evidence:x--18", "evidence:x--9", "Blau", "acne", "CANDLE"], key=natural_key) == [
        "acne", "Blau", "CANDLE", "evidence:x--9", "evidence:x--18"]


def test_the_docstring_examples_hold():
    import doctest

    from jakgraph.cli import terminal
    from jakgraph.queries import binding, catalog, guard, presentation

    for module in (presentation, terminal, guard, catalog, binding):
        failed, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert tried > 0 and failed == 0, module.__name__
