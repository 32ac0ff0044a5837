"""The viz and gapmap pages in a real browser: Debian's Chromium, headless, driven by Playwright, network blocked.

Each page is opened from a file with every request that is not ``file:`` or ``data:`` aborted and recorded;
the tests check that none was made, that the page drew something, and that hovering or clicking an edge or a
cell shows its evidence items with their references.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Iterator

import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 1000}
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
def browser() -> Iterator[Any]:
    """Chromium started by Playwright from Debian's package; fails, never skips, when it cannot start."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.fail(f"Playwright for Python is missing ({exc}): pip install -e '.[test]'")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run tests/install-system-packages.sh (Debian package chromium)")
    manager = sync_playwright().start()
    try:
        chromium = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=30_000)
    except Exception as exc:  # any failure to start is a failed test, with the browser's own message
        manager.stop()
        pytest.fail(f"Chromium did not start: {exc}")
    yield chromium
    chromium.close()
    manager.stop()


@pytest.fixture(scope="module")
def pages(store_path, tmp_path_factory) -> dict[str, Path]:
    """The network and the gap map written by the commands."""
    folder = tmp_path_factory.mktemp("pages")
    written = {}
    for command, name in (("viz", "net.html"), ("gapmap", "gap.html")):
        written[command] = folder / name
        result = run_cli(command, "-o", str(written[command]), "--store", str(store_path))
        assert result.returncode == 0, result.stderr
    return written


class OfflinePage:
    """A page whose every request is recorded and, unless it is a file or data URL, aborted."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.context = browser.new_context(viewport=VIEWPORT)
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

