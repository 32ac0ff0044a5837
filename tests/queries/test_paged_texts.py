"""Paged texts (queries/paged/NAME.rq, or a stored text cut at its ``# first rows:`` line): a listing's first rows
found from its leading records, for one page."""
from __future__ import annotations

import re

import pytest

from jakgraph.queries.catalog import load_query, paged_text, query_names
from jakgraph.queries.runner import FIRST_ROWS, page_text, query_text, run_query
from list_cells import answer_cell

PAGED = [name for name in query_names() if paged_text(name) is not None]


def test_the_slow_listings_ship_paged_texts():
    # a test that cannot fail on an empty list is a defect
    assert PAGED == ["long-term-incidence-rates", "source-conflicts", "table-7"]


@pytest.mark.parametrize("name", PAGED)
def test_a_paged_text_has_one_limit_no_offset_and_no_header_of_its_own(name):
    text = paged_text(name)
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    assert len(FIRST_ROWS.findall(body)) == len(FIRST_ROWS.findall(text)) == 1  # the one the runner sets, in no comment
    assert not re.search(r"\bOFFSET\b", body, re.IGNORECASE)
    assert not any(line.startswith("#+") for line in text.splitlines())  # the stored question's header is the one


def test_a_stored_text_cut_for_a_page_differs_only_by_the_limit_on_its_cut_line():
    stored = load_query("table-7").text.splitlines()
    cut = [line for line in stored if line.lstrip().startswith("# first rows:")]
    assert len(cut) == 1
    expected = [line.replace(line.lstrip(), "LIMIT 1000") if line in cut else line
                for line in stored if not line.startswith("#+")]
    assert paged_text("table-7").splitlines() == expected


def test_a_page_of_an_unknown_question_is_the_one_line_error_of_its_whole_answer(store):
    from jakgraph.errors import UserError

    for page in ({}, {"limit": 5}, {"limit": 5, "offset": 10}):
        with pytest.raises(UserError, match=r"^unknown query 'tabel-7'; did you mean table-7\?$"):
            run_query(store, "tabel-7", **page)


def answer(results) -> tuple[list[str], list[tuple[str, ...]]]:
    names = [variable.value for variable in results.variables]
    found = [tuple(answer_cell(column, solution[column]) for column in names) for solution in results]
    return names, found


def check_pages(store, name: str, pages: list[tuple[int, int]]) -> int:
    columns, whole = answer(run_query(store, name))
    for limit, offset in pages:
        assert re.search(rf"LIMIT {offset + limit}\s*\}}", page_text(name, (), limit, offset))  # the paged text ran
        assert answer(run_query(store, name, limit=limit, offset=offset)) == (columns, whole[offset:offset + limit]), \
            (limit, offset)
    return len(whole)


@pytest.mark.parametrize("name", PAGED)
def test_every_page_of_the_review_graph_is_that_slice_of_the_whole_answer(store, name):
    total = {"long-term-incidence-rates": 18, "source-conflicts": 104, "table-7": 35}[name]
    every_cut = [(end, 0) if end % 4 else (1, end - 1) for end in range(1, total + 2)]  # the last row's too
    assert check_pages(store, name, [(3, 0), (5, 2), (7, 11), (1000, 0), (10, 1000), (0, 4), *every_cut]) == total


@pytest.fixture(scope="module")
def generated_store(tmp_path_factory: pytest.TempPathFactory):
    """A generated graph of 2e5 triples (seed 3), where each listing runs to over a thousand rows."""
    from jakgraph.bench.synthetic import generate
    from jakgraph.graph.store import open_store
    from jakgraph.graph.store.load import bulk_load

    folder = tmp_path_factory.mktemp("paged")
    location = folder / "store"
    bulk_load([generate(folder / "graph.nt", 200_000, seed=3).path], location)
    return open_store(location)


@pytest.mark.parametrize("name", PAGED)
def test_every_page_of_a_generated_graph_is_that_slice_of_the_whole_answer(generated_store, name):
    # table-7 has a row per counted disorder: 610 on this graph, where the other listings have over 1,300
    last = 600 if name == "table-7" else 1300
    total = check_pages(generated_store, name, [(1000, 0), (250, 125), (1, last // 2), (40, last), (17, 0)])
    assert total > last


def test_the_runner_uses_a_paged_text_only_for_a_page_of_the_whole_list():
    name = "source-conflicts"
    assert page_text(name, ()) == query_text(name, ()) == load_query(name).text
    assert page_text(name, (), 10, 20).startswith("# source-conflicts, first rows only")
    given = (("kind", "https://w3id.org/jakgraph/concept/conflict-count"),)
    assert page_text(name, given, 10, 20) == query_text(name, given).rstrip() + "\nLIMIT 10 OFFSET 20"
    assert page_text("dose-range-per-drug", (), 10) == load_query("dose-range-per-drug").text.rstrip() + "\nLIMIT 10"
    with pytest.raises(ValueError, match="0 or more"):
        page_text(name, (), -1)


def test_a_rate_finding_that_gives_no_row_takes_no_place_among_the_first_rows(store):
    """A rate finding about an outcome rather than an event (the shapes allow either) and one without a value give
    no row of long-term-incidence-rates: the paged text must not count them among the first rows. Here a drug named
    before every other has only such findings."""
    import pyoxigraph as ox

    from jakgraph.ontology.namespaces import PREFIXES

    memory = ox.Store()
    memory.extend(store.quads())
    jak, concept, xsd = PREFIXES["jak"], PREFIXES["c"], PREFIXES["xsd"]
    rdf_type, label = (ox.NamedNode(PREFIXES[p] + n) for p, n in (("rdf", "type"), ("rdfs", "label")))
    some_analysis = next(memory.quads_for_pattern(None, ox.NamedNode(jak + "analysis"), None, None)).object
    some_event = next(memory.quads_for_pattern(None, ox.NamedNode(jak + "event"), None, None)).object
    outcome_not_event = [(jak + "findingOutcome", ox.NamedNode(concept + "outcome-test")),
                         (jak + "value", ox.Literal("1.5", datatype=ox.NamedNode(xsd + "decimal")))]
    event_without_value = [(jak + "event", some_event)]
    drug = ox.NamedNode("https://w3id.org/jakgraph/drug/aaa-test")
    added = [ox.Quad(drug, rdf_type, ox.NamedNode(jak + "Drug")), ox.Quad(drug, label, ox.Literal("aaa", language="en"))]
    for number, particulars in enumerate([outcome_not_event, event_without_value, outcome_not_event]):
        finding = ox.NamedNode(f"https://w3id.org/jakgraph/finding/test-{number}")
        added += [ox.Quad(finding, ox.NamedNode(predicate), value) for predicate, value in
                  [(jak + "metric", ox.NamedNode(concept + "metric-rate-per-100py")), (jak + "drug", drug),
                   (jak + "analysis", some_analysis), *particulars]]
    memory.extend(added)

    def run(text: str) -> list[tuple[str, ...]]:
        results = memory.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
        names = [variable.value for variable in results.variables]
        return [tuple(str(solution[n]) for n in names) for solution in results]

    name = "long-term-incidence-rates"
    whole = run(query_text(name, ()))
    assert len(whole) == 18 and not any("aaa-test" in cell for row in whole for cell in row)
    for limit, offset in ((1, 0), (2, 0), (3, 0), (4, 2)):
        assert run(page_text(name, (), limit, offset)) == whole[offset:offset + limit], (limit, offset)
