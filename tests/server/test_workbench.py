"""The workbench and the site of ``jakgraph serve`` in a real browser: Debian's Chromium, headless, driven by
Playwright, every request recorded and any that is not to the test server aborted.

The workbench runs a stored question with values chosen from its form, runs a free query typed into YASGUI,
completes the project's classes, shares a link; the search box finds a disorder by its Spanish name; the entity
pages stay short; no request ever leaves 127.0.0.1.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
from browser import browser  # noqa: F401  (the fixture)

from test_server import Server, start_server, stop_server

pytestmark = pytest.mark.slow

VIEWPORT = {"width": 1400, "height": 1000}
QUESTION = "#q-selective-drugs-with-design-in-group"
JAK = "https://w3id.org/jakgraph/"


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(store_path, tmp_path_factory.mktemp("serve-workbench") / "serve.log")
    yield running
    stop_server(running)


class ServedPage:
    """A browser tab on the test server; every request is recorded, and any to another host is aborted."""

    def __init__(self, browser: Any, server: Server) -> None:
        self.base = server.base
        self.context = browser.new_context(viewport=VIEWPORT)
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(self.base + "/"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def left_the_machine(self) -> list[str]:
        return self.blocked + [url for url in self.requests if not url.startswith(self.base + "/")]

    def result_rows(self, expected: int) -> list[list[str]]:
        """The cells of YASR's table once it shows ``expected`` rows (the row number column left out)."""
        self.page.wait_for_function(
            "n => document.querySelectorAll('.yasr table.dataTable tbody tr td.dt-empty').length === 0 &&"
            " document.querySelectorAll('.yasr table.dataTable tbody tr').length === n", arg=expected, timeout=15_000)
        return self.page.eval_on_selector_all(
            ".yasr table.dataTable tbody tr",
            "rows => rows.map(row => [...row.querySelectorAll('td')].slice(1).map(cell => cell.innerText.trim()))")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def tab(browser, server) -> Iterator[ServedPage]:
    opened = ServedPage(browser, server)
    yield opened
    assert opened.errors == []
    assert opened.left_the_machine() == []
    opened.close()


def column(page: Any, name: str) -> int:
    """Position of a result column among the cells :meth:`ServedPage.result_rows` gives."""
    heads = page.eval_on_selector_all(".yasr table.dataTable thead th", "heads => heads.map(h => h.innerText.trim())")
    return heads.index(name) - 1


# --- the workbench ---------------------------------------------------------------------------------------------

def test_a_stored_question_runs_with_values_chosen_from_its_form(tab):
    page = tab.open("/")
    page.click(f"{QUESTION} summary")
    page.wait_for_selector(f"{QUESTION} select[name=group][data-filled=yes]")
    groups = page.eval_on_selector_all(f"{QUESTION} select[name=group] option", "options => options.length")
    assert groups == 59  # every disease of the graph, by its English and Spanish names
    page.select_option(f"{QUESTION} select[name=group]", JAK + "disease/autoinflammatory-disorders")
    page.click(f"{QUESTION} button[type=submit]")
    rows = tab.result_rows(1)
    drug, disease = column(page, "drug_label"), column(page, "disease_label")
    assert [(row[drug], row[disease]) for row in rows] == [('"upadacitinib"@en', '"VEXAS syndrome"@en')]
    assert rows[0][column(page, "drug")] == "drug:upadacitinib"

    page.select_option(f"{QUESTION} select[name=selectivity]",
                       label="JAK1 and JAK2 inhibitor · inhibidor de JAK1 y JAK2")
    page.select_option(f"{QUESTION} select[name=design]", label="case report · caso clínico")
    page.click(f"{QUESTION} button[type=submit]")
    rows = tab.result_rows(4)
    assert [(row[drug], row[disease]) for row in rows] == [
        ('"baricitinib"@en', '"Blau syndrome"@en'), ('"baricitinib"@en', '"STAT1 gain-of-function syndrome"@en'),
        ('"baricitinib"@en', '"adult-onset Still\'s disease"@en'),
        ('"baricitinib"@en', '"systemic juvenile idiopathic arthritis"@en')]
    editor = page.evaluate("() => yasgui.getTab().getYasqe().getValue()")
    assert f"<{JAK}selectivity/jak1-jak2> <{JAK}design/case-report> <{JAK}disease/autoinflammatory-disorders>" in editor
    assert page.get_attribute(f"{QUESTION} .api-link", "href") == (
        "/api/selective-drugs-with-design-in-group?selectivity=https%3A%2F%2Fw3id.org%2Fjakgraph%2Fselectivity%2F"
        "jak1-jak2&design=https%3A%2F%2Fw3id.org%2Fjakgraph%2Fdesign%2Fcase-report&group=https%3A%2F%2Fw3id.org%2F"
        "jakgraph%2Fdisease%2Fautoinflammatory-disorders")


