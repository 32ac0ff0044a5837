"""The evidence gap map: JAK inhibitors by counted disorders, as one offline HTML page or a PNG or SVG picture.

Rows are the disorders the review counts, grouped as it groups them (its disease groups first, a narrower
counted disorder under its broader one), then the approved indications it does not count as off-label
disorders. Columns are the drugs. A filled cell shows the highest level of evidence (colour) and the patients
(circle size and number); an empty, hatched cell is a gap: the review gives no evidence for that drug there.
Approved indications (Table 1) carry a dashed green frame, apart from the evidence.
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .analysis import Design
from .model import count_patients
from .picture import save_figure
from .view import (APPROVED_COLOUR, Selection, approval_lines, disorder_blocks, level_colour, page, pair_tip,
                  ranked_items, text_width)

GAP_FORMATS = (".html", ".png", ".svg")
OTHER = "other disorders"
UNCOUNTED = "approved indications not counted as off-label disorders"


@dataclass
class Cell:
    """One drug × disorder cell: highest level and patients when there is evidence, approvals, its tooltip.

    ``patients`` counts each patient once; ``patients_naive`` sums the items' numbers (more where two items of the
    cell share patients).
    """

    drug: str
    disorder: str
    level: int | None
    design: str
    patients: int
    approvals: list[str]
    tip: dict[str, Any] = field(default_factory=dict)
    patients_naive: int = 0

    @property
    def shared(self) -> int:
        """Patients the naive sum counts twice."""
        return self.patients_naive - self.patients

    @property
    def gap(self) -> bool:
        return self.level is None


@dataclass
class Row:
    """A disorder of the map with its cells, one per drug; ``depth`` 1 for a form of the disorder above."""

    disorder: str
    label: str
    depth: int
    narrower: tuple[str, ...]
    cells: list[Cell]


@dataclass
class Section:
    """Rows under one heading: a disease group of the review, the other counted disorders, or uncounted indications."""

    heading: str
    rows: list[Row]


@dataclass
class GapMap:
    """The whole map: drug columns (CURIE, label, routes), sections of rows, and the designs it shows."""

    drugs: list[tuple[str, str, str]]
    sections: list[Section]
    designs: list[Design]

    @property
    def cells(self) -> list[Cell]:
        return [cell for section in self.sections for row in section.rows for cell in row.cells]

    def counted_cells(self) -> list[Cell]:
        """Cells of the counted disorders (every section but the uncounted indications)."""
        return [c for s in self.sections if s.heading != UNCOUNTED for r in s.rows for c in r.cells]


def circle_radius(patients: int) -> float:
    """Radius in pixels of a cell's circle: 3.5 px plus 2.6 px per power of ten of patients."""
    return round(3.5 + 2.6 * math.log10(1 + max(patients, 0)), 2)


def gap_map(selection: Selection, scale: list[Design]) -> GapMap:
    """Arrange the selected pairs and approvals as the gap map."""
    labels = selection.labels
    drugs = sorted({d for d, _n in list(selection.pairs) + list(selection.approvals)}, key=lambda d: labels[d].lower())
    routes = {d: " · ".join(sorted({i["route"] for (dr, _n), items in selection.pairs.items() if dr == d for i in items}))
              for d in drugs}
    reached = {n for _d, n in list(selection.pairs) + list(selection.approvals)}
    counted = sorted((n for n in reached if n in selection.counted), key=lambda n: labels[n].lower())
    sections = []
    for group, members in disorder_blocks(selection, counted):
        heading = labels[group] if group else OTHER
        if sections and sections[-1].heading == heading:
            sections[-1].rows += _rows(selection, drugs, members)
        else:
            sections.append(Section(heading, _rows(selection, drugs, members)))
    others = sorted((n for n in reached if n not in selection.counted), key=lambda n: labels[n].lower())
    if others:
        sections.append(Section(UNCOUNTED, _rows(selection, drugs, others)))
    used = {c.level for s in sections for r in s.rows for c in r.cells if c.level is not None}
    return GapMap([(d, labels[d], routes[d]) for d in drugs], sections, [s for s in scale if s.rank in used])


