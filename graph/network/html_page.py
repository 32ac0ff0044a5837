"""The network view as one offline HTML page: inline SVG, controls, legend, tooltips and scripts.

The drawing is our own SVG, drawn from the positions :mod:`.layout` computes in Python, with two small scripts
of our own: ``static/netview.js`` (hover and click evidence, shared with the gap map) and ``static/netexplore.js``
(zoom, pan, find and filter). We keep it rather than move to cytoscape.js or sigma.js because the layout is ours
(a ring in the review's disease groups that the static picture and the GraphML/GEXF exports repeat exactly), the
evidence texts hang on SVG elements that tests and users can inspect, select and search, and pan and zoom over an
SVG ``viewBox`` take a few dozen lines where a library would add 400 KB of script to every page and draw on a
canvas. The page holds every drug and disorder; the filters show or hide them in place, so nothing moves.
"""
from __future__ import annotations

import html
import json
import math
from typing import Any, Sequence

from jakgraph.package_data import package_files

from .filters import FilterState, passes
from .html_controls import controls, zoom_buttons
from .labels import (DRUG_LABEL_SIZE, GROUP_LABEL_SIZE, LABEL_SIZE, SHORT_LABEL_SIZE, group_label, label_anchor,
                     label_lines, short_label)
from .layout import (APPROVED_COLOUR, NetworkView, SUBCLASS_COLOUR, TYPE_COLOURS, TYPE_NAMES, edge_path, edge_width,
                     level_colour)

LEGIBLE = 11.0  # px on screen: the smallest text the page shows
UNREADABLE = 6.0  # px on screen below which ring labels are hidden


