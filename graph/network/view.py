"""The drug–disorder network drawn: one offline HTML file (inline SVG and scripts) or a static PNG/SVG picture.

Disorders sit on a ring, grouped as the review groups them (an arc and the group's name mark each disease
group); drugs sit inside, near the disorders they reach and never on a line that is not theirs. A line joins a
drug to a counted disorder when the review gives off-label evidence for the pair: its colour is the highest
level of evidence, its width grows with the log of the patients. Approved indications (Table 1) are dashed green
lines. Positions are computed here, in Python, so the page, the picture and the GraphML/GEXF exports agree.

The page always holds the whole network, laid out once; the command line's filters set the state it opens in
and its own controls change it. A picture is drawn from the filtered network, laid out for what it shows.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from jakgraph.graph.export.atomic import write_atomically
from .html_page import page, render_html
from .labels import text_width
from .layout import (APPROVED_COLOUR, NetworkView, Selection, VIEW_FORMATS, approval_lines, describe,
                     disorder_blocks, layout, level_colour, pair_tip, ranked_items, select)
from .picture import render_static, require_matplotlib


TITLE = "JAK inhibitors and the skin disorders they reach"


def network_view(store: Any, network: Any = None) -> NetworkView:
    """The whole network laid out as the page draws it (and as the exports place it); ``network`` if already read."""
    from .analysis import evidence_scale
    from .model import evidence_network

    return layout(select(network if network is not None else evidence_network(store)), evidence_scale(store), TITLE)


def write_viz(store: Any, path: Path, drugs: Sequence[str] = (), groups: Sequence[str] = (),
              min_level: str | int | None = None) -> NetworkView:
    """Draw the network of ``store`` into ``path``: ``.html`` (interactive, offline), ``.png`` or ``.svg``.

    Returns the view; its subtitle counts what the filters keep.
    """
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
    network = evidence_network(store)
    selection = select(network, drugs, groups, rank)
    if not selection.pairs and not selection.approvals:
        raise UserError("nothing to draw: no drug–disorder pair passes the filters")
    if path.suffix.lower() == ".html":
        view = layout(select(network), scale, TITLE)
        view.subtitle = describe(selection)
        write_atomically(path, lambda target: target.write_text(render_html(view, selection.state), encoding="utf-8"))
    else:
        view = layout(selection, scale, TITLE)
        write_atomically(path, lambda target: render_static(view, target))
    return view

__all__ = ['APPROVED_COLOUR', 'NetworkView', 'Selection', 'TITLE', 'VIEW_FORMATS', 'approval_lines', 'describe',
           'disorder_blocks', 'layout', 'level_colour', 'network_view', 'page', 'pair_tip', 'ranked_items',
           'render_html', 'render_static', 'require_matplotlib', 'select', 'text_width', 'write_viz']