def test_a_free_query_typed_in_yasgui_runs_sorts_and_pages(tab):
    page = tab.open("/")
    page.click(".yasqe .CodeMirror-code")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.type("SELECT ?item ?n WHERE { ?item a jak:EvidenceItem ; jak:numberOfPatients ?n } ORDER BY DESC(?n)")
    assert page.evaluate("() => yasgui.getTab().getYasqe().queryValid") is True  # jak: needs no PREFIX line
    page.click(".yasqe .yasqe_queryButton")
    rows = tab.result_rows(50)  # the first page of 63
    assert page.inner_text(".yasr .dt-info") == "Showing 1 to 50 of 63 entries"
    assert rows[0] == ["evidence:baricitinib--psoriasis--18", '"271"^^xsd:integer']
    page.click(".yasr .dt-paging-button.next")
    assert page.inner_text(".yasr .dt-info") == "Showing 51 to 63 of 63 entries"
    page.click(".yasr table.dataTable thead th:nth-child(2)")  # sort by item
    page.wait_for_function("() => document.querySelector('.yasr .dt-info').innerText.startsWith('Showing 1 to 50')")
    assert tab.result_rows(50)[0] == ["evidence:abrocitinib--allergic-contact-dermatitis--31", '"1"^^xsd:integer']
    assert [url for url in tab.requests if url.endswith("/sparql")] == [tab.base + "/sparql"] * 3  # vocabulary, query


def test_completion_offers_the_projects_classes(tab):
    page = tab.open("/")
    page.wait_for_load_state("networkidle")  # the classes are fetched once at start: typing earlier races them
    page.evaluate("() => { const y = yasgui.getTab().getYasqe(); y.setValue('SELECT * WHERE { ?x a jak:Dr');"
                  " y.focus(); y.setCursor({line: 0, ch: 28}); }")
    page.keyboard.press("Control+Space")
    page.wait_for_selector(".CodeMirror-hints li")
    hints = page.eval_on_selector_all(".CodeMirror-hints li", "items => items.map(item => item.innerText)")
    assert hints == ["jak:Drug", "jak:DrugAttribution", "jak:DrugProduct"]


def test_a_shared_link_opens_the_query_and_stays_on_this_server(tab, browser, server):
    page = tab.open("/")
    query = "SELECT ?label WHERE { drug:upadacitinib rdfs:label ?label } ORDER BY ?label"
    page.evaluate(f"() => yasgui.getTab().getYasqe().setValue({query!r})")
    page.click(".yasqe .yasqe_share")
    link = page.input_value(".yasqe_sharePopup input")
    assert link.startswith(server.base + "/#query=")
    other = ServedPage(browser, server)
    try:
        shared = other.open(link[len(server.base):])  # YASGUI runs a shared query as it opens
        assert shared.evaluate("() => yasgui.getTab().getYasqe().getValue()") == query
        assert other.result_rows(2) == [['"upadacitinib"@en'], ['"upadacitinib"@es']]
        assert other.left_the_machine() == [] and other.errors == []
    finally:
        other.close()


def test_a_shared_link_naming_another_endpoint_is_answered_here(browser, server):
    """YASGUI runs a shared query as the page opens: the endpoint of the link is replaced before it can."""
    opened = ServedPage(browser, server)
    try:
        page = opened.open("/#query=ASK%20%7B%20drug%3Aupadacitinib%20a%20jak%3ADrug%20%7D"
                           "&endpoint=http%3A%2F%2Fexample.org%2Fsparql")
        page.wait_for_selector(".yasr .booleanResult", timeout=15_000)
        assert page.inner_text(".yasr .booleanResult") == "True"
        assert page.evaluate("() => yasgui.getTab().getEndpoint()") == server.base + "/sparql"
        assert opened.left_the_machine() == [] and opened.errors == []
    finally:
        opened.close()


# --- the site --------------------------------------------------------------------------------------------------

def test_the_search_box_finds_a_disorder_by_its_spanish_name(tab):
    page = tab.open("/drug/baricitinib")
    page.fill("header form.search input[name=q]", "síndrome VEXAS")
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.inner_text("main h1") == "Search: síndrome VEXAS"
    assert page.eval_on_selector_all("ul.hits li > a", "links => links.map(a => a.innerText)") == ["VEXAS syndrome"]
    page.click("ul.hits li > a")
    page.wait_for_url("**/disease/vexas-syndrome")
    assert page.inner_text("main h1") == "VEXAS syndrome en"


def test_an_entity_page_is_short_and_shows_more_on_demand(tab):
    page = tab.open("/drug/baricitinib")
    assert page.evaluate("() => document.documentElement.scrollHeight") < 2600
    evidence = 'section.incoming[data-kind="jak:EvidenceItem"]'
    visible = f"() => [...document.querySelectorAll('{evidence} li')].filter(li => li.checkVisibility()).length"
    assert page.evaluate(visible) == 8
    page.click(f"{evidence} details.more summary")
    assert page.evaluate(visible) == 45


def test_the_404_page_leads_home(tab):
    page = tab.open("/drug/no-such-drug")
    assert page.inner_text("section.error h1") == "Not Found"
    page.click("a.back")
    page.wait_for_selector("#yasgui .yasqe")
    assert page.url == tab.base + "/"


@pytest.mark.parametrize("path", ["/viz", "/gapmap"])
def test_the_live_views_load_from_this_server_only(tab, path):
    page = tab.open(path)
    page.wait_for_load_state("networkidle")
    assert tab.requests == [tab.base + path]
