"""The drug–disorder network drawn: one offline HTML file (inline SVG and script) or a static PNG/SVG picture.

Disorders sit on a ring, grouped as the review groups them (an arc marks each disease group); drugs sit inside,
the drug reaching most disorders in the middle. A line joins a drug to a counted disorder when the review
gives off-label evidence for the pair: its colour is the highest level of evidence, its width grows with the
log of the patients. Approved indications (Table 1) are dashed green lines. Positions are computed here, in
Python, so the HTML and the matplotlib picture show the same drawing.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from jakgraph.graph.export.atomic import write_atomically
from .html_page import page, render_html
from .layout import (APPROVED_COLOUR, NetworkView, Selection, VIEW_FORMATS, approval_lines,
                         disorder_blocks, layout, level_colour, pair_tip, ranked_items, select, text_width)
from .picture import render_static, require_matplotlib


TITLE = "JAK inhibitors and the skin disorders they reach"


def write_viz(store: Any, path: Path, drugs: Sequence[str] = (), groups: Sequence[str] = (),
              min_level: str | int | None = None) -> NetworkView:
    """Draw the network of ``store`` into ``path``: ``.html`` (interactive, offline), ``.png`` or ``.svg``."""
    from jakgraph.errors import UserError

    from .model import evidence_network
    from .analysis import design_rank, evidence_scale

    path = Path(path)
    if path.suffix.lower() not in VIEW_FORMATS:
        raise UserError(f"cannot draw into {path.name}: the file name must end in .html, .png or .svg")
    if path.suffix.lower() != ".html":
        require_matplotlib()
    scale = evidence_scale(store)
    rank = design_rank(scale, min_level) if min_level is not None else None
    selection = select(evidence_network(store), drugs, groups, rank)
    if not selection.pairs and not selection.approvals:
        raise UserError("nothing to draw: no drug–disorder pair passes the filters")
    view = layout(selection, scale, TITLE)
    if path.suffix.lower() == ".html":
        write_atomically(path, lambda target: target.write_text(render_html(view), encoding="utf-8"))
    else:
        write_atomically(path, lambda target: render_static(view, target))
    return view

__all__ = ['APPROVED_COLOUR', 'NetworkView', 'Selection', 'TITLE', 'VIEW_FORMATS', 'approval_lines', 'disorder_blocks', 'layout', 'level_colour', 'page', 'pair_tip', 'ranked_items', 'render_html', 'render_static', 'require_matplotlib', 'select', 'text_width', 'write_viz']
