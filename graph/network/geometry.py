"""Plane geometry of the drawing: the curve each line follows and how close a node's circle comes to it.

Lines are quadratic Bézier curves (a straight line is one whose control point is its middle), flattened into
short segments for distance tests. Coordinates are the view's pixels, y growing downwards.
"""
from __future__ import annotations

import math
from typing import Sequence

Point = tuple[float, float]

BOW = 28.0  # how far an approved indication's curve bows sideways, so it never hides an evidence line
FLATNESS = 24  # segments per curve in distance tests


def curve(start: Point, end: Point, kind: str) -> tuple[Point, Point, Point]:
    """Start, control and end point of a line of ``kind``: straight, bowed to the left (approved), or inwards (subclass).

    >>> curve((0.0, 0.0), (100.0, 0.0), "off_label")
    ((0.0, 0.0), (50.0, 0.0), (100.0, 0.0))
    >>> curve((0.0, 0.0), (100.0, 0.0), "approved")[1]
    (50.0, 28.0)
    """
    (ax, ay), (bx, by) = start, end
    mx, my = (ax + bx) / 2, (ay + by) / 2
    if kind == "approved":
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy) or 1.0
        mx, my = mx - dy / length * BOW, my + dx / length * BOW
    elif kind == "subclass_of":
        mx, my = mx * 0.9, my * 0.9
    return start, (mx, my), end


def flatten(start: Point, control: Point, end: Point, steps: int = FLATNESS) -> list[Point]:
    """Points along a quadratic Bézier curve, both ends included (two points when it is straight)."""
    (ax, ay), (cx, cy), (bx, by) = start, control, end
    if abs((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) < 1e-6:
        return [start, end]
    points = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        points.append((u * u * ax + 2 * u * t * cx + t * t * bx, u * u * ay + 2 * u * t * cy + t * t * by))
    return points


def segment_distance(point: Point, a: Point, b: Point) -> float:
    """Distance from ``point`` to the segment ``a``–``b``.

    >>> segment_distance((5.0, 3.0), (0.0, 0.0), (10.0, 0.0))
    3.0
    >>> segment_distance((13.0, 4.0), (0.0, 0.0), (10.0, 0.0))
    5.0
    """
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def distance_to_line(point: Point, points: Sequence[Point]) -> float:
    """Distance from ``point`` to a flattened line."""
    return min(segment_distance(point, a, b) for a, b in zip(points, points[1:]))


def touches(centre: Point, radius: float, points: Sequence[Point], width: float, margin: float = 0.0) -> bool:
    """Whether a circle drawn at ``centre`` comes within ``margin`` of a line ``width`` pixels wide."""
    x, y = centre
    reach = radius + width / 2 + margin
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    if x + reach < min(xs) or x - reach > max(xs) or y + reach < min(ys) or y - reach > max(ys):
        return False
    return distance_to_line(centre, points) < reach


def crosses_box(points: Sequence[Point], box: tuple[float, float, float, float]) -> bool:
    """Whether a flattened line passes through the box ``(left, top, right, bottom)`` (Liang–Barsky clipping).

    >>> crosses_box([(0.0, 5.0), (20.0, 5.0)], (8.0, 0.0, 12.0, 10.0))
    True
    >>> crosses_box([(0.0, 15.0), (20.0, 15.0)], (8.0, 0.0, 12.0, 10.0))
    False
    """
    left, top, right, bottom = box
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        dx, dy = bx - ax, by - ay
        low, high = 0.0, 1.0
        for p, q in ((-dx, ax - left), (dx, right - ax), (-dy, ay - top), (dy, bottom - ay)):
            if p == 0:
                if q < 0:
                    break
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
            if low > high:
                break
        else:
            return True
    return False
