"""``/api``: the stored questions as REST routes in grlc's convention, their OpenAPI description, and the routes
that fill the workbench's forms, asked over HTTP of a real ``jakgraph serve``."""
from __future__ import annotations

import json
import urllib.parse
from pathlib import Path
from typing import Iterator

import pytest

from test_server import Answer, Server, http, start_server, stop_server

pytestmark = pytest.mark.slow

JAK = "https://w3id.org/jakgraph/"
HEADLINE = "selective-drugs-with-design-in-group"
HEADLINE_ROW = {"drug": JAK + "drug/upadacitinib", "drug_label": "upadacitinib",
                "disease": JAK + "disease/vexas-syndrome", "disease_label": "VEXAS syndrome",
                "evidence": JAK + "evidence/upadacitinib--vexas-syndrome--35", "refs": "35"}
# JAK1/JAK2 inhibitors with case reports in autoinflammatory disorders: baricitinib, four disorders
CASE_REPORTS = [("baricitinib", "Blau syndrome"), ("baricitinib", "STAT1 gain-of-function syndrome"),
                ("baricitinib", "adult-onset Still's disease"), ("baricitinib", "systemic juvenile idiopathic arthritis")]


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(store_path, tmp_path_factory.mktemp("serve-api") / "serve.log")
    yield running
    stop_server(running)


def api(server: Server, path: str, accept: str | None = None, **params: str) -> Answer:
    url = f"{server.base}/api/{path}" + ("?" + urllib.parse.urlencode(params) if params else "")
    return http(url, Accept=accept) if accept else http(url)


def embedded_answer(store, name: str, parameters: dict[str, str] | None = None) -> dict:
    """What the embedded store answers, as SPARQL results JSON."""
    from jakgraph.queries.results_json import json_term
    from jakgraph.queries.runner import run_query

    results = run_query(store, name, parameters)
    variables = [variable.value for variable in results.variables]
    bindings = [{name: json_term(solution[name]) for name in variables if solution[name] is not None}
                for solution in results]
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def plain(bindings: list[dict], *names: str) -> list[tuple[str, ...]]:
    return [tuple(binding[name]["value"] for name in names) for binding in bindings]


# --- the headline answer, as the command line gives it ------------------------------------------------------------

def test_the_headline_route_answers_what_the_embedded_store_answers(server, store):
    answer = api(server, HEADLINE)
    assert answer.status == 200
    assert answer.headers["content-type"] == "application/sparql-results+json"
    assert answer.headers["access-control-allow-origin"] == "*"
    body = json.loads(answer.body)
    assert body == embedded_answer(store, HEADLINE)
    [row] = body["results"]["bindings"]
    assert {name: term["value"] for name, term in row.items() if not name.startswith("_")} == HEADLINE_ROW


def test_the_command_line_answers_the_same_rows(server, store_path, cli):
    result = cli("query", HEADLINE, "--store", str(store_path), "--format", "srj")
    assert result.returncode == 0, result.stderr
    assert json.loads(api(server, HEADLINE).body) == json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(path.stem for path in (Path(__file__).parents[2] / "queries").glob("*.rq")))
def test_every_stored_question_answers_as_the_embedded_store_does(server, store, name):
    answer = api(server, name)
    assert answer.status == 200, answer.text
    assert json.loads(answer.body) == embedded_answer(store, name)


# --- parameters by name, values as the command line takes them -------------------------------------------------

@pytest.mark.parametrize("params", [
    {"selectivity": "JAK1 and JAK2 inhibitor", "design": "case report"},
    {"selectivity": "selectivity:jak1-jak2", "design": JAK + "design/case-report"},
    {"selectivity": "jak1-jak2", "design": "caso clínico", "group": "autoinflammatory disorders"},
])
def test_values_as_labels_curies_iris_or_spanish_names(server, store, params):
    answer = api(server, HEADLINE, **params)
    assert answer.status == 200, answer.text
    bindings = json.loads(answer.body)["results"]["bindings"]
    assert plain(bindings, "drug_label", "disease_label") == CASE_REPORTS
    assert json.loads(answer.body) == embedded_answer(store, HEADLINE, params)


