"""Where the drugs go inside the ring: near the disorders they reach, never on a line that is not theirs.

Drugs are placed one at a time, the most connected first (other orders are tried when that one leaves a drug no
room). Each takes the free point nearest to where it would
like to be (the middle for the hubs, else towards the disorders it reaches), where free means: far enough from
the drugs placed before that their labels do not meet, its circle clear of every line already drawn, and its own lines
clear of every node but their ends. A free point where no other drug's line crosses its label (nor its lines
another drug's label) is taken instead when there is one within 60 px more. Points are tried on a square grid inside the ring, nearest first.
"""
from __future__ import annotations

import itertools
import math
from typing import Any, Iterable

from .geometry import Point, crosses_box, curve, flatten, touches
from .labels import DRUG_LABEL_SIZE, text_width

Box = tuple[float, float, float, float]

CLEARANCE = 3.0  # px between a node's circle and a line that passes it
PADDING = 4.0  # px around a drug and its label that no other drug, label or ring node may enter
GRID = 6.0  # px between points tried
REACH = 0.8  # share of the ring's radius a drug may sit from the middle
LABEL_ROOM = 60.0  # px further than the nearest free point a drug may go to keep its label clear of lines


def candidates(wanted: Point, limit: float, step: float = GRID) -> list[Point]:
    """Grid points inside a disc of radius ``limit`` around the middle, nearest to ``wanted`` first.

    >>> candidates((0.0, 0.0), 6.0)[:3]
    [(0.0, 0.0), (-6.0, 0.0), (0.0, -6.0)]
    """
    count = int(limit // step)
    points = [(i * step, j * step) for i in range(-count, count + 1) for j in range(-count, count + 1)
              if math.hypot(i * step, j * step) <= limit]
    wx, wy = wanted
    return sorted(points, key=lambda p: (round(math.hypot(p[0] - wx, p[1] - wy), 6), p))


def footprint(drug: Any, at: Point) -> Box:
    """The box a drug at ``at`` fills with its circle and the label below it: left, top, right, bottom."""
    x, y = at
    half = max(drug.r, text_width(drug.label, DRUG_LABEL_SIZE) / 2) + PADDING
    return x - half, y - drug.r - PADDING, x + half, y + drug.r + 4 + 1.25 * DRUG_LABEL_SIZE + PADDING


def label_box(drug: Any, at: Point) -> Box:
    """The box a drug's label fills below its circle when the drug is at ``at``."""
    x, y = at
    half = text_width(drug.label, DRUG_LABEL_SIZE) / 2
    return x - half, y + drug.r + 4, x + half, y + drug.r + 4 + 1.25 * DRUG_LABEL_SIZE


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _covers(box: Box, node: Any) -> bool:
    """Whether a box reaches into a node's circle."""
    nearest_x = min(max(node.x, box[0]), box[2])
    nearest_y = min(max(node.y, box[1]), box[3])
    return math.hypot(node.x - nearest_x, node.y - nearest_y) < node.extent


def _lines_of(nodes: dict[str, Any], edges: Iterable[Any]) -> list[tuple[list[Point], float, set[str]]]:
    out = []
    for edge in edges:
        a, b = nodes[edge.source], nodes[edge.target]
        out.append((flatten(*curve((a.x, a.y), (b.x, b.y), edge.kind)), edge.width, {edge.source, edge.target}))
    return out


def _conflicts(drug: Any, at: Point, nodes: dict[str, Any], own: list[Any],
               drawn: list[tuple[list[Point], float, set[str]]], obstacles: list[Any], first_only: bool) -> int:
    """Lines the drug's circle touches at ``at`` plus nodes its own lines touch (stops at the first if asked)."""
    drug.x, drug.y = at
    count = 0
    for points, width, _ends in drawn:
        if touches(at, drug.extent, points, width, CLEARANCE):
            count += 1
            if first_only:
                return count
    for points, width, ends in _lines_of(nodes, own):
        for other in obstacles:
            if other.id not in ends and touches((other.x, other.y), other.extent, points, width, CLEARANCE):
                count += 1
                if first_only:
                    return count
    return count


def _place_in_order(nodes: dict[str, Any], order: list[str], wanted: dict[str, Point], edges: list[Any], ring: float,
                    settle: bool) -> bool:
    """Place the drugs one by one; a drug with no free point stops the attempt, unless ``settle`` says to take its best."""
    drugs = set(order)
    drawn = _lines_of(nodes, [e for e in edges if e.source not in drugs and e.target not in drugs])
    placed: list[Any] = []
    for name in order:
        drug = nodes[name]
        own = [e for e in edges if name in (e.source, e.target)]
        obstacles = [n for n in nodes.values() if n.id not in drugs] + placed
        taken = [footprint(o, (o.x, o.y)) for o in placed]
        ring_nodes = [n for n in nodes.values() if n.id not in drugs]

        def room(point: Point) -> bool:
            box = footprint(drug, point)
            return not any(_overlap(box, other) for other in taken) and not any(_covers(box, n) for n in ring_nodes)

        def legible(point: Point) -> bool:
            """No other drug's line crosses this drug's label, and its lines cross no other drug's label."""
            box = label_box(drug, point)
            if any(crosses_box(line, box) for line, _width, _ends in drawn):
                return False
            drug.x, drug.y = point
            return not any(crosses_box(line, label) for line, _width, _ends in _lines_of(nodes, own) for label in labels)

        def free_at(point: Point) -> bool:
            return room(point) and _conflicts(drug, point, nodes, own, drawn, obstacles, True) == 0

        labels = [label_box(o, (o.x, o.y)) for o in placed]
        points = candidates(wanted[name], REACH * ring)
        first = next((i for i, p in enumerate(points) if free_at(p)), None)
        free = None if first is None else points[first]
        if free is not None:  # a little further, a point where the labels stay clear of other drugs' lines
            limit = math.dist(free, wanted[name]) + LABEL_ROOM
            nearby = itertools.takewhile(lambda p: math.dist(p, wanted[name]) <= limit, points[first:])
            free = next((p for p in nearby if legible(p) and free_at(p)), free)
        if free is None and not settle:
            return False
        if free is None:
            free = min(filter(room, points), key=lambda p: _conflicts(drug, p, nodes, own, drawn, obstacles, False),
                       default=wanted[name])
        drug.x, drug.y = free
        placed.append(drug)
        drawn += _lines_of(nodes, own)
    return True


def place_drugs(nodes: dict[str, Any], order: list[str], wanted: dict[str, Point], edges: list[Any], ring: float,
                hubs: int = 1) -> None:
    """Give each drug of ``order`` its position in ``nodes`` (ring nodes are already placed).

    The first ``hubs`` drugs keep their turn; when the others find no free point in the order given, the other
    orders of up to five of them are tried, and failing all, the drugs of the given order take the points where
    they touch the fewest lines and nodes.
    """
    head, tail = order[:hubs], order[hubs:]
    if len(tail) <= 5:
        for others in itertools.permutations(tail):
            if _place_in_order(nodes, head + list(others), wanted, edges, ring, settle=False):
                return
    _place_in_order(nodes, order, wanted, edges, ring, settle=True)
