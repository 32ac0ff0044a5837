"""The network view's drawing: no node on a line that is not its own, labels in two forms, and a page whose filters
open in the command line's state and follow the same rule as the command line.

Geometry is checked here with code of the test's own: each line is sampled finely from the page's SVG path (or
the layout's curve) and measured against every other node's drawn circle.
"""
from __future__ import annotations

import math
import re

import pytest

from conftest import run_cli

ABRO, BARI, RUXO, UPA = "drug:abrocitinib", "drug:baricitinib", "drug:ruxolitinib", "drug:upadacitinib"
AUTO, BULLOUS = "disease:autoinflammatory-disorders", "disease:immunobullous-disorders"


@pytest.fixture(scope="module")
def network(store):
    from jakgraph.graph.network.model import evidence_network

    return evidence_network(store)


@pytest.fixture(scope="module")
def scale(store):
    from jakgraph.graph.network.analysis import evidence_scale

    return evidence_scale(store)


@pytest.fixture(scope="module")
def full_view(network, scale):
    """The whole network laid out as the page draws it (the command line writes it: tests/network/test_network.py)."""
    from jakgraph.graph.network.layout import layout, select

    return layout(select(network), scale, "test")


@pytest.fixture(scope="module")
def page(full_view) -> str:
    from jakgraph.graph.network.html_page import render_html

    return render_html(full_view)


def quadratic(start: tuple[float, float], control: tuple[float, float], end: tuple[float, float],
              pieces: int = 64) -> list[tuple[float, float]]:
    """Points along a quadratic curve: its two ends when it is straight, else ``pieces`` + 1 points."""
    (ax, ay), (cx, cy), (bx, by) = start, control, end
    if abs((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) < 1e-9:
        return [start, end]
    return [((1 - t) ** 2 * ax + 2 * (1 - t) * t * cx + t * t * bx, (1 - t) ** 2 * ay + 2 * (1 - t) * t * cy + t * t * by)
            for t in (i / pieces for i in range(pieces + 1))]


def closest(point: tuple[float, float], points: list[tuple[float, float]]) -> float:
    """Distance from ``point`` to the polyline through ``points``."""
    px, py = point
    best = math.inf
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy or 1.0)))
        best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy))
    return best


def svg_lines(html: str) -> list[tuple[set[str], list[tuple[float, float]], float]]:
    """Every line of the page's drawing: its two ends, points along its path, its width."""
    number = r"(-?[\d.]+)"
    lines = []
    for ends, d, width in re.findall(r'<g class="edge [^"]*" data-edge="[^"]*" data-kind="[^"]*" data-ends="([^"]+)" '
                                     r'data-tip="[^"]*"><path class="line" d="([^"]+)" stroke="[^"]*" stroke-width="([\d.]+)"',
                                     html):
        ax, ay, cx, cy, bx, by = map(float, re.fullmatch(rf"M{number},{number} Q{number},{number} {number},{number}", d).groups())
        lines.append((set(ends.split()), quadratic((ax, ay), (cx, cy), (bx, by)), float(width)))
    return lines


def svg_discs(html: str) -> dict[str, tuple[float, float, float]]:
    """Every node of the page's drawing: centre and the radius of the outermost circle drawn, stroke included."""
    discs = {}
    for node, body in re.findall(r'<g class="node (?:drug|disorder|indication)[^"]*" data-node="([^"]+)"[^>]*>(.*?)</g>', html,
                                 re.S):
        circles = [(float(x), float(y), float(r) + float(w) / 2) for x, y, r, w in
                   re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)" fill="[^"]*" stroke="[^"]*" '
                              r'stroke-width="([\d.]+)"', body)]
        discs[node] = max(circles, key=lambda c: c[2])
    return discs


def test_no_node_of_the_page_lies_on_a_line_it_does_not_end(page):
    lines, discs = svg_lines(page), svg_discs(page)
    assert (len(lines), len(discs)) == (46 + 6 + 1, 4 + 37 + 1)
    touching = [(sorted(ends), node) for ends, samples, width in lines for node, (x, y, r) in discs.items()
                if node not in ends and closest((x, y), samples) <= r + width / 2]
    assert touching == []


SELECTIONS = [((), (), None), ((), ("autoinflammatory-disorders",), None), ((), ("immunobullous-disorders",), None),
              ((), ("psoriasis",), None), *[((d,), (), None) for d in ("abrocitinib", "baricitinib", "ruxolitinib", "upadacitinib")],
              (("baricitinib", "upadacitinib"), (), None), (("ruxolitinib", "upadacitinib", "abrocitinib"), (), None),
              *[((), (), rank) for rank in (2, 4, 6, 7, 9, 11)]]


