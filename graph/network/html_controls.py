"""The network page's controls: find a drug or disorder, zoom buttons, and the filters with their opening state."""
from __future__ import annotations

import html

from .filters import FilterState
from .layout import NetworkView


def _option(value: str, text: str, chosen: bool) -> str:
    return f'<option value="{html.escape(value)}"{" selected" if chosen else ""}>{html.escape(text)}</option>'


def find_box(view: NetworkView) -> str:
    """A search field offering every drug, disorder and group by name, and the line that answers it."""
    names = sorted({n.label for n in view.nodes.values()} | {a.node.label for a in view.arcs}, key=str.lower)
    options = "".join(f'<option value="{html.escape(name)}">' for name in names)
    return ('<form id="find" role="search" autocomplete="off"><label for="find-name">Find a drug or disorder</label>'
            '<div class="find-row"><input id="find-name" type="search" list="find-names" placeholder="e.g. VEXAS syndrome">'
            '<button type="submit">Find</button></div><p id="find-message" class="hint" aria-live="polite"></p></form>'
            f'<datalist id="find-names">{options}</datalist>')


def zoom_buttons() -> str:
    """Buttons over the drawing: zoom in, zoom out, fit everything shown."""
    return ('<div class="zoom-buttons" role="group" aria-label="Zoom">'
            '<button type="button" data-zoom="in" title="Zoom in (+ or the mouse wheel)" aria-label="Zoom in">+</button>'
            '<button type="button" data-zoom="out" title="Zoom out (−)" aria-label="Zoom out">−</button>'
            '<button type="button" data-zoom="fit" title="Fit what is shown (0)">Fit</button></div>')


def filter_form(view: NetworkView, state: FilterState) -> str:
    """Drug boxes, a disease-group menu, a lowest-level menu and an approvals box, set to ``state``."""
    esc = html.escape
    drugs = sorted((n for n in view.nodes.values() if n.kind == "drug"), key=lambda n: n.label.lower())
    boxes = "".join(f'<label><input type="checkbox" name="drug" value="{esc(n.id)}"'
                    f'{" checked" if not state.drugs or n.id in state.drugs else ""}> {esc(n.label)}</label>' for n in drugs)
    groups = [_option("", "every disorder", not state.groups)]
    known = {a.group for a in view.arcs}
    groups += [_option(a.group, a.node.label, state.groups == (a.group,))
               for a in sorted(view.arcs, key=lambda a: a.node.label.lower())]
    if state.groups and not (len(state.groups) == 1 and state.groups[0] in known):
        names = " or ".join(view.nodes[g].label if g in view.nodes else g.split(":", 1)[-1].replace("-", " ")
                            for g in state.groups)
        groups.append(_option(" ".join(state.groups), f"{names} (and the diseases under it)", True))
    levels = [_option(str(d.rank), f"{d.label} or stronger (rank {d.rank})" if d.rank else f"any level (rank 0 and above)",
                      d.rank == state.min_level) for d in view.scale]
    return ('<form id="filters"><fieldset><legend>Drugs</legend>' + boxes + "</fieldset>"
            f'<label class="field">Disease group <select name="group">{"".join(groups)}</select></label>'
            f'<label class="field">Lowest level of evidence <select name="min-level">{"".join(levels)}</select></label>'
            f'<label><input type="checkbox" name="approved"{" checked" if state.approved else ""}> '
            'approved indications (Table 1)</label>'
            '<button type="button" id="show-all">Show everything</button></form>')


def controls(view: NetworkView, state: FilterState) -> str:
    """The explore panel: finding, filtering, and how to zoom and move."""
    return ('<h2>Explore</h2>' + find_box(view) + filter_form(view, state)
            + '<p class="hint">Zoom with the mouse wheel, the buttons or + and −; move by dragging or with the arrow '
              'keys; 0 fits the drawing. Names are shortened until you zoom in; hover over a node for its full name.</p>')
