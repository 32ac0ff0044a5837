"""The viz and gapmap pages in a real browser: Debian's Chromium, headless, driven by Playwright, network blocked.

Each page is opened from a file with every request that is not ``file:`` or ``data:`` aborted and recorded;
the tests check that none was made, that the page drew something, that hovering or clicking an edge or a
cell shows its evidence items with their references, and that the network can be explored: the wheel, the
buttons, the keys and dragging move the view, the search box centres a node, the filters hide exactly the
lines they should, and every label is legible in a 1000×700 window.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Iterator

import pytest
from browser import browser  # noqa: F401  (the fixture)

from conftest import run_cli

pytestmark = pytest.mark.slow

VIEWPORT = {"width": 1400, "height": 1000}
SMALL = {"width": 1000, "height": 700}
LOCAL = ("file:", "data:")

POINT_ON_EDGE = """hit => {
  const total = hit.getTotalLength();
  for (const share of [0.5, 0.6, 0.4, 0.7, 0.3, 0.8, 0.2, 0.9]) {
    const point = hit.getPointAtLength(total * share).matrixTransform(hit.getScreenCTM());
    if (document.elementFromPoint(point.x, point.y) === hit) return [point.x, point.y];
  }
  return null;
}"""


@pytest.fixture(scope="module")
def pages(store_path, tmp_path_factory) -> dict[str, Path]:
    """The network and the gap map written by the commands."""
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for key, command, name, options in (("viz", "viz", "net.html", []), ("gapmap", "gapmap", "gap.html", []),
                                        ("viz-auto", "viz", "auto.html", ["--group", "autoinflammatory-disorders"])):
        written[key] = folder / name
        result = run_cli(command, "-o", str(written[key]), *options, "--store", str(store_path))
        assert result.returncode == 0, result.stderr
    return written


class OfflinePage:
    """A page whose every request is recorded and, unless it is a file or data URL, aborted."""

    def __init__(self, browser: Any, path: Path, viewport: dict[str, int] = VIEWPORT) -> None:
        self.context = browser.new_context(viewport=viewport)
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(path.as_uri(), wait_until="load")

    def _route(self, route: Any) -> None:
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def left_the_page(self) -> list[str]:
        return self.blocked + [url for url in self.requests if not url.startswith(LOCAL)]

    def tooltip(self) -> str:
        self.page.wait_for_selector("#tooltip:not([hidden])", timeout=5_000)
        return self.page.inner_text("#tooltip")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def network_page(browser, pages) -> Iterator[OfflinePage]:
    page = OfflinePage(browser, pages["viz"])
    yield page
    page.close()


@pytest.fixture
def gap_page(browser, pages) -> Iterator[OfflinePage]:
    page = OfflinePage(browser, pages["gapmap"])
    yield page
    page.close()


def assert_drawn(png: bytes, min_colours: int, min_ink: float) -> None:
    """The picture has many colours and enough non-white pixels to be a drawing, not a blank page."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = image.getcolors(maxcolors=1 << 24)
    ink = sum(count for count, colour in colours if min(colour) < 235) / (image.width * image.height)
    assert len(colours) >= min_colours, f"only {len(colours)} colours"
    assert ink >= min_ink, f"only {ink:.1%} of the pixels are not white"


def test_network_page_stays_offline_and_draws(network_page):
    page = network_page.page
    page.wait_for_selector("svg.network .edge")
    assert network_page.left_the_page() == []
    assert network_page.requests == [network_page.page.url]
    assert page.locator('svg.network .edge[data-kind="off_label"]').count() == 46
    assert_drawn(page.locator("svg.network").screenshot(), min_colours=200, min_ink=0.05)
    assert_drawn(page.screenshot(full_page=True), min_colours=200, min_ink=0.05)