def _asset(name: str) -> str:
    return package_files("jakgraph.graph.network").joinpath("static").joinpath(name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def hidden_in(view: NetworkView, state: FilterState) -> set[str]:
    """Ids of the edges (``e0``…) and nodes (CURIEs) that ``state`` hides: the page opens with them hidden."""
    shown: set[str] = set()
    hidden = set()
    for index, edge in enumerate(view.edges):
        if edge.kind == "subclass_of":
            continue
        if passes(edge, state):
            shown |= {edge.source, edge.target}
        else:
            hidden.add(f"e{index}")
    for index, edge in enumerate(view.edges):
        if edge.kind == "subclass_of" and not {edge.source, edge.target} <= shown:
            hidden.add(f"e{index}")
    hidden |= {n for n in view.nodes if n not in shown}
    hidden |= {a.group for a in view.arcs if not set(a.members) & shown}
    return hidden


def _ring_labels(node: Any, ring: float) -> str:
    """A ring node's label twice: in full (shown zoomed in) and short (shown when the whole ring fits)."""
    esc = html.escape
    x, y, rotate, anchor = label_anchor(node, ring)
    lines = label_lines(node.label)
    spans = "".join(f'<tspan x="{_n(x)}" dy="{0.35 - 0.55 * (len(lines) - 1) if i == 0 else 1.1:.2f}em">{esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    place = f'text-anchor="{anchor}" transform="rotate({_n(rotate)} {_n(x)} {_n(y)})"'
    return (f'<text class="label full" x="{_n(x)}" y="{_n(y)}" font-size="{_n(LABEL_SIZE)}" {place}>{spans}</text>'
            f'<text class="label short" x="{_n(x)}" y="{_n(y)}" dy="0.35em" font-size="{_n(SHORT_LABEL_SIZE)}" {place}>'
            f'{esc(short_label(node.label))}</text>')


def _svg(view: NetworkView, hidden: set[str]) -> str:
    esc = html.escape
    off = lambda key: " off" if key in hidden else ""
    x0, y0, width, height = view.box
    out = [f'<svg class="network" data-drawing viewBox="{_n(x0)} {_n(y0)} {_n(width)} {_n(height)}" '
           f'preserveAspectRatio="xMidYMid meet" role="img" aria-label="{esc(view.title)}"><g class="content">']
    out.append('<g class="edges">')
    order = {"subclass_of": 0, "approved": 2, "off_label": 1}
    for index, edge in sorted(enumerate(view.edges), key=lambda e: (order[e[1].kind], e[1].width)):
        (ax, ay), (cx, cy), (bx, by) = edge_path(view, edge)
        d = f"M{_n(ax)},{_n(ay)} Q{_n(cx)},{_n(cy)} {_n(bx)},{_n(by)}"
        dash = ' stroke-dasharray="7 5"' if edge.kind == "approved" else (' stroke-dasharray="2 3"' if edge.kind == "subclass_of" else "")
        out.append(f'<g class="edge {edge.kind}{off(f"e{index}")}" data-edge="{esc(edge.source)}|{esc(edge.target)}" '
                   f'data-kind="{edge.kind}" data-ends="{esc(edge.source)} {esc(edge.target)}" data-tip="e{index}">'
                   f'<path class="line" d="{d}" stroke="{edge.colour}" stroke-width="{edge.width}"{dash}/>'
                   f'<path class="hit" d="{d}"/></g>')
    out.append('</g><g class="nodes">')
    for node in view.nodes.values():
        fill = TYPE_COLOURS[node.kind]
        stroke = TYPE_COLOURS["disorder"] if node.kind == "indication" else "#fff"
        out.append(f'<g class="node {node.kind}{off(node.id)}" data-node="{esc(node.id)}" data-tip="n:{esc(node.id)}">')
        if node.narrower:
            out.append(f'<circle cx="{_n(node.x)}" cy="{_n(node.y)}" r="{_n(node.r + 3.5)}" fill="none" '
                       f'stroke="{TYPE_COLOURS["group"]}" stroke-width="2"/>')
        out.append(f'<circle cx="{_n(node.x)}" cy="{_n(node.y)}" r="{_n(node.r)}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>')
        if node.kind == "drug":
            out.append(f'<text class="drug-label" x="{_n(node.x)}" y="{_n(node.y + node.r + 4 + DRUG_LABEL_SIZE)}" '
                       f'font-size="{_n(DRUG_LABEL_SIZE)}" text-anchor="middle">{esc(node.label)}</text>')
        else:
            out.append(_ring_labels(node, view.ring))
        out.append("</g>")
    for arc in view.arcs:
        node = arc.node
        (sx, sy), (ex, ey) = ((arc.radius * math.cos(a), arc.radius * math.sin(a)) for a in (arc.start, arc.end))
        large = 1 if arc.end - arc.start > math.pi else 0
        d = f"M{_n(sx)},{_n(sy)} A{_n(arc.radius)},{_n(arc.radius)} 0 {large} 1 {_n(ex)},{_n(ey)}"
        texts = "".join(f'<text class="group-label" x="{_n(x)}" y="{_n(y)}" dy="0.35em" font-size="{_n(GROUP_LABEL_SIZE)}" '
                        f'text-anchor="middle" transform="rotate({_n(rotation)} {_n(x)} {_n(y)})" '
                        f'fill="{TYPE_COLOURS["group"]}">{esc(line)}</text>'
                        for x, y, rotation, line in group_label(node.label, node.angle, arc.label_radius))
        out.append(f'<g class="node group{off(arc.group)}" data-node="{esc(node.id)}" data-tip="n:{esc(node.id)}" '
                   f'data-members="{esc(" ".join(arc.members))}">'
                   f'<path class="arc" d="{d}" fill="none" stroke="{TYPE_COLOURS["group"]}" stroke-width="5" '
                   f'stroke-linecap="round"/><path class="hit" d="{d}"/>{texts}</g>')
    out.append("</g></g></svg>")
    return "\n".join(out)


def _swatch_line(colour: str, width: float, dash: str = "") -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="38" height="14" aria-hidden="true"><line x1="2" y1="7" x2="36" y2="7" stroke="{colour}" '
            f'stroke-width="{width}" stroke-linecap="round"{dash_attr}/></svg>')


def _swatch_node(kind: str, ring: bool = False) -> str:
    if kind == "group":
        shape = f'<path d="M3,15 A14,14 0 0 1 19,15" fill="none" stroke="{TYPE_COLOURS["group"]}" stroke-width="4"/>'
    else:
        stroke = TYPE_COLOURS["disorder"] if kind == "indication" else "#fff"
        shape = f'<circle cx="11" cy="9" r="6" fill="{TYPE_COLOURS[kind]}" stroke="{stroke}" stroke-width="1.5"/>'
        if ring:
            shape += f'<circle cx="11" cy="9" r="8.5" fill="none" stroke="{TYPE_COLOURS["group"]}" stroke-width="2"/>'
    return f'<svg width="22" height="18" aria-hidden="true">{shape}</svg>'


def legend_html(view: NetworkView) -> str:
    """The legend: node types, one colour per level of evidence drawn, widths by patients, line styles."""
    esc = html.escape
    kinds = {n.kind for n in view.nodes.values()} | ({"group"} if view.arcs else set())
    rows = ['<h2>Nodes</h2><ul class="legend">']
    rows += [f"<li>{_swatch_node(k)}{esc(TYPE_NAMES[k])}</li>" for k in ("drug", "disorder", "group", "indication") if k in kinds]
    if any(n.narrower for n in view.nodes.values()):
        rows.append(f"<li>{_swatch_node('disorder', ring=True)}disorder with narrower diseases</li>")
    rows.append('</ul><h2>Highest level of evidence</h2><ul class="legend">')
    rows += [f'<li>{_swatch_line(level_colour(d.rank), 4)}{esc(d.label)} <span class="hint">(rank {d.rank})</span></li>'
             for d in reversed(view.designs)]
    rows.append('</ul><h2>Patients (line width)</h2><ul class="legend">')
    rows += [f"<li>{_swatch_line('#6b7785', edge_width(n))}{n} patient{'s' * (n != 1)}</li>" for n in (1, 10, 100)]
    others = []
    if any(e.kind == "approved" for e in view.edges):
        others.append(f"<li>{_swatch_line(APPROVED_COLOUR, 2.2, '7 5')}approved indication (FDA or EMA, Table 1)</li>")
    if any(e.kind == "subclass_of" for e in view.edges):
        others.append(f"<li>{_swatch_line(SUBCLASS_COLOUR, 1.4, '2 3')}form of another counted disorder</li>")
    rows.append("</ul>" + ('<h2>Other lines</h2><ul class="legend">' + "".join(others) + "</ul>" if others else ""))
    return "\n".join(rows)


def page(title: str, subtitle: str, body: str, aside: str, tips: dict[str, Any], data: dict[str, Any] | None = None,
         scripts: Sequence[str] = ("netview.js",), before: str = "", fill: bool = False) -> str:
    """One self-contained page: inline style, inline data, inline scripts, no external resource.

    ``before`` goes at the top of the side panel, above the evidence box; ``aside`` below it. A ``fill`` page
    is as tall as the window, its drawing taking the height the header leaves.
    """
    esc = html.escape
    fill_class = ' class="fill"'
    code = "".join(f"<script>\n{_asset(name)}</script>\n" for name in scripts)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{esc(title)}</title>\n<style>\n{_asset('netview.css')}</style>\n</head>\n"
        f"<body{fill_class if fill else ''}>\n"
        f"<header><h1>{esc(title)}</h1><p id=\"subtitle\">{esc(subtitle)}</p></header>\n"
        f"<div class=\"page\"><div class=\"stage\">\n{body}\n</div>\n<aside>\n{before}\n"
        "<h2>Evidence</h2><div id=\"details\" aria-live=\"polite\"></div>\n"
        f"{aside}\n</aside></div>\n"
        "<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n"
        f"<script type=\"application/json\" id=\"view-data\">{_script_json({**(data or {}), 'tips': tips})}</script>\n"
        f"{code}</body>\n</html>\n")


