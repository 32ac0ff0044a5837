"""The network view as one offline HTML page: inline SVG, legend, tooltips and script."""
from __future__ import annotations

import html
import json
import math
from importlib.resources import files
from typing import Any

from .layout import (APPROVED_COLOUR, NetworkView, SUBCLASS_COLOUR, TYPE_COLOURS, TYPE_NAMES, connector,
                         edge_path, edge_width, group_label, label_anchor, label_lines, level_colour)


def _asset(name: str) -> str:
    return files("jakgraph.graph.network").joinpath("static").joinpath(name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element."""
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(view: NetworkView) -> str:
    esc = html.escape
    x0, y0, width, height = view.box
    out = [f'<svg class="network" data-drawing viewBox="{_n(x0)} {_n(y0)} {_n(width)} {_n(height)}" '
           f'preserveAspectRatio="xMidYMid meet" role="img" aria-label="{esc(view.title)}">']
    out.append('<g class="arcs">')
    for arc in view.arcs:
        (sx, sy), (ex, ey) = ((arc.radius * math.cos(a), arc.radius * math.sin(a)) for a in (arc.start, arc.end))
        large = 1 if arc.end - arc.start > math.pi else 0
        out.append(f'<path d="M{_n(sx)},{_n(sy)} A{_n(arc.radius)},{_n(arc.radius)} 0 {large} 1 {_n(ex)},{_n(ey)}" '
                   f'fill="none" stroke="{TYPE_COLOURS["group"]}" stroke-width="5" stroke-linecap="round"/>')
        (fx, fy), (tx, ty) = connector(arc)
        out.append(f'<line x1="{_n(fx)}" y1="{_n(fy)}" x2="{_n(tx)}" y2="{_n(ty)}" stroke="{TYPE_COLOURS["group"]}" '
                   f'stroke-width="1" stroke-dasharray="1 4" stroke-linecap="round"/>')
    out.append('</g><g class="edges">')
    order = {"subclass_of": 0, "approved": 2, "off_label": 1}
    for index, edge in sorted(enumerate(view.edges), key=lambda e: (order[e[1].kind], e[1].width)):
        (ax, ay), (cx, cy), (bx, by) = edge_path(view, edge)
        d = f"M{_n(ax)},{_n(ay)} Q{_n(cx)},{_n(cy)} {_n(bx)},{_n(by)}"
        dash = ' stroke-dasharray="7 5"' if edge.kind == "approved" else (' stroke-dasharray="2 3"' if edge.kind == "subclass_of" else "")
        out.append(f'<g class="edge {edge.kind}" data-edge="{esc(edge.source)}|{esc(edge.target)}" data-kind="{edge.kind}" '
                   f'data-ends="{esc(edge.source)} {esc(edge.target)}" data-tip="e{index}">'
                   f'<path class="line" d="{d}" stroke="{edge.colour}" stroke-width="{edge.width}"{dash}/>'
                   f'<path class="hit" d="{d}"/></g>')
    out.append('</g><g class="nodes">')
    for node in view.nodes.values():
        fill = TYPE_COLOURS[node.kind]
        stroke = TYPE_COLOURS["disorder"] if node.kind == "indication" else "#fff"
        out.append(f'<g class="node {node.kind}" data-node="{esc(node.id)}" data-tip="n:{esc(node.id)}">')
        if node.narrower:
            out.append(f'<circle cx="{_n(node.x)}" cy="{_n(node.y)}" r="{_n(node.r + 3.5)}" fill="none" '
                       f'stroke="{TYPE_COLOURS["group"]}" stroke-width="2"/>')
        out.append(f'<circle cx="{_n(node.x)}" cy="{_n(node.y)}" r="{_n(node.r)}" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>')
        if node.kind == "drug":
            out.append(f'<text class="drug-label" x="{_n(node.x)}" y="{_n(node.y + node.r + 17)}" text-anchor="middle">{esc(node.label)}</text>')
        else:
            x, y, rotate, anchor = label_anchor(node, view.ring)
            lines = label_lines(node.label)
            spans = "".join(f'<tspan x="{_n(x)}" dy="{0.35 - 0.55 * (len(lines) - 1) if i == 0 else 1.1:.2f}em">{esc(line)}</tspan>'
                            for i, line in enumerate(lines))
            out.append(f'<text class="label" x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" '
                       f'transform="rotate({_n(rotate)} {_n(x)} {_n(y)})">{spans}</text>')
        out.append("</g>")
    for arc in view.arcs:
        node = arc.node
        x, y, anchor, lines = group_label(node)
        size = 9
        spans = "".join(f'<tspan x="{_n(x)}" y="{_n(y + 16 * i)}">{esc(line)}</tspan>' for i, line in enumerate(lines))
        out.append(f'<g class="node group" data-node="{esc(node.id)}" data-tip="n:{esc(node.id)}">'
                   f'<path d="M{_n(node.x)},{_n(node.y - size)} l{size},{size} l-{size},{size} l-{size},-{size} z" '
                   f'fill="{TYPE_COLOURS["group"]}" stroke="#fff" stroke-width="1.5"/>'
                   f'<text class="group-label" text-anchor="{anchor}" fill="{TYPE_COLOURS["group"]}">{spans}</text></g>')
    out.append("</g></svg>")
    return "\n".join(out)


def _swatch_line(colour: str, width: float, dash: str = "") -> str:
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (f'<svg width="38" height="14" aria-hidden="true"><line x1="2" y1="7" x2="36" y2="7" stroke="{colour}" '
            f'stroke-width="{width}" stroke-linecap="round"{dash_attr}/></svg>')


def _swatch_node(kind: str, ring: bool = False) -> str:
    if kind == "group":
        shape = f'<path d="M11,2 l7,7 l-7,7 l-7,-7 z" fill="{TYPE_COLOURS["group"]}"/>'
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


def page(title: str, subtitle: str, body: str, aside: str, tips: dict[str, Any]) -> str:
    """One self-contained page: inline style, inline data, inline script, no external resource."""
    esc = html.escape
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{esc(title)}</title>\n<style>\n{_asset('netview.css')}</style>\n</head>\n<body>\n"
        f"<header><h1>{esc(title)}</h1><p>{esc(subtitle)}</p></header>\n"
        f"<div class=\"page\"><div class=\"stage\">\n{body}\n</div>\n<aside>\n{aside}\n"
        "<h2>Evidence</h2><div id=\"details\" aria-live=\"polite\"></div>\n</aside></div>\n"
        "<div id=\"tooltip\" role=\"tooltip\" hidden></div>\n"
        f"<script type=\"application/json\" id=\"view-data\">{_script_json({'tips': tips})}</script>\n"
        f"<script>\n{_asset('netview.js')}</script>\n</body>\n</html>\n")


def render_html(view: NetworkView) -> str:
    """The network as one offline HTML page."""
    tips = {f"e{i}": e.tip for i, e in enumerate(view.edges)}
    tips.update({f"n:{n.id}": n.tip for n in view.nodes.values()})
    tips.update({f"n:{a.node.id}": a.node.tip for a in view.arcs})
    hint = '<p class="hint">Hover over a line or a node for its evidence; click to keep it below. Esc releases it.</p>'
    return page(view.title, view.subtitle, _svg(view), hint + legend_html(view), tips)


# ----------------------------------------------------------------------------- static picture
