"""Narrowed texts (queries/narrowed/NAME/PARAMETER.rq): the same question as the stored one, used for one value."""
from __future__ import annotations

import pytest

from jakgraph.queries.catalog import all_queries, load_query, narrowed_texts, stored_names

NARROWED = [(query.name, parameter) for query in all_queries() for parameter, _ in narrowed_texts(query.name)]


def test_long_term_incidence_rates_ships_a_text_narrowed_by_drug():
    # the one narrowed text so far; a test that cannot fail on an empty list is a defect
    assert NARROWED == [("long-term-incidence-rates", "drug")]
    assert not any(name.startswith("narrowed") for name in stored_names())


@pytest.mark.parametrize(("name", "parameter"), NARROWED)
def test_a_narrowed_text_has_its_questions_parameters_and_no_header_of_its_own(name, parameter):
    from jakgraph.queries.catalog import parse_query

    query, text = load_query(name), dict(narrowed_texts(name))[parameter]
    assert parameter in {p.name for p in query.parameters}
    assert [p.variable for p in parse_query(name, text).parameters] == [p.variable for p in query.parameters]
    assert not any(line.startswith("#+") for line in text.splitlines())  # the stored question's header is the one


@pytest.mark.parametrize(("name", "parameter"), NARROWED)
def test_a_narrowed_text_gives_the_same_rows_in_the_same_order_for_every_value_and_without_one(store, name, parameter):
    from jakgraph.queries.binding import bind_values, term
    from jakgraph.queries.values import choices

    query, text = load_query(name), dict(narrowed_texts(name))[parameter]
    declared = query.parameter(parameter)

    def answer(sparql: str) -> tuple[list[str], list[tuple[str, ...]]]:
        results = store.query(sparql)
        names = [v.value for v in results.variables]
        return names, [tuple(str(solution[n]) for n in names) for solution in results]

    values = [choice.iri for choice in choices(store, declared)]
    assert len(values) > 10  # every drug of the review
    answered = 0
    for value in [None, *values]:
        bound = {} if value is None else {declared.variable: term(declared, value)}
        general, narrowed = answer(bind_values(query.text, bound)), answer(bind_values(text, bound))
        assert narrowed == general, value
        answered += bool(general[1])
    assert answered > 2  # the whole list and some drugs with rates


def test_the_runner_binds_the_narrowed_text_only_when_its_parameter_is_given():
    from jakgraph.queries.binding import bound_text
    from jakgraph.queries.runner import query_text

    name, iri = "long-term-incidence-rates", "https://w3id.org/jakgraph/drug/abrocitinib"
    narrowed = query_text(name, (("drug", iri),))
    assert narrowed.startswith("# long-term-incidence-rates for one drug") and f"(<{iri}>)" in narrowed
    assert query_text(name, ()) == bound_text(load_query(name), {}) == load_query(name).text