def _rows(selection: Selection, drugs: list[str], disorders: list[str]) -> list[Row]:
    rows = []
    for disorder in disorders:
        depth = int(any(p in disorders for p in selection.broader.get(disorder, [])))
        rows.append(Row(disorder, selection.labels[disorder], depth, selection.narrower_labels.get(disorder, ()),
                        [_cell(selection, drug, disorder) for drug in drugs]))
    return rows


def _cell(selection: Selection, drug: str, disorder: str) -> Cell:
    labels = selection.labels
    approvals = approval_lines(selection, drug, disorder)
    items = selection.pairs.get((drug, disorder))
    if items:
        best = ranked_items(items)[0]
        tip = pair_tip(selection, drug, disorder)
        if approvals:
            tip["lines"] = tip["lines"] + ["also approved: " + "; ".join(approvals)]
        patients = count_patients(items)
        return Cell(drug, disorder, best["level"], best["design_label"], patients.once, approvals, tip, patients.naive)
    lines = ["gap: the review gives no off-label evidence for this pair"]
    if approvals:
        lines = ["approved indication in dermatology (Table 1); no off-label evidence"] + approvals
    return Cell(drug, disorder, None, "", 0, approvals, {"title": f"{labels[drug]} → {labels[disorder]}", "lines": lines})


# ----------------------------------------------------------------------------- HTML


def _circle_svg(cell: Cell) -> str:
    radius = circle_radius(cell.patients)
    size = math.ceil(2 * radius + 2)
    return (f'<svg width="{size}" height="{size}" aria-hidden="true"><circle cx="{size / 2}" cy="{size / 2}" r="{radius}" '
            f'fill="{level_colour(cell.level or 0)}"/></svg>')


def _legend(gaps: GapMap) -> str:
    esc = html.escape
    rows = ['<h2>Highest level of evidence</h2><ul class="legend">']
    for design in reversed(gaps.designs):
        rows.append(f'<li><svg width="18" height="18" aria-hidden="true"><circle cx="9" cy="9" r="7" '
                    f'fill="{level_colour(design.rank)}"/></svg>{esc(design.label)} <span class="hint">(rank {design.rank})</span></li>')
    rows.append('</ul><h2>Patients (circle size and number)</h2><ul class="legend">')
    for n in (1, 10, 100):
        r = circle_radius(n)
        rows.append(f'<li><svg width="26" height="26" aria-hidden="true"><circle cx="13" cy="13" r="{r}" fill="#6b7785"/></svg>'
                    f'{n} patient{"s" * (n != 1)}</li>')
    rows.append('<li><span class="hint">n? · number of patients not given</span></li>')
    rows.append('</ul><h2>Cells</h2><ul class="legend">')
    rows.append('<li><svg width="34" height="20" aria-hidden="true"><defs><pattern id="hatch" width="7" height="7" '
                'patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" height="7" fill="#fff"/>'
                '<rect width="2" height="7" fill="#eceff3"/></pattern></defs><rect x="1" y="1" width="32" height="18" '
                'rx="3" fill="url(#hatch)" stroke="#d9dee5"/></svg>gap: no evidence in the review</li>')
    rows.append(f'<li><svg width="34" height="20" aria-hidden="true"><rect x="1.5" y="1.5" width="31" height="17" rx="3" '
                f'fill="#eef2f6" stroke="{APPROVED_COLOUR}" stroke-width="2" stroke-dasharray="4 3"/></svg>'
                'approved indication (FDA or EMA, Table 1)</li></ul>')
    return "\n".join(rows)