def page_data(view: NetworkView, state: FilterState) -> dict[str, Any]:
    """What the explore script needs: every node's place and kind, every line's ends, level and scope, the state."""
    nodes = {n.id: {"x": round(n.x, 1), "y": round(n.y, 1), "label": n.label, "kind": n.kind}
             for n in list(view.nodes.values()) + [a.node for a in view.arcs]}
    edges = {f"e{i}": {"from": e.source, "to": e.target, "kind": e.kind, "level": e.level, "within": list(e.within)}
             for i, e in enumerate(view.edges)}
    return {"nodes": nodes, "edges": edges, "groups": {a.group: list(a.members) for a in view.arcs},
            "state": state.as_json(),
            "sizes": {"full": LABEL_SIZE, "short": SHORT_LABEL_SIZE, "legible": LEGIBLE, "unreadable": UNREADABLE}}


def render_html(view: NetworkView, state: FilterState = FilterState()) -> str:
    """The network as one offline HTML page that opens with the lines and nodes ``state`` keeps shown."""
    tips = {f"e{i}": e.tip for i, e in enumerate(view.edges)}
    tips.update({f"n:{n.id}": n.tip for n in view.nodes.values()})
    tips.update({f"n:{a.node.id}": a.node.tip for a in view.arcs})
    hint = '<p class="hint">Hover over a line or a node for its evidence; click to keep it here. Esc releases it.</p>'
    body = zoom_buttons() + _svg(view, hidden_in(view, state))
    return page(view.title, view.subtitle, body, legend_html(view), tips, page_data(view, state),
                ("netview.js", "netexplore.js"), controls(view, state) + hint, fill=True)
