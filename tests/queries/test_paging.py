"""One page of a stored question's answer (``jakgraph query --limit/--offset``): the same rows, in the same order,
as that slice of the whole answer."""
from __future__ import annotations

import re

import pytest

from jakgraph.queries.catalog import all_queries
from jakgraph.queries.runner import page, run_query


def rows(results) -> list[tuple[str, ...]]:
    names = [variable.value for variable in results.variables]
    return [tuple(str(solution[name]) for name in names) for solution in results]


def test_no_stored_question_has_a_limit_or_offset_of_its_own():
    """Pages are cut by appending LIMIT and OFFSET after the question's own solution modifiers."""
    for query in all_queries():
        body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
        assert not re.search(r"\b(LIMIT|OFFSET)\b", body, re.IGNORECASE), query.name


@pytest.mark.parametrize(("limit", "offset"), [(10, 0), (10, 40), (0, 0), (None, 44)])
def test_a_page_is_that_slice_of_the_whole_answer(store, limit, offset):
    whole = rows(run_query(store, "highest-evidence-per-pair"))
    assert len(whole) == 46
    end = None if limit is None else offset + limit
    assert rows(run_query(store, "highest-evidence-per-pair", limit=limit, offset=offset)) == whole[offset:end]


def test_negative_counts_are_refused():
    with pytest.raises(ValueError, match="0 or more"):
        page("SELECT * WHERE { ?s ?p ?o }", -1)


def test_the_command_line_pages(cli, store_path):
    done = cli("query", "long-term-incidence-rates", "--store", str(store_path), "--format", "csv",
               "--limit", "2", "--offset", "1")
    assert done.returncode == 0, done.stderr
    # abrocitinib: herpes simplex at 200 mg, herpes zoster at 100 mg (rates per 100 patient-years)
    assert [line.split(",")[4] for line in done.stdout.splitlines()[1:]] == ["11.83", "2.04"]
    refused = cli("query", "long-term-incidence-rates", "--store", str(store_path), "--limit", "ten")
    assert refused.returncode == 2 and "'ten' is not a number of rows" in refused.stderr