def test_hovering_an_edge_lists_its_evidence(network_page):
    page = network_page.page
    hit = page.locator('[data-edge="drug:baricitinib|disease:psoriasis"][data-kind="off_label"] .hit')
    point = hit.evaluate(POINT_ON_EDGE)
    assert point, "no visible point of the baricitinib–psoriasis edge is on top"
    page.mouse.move(*point)
    text = network_page.tooltip()
    assert "baricitinib → psoriasis" in text
    assert "271 patients" in text and "references 18, 69" in text
    assert "randomized controlled trial · n=271" in text and "refs 18" in text
    assert "network meta-analysis · n not given" in text and "refs 69" in text
    page.mouse.click(*point)
    details = page.inner_text("#details")
    assert "refs 18" in details and "refs 69" in details and "271" in details
    page.mouse.move(5, 5)
    page.wait_for_selector("#tooltip", state="hidden")
    assert "refs 69" in page.inner_text("#details")  # a click keeps the evidence beside the drawing


def test_hovering_an_approval_and_a_drug(network_page):
    page = network_page.page
    hit = page.locator('[data-edge="drug:ruxolitinib|disease:vitiligo"][data-kind="approved"] .hit')
    point = hit.evaluate(POINT_ON_EDGE)
    assert point, "no visible point of the ruxolitinib–vitiligo approval is on top"
    page.mouse.move(*point)
    assert "FDA: non-segmental vitiligo" in network_page.tooltip()
    page.hover('[data-node="drug:baricitinib"] circle')
    assert "off-label evidence in 31 disorders" in network_page.tooltip()


VIEW = """() => {
  const svg = document.querySelector("svg.network");
  return {box: svg.getAttribute("viewBox").split(" ").map(Number), scale: Number(svg.getAttribute("data-scale")),
          near: svg.classList.contains("near")};
}"""
TO_USER = """([x, y]) => {
  const svg = document.querySelector("svg.network"), p = svg.createSVGPoint();
  p.x = x; p.y = y;
  const q = p.matrixTransform(svg.getScreenCTM().inverse());
  return [q.x, q.y];
}"""
SHOWN = """kind => [...document.querySelectorAll(`svg.network .edge[data-kind="${kind}"]`)]
  .filter(e => getComputedStyle(e).display !== "none").map(e => e.getAttribute("data-edge"))"""
TEXT_SIZES = """() => [...document.querySelectorAll("svg.network text")]
  .filter(t => getComputedStyle(t).display !== "none" && !t.closest(".off"))
  .map(t => { const m = t.getScreenCTM(); return [t.textContent, t.getAttribute("class"),
                                                 parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)]; })"""
BARI, RUXO, UPA, ABRO = "drug:baricitinib", "drug:ruxolitinib", "drug:upadacitinib", "drug:abrocitinib"
AUTOINFLAMMATORY = {f"{BARI}|disease:{d}" for d in (
    "adult-onset-still-disease", "aicardi-goutieres-syndrome", "blau-syndrome", "candle-syndrome", "candle-like-syndrome",
    "stat1-gain-of-function-syndrome", "savi", "systemic-juvenile-idiopathic-arthritis", "vexas-syndrome")} | {
    f"{UPA}|disease:vexas-syndrome"}


def view_state(page: Any) -> dict[str, Any]:
    return page.evaluate(VIEW)


def shown(page: Any, kind: str = "off_label") -> set[str]:
    return set(page.evaluate(SHOWN, kind))


def wait_for_scale_change(page: Any, old: float) -> dict[str, Any]:
    page.wait_for_function("old => Number(document.querySelector('svg.network').getAttribute('data-scale')) !== old",
                           arg=old, timeout=5_000)
    return view_state(page)