def _table(gaps: GapMap) -> str:
    esc = html.escape
    out = ['<table class="gapmap" data-drawing><thead><tr><th></th>']
    out += [f'<th scope="col" data-drug="{esc(d)}">{esc(label)}<small>{esc(route)}</small></th>' for d, label, route in gaps.drugs]
    out.append("</tr></thead><tbody>")
    for section in gaps.sections:
        out.append(f'<tr class="section"><th colspan="{len(gaps.drugs) + 1}">{esc(section.heading)}</th></tr>')
        for row in section.rows:
            title = f' title="narrower: {esc(", ".join(row.narrower))}"' if row.narrower else ""
            mark = " <small>▸</small>" if row.narrower else ""
            prefix = "↳ " if row.depth else ""
            out.append(f'<tr data-disorder="{esc(row.disorder)}"><th scope="row" class="disorder{" child" if row.depth else ""}"'
                       f'{title}>{prefix}{esc(row.label)}{mark}</th>')
            for cell in row.cells:
                classes = ["cell", "gap" if cell.gap else "filled"] + (["approved"] if cell.approvals else [])
                tip = f"c:{cell.drug}|{cell.disorder}"
                body = ""
                if not cell.gap:
                    body = f'{_circle_svg(cell)}<span>{cell.patients if cell.patients else "n?"}</span>'
                out.append(f'<td class="{" ".join(classes)}" data-cell="{esc(cell.drug)}|{esc(cell.disorder)}" '
                           f'data-level="{"" if cell.gap else cell.level}" data-tip="{esc(tip)}">{body}</td>')
            out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def summary_line(gaps: GapMap) -> str:
    """Counts of the map: drugs, counted disorders, filled cells and gaps among the counted disorders."""
    cells = gaps.counted_cells()
    filled = sum(not c.gap for c in cells)
    rows = len(cells) // max(len(gaps.drugs), 1)
    return (f"{len(gaps.drugs)} drugs × {rows} counted disorders: {filled} pairs with off-label evidence, "
            f"{len(cells) - filled} gaps; {sum(bool(c.approvals) for c in gaps.cells)} approved pairs marked apart")


def render_html(gaps: GapMap) -> str:
    """The gap map as one offline HTML page."""
    tips = {f"c:{c.drug}|{c.disorder}": c.tip for c in gaps.cells}
    body = f'<div class="gapmap-wrap">\n{_table(gaps)}\n</div>'
    hint = '<p class="hint">Hover over a cell for its evidence; click to keep it here.</p>'
    return page("Evidence gap map: JAK inhibitors × skin disorders", summary_line(gaps), body, _legend(gaps), tips,
                before=hint)


# ----------------------------------------------------------------------------- PNG and SVG