def test_an_empty_value_means_the_default(server):
    answer = api(server, HEADLINE, group="", design="")
    assert plain(json.loads(answer.body)["results"]["bindings"], "drug_label", "disease_label") == [
        ("upadacitinib", "VEXAS syndrome")]


# --- formats: Accept, or the suffix ------------------------------------------------------------------------------

CSV_HEADLINE = ("_selectivity_iri,_design_iri,_group_iri,drug,drug_label,disease,disease_label,evidence,n_patients,refs\r\n"
                f"{JAK}selectivity/jak1-selective,{JAK}design/case-series,{JAK}disease/autoinflammatory-disorders,"
                f"{JAK}drug/upadacitinib,upadacitinib,{JAK}disease/vexas-syndrome,VEXAS syndrome,"
                f"{JAK}evidence/upadacitinib--vexas-syndrome--35,,35\r\n")


@pytest.mark.parametrize(("path", "accept"), [(HEADLINE, "text/csv"), (HEADLINE + ".csv", None),
                                              (HEADLINE + ".csv", "application/sparql-results+json")])
def test_csv_by_accept_or_suffix(server, path, accept):
    answer = api(server, path, accept)
    assert answer.status == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.text == CSV_HEADLINE


@pytest.mark.parametrize(("path", "accept"), [(HEADLINE + ".json", "text/html"),
                                              (HEADLINE, "application/json"), (HEADLINE, "*/*")])
def test_json_by_accept_or_suffix(server, path, accept):
    answer = api(server, path, accept)
    assert answer.headers["content-type"] == "application/sparql-results+json"
    assert len(json.loads(answer.body)["results"]["bindings"]) == 1


def test_html_for_browsers(server):
    answer = api(server, HEADLINE, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                 design="case report", selectivity="jak1-jak2")
    assert answer.status == 200 and answer.headers["content-type"] == "text/html; charset=utf-8"
    page = answer.text
    assert "<h1>Which drugs of a selectivity class have evidence of a given study design in a disease group?</h1>" in page
    assert "4 rows" in page
    assert f'<a href="/design/case-report" title="{JAK}design/case-report">design:case-report</a>' in page
    assert page.count('<a href="/drug/baricitinib"') == 4
    assert '<th>disease_label</th>' in page and "<th>_design_iri</th>" not in page  # the echoed parameter once, above
    assert f'href="/api/{HEADLINE}.csv?design=case+report&amp;selectivity=jak1-jak2"' in page
    assert '<a href="/api" aria-current=page>API</a>' in page  # the site's frame


# --- paging: ?page=N&per_page=M, the next page in a Link header -----------------------------------------------------

def test_pages_follow_each_other_by_their_next_links_and_make_the_whole_answer(server, store):
    whole = embedded_answer(store, "highest-evidence-per-pair")["results"]["bindings"]
    assert len(whole) == 46  # drug and counted-disorder pairs of the review
    pages, path = [], "highest-evidence-per-pair.json?per_page=20"
    while path:
        answer = http(f"{server.base}/api/{path}")
        assert answer.status == 200 and "x-jakgraph-truncated" not in answer.headers
        pages.append(json.loads(answer.body)["results"]["bindings"])
        link = answer.headers.get("link")
        path = link.split(">")[0].removeprefix("</api/") if link else None
        assert link is None or link.endswith('; rel="next"')
    assert [len(page) for page in pages] == [20, 20, 6]
    assert [row for page in pages for row in page] == whole


def test_pages_of_a_listing_with_a_paged_text_make_the_whole_answer(server, store):
    """long-term-incidence-rates ships a paged text (queries/paged/), which the server runs for a page of the list."""
    whole = embedded_answer(store, "long-term-incidence-rates")["results"]["bindings"]
    assert len(whole) == 18  # the rate findings of the long-term safety analyses
    pages, path = [], "long-term-incidence-rates.json?per_page=7"
    while path:
        answer = http(f"{server.base}/api/{path}")
        assert answer.status == 200
        pages.append(json.loads(answer.body)["results"]["bindings"])
        link = answer.headers.get("link")
        path = link.split(">")[0].removeprefix("</api/") if link else None
    assert [len(page) for page in pages] == [7, 7, 4]
    assert [row for page in pages for row in page] == whole


