"""The pages of ``jakgraph serve`` over HTTP: entity pages grouped by kind, search by label, the 404 page, the live
views and the workbench's files."""
from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path
from typing import Iterator

import pytest

from test_server import Server, http, start_server, stop_server

pytestmark = pytest.mark.slow

HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"  # what browsers send
JAK = "https://w3id.org/jakgraph/"


@pytest.fixture(scope="module")
def server(store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(store_path, tmp_path_factory.mktemp("serve-pages") / "serve.log")
    yield running
    stop_server(running)


def page(server: Server, path: str) -> str:
    answer = http(server.base + path, Accept=HTML)
    assert answer.status == 200, answer.text
    assert answer.headers["content-type"] == "text/html; charset=utf-8"
    return answer.text


def headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", heading).strip() for heading in re.findall(r"<h2>(.*?)</h2>", html)]


# --- entity pages ----------------------------------------------------------------------------------------------

def test_a_drug_page_groups_the_records_that_link_to_it(server):
    html = page(server, "/drug/baricitinib")
    assert headings(html) == ["Statements", "Off-label evidence 45 by drug", "Approvals 3 by drug",
                              "Safety findings 31 by drug", "Safety analyses 5 by drug", "Recommendations 4 by drug",
                              "Drug attribution 20 by drug", "Drug product 1 by active ingredient",
                              "External identifiers 5", "Where the review says it"]
    assert 45 + 3 + 31 + 5 + 4 + 20 + 1 == 109  # every incoming link, none left out
    assert "<summary>show 37 more</summary>" in html and "<summary>show 23 more</summary>" in html
    assert '<a href="/approval/fda-oral-baricitinib-alopecia-areata"' in html


def test_each_name_once_english_first_spanish_marked(server):
    html = page(server, "/disease/vexas-syndrome")
    assert re.search(r'<h1>VEXAS syndrome <span class="lang" title="English">en</span></h1>', html)
    assert html.count("síndrome VEXAS") == 1
    assert '<span lang="es">síndrome VEXAS</span> <span class="lang" title="Spanish">es</span>' in html
    assert html.count(">VEXAS syndrome<") == 2  # the heading and the link from the record counted as it (itself)
    drug = page(server, "/drug/baricitinib")
    assert re.search(r'<h1>baricitinib <span class="lang" title="English, Spanish">en, es</span></h1>', drug)
    assert '<ul class="names">' not in drug  # one name in both languages: nothing more to list


def test_external_identifiers_are_links(server):
    html = page(server, "/disease/vexas-syndrome")
    for iri, shown in [("http://purl.obolibrary.org/obo/DOID_0080828", "DOID:0080828"),
                       ("http://purl.obolibrary.org/obo/MONDO_0026777", "MONDO:0026777"),
                       ("https://bioregistry.io/orphanet:596753", "orphanet:596753")]:
        assert f'<a class="external" href="{iri}" title="{iri}" rel="external noopener">{shown}</a>' in html
    assert headings(html) == ["Statements", "Off-label evidence 2 by disease",
                              "Counted off-label disorder 1 by counted as", "Table 7 row 1 by summarises",
                              "External identifiers 3", "Where the review says it"]


def test_an_evidence_item_reads_in_order_with_its_parts_inside(server):
    html = page(server, "/evidence/baricitinib--psoriasis--18")
    rows = re.findall(r'<tr><th>(?:<a [^>]*>|<span [^>]*>)([^<]+)<', html.split('<section class="about">')[1])
    assert rows[:8] == ["drug", "product", "disease", "study design", "number of studies", "number of patients",
                        "result summary", "comparator"]
    assert "read from" in html and 'href="/review/table-3/row/psoriasis"' in html
    assert "Table 3, row Psoriasis" in html and "paragraph 92" in html and "ref. 18" in html


def test_every_page_has_the_search_box(server):
    for path in ("/", "/drug/baricitinib", "/search?q=x", "/api"):
        assert '<form class="search" action="/search" method="get" role="search">' in page(server, path)


# --- search ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["síndrome VEXAS", "sindrome vexas", "SÍNDROME"])
def test_search_finds_a_disorder_by_its_spanish_name(server, text):
    answer = http(server.base + "/search?" + urllib.parse.urlencode({"q": text}))
    assert answer.status == 200 and answer.headers["content-type"] == "application/json"
    results = json.loads(answer.body)["results"]
    vexas = {"iri": JAK + "disease/vexas-syndrome", "curie": "disease:vexas-syndrome", "label": "VEXAS syndrome",
             "matched": "síndrome VEXAS", "lang": "es", "kinds": ["counted off-label disorder", "disease"]}
    assert vexas in results
    if text != "SÍNDROME":
        assert results == [vexas]


def test_search_ranks_whole_names_first(server):
    results = json.loads(http(server.base + "/search?q=baricitinib").body)["results"]
    assert results[0]["iri"] == JAK + "drug/baricitinib" and results[0]["kinds"] == ["drug", "JAK inhibitor"]
    assert results[1]["iri"] == JAK + "product/oral-baricitinib"


def test_search_page_for_browsers(server):
    html = page(server, "/search?q=" + urllib.parse.quote("síndrome VEXAS"))
    assert "<h1>Search: síndrome VEXAS</h1>" in html and "1 record" in html
    assert (f'<a href="/disease/vexas-syndrome" title="{JAK}disease/vexas-syndrome">VEXAS syndrome</a>'
            ' <span class="matched" lang="es">síndrome VEXAS</span>') in html
    assert 'value="síndrome VEXAS"' in html  # the box keeps the text
    assert "No record has a name containing these words." in page(server, "/search?q=zzzz")


def test_search_without_text(server):
    answer = http(server.base + "/search")
    assert (answer.status, answer.text) == (400, "missing search text: pass it as q, e.g. /search?q=psoriasis\n")
    assert "<h1>Search</h1>" in page(server, "/search?q=")


# --- errors ----------------------------------------------------------------------------------------------------

def test_the_404_page_has_the_sites_look_and_a_way_home(server):
    answer = http(server.base + "/drug/aspirin-that-is-not-here", Accept=HTML)
    assert answer.status == 404 and answer.headers["content-type"] == "text/html; charset=utf-8"
    assert answer.headers["access-control-allow-origin"] == "*"
    assert '<link rel="stylesheet" href="/static/jakgraph.css">' in answer.text
    assert '<a class="back" href="/">Back to the workbench</a>' in answer.text
    assert f"<p class=\"message\">no entity {JAK}drug/aspirin-that-is-not-here in the graph</p>" in answer.text
    assert '<form class="search"' in answer.text


@pytest.mark.parametrize(("accept", "content_type", "body"), [
    (None, "text/plain; charset=utf-8", "no entity https://w3id.org/jakgraph/no/such in the graph\n"),
    ("*/*", "text/plain; charset=utf-8", "no entity https://w3id.org/jakgraph/no/such in the graph\n"),
    ("text/turtle", "text/plain; charset=utf-8", "no entity https://w3id.org/jakgraph/no/such in the graph\n"),
    ("application/json", "application/json",
     '{"status": 404, "error": "no entity https://w3id.org/jakgraph/no/such in the graph"}\n')])
def test_other_clients_keep_the_one_error_format(server, accept, content_type, body):
    answer = http(server.base + "/no/such", **({"Accept": accept} if accept else {}))
    assert (answer.status, answer.headers["content-type"], answer.text) == (404, content_type, body)


def test_api_errors_for_browsers_are_pages_too(server):
    answer = http(server.base + "/api/no-such-question", Accept=HTML)
    assert answer.status == 404
    assert ("<p class=\"message\">no stored question &#x27;no-such-question&#x27;; /api/openapi.json lists them all"
            "</p>") in answer.text


# --- the live views --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["viz", "gapmap"])
def test_the_views_are_those_the_commands_write(server, store, tmp_path, kind):
    from jakgraph.graph.network.gapmap import write_gapmap
    from jakgraph.graph.network.view import write_viz

    written = tmp_path / f"{kind}.html"
    write_viz(store, written) if kind == "viz" else write_gapmap(store, written)
    answer = http(f"{server.base}/{kind}")
    assert answer.status == 200 and answer.headers["content-type"] == "text/html; charset=utf-8"
    assert answer.body == written.read_bytes()
    assert http(f"{server.base}/{kind}").body == answer.body  # the second comes from the cache


def test_the_network_takes_the_commands_filters(server, store, tmp_path):
    from jakgraph.graph.network.view import write_viz

    written = tmp_path / "upa.html"
    write_viz(store, written, drugs=["upadacitinib"])
    assert http(f"{server.base}/viz?drug=upadacitinib").body == written.read_bytes()
    unknown = http(f"{server.base}/viz?drug=aspirin")
    assert unknown.status == 400 and unknown.text.count("\n") == 1 and "aspirin" in unknown.text
    other = http(f"{server.base}/gapmap?drug=upadacitinib")
    assert (other.status, other.text) == (400, "/gapmap takes no parameter 'drug' (its parameters: none)\n")


# --- the workbench's files ----------------------------------------------------------------------------------------

def test_the_workbench_page_loads_only_local_files(server):
    html = page(server, "/")
    assets = re.findall(r"<(?:script|link)[^>]*\b(?:src|href)=\"([^\"]+)\"", html)
    assert assets == ["/static/jakgraph.css", "/static/yasgui/yasgui.min.css", "/static/yasgui/yasgui.min.js",
                      "/static/workbench.js"]
    for asset in assets:
        assert http(server.base + asset).status == 200
    assert html.count('<details class="question"') == 39
    assert ('<select id="p-selective-drugs-with-design-in-group-group" name="group" data-values="/api/'
            'selective-drugs-with-design-in-group/values/group" data-default="https://w3id.org/jakgraph/disease/'
            'autoinflammatory-disorders">') in html
    assert '<input id="p-studies-above-size-min_n" name="min_n" type="number" step="1" value="20"' in html


def test_vendored_yasgui_is_served_whole_and_revalidated(server):
    import hashlib

    answer = http(server.base + "/static/yasgui/yasgui.min.js")
    assert answer.headers["content-type"] == "text/javascript; charset=utf-8"
    assert hashlib.sha256(answer.body).hexdigest() == "55034eaac74c55f55fbd1eeed008ae38a79053651cbed2b453f1fcfd895a4b75"
    again = http(server.base + "/static/yasgui/yasgui.min.js", If_None_Match=answer.headers["etag"])
    assert (again.status, again.body) == (304, b"")
    assert http(server.base + "/static/yasgui/LICENSE").text.startswith("The MIT License (MIT)")