@pytest.mark.parametrize("drugs, groups, rank", SELECTIONS)
def test_no_node_of_a_picture_lies_on_a_line_it_does_not_end(network, scale, drugs, groups, rank):
    """The pictures are laid out for what they show: every filter of the command line gives a clean drawing."""
    from jakgraph.graph.network.layout import edge_path, layout, select

    view = layout(select(network, drugs, groups, rank), scale, "test")
    touching = []
    for edge in view.edges:
        samples = quadratic(*edge_path(view, edge))
        touching += [(edge.source, edge.target, node.id) for node in view.nodes.values()
                     if node.id not in (edge.source, edge.target)
                     and closest((node.x, node.y), samples) <= node.extent + edge.width / 2]
    assert touching == []


def test_upadacitinib_is_off_the_baricitinib_vexas_line_in_the_autoinflammatory_picture(network, scale):
    from jakgraph.graph.network.layout import layout, select

    view = layout(select(network, (), ("autoinflammatory-disorders",)), scale, "test")
    bari, upa, vexas = (view.nodes[n] for n in (BARI, UPA, "disease:vexas-syndrome"))
    samples = quadratic((bari.x, bari.y), ((bari.x + vexas.x) / 2, (bari.y + vexas.y) / 2), (vexas.x, vexas.y))
    line = next(e for e in view.edges if (e.source, e.target) == (BARI, "disease:vexas-syndrome"))
    assert closest((upa.x, upa.y), samples) > upa.r + line.width / 2 + 2
    # nor does the line cross its name, set below it in 20 px bold (12 characters, about 144 px wide)
    left, top, right, bottom = upa.x - 72, upa.y + upa.r + 4, upa.x + 72, upa.y + upa.r + 4 + 25
    along = [(bari.x + t / 400 * (vexas.x - bari.x), bari.y + t / 400 * (vexas.y - bari.y)) for t in range(401)]
    assert not any(left <= x <= right and top <= y <= bottom for x, y in along)


@pytest.mark.parametrize("module", ["appearance", "filters", "geometry", "labels", "placement"])
def test_examples_in_docstrings_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(f"jakgraph.graph.network.{module}"))
    assert (result.failed, result.attempted > 0) == (0, True)


@pytest.mark.parametrize("label, short", [
    ("VEXAS syndrome", "VEXAS syndrome"),
    ("contact dermatitis", "contact dermatitis"),
    ("STING-associated vasculopathy with onset in infancy (SAVI)", "SAVI"),
    ("systemic juvenile idiopathic arthritis", "systemic juvenile…"),
    ("acrodermatitis continua of Hallopeau", "acrodermatitis…"),
    ("STAT1 gain-of-function syndrome", "STAT1 gain-of-fun…"),
])
def test_short_labels(label, short):
    from jakgraph.graph.network.labels import SHORT_LABEL_CHARS, short_label

    assert short_label(label) == short
    assert len(short) <= SHORT_LABEL_CHARS


def test_page_draws_each_ring_label_in_full_and_short(page, network):
    full = re.findall(r'<text class="label full"[^>]*>(.*?)</text>', page)
    short = re.findall(r'<text class="label short"[^>]*>(.*?)</text>', page)
    assert len(full) == len(short) == 38
    assert "SAVI" in short and "systemic juvenile…" in short
    assert '<tspan x="' in full[0]
    assert {"".join(re.findall(r">([^<]*)</tspan>", f)) for f in full} >= {"VEXAS syndrome", "systemic juvenileidiopathic arthritis"}
    assert set(re.findall(r'<text class="label short"[^>]*font-size="(\d+)"', page)) == {"20"}
    assert set(re.findall(r'<text class="drug-label"[^>]*font-size="(\d+)"', page)) == {"20"}
    assert set(re.findall(r'<text class="group-label"[^>]*font-size="(\d+)"', page)) == {"20"}


# ----------------------------------------------------------------------------- filters: the page's rule and the command line's

STATES = [((), (), 0), ((RUXO,), (), 0), ((), (AUTO,), 0), ((), (BULLOUS,), 0), ((), ("disease:psoriasis",), 0),
          ((), (), 9), ((BARI,), ("disease:psoriasis",), 2), ((UPA, ABRO), (AUTO,), 0), ((), (AUTO, BULLOUS), 4),
          ((), ("disease:lichen-planus",), 0), ((), ("disease:vitiligo",), 0), ((RUXO, UPA), (), 7)]


