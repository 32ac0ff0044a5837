"""The network view as a static PNG or SVG picture, drawn headless with matplotlib."""
from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from .labels import DRUG_LABEL_SIZE, GROUP_LABEL_SIZE, LABEL_SIZE, group_label, label_anchor, label_lines
if TYPE_CHECKING:
    from matplotlib.figure import Figure

from .layout import (APPROVED_COLOUR, NetworkView, SUBCLASS_COLOUR, TYPE_COLOURS, TYPE_NAMES, edge_path, edge_width,
                     level_colour)


def render_static(view: NetworkView, path: Path) -> None:
    """The network as a PNG or SVG picture drawn with matplotlib, without a display."""
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Arc as ArcPatch
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    x0, y0, width, height = view.box
    legend_width, title_height = 360.0, 62.0
    dpi = 100
    full_width, full_height = width + legend_width, height + title_height
    figure = Figure(figsize=(full_width / dpi, full_height / dpi), dpi=dpi)
    axes = figure.add_axes((0, 0, width / full_width, height / full_height))
    axes.set_xlim(x0, x0 + width)
    axes.set_ylim(y0 + height, y0)
    axes.set_aspect("equal")
    axes.axis("off")
    pt = 72 / dpi
    order = {"subclass_of": 0, "off_label": 1, "approved": 2}
    for edge in sorted(view.edges, key=lambda e: (order[e.kind], e.width)):
        start, control, end = edge_path(view, edge)
        style = (0, (7 / edge.width, 5 / edge.width)) if edge.kind == "approved" else (
            (0, (2 / edge.width, 3 / edge.width)) if edge.kind == "subclass_of" else "solid")
        curve = MplPath([start, control, end], [MplPath.MOVETO, MplPath.CURVE3, MplPath.CURVE3])
        axes.add_patch(PathPatch(curve, fill=False, edgecolor=edge.colour, linewidth=edge.width * pt,
                                 linestyle=style, capstyle="round", zorder=1 + order[edge.kind]))
    for arc in view.arcs:
        axes.add_patch(ArcPatch((0, 0), 2 * arc.radius, 2 * arc.radius, theta1=math.degrees(arc.start),
                                theta2=math.degrees(arc.end), edgecolor=TYPE_COLOURS["group"], linewidth=5 * pt, zorder=4))
        for x, y, rotation, line in group_label(arc.node.label, arc.node.angle, arc.label_radius):
            axes.text(x, y, line, rotation=-rotation, rotation_mode="anchor", ha="center", va="center",
                      fontsize=GROUP_LABEL_SIZE * pt, fontweight="bold", fontstyle="italic", color=TYPE_COLOURS["group"],
                      zorder=7)
    for node in view.nodes.values():
        if node.narrower:
            axes.scatter([node.x], [node.y], s=(2 * (node.r + 3.5) * pt) ** 2, facecolors="none",
                         edgecolors=TYPE_COLOURS["group"], linewidths=2 * pt, zorder=5)
        axes.scatter([node.x], [node.y], s=(2 * node.r * pt) ** 2, color=TYPE_COLOURS[node.kind],
                     edgecolors=TYPE_COLOURS["disorder"] if node.kind == "indication" else "white",
                     linewidths=1.5 * pt, zorder=6)
        if node.kind == "drug":
            axes.text(node.x, node.y + node.r + 4 + 0.6 * DRUG_LABEL_SIZE, node.label, ha="center", va="center", fontsize=DRUG_LABEL_SIZE * pt,
                      fontweight="bold", zorder=8, bbox={"boxstyle": "round,pad=0.12", "facecolor": "white",
                                                         "edgecolor": "none", "alpha": 0.85})
        else:
            x, y, rotate, anchor = label_anchor(node, view.ring)
            axes.text(x, y, "\n".join(label_lines(node.label)), rotation=-rotate, rotation_mode="anchor",
                      ha="left" if anchor == "start" else "right", va="center", linespacing=1.0,
                      multialignment="left" if anchor == "start" else "right", fontsize=LABEL_SIZE * pt, zorder=7)
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=TYPE_COLOURS[k],
                      markeredgecolor=TYPE_COLOURS["disorder"] if k == "indication" else "white", label=TYPE_NAMES[k])
               for k in ("drug", "disorder", "indication") if any(n.kind == k for n in view.nodes.values())]
    if view.arcs:
        handles.append(Line2D([], [], color=TYPE_COLOURS["group"], linewidth=5 * pt, label=TYPE_NAMES["group"]))
    if any(n.narrower for n in view.nodes.values()):
        handles.append(Line2D([], [], marker="o", linestyle="", markersize=12, markerfacecolor="none",
                              markeredgecolor=TYPE_COLOURS["group"], markeredgewidth=1.5,
                              label="disorder with narrower diseases"))
    handles += [Line2D([], [], color=level_colour(d.rank), linewidth=4, label=f"{d.label} (rank {d.rank})")
                for d in reversed(view.designs)]
    handles += [Line2D([], [], color="#6b7785", linewidth=edge_width(n) * pt, label=f"{n} patient{'s' * (n != 1)}")
                for n in (1, 10, 100)]
    if any(e.kind == "approved" for e in view.edges):
        handles.append(Line2D([], [], color=APPROVED_COLOUR, linewidth=2.2 * pt * 1.4, linestyle=(0, (4, 3)),
                              label="approved indication (FDA or EMA)"))
    if any(e.kind == "subclass_of" for e in view.edges):
        handles.append(Line2D([], [], color=SUBCLASS_COLOUR, linewidth=1.4 * pt * 1.4, linestyle=(0, (1, 2)),
                              label="form of another counted disorder"))
    figure.legend(handles=handles, loc="upper left", bbox_to_anchor=(width / full_width, 1 - title_height / full_height),
                  frameon=False, fontsize=13 * pt, title="line colour: highest level of evidence\nline width: patients",
                  title_fontsize=13 * pt, alignment="left", handlelength=2.6, labelspacing=0.55)
    figure.text(14 / full_width, 1 - 12 / full_height, view.title, ha="left", va="top", fontsize=20 * pt, fontweight="bold")
    figure.text(14 / full_width, 1 - 40 / full_height, view.subtitle, ha="left", va="top", fontsize=13 * pt, color="#5b6573")
    save_figure(figure, path)


def save_figure(figure: "Figure", path: Path) -> None:
    """Save a figure as PNG (150 dpi) or SVG, chosen by the file's extension.

    SVG keeps its text as text (searchable, small); neither format records a date, so rebuilds are identical.
    """
    import matplotlib

    fmt = path.suffix.lower().lstrip(".")
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "jakgraph"}):
        figure.savefig(path, format=fmt, dpi=150 if fmt == "png" else figure.dpi, facecolor="white",
                       metadata={"Software": None} if fmt == "png" else {"Date": None})


# ----------------------------------------------------------------------------- entry point


def require_matplotlib() -> None:
    """Fail with one line when matplotlib, needed for PNG and SVG pictures, is not installed."""
    from jakgraph.errors import UserError

    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise UserError("PNG and SVG pictures need matplotlib: reinstall jakgraph with its dependencies (pip install .)") from None
