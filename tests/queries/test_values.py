"""Parameter values from the graph: the choices of each parameter, names and labels resolved, absent values refused."""
from __future__ import annotations

import pytest

from jakgraph.errors import UserError
from jakgraph.queries.catalog import all_queries, load_query
from jakgraph.queries.results import rows
from jakgraph.queries.runner import run_query
from jakgraph.queries.values import choices, resolve_values

BASE = "https://w3id.org/jakgraph/"


def test_every_iri_parameter_of_a_stored_question_names_its_class_or_a_list():
    free = {(q.name, p.name) for q in all_queries() for p in q.parameters
            if p.type == "iri" and p.range is None and not p.choices}
    assert free == {("external-identifiers", "entity"), ("provenance", "record")}  # any record: CURIE or IRI


def test_the_choices_of_a_parameter_are_the_instances_of_its_class(store):
    isoforms = choices(store, load_query("drugs-by-isoform").parameter("isoform"))
    assert [(c.curie, c.label_en, c.label_es) for c in isoforms] == [
        ("isoform:jak1", "Janus kinase 1", "cinasa Janus 1"), ("isoform:jak2", "Janus kinase 2", "cinasa Janus 2"),
        ("isoform:jak3", "Janus kinase 3", "cinasa Janus 3"), ("isoform:tyk2", "tyrosine kinase 2", "tirosina cinasa 2")]
    designs = choices(store, load_query("evidence-by-design").parameter("design"))
    assert len(designs) == 13  # the evidence scale


def test_an_enumerated_parameter_offers_its_list_with_labels(store):
    agencies = choices(store, load_query("approvals-by-agency").parameter("agency"))
    assert [(c.curie, c.label_en) for c in agencies] == [("agency:ema", "European Medicines Agency (EMA)"),
                                                         ("agency:fda", "Food and Drug Administration (FDA)")]


@pytest.mark.parametrize(("query", "parameter", "value", "iri"), [
    ("evidence-for-drug", "drug", "upadacitinib", BASE + "drug/upadacitinib"),  # its id
    ("evidence-for-drug", "drug", "Upadacitinib", BASE + "drug/upadacitinib"),  # case does not matter
    ("evidence-for-drug", "drug", "drug:upadacitinib", BASE + "drug/upadacitinib"),  # a CURIE
    ("disorders-in-group", "group", "autoinflammatory disorders", BASE + "disease/autoinflammatory-disorders"),
    ("drugs-by-selectivity", "selectivity", "JAK1-selective", BASE + "selectivity/jak1-selective"),
    ("evidence-by-design", "design", "case series", BASE + "design/case-series"),  # its English label
    ("evidence-by-design", "design", "serie de casos", BASE + "design/case-series"),  # its Spanish label
    ("approvals-by-agency", "agency", "EMA", BASE + "agency/ema"),
    ("drugs-by-isoform", "isoform", "Janus kinase 3", BASE + "isoform/jak3"),
])
def test_a_value_may_be_a_name_or_label(store, query, parameter, value, iri):
    assert resolve_values(store, load_query(query), {parameter: value}) == {parameter: iri}


@pytest.mark.parametrize(("query", "value", "message"), [
    ("evidence-for-drug", "drug:Upadacitinib",
     "query evidence-for-drug, parameter drug: drug:Upadacitinib is not a drug in the graph; closest: "
     "drug:upadacitinib (upadacitinib)"),
    ("evidence-for-drug", "upa",
     "query evidence-for-drug, parameter drug: unknown drug 'upa'; closest: drug:upadacitinib (upadacitinib), "
     "drug:dupilumab (dupilumab)"),
    ("evidence-for-drug", "tofu", "query evidence-for-drug, parameter drug: unknown drug 'tofu'"),
    ("evidence-for-drug", "disease:psoriasis",
     "query evidence-for-drug, parameter drug: disease:psoriasis is not a drug in the graph"),
    ("provenance", "baricitinib",
     "query provenance, parameter record: 'baricitinib' is not an IRI (give a full http(s) IRI or a CURIE such as "
     "drug:baricitinib)"),
])
def test_a_value_that_names_nothing_in_the_graph_is_refused_in_one_line(store, query, value, message):
    parameter = load_query(query).parameters[0].name
    with pytest.raises(UserError) as refused:
        resolve_values(store, load_query(query), {parameter: value})
    assert str(refused.value).split("; closest")[0] == message.split("; closest")[0]
    if "; closest" in message:
        assert str(refused.value).startswith(message)


def test_a_name_shared_by_two_values_is_ambiguous():
    from pyoxigraph import Literal, NamedNode, Quad, Store

    raw = Store()
    a, b = NamedNode(BASE + "drug/a"), NamedNode(BASE + "drug/b")
    for node in (a, b):
        raw.add(Quad(node, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(BASE + "vocab/Drug")))
        raw.add(Quad(node, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), Literal("same name", language="en")))
    with pytest.raises(UserError, match=r"'Same Name' names several values: drug:a \(same name\), drug:b \(same name\)"):
        resolve_values(raw, load_query("evidence-for-drug"), {"drug": "Same Name"})


def test_a_stored_question_answers_the_same_for_a_name_as_for_its_curie(store):
    by_name = rows(run_query(store, "selective-drugs-with-design-in-group",
                             {"selectivity": "JAK1-selective", "design": "case series",
                              "group": "autoinflammatory disorders"}))
    by_curie = rows(run_query(store, "selective-drugs-with-design-in-group"))
    assert by_name == by_curie and [row["drug_label"] for row in by_name] == ["upadacitinib"]


def test_names_work_on_the_command_line(store_path, cli):
    done = cli("query", "evidence-for-drug", "-p", "drug=Baricitinib", "--store", str(store_path), "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("drug:baricitinib,")
    refused = cli("query", "evidence-for-drug", "-p", "drug=tofu", "--store", str(store_path))
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == "jakgraph query: query evidence-for-drug, parameter drug: unknown drug 'tofu'\n"