@pytest.mark.parametrize("drugs, groups, rank", STATES)
def test_page_filter_rule_keeps_what_the_command_line_keeps(network, full_view, drugs, groups, rank):
    """The full page filtered to a state shows exactly the pairs and approvals the command line draws for it."""
    from jakgraph.graph.network.filters import FilterState, passes
    from jakgraph.graph.network.layout import select

    view = full_view
    state = FilterState(tuple(sorted(drugs)), tuple(sorted(groups)), rank)
    shown = {(e.source, e.target, e.kind) for e in view.edges if e.kind != "subclass_of" and passes(e, state)}
    wanted = select(network, drugs, groups, rank)
    assert shown == {(*pair, "off_label") for pair in wanted.pairs} | {(*pair, "approved") for pair in wanted.approvals}
    assert wanted.state == state


def test_approvals_switch_off_alone(full_view):
    from jakgraph.graph.network.filters import FilterState, passes

    kinds = [e.kind for e in full_view.edges if e.kind != "subclass_of" and passes(e, FilterState(approved=False))]
    assert (kinds.count("off_label"), kinds.count("approved")) == (46, 0)


# Hidden nodes: drugs + counted disorders + atopic dermatitis (approved only) + the two disease groups. Ruxolitinib
# keeps its 7 disorders, vitiligo and atopic dermatitis (approvals); the autoinflammatory group keeps baricitinib,
# upadacitinib and its 9 disorders; rank 9 keeps 4 pairs in 4 disorders and every approval (all 4 drugs); psoriasis
# and vitiligo keep psoriasis, acrodermatitis continua of Hallopeau (a form of psoriasis) and vitiligo.
@pytest.mark.parametrize("drugs, groups, level, checked, group, hidden_nodes", [
    ((), (), None, [ABRO, BARI, RUXO, UPA], "", 0),
    (("ruxolitinib",), (), None, [RUXO], "", 3 + (37 - 8) + 0 + 2),
    ((), ("autoinflammatory-disorders",), None, [ABRO, BARI, RUXO, UPA], AUTO, 2 + (37 - 9) + 1 + 1),
    ((), (), 9, [ABRO, BARI, RUXO, UPA], "", 0 + (37 - 4) + 0 + 2),
    ((), ("psoriasis", "vitiligo"), None, [ABRO, BARI, RUXO, UPA], "disease:psoriasis disease:vitiligo",
     2 + (37 - 3) + 1 + 2),
])
def test_page_opens_in_the_command_lines_state(network, full_view, drugs, groups, level, checked, group, hidden_nodes):
    """What --drug, --group and --min-level resolve to (as jakgraph viz passes it on) sets the page's controls."""
    from jakgraph.graph.network.html_page import render_html
    from jakgraph.graph.network.layout import select

    html = render_html(full_view, select(network, drugs, groups, level).state)
    assert re.findall(r'name="drug" value="([^"]+)" checked', html) == checked
    assert re.findall(r'<option value="([^"]*)" selected>', html) == [group, str(level or 0)]
    assert len(re.findall(r'<g class="node [a-z]+ off"', html)) == hidden_nodes


def test_page_offers_every_rank_of_the_scale(page, scale):
    levels = re.search(r'<select name="min-level">(.*?)</select>', page).group(1)
    assert re.findall(r'<option value="(\d+)"', levels) == [str(step.rank) for step in scale] == [str(r) for r in range(13)]
    assert "randomized controlled trial or stronger (rank 9)" in levels


# ----------------------------------------------------------------------------- gap map as SVG


def test_gapmap_writes_svg(store_path, tmp_path):
    import xml.etree.ElementTree as ET

    path = tmp_path / "gap.svg"
    result = run_cli("gapmap", "-o", str(path), "--store", str(store_path))
    assert result.returncode == 0, result.stderr
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    ids = [g.get("id") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id")]
    cells = [i for i in ids if i.startswith(("filled ", "gap "))]
    assert (len(cells), sum(i.startswith("gap ") for i in cells)) == (4 * 38, 102 + 4)
    assert "filled drug:baricitinib|disease:psoriasis" in cells and "gap drug:abrocitinib|disease:psoriasis" in cells
    assert sorted(i.split(" ", 1)[1] for i in ids if i.startswith("approved ")) == sorted(
        f"{d}|{n}" for d, n in [(BARI, "disease:alopecia-areata"), (RUXO, "disease:vitiligo"), (ABRO, "disease:atopic-dermatitis"),
                                (BARI, "disease:atopic-dermatitis"), (UPA, "disease:atopic-dermatitis"),
                                (RUXO, "disease:atopic-dermatitis")])
    text = "".join(root.itertext())
    assert "Evidence gap map" in text and "VEXAS syndrome" in text and "upadacitinib" in text