def test_a_page_in_html_links_to_the_next_and_bad_paging_is_refused(server):
    answer = api(server, "highest-evidence-per-pair", "text/html", page="2", per_page="20")
    assert answer.status == 200 and "20 rows" in answer.text
    assert '<a rel="next" href="/api/highest-evidence-per-pair?page=3&amp;per_page=20">next page</a>' in answer.text
    assert api(server, "highest-evidence-per-pair", page="0").text.strip() == "page '0' is not a whole number from 1"
    assert api(server, "highest-evidence-per-pair", per_page="10001").status == 400


# --- errors: one line in the one format ---------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "params", "status", "message"), [
    ("selective-drugs-with-design-in-groop", {}, 404,
     "no stored question 'selective-drugs-with-design-in-groop' (did you mean selective-drugs-with-design-in-group?);"
     " /api/openapi.json lists them all"),
    ("no-such-question", {}, 404, "no stored question 'no-such-question'; /api/openapi.json lists them all"),
    ("evidence-for-drug", {"drug": "aspirin"}, 400,
     "query evidence-for-drug, parameter drug: unknown drug 'aspirin'; closest: drug:cyclosporine (cyclosporine)"),
    ("evidence-for-drug", {"drug": "drug:aspirin"}, 400,
     "query evidence-for-drug, parameter drug: drug:aspirin is not a drug in the graph; closest: drug:cyclosporine"
     " (cyclosporine)"),
    ("disorders-with-several-drugs", {"min_drugs": "x"}, 400,
     "query disorders-with-several-drugs, parameter min_drugs: 'x' is not a whole number (digits 0-9)"),
    ("disorders-with-several-drugs", {"drug": "3"}, 400,
     "query disorders-with-several-drugs has no parameter 'drug' (its parameters: min_drugs)"),
    ("evidence-for-drug", {"drug": "x} ; DROP ALL ; #"}, 400,
     "query evidence-for-drug, parameter drug: unknown drug 'x} ; DROP ALL ; #'"),
])
def test_errors_are_one_line(server, path, params, status, message):
    answer = api(server, path, **params)
    assert (answer.status, answer.text) == (status, message + "\n")
    assert answer.headers["access-control-allow-origin"] == "*"
    as_json = api(server, path, "application/json", **params)
    assert json.loads(as_json.body) == {"status": status, "error": message}


def test_a_parameter_given_twice_is_refused(server):
    answer = http(f"{server.base}/api/disorders-with-several-drugs?min_drugs=3&min_drugs=4")
    assert (answer.status, answer.text) == (400, "query disorders-with-several-drugs: parameter min_drugs is given"
                                                 " 2 times; give it once\n")


# --- the forms' routes ---------------------------------------------------------------------------------------------

def test_a_parameters_values(server):
    answer = api(server, "approvals-by-agency/values/agency")
    assert answer.status == 200 and answer.headers["content-type"] == "application/json"
    assert json.loads(answer.body) == [
        {"iri": JAK + "agency/ema", "curie": "agency:ema", "label_en": "European Medicines Agency (EMA)",
         "label_es": "Agencia Europea de Medicamentos (EMA)"},
        {"iri": JAK + "agency/fda", "curie": "agency:fda", "label_en": "Food and Drug Administration (FDA)",
         "label_es": ""}]


def test_values_are_the_graphs(server, store):
    from jakgraph.queries.catalog import load_query
    from jakgraph.queries.values import choices

    listed = json.loads(api(server, f"{HEADLINE}/values/group").body)
    expected = choices(store, load_query(HEADLINE).parameter("group"))
    assert [(v["iri"], v["label_en"], v["label_es"]) for v in listed] == [tuple(c) for c in expected]
    assert len(listed) == 59
    assert {"iri": JAK + "disease/vexas-syndrome", "curie": "disease:vexas-syndrome", "label_en": "VEXAS syndrome",
            "label_es": "síndrome VEXAS"} in listed
    assert json.loads(api(server, "studies-above-size/values/min_n").body) == []  # a free parameter


def test_values_of_an_unknown_parameter(server):
    answer = api(server, "evidence-for-drug/values/disease")
    assert (answer.status, answer.text) == (404, "query evidence-for-drug has no parameter 'disease' (its"
                                                 " parameters: drug)\n")


