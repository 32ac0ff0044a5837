"""The benchmark's plot, written as SVG by hand (no plotting library): two log–log panels, query latency and load
time against the graph's size, one line per engine."""
from __future__ import annotations

import math
from html import escape
from pathlib import Path

Series = dict[str, list[tuple[int, float]]]
COLORS = {"embedded": "#1f77b4", "raw": "#2ca02c", "oxigraph-server": "#ff7f0e", "virtuoso": "#9467bd",
          "rdflib": "#d62728"}
DASHES = {"raw": "6 4", "rdflib": "2 3"}
WIDTH, HEIGHT, PANEL, MARGIN = 980, 440, 400, 60


def decades(values: list[float]) -> tuple[int, int]:
    """The powers of ten just below the smallest and just above the largest value."""
    low, high = min(values), max(values)
    return math.floor(math.log10(low)), max(math.ceil(math.log10(high)), math.floor(math.log10(low)) + 1)


def panel(left: float, series: Series, labels: dict[str, str], title: str, unit: str) -> list[str]:
    """One panel's axes, grid, lines and legend, ``left`` pixels from the picture's left edge."""
    points = [p for line in series.values() for p in line if p[1] > 0]
    top, bottom, right = MARGIN, HEIGHT - MARGIN, left + PANEL - 20
    parts = [f'<text x="{left + (right - left) / 2:.0f}" y="{top - 22}" text-anchor="middle" '
             f'font-size="13">{escape(title)}</text>']
    if not points:
        return parts + [f'<text x="{left + 40}" y="{top + 40}" font-size="12">nothing measured</text>']
    x0, x1 = decades([p[0] for p in points])
    y0, y1 = decades([p[1] for p in points])

    def x(value: float) -> float:
        return left + (math.log10(value) - x0) / (x1 - x0) * (right - left)

    def y(value: float) -> float:
        return bottom - (math.log10(value) - y0) / (y1 - y0) * (bottom - top)

    parts.append(f'<rect x="{left}" y="{top}" width="{right - left}" height="{bottom - top}" fill="none" '
                 f'stroke="#888"/>')
    for power in range(x0, x1 + 1):
        parts.append(f'<line x1="{x(10 ** power):.1f}" y1="{top}" x2="{x(10 ** power):.1f}" y2="{bottom}" '
                     f'stroke="#ddd"/><text x="{x(10 ** power):.1f}" y="{bottom + 16}" text-anchor="middle" '
                     f'font-size="11">1e{power}</text>')
    for power in range(y0, y1 + 1):
        value = 10 ** power
        text = f"{value:g}" if -3 <= power <= 4 else f"1e{power}"
        parts.append(f'<line x1="{left}" y1="{y(value):.1f}" x2="{right}" y2="{y(value):.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="11">{text}</text>')
    parts.append(f'<text x="{left + (right - left) / 2:.0f}" y="{bottom + 34}" text-anchor="middle" '
                 f'font-size="12">triples</text>')
    parts.append(f'<text x="{left - 44}" y="{top + (bottom - top) / 2:.0f}" text-anchor="middle" font-size="12" '
                 f'transform="rotate(-90 {left - 44} {top + (bottom - top) / 2:.0f})">{escape(unit)}</text>')
    for row, (name, line) in enumerate(sorted(series.items(), key=lambda item: list(COLORS).index(item[0])
                                              if item[0] in COLORS else 99)):
        color, dash = COLORS.get(name, "#333"), DASHES.get(name)
        style = f' stroke-dasharray="{dash}"' if dash else ""
        shown = [(x(a), y(b)) for a, b in sorted(line) if b > 0]
        if len(shown) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in shown)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"{style}/>')
        parts += [f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{color}"/>' for px, py in shown]
        ly = top + 14 + 16 * row
        parts.append(f'<line x1="{left + 10}" y1="{ly - 4}" x2="{left + 34}" y2="{ly - 4}" stroke="{color}" '
                     f'stroke-width="2"{style}/><text x="{left + 40}" y="{ly}" font-size="11">'
                     f'{escape(labels.get(name, name))}</text>')
    return parts


def write_svg(path: Path, latency: Series, loads: Series, labels: dict[str, str], caption: str) -> Path:
    """The two panels side by side, with ``caption`` (the machine) below them."""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT + 20}" '
             f'viewBox="0 0 {WIDTH} {HEIGHT + 20}" font-family="sans-serif">',
             f'<rect width="{WIDTH}" height="{HEIGHT + 20}" fill="white"/>']
    parts += panel(MARGIN + 10, latency, labels, "stored questions: median latency over the questions", "ms")
    parts += panel(MARGIN + 10 + PANEL + 80, loads, labels, "loading the generated N-Triples file", "s")
    parts.append(f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT + 8}" text-anchor="middle" font-size="10" fill="#555">'
                 f'{escape(caption)}</text></svg>')
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")
    return path