def test_wheel_buttons_keys_and_drag_move_the_view(network_page):
    page = network_page.page
    page.wait_for_selector("svg.network[data-scale]")
    start = view_state(page)
    svg = page.locator("svg.network").bounding_box()
    x, y = svg["x"] + svg["width"] / 2 + 120, svg["y"] + svg["height"] / 2 - 40
    under = page.evaluate(TO_USER, [x, y])
    page.mouse.move(x, y)
    page.mouse.wheel(0, -300)  # exp(300 × 0.002): zoom in 1.82 times about the pointer
    wheeled = wait_for_scale_change(page, start["scale"])
    assert wheeled["scale"] / start["scale"] == pytest.approx(1.8221, rel=0.01)
    assert page.evaluate(TO_USER, [x, y]) == pytest.approx(under, abs=0.5)  # the point under the pointer stays put

    page.click('[data-zoom="out"]')
    out = wait_for_scale_change(page, wheeled["scale"])
    assert out["scale"] / wheeled["scale"] == pytest.approx(1 / 1.5, rel=0.005)
    page.keyboard.press("+")
    plus = wait_for_scale_change(page, out["scale"])
    assert plus["scale"] / out["scale"] == pytest.approx(1.5, rel=0.005)
    page.keyboard.press("0")
    fitted = wait_for_scale_change(page, plus["scale"])
    assert fitted["box"] == pytest.approx(start["box"], abs=1.0)  # text is hinted a little differently at each zoom

    page.keyboard.press("ArrowRight")
    page.wait_for_function("x => document.querySelector('svg.network').getAttribute('viewBox').split(' ')[0] != x",
                           arg=f"{fitted['box'][0]:.2f}")
    moved = view_state(page)
    assert moved["box"][0] - fitted["box"][0] == pytest.approx(80 / fitted["scale"], rel=0.01)

    corner = (svg["x"] + svg["width"] - 15, svg["y"] + svg["height"] - 15)  # empty paper, no line under it
    page.mouse.move(*corner)
    page.mouse.down()
    page.mouse.move(corner[0] - 150, corner[1] - 90, steps=6)
    page.mouse.up()
    dragged = view_state(page)
    assert dragged["box"][0] - moved["box"][0] == pytest.approx(150 / moved["scale"], rel=0.01)
    assert dragged["box"][1] - moved["box"][1] == pytest.approx(90 / moved["scale"], rel=0.01)
    assert dragged["box"][2:] == moved["box"][2:]
    assert network_page.left_the_page() == []


def test_labels_are_legible_in_a_1000_by_700_window(browser, pages):
    small = OfflinePage(browser, pages["viz"], SMALL)
    try:
        page = small.page
        page.wait_for_selector("svg.network[data-scale]")
        texts = page.evaluate(TEXT_SIZES)
        kinds = [cls for _text, cls, _size in texts]
        # 38 ring labels in short form, 4 drug names, the groups' names in 2 + 1 lines
        assert (kinds.count("label short"), kinds.count("drug-label"), kinds.count("group-label"), len(kinds)) == (38, 4, 3, 45)
        assert min(size for _text, _cls, size in texts) >= 11
        page.hover('text.label.short:text-is("systemic juvenile…")')
        assert "systemic juvenile idiopathic arthritis (disease:systemic-juvenile-idiopathic-arthritis)" in small.tooltip()

        scale = view_state(page)["scale"]
        page.click('[data-zoom="in"]')
        zoomed = wait_for_scale_change(page, scale)
        assert zoomed["near"]  # close enough for the full labels
        texts = page.evaluate(TEXT_SIZES)
        kinds = [cls for _text, cls, _size in texts]
        assert (kinds.count("label full"), kinds.count("label short")) == (38, 0)
        assert "systemic juvenileidiopathic arthritis" in {text for text, _cls, _size in texts}
        assert min(size for _text, _cls, size in texts) >= 11
        assert small.left_the_page() == []
    finally:
        small.close()


def test_search_centres_a_disorder_and_shows_its_evidence(network_page):
    page = network_page.page
    page.wait_for_selector("svg.network[data-scale]")
    vexas = page.locator('[data-node="disease:vexas-syndrome"] circle')
    svg = page.locator("svg.network").bounding_box()
    middle = (svg["x"] + svg["width"] / 2, svg["y"] + svg["height"] / 2)

    def centre_of(locator: Any) -> tuple[float, float]:
        b = locator.bounding_box()
        return b["x"] + b["width"] / 2, b["y"] + b["height"] / 2

    before = centre_of(vexas)
    assert abs(before[0] - middle[0]) + abs(before[1] - middle[1]) > 200
    page.fill("#find-name", "VEXAS syndrome")
    page.press("#find-name", "Enter")
    page.wait_for_function("() => document.querySelector('svg.network').classList.contains('near')")
    after = centre_of(vexas)
    assert after == pytest.approx(middle, abs=1.5)
    assert "VEXAS syndrome (disease:vexas-syndrome)" in page.inner_text("#details")
    assert "off-label evidence for baricitinib, upadacitinib" in page.inner_text("#details")
    assert page.inner_text("#find-message") == ""
    focused = "() => document.querySelector('svg.network').classList.contains('focus')"
    assert page.evaluate(focused)  # the rest of the drawing is dimmed around VEXAS syndrome and its two lines
    page.select_option("select[name=min-level]", "7")  # hides VEXAS syndrome: the dimming goes with it
    assert not page.evaluate(focused)
    page.click("#show-all")

    page.fill("#find-name", "pemphigoid")
    page.press("#find-name", "Enter")
    assert page.inner_text("#find-message") == ("3 match: bullous pemphigoid, lichen planus pemphigoides, "
                                                "ocular mucous membrane pemphigoid.")
    page.fill("#find-name", "tofu")
    page.press("#find-name", "Enter")
    assert page.inner_text("#find-message") == "Nothing drawn is called “tofu”."
    assert network_page.left_the_page() == []