def test_the_bound_sparql(server):
    answer = api(server, f"{HEADLINE}/sparql", design="case report", selectivity="jak1-jak2")
    assert answer.status == 200 and answer.headers["content-type"] == "application/sparql-query; charset=utf-8"
    assert (f"VALUES (?_selectivity_iri ?_design_iri ?_group_iri) {{ (<{JAK}selectivity/jak1-jak2> "
            f"<{JAK}design/case-report> <{JAK}disease/autoinflammatory-disorders>) }}") in answer.text
    assert api(server, f"{HEADLINE}/sparql", group="nowhere").status == 400


def test_the_guard_checks_every_bound_query(store_path, monkeypatch):
    """A stored question's bound text goes through the query guard in the worker, as /sparql's queries do."""
    from jakgraph.graph.server.stored import StoredQueryJob
    from jakgraph.graph.store.embedded import EmbeddedStore
    from jakgraph.graph.store.folder import StoreFolder
    from jakgraph.queries import guard

    seen = []

    def refuse(text: str, *args: object, **kwargs: object) -> None:
        seen.append(text)
        raise guard.QueryRefused(guard.SERVICE, "the query uses SERVICE (a federated query to another endpoint)")

    monkeypatch.setattr(guard, "check", refuse)
    embedded = EmbeddedStore(StoreFolder(store_path))
    try:
        reply = StoredQueryJob(HEADLINE, (), "json", 10).answer(embedded)
    finally:
        embedded.close()
    assert (reply.status, reply.body) == (400, b"the query uses SERVICE (a federated query to another endpoint)\n")
    assert len(seen) == 1 and "VALUES" in seen[0]


# --- the OpenAPI description -------------------------------------------------------------------------------------

def test_openapi_validates_and_describes_every_route(server):
    from openapi_spec_validator import validate

    from jakgraph.queries.catalog import query_names

    answer = http(server.base + "/api/openapi.json")
    assert answer.status == 200 and answer.headers["content-type"] == "application/json"
    document = json.loads(answer.body)
    validate(document)
    assert document["openapi"] == "3.0.3" and document["servers"] == [{"url": "/api"}]
    assert set(document["paths"]) == {f"/{name}" for name in query_names()} | {"/{name}/values/{parameter}",
                                                                                 "/{name}/sparql"}
    operation = document["paths"][f"/{HEADLINE}"]["get"]
    assert operation["summary"] == "Which drugs of a selectivity class have evidence of a given study design in a" \
                                   " disease group?"
    assert operation["tags"] == ["evidence", "selectivity"]
    assert [(p["name"], p["in"], p["required"], p["schema"]) for p in operation["parameters"]] == [
        ("selectivity", "query", False, {"type": "string", "format": "iri", "default": JAK + "selectivity/jak1-selective"}),
        ("design", "query", False, {"type": "string", "format": "iri", "default": JAK + "design/case-series"}),
        ("group", "query", False, {"type": "string", "format": "iri",
                                   "default": JAK + "disease/autoinflammatory-disorders"}),
        ("page", "query", False, {"type": "integer", "minimum": 1}),  # paging, on every question
        ("per_page", "query", False, {"type": "integer", "minimum": 1, "default": 1000})]
    assert set(operation["responses"]["200"]["content"]) == {"application/sparql-results+json", "text/csv", "text/html"}
    agency = document["paths"]["/approvals-by-agency"]["get"]["parameters"][0]
    assert agency["schema"]["enum"] == [JAK + "agency/fda", JAK + "agency/ema"]  # from #+ enumerate
    minimum = document["paths"]["/disorders-with-several-drugs"]["get"]["parameters"][0]
    assert minimum["schema"] == {"type": "integer", "default": 2}
    optional = document["paths"]["/long-term-incidence-rates"]["get"]["parameters"][0]
    assert (optional["name"], optional["required"]) == ("drug", False)
    assert document["paths"]["/{name}/values/{parameter}"]["get"]["parameters"][0]["schema"]["enum"] == query_names()


def test_api_lists_its_routes(server):
    page = http(server.base + "/api", Accept="text/html")
    assert page.status == 200 and page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.text.count('<li><a href="/api/') == 39
    assert '<a href="/api/openapi.json">OpenAPI 3</a>' in page.text
    assert json.loads(http(server.base + "/api").body)["openapi"] == "3.0.3"