def render_picture(gaps: GapMap, path: Path) -> None:
    """The gap map as a PNG or SVG (by ``path``'s extension) drawn with matplotlib, without a display.

    In the SVG each cell is a group whose id names it: ``filled DRUG|DISORDER`` or ``gap DRUG|DISORDER``, and
    ``approved DRUG|DISORDER`` for the frame of an approved indication.
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyBboxPatch

    row_h, col_w, head_h, title_h, legend_w = 27.0, 132.0, 54.0, 62.0, 300.0
    label_w = 40 + 0.9 * max(text_width(("↳ " if r.depth else "") + r.label + " ▸", 13) for s in gaps.sections for r in s.rows)
    lines = sum(1 + len(s.rows) for s in gaps.sections)
    width = label_w + col_w * len(gaps.drugs) + legend_w
    height = title_h + head_h + row_h * lines + 36
    dpi = 100
    pt = 72 / dpi
    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(height, 0)
    axes.axis("off")
    axes.text(14, 14, "Evidence gap map: JAK inhibitors × skin disorders", ha="left", va="top", fontsize=20 * pt, fontweight="bold")
    axes.text(14, 42, summary_line(gaps), ha="left", va="top", fontsize=12.5 * pt, color="#5b6573")
    top = title_h + head_h
    for index, (_drug, label, route) in enumerate(gaps.drugs):
        x = label_w + col_w * (index + 0.5)
        axes.text(x, top - 24, label, ha="center", va="bottom", fontsize=14 * pt, fontweight="bold")
        axes.text(x, top - 8, route, ha="center", va="bottom", fontsize=12 * pt, color="#5b6573")
    y = top
    for section in gaps.sections:
        axes.text(14, y + row_h * 0.62, section.heading, ha="left", va="center", fontsize=13.5 * pt, fontweight="bold")
        axes.plot([14, label_w + col_w * len(gaps.drugs)], [y + row_h - 2, y + row_h - 2], color="#d9dee5", linewidth=2 * pt)
        y += row_h
        for row in section.rows:
            text = ("↳ " if row.depth else "") + row.label + (" ▸" if row.narrower else "")
            axes.text(label_w - 12, y + row_h / 2, text, ha="right", va="center", fontsize=13 * pt,
                      color="#5b6573" if row.depth else "#1d2430")
            for index, cell in enumerate(row.cells):
                x = label_w + col_w * index
                box = FancyBboxPatch((x + 3, y + 2), col_w - 6, row_h - 4, boxstyle="round,pad=0,rounding_size=3",
                                     facecolor="white" if cell.gap else "#eef2f6", edgecolor="#dde2e8" if cell.gap else "none",
                                     hatch="////" if cell.gap else None, linewidth=0.6 * pt,
                                     gid=f"{'gap' if cell.gap else 'filled'} {cell.drug}|{cell.disorder}")
                axes.add_patch(box)
                if cell.approvals:
                    axes.add_patch(FancyBboxPatch((x + 4, y + 3), col_w - 8, row_h - 6, boxstyle="round,pad=0,rounding_size=3",
                                                  facecolor="none", edgecolor=APPROVED_COLOUR, linewidth=2 * pt,
                                                  linestyle=(0, (4, 3)), gid=f"approved {cell.drug}|{cell.disorder}"))
                    axes.text(x + (col_w / 2 if cell.gap else col_w - 14), y + row_h / 2, "approved",
                              ha="center" if cell.gap else "right", va="center", fontsize=10 * pt,
                              color=APPROVED_COLOUR, fontweight="bold")
                if not cell.gap:
                    cx = x + col_w * (0.3 if cell.approvals else 0.42)
                    axes.scatter([cx], [y + row_h / 2], s=(2 * circle_radius(cell.patients) * pt) ** 2,
                                 color=level_colour(cell.level), zorder=3)
                    axes.text(cx + 14, y + row_h / 2, str(cell.patients) if cell.patients else "n?", ha="left",
                              va="center", fontsize=12 * pt)
            y += row_h
    handles = [Line2D([], [], marker="o", linestyle="", markersize=10, color=level_colour(d.rank),
                      label=f"{d.label} (rank {d.rank})") for d in reversed(gaps.designs)]
    handles += [Line2D([], [], marker="o", linestyle="", markersize=2 * circle_radius(n) * pt, color="#6b7785",
                       label=f"{n} patient{'s' * (n != 1)}") for n in (1, 10, 100)]
    handles.append(FancyBboxPatch((0, 0), 1, 1, facecolor="white", edgecolor="#c9ced6", hatch="////", label="gap: no evidence"))
    handles.append(FancyBboxPatch((0, 0), 1, 1, facecolor="#eef2f6", edgecolor=APPROVED_COLOUR, linestyle=(0, (4, 3)),
                                  linewidth=2 * pt, label="approved indication (FDA or EMA)"))
    figure.legend(handles=handles, loc="upper left", bbox_to_anchor=((label_w + col_w * len(gaps.drugs) + 24) / width,
                  1 - (title_h + 6) / height), frameon=False, fontsize=12.5 * pt, title="colour: highest level of evidence\n"
                  "size and number: patients", title_fontsize=12.5 * pt, alignment="left", labelspacing=0.7)
    save_figure(figure, path)


# ----------------------------------------------------------------------------- entry point


def write_gapmap(store: Any, path: Path) -> GapMap:
    """Draw the evidence gap map of ``store`` into ``path``: ``.html`` (offline), ``.png`` or ``.svg``."""
    from jakgraph.errors import UserError

    from .model import evidence_network
    from .analysis import evidence_scale
    from jakgraph.graph.export.atomic import write_atomically
    from .view import require_matplotlib, select

    path = Path(path)
    if path.suffix.lower() not in GAP_FORMATS:
        raise UserError(f"cannot draw into {path.name}: the file name must end in .html, .png or .svg")
    if path.suffix.lower() != ".html":
        require_matplotlib()
    gaps = gap_map(select(evidence_network(store)), evidence_scale(store))
    if path.suffix.lower() == ".html":
        write_atomically(path, lambda target: target.write_text(render_html(gaps), encoding="utf-8"))
    else:
        write_atomically(path, lambda target: render_picture(gaps, target))
    return gaps