def test_filters_hide_exactly_the_lines_they_should(network_page):
    page = network_page.page
    page.wait_for_selector("svg.network[data-scale]")
    assert (len(shown(page)), len(shown(page, "approved"))) == (46, 6)

    page.select_option("select[name=group]", "disease:autoinflammatory-disorders")
    assert (shown(page), shown(page, "approved")) == (AUTOINFLAMMATORY, set())
    assert page.inner_text("#subtitle") == ("2 drugs · 9 disorders · 10 drug–disorder pairs with off-label evidence · "
                                            "0 approved pairs · groups: autoinflammatory disorders with cutaneous "
                                            "manifestations")
    assert page.locator("svg.network .node.drug:not(.off)").count() == 2

    page.click("#show-all")
    page.select_option("select[name=min-level]", "9")
    assert shown(page) == {f"{BARI}|disease:chronic-graft-versus-host-disease", f"{BARI}|disease:psoriasis",
                           f"{RUXO}|disease:alopecia-areata", f"{RUXO}|disease:psoriasis"}
    assert len(shown(page, "approved")) == 6  # approvals have no level
    page.uncheck("input[name=approved]")
    assert shown(page, "approved") == set()

    page.click("#show-all")
    for drug in (ABRO, BARI, UPA):
        page.uncheck(f'input[name=drug][value="{drug}"]')
    assert len(shown(page)) == 7
    assert shown(page, "approved") == {f"{RUXO}|disease:vitiligo", f"{RUXO}|disease:atopic-dermatitis"}
    assert page.locator("svg.network .node.disorder:not(.off)").count() == 8
    page.click("#show-all")
    assert (len(shown(page)), len(shown(page, "approved"))) == (46, 6)
    assert network_page.left_the_page() == []


def test_a_filtered_command_opens_the_page_filtered(browser, pages):
    auto = OfflinePage(browser, pages["viz-auto"], SMALL)
    try:
        page = auto.page
        page.wait_for_selector("svg.network[data-scale]")
        assert (shown(page), shown(page, "approved")) == (AUTOINFLAMMATORY, set())
        assert page.eval_on_selector("select[name=group]", "s => s.value") == "disease:autoinflammatory-disorders"
        assert min(size for _text, _cls, size in page.evaluate(TEXT_SIZES)) >= 11
        page.click("#show-all")
        assert (len(shown(page)), len(shown(page, "approved"))) == (46, 6)
        assert auto.left_the_page() == []
    finally:
        auto.close()


def test_gap_map_stays_offline_and_shows_cells(gap_page):
    page = gap_page.page
    page.wait_for_selector("table.gapmap")
    assert gap_page.left_the_page() == []
    assert_drawn(page.screenshot(full_page=True), min_colours=100, min_ink=0.04)
    page.hover('td[data-cell="drug:baricitinib|disease:psoriasis"]')
    text = gap_page.tooltip()
    assert "271 patients" in text and "refs 18" in text and "refs 69" in text
    page.hover('td[data-cell="drug:abrocitinib|disease:psoriasis"]')
    assert "gap: the review gives no off-label evidence" in gap_page.tooltip()
    page.click('td[data-cell="drug:upadacitinib|disease:hidradenitis-suppurativa"]')
    details = page.inner_text("#details")
    assert "retrospective study · n=20" in details and "refs 86" in details

