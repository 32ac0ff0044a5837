"""The words of the network drawing: ring labels in full and short form, group labels, and where each goes.

A disorder's label is drawn in two forms. The full form (at most two lines of about 22 characters) is what the
static picture shows and what the page shows once zoomed in; the short form (one line of at most 18
characters, a trailing abbreviation such as "(SAVI)" when there is one) is what the page shows at the zoom
that fits the whole drawing, set large enough to be read there. Hovering a node always shows its full name.
"""
from __future__ import annotations

import math
import textwrap
from typing import Any

LABEL_SIZE = 13.0  # full ring labels, px
SHORT_LABEL_SIZE = 20.0  # short ring labels, px
DRUG_LABEL_SIZE = 20.0
GROUP_LABEL_SIZE = 20.0
SHORT_LABEL_CHARS = 18
LABEL_GAP = 18.0  # from the ring to the start of a ring label
GROUP_GAP = 12.0  # from the longest ring label of a group to its name
LINE_HEIGHT = 1.2  # of a group name's lines, in font sizes


def text_width(text: str, size: float) -> float:
    """Rough width in pixels of ``text`` set in DejaVu Sans at ``size`` px.

    >>> text_width("lichen planus", 10)
    78.0
    """
    return len(text) * size * 0.6


def label_lines(label: str, width: int = 22) -> list[str]:
    """A ring label in at most two lines of about ``width`` characters (a long name falls back to its abbreviation)."""
    lines = textwrap.wrap(label, width, break_long_words=False, break_on_hyphens=False) or [label]
    if len(lines) > 2 and label.endswith(")") and "(" in label:
        return [label[label.rindex("(") + 1:-1]]
    if len(lines) > 2:
        return [lines[0], " ".join(lines[1:])[: width - 1].rstrip() + "…"]
    return lines


def short_label(label: str, limit: int = SHORT_LABEL_CHARS) -> str:
    """A label in one line of at most ``limit`` characters: whole, its trailing abbreviation, or cut after a word.

    >>> short_label("VEXAS syndrome")
    'VEXAS syndrome'
    >>> short_label("STING-associated vasculopathy with onset in infancy (SAVI)")
    'SAVI'
    >>> short_label("systemic juvenile idiopathic arthritis")
    'systemic juvenile…'
    >>> short_label("STAT1 gain-of-function syndrome")
    'STAT1 gain-of-fun…'
    """
    if len(label) <= limit:
        return label
    if label.endswith(")") and "(" in label and len(label) - label.rindex("(") - 2 <= limit:
        return label[label.rindex("(") + 1:-1]
    kept = ""
    for word in label.split(" "):
        if len((kept + " " + word).strip()) > limit - 1:
            break
        kept = (kept + " " + word).strip()
    if len(kept) < limit // 2:
        kept = label[: limit - 1].rstrip()
    return kept + "…"


def label_extent(label: str) -> float:
    """How far past its start a ring label reaches in either form, in pixels."""
    full = max(text_width(line, LABEL_SIZE) for line in label_lines(label))
    return max(full, text_width(short_label(label), SHORT_LABEL_SIZE))


def label_anchor(node: Any, ring: float) -> tuple[float, float, float, str]:
    """Where a ring node's label starts, its rotation in degrees (clockwise, y down) and its text anchor."""
    offset = ring + LABEL_GAP
    x, y = offset * math.cos(node.angle), offset * math.sin(node.angle)
    degrees = math.degrees(node.angle)
    if math.cos(node.angle) < 0:
        return x, y, degrees + 180, "end"
    return x, y, degrees, "start"


def group_lines(label: str) -> list[str]:
    """A disease group's name in lines of at most 30 characters."""
    return textwrap.wrap(label, 30, break_long_words=False) or [label]


def group_label(label: str, angle: float, radius: float) -> list[tuple[float, float, float, str]]:
    """A group's name set along the ring at ``angle``, upright, beginning at ``radius``: centre, rotation and text of each line.

    The lines run along the ring (tangentially) and stack outwards, the first line outermost in the upper half of
    the drawing and innermost in the lower half, so that they read from top to bottom.
    """
    lines = group_lines(label)
    upper = math.sin(angle) <= 0
    rotation = math.degrees(angle) + (90 if upper else -90)
    step = GROUP_LABEL_SIZE * LINE_HEIGHT
    out = []
    for index, line in enumerate(lines):
        level = (len(lines) - 1 - index) if upper else index
        r = radius + step / 2 + level * step
        out.append((r * math.cos(angle), r * math.sin(angle), rotation, line))
    return out


def group_label_corners(label: str, angle: float, radius: float) -> list[tuple[float, float]]:
    """The corners of the box each line of a group's name fills, for the drawing's bounds."""
    tangent = (-math.sin(angle), math.cos(angle))
    normal = (math.cos(angle), math.sin(angle))
    half_height = GROUP_LABEL_SIZE * LINE_HEIGHT / 2
    corners = []
    for x, y, _rotation, line in group_label(label, angle, radius):
        half_width = text_width(line, GROUP_LABEL_SIZE) / 2
        for along in (-half_width, half_width):
            for across in (-half_height, half_height):
                corners.append((x + along * tangent[0] + across * normal[0], y + along * tangent[1] + across * normal[1]))
    return corners
