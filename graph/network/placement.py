"""Where the drugs go inside the ring: near the disorders they reach, never on a line that is not theirs.

Drugs are placed one at a time, the most connected first (other orders are tried when that one leaves a drug
no room). Each takes the free point nearest to where it would like to be (the middle for the hubs, else towards
the disorders it reaches), where free means: far enough from the drugs placed before that their labels do not
meet, its circle clear of every line already drawn, and its own lines clear of every node but their ends. A free
point where no other drug's line crosses its label (nor its lines another drug's label) is taken instead when
there is one within 60 px more. Points are tried on a square grid inside the ring, nearest first.
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


Line = tuple[list[Point], float, set[str], Box]  # points along a line, its width, its two ends, the box around it


def _lines_of(nodes: dict[str, Any], edges: Iterable[Any]) -> list[Line]:
    out = []
    for edge in edges:
        a, b = nodes[edge.source], nodes[edge.target]
        points = flatten(*curve((a.x, a.y), (b.x, b.y), edge.kind))
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        out.append((points, edge.width, {edge.source, edge.target}, (min(xs), min(ys), max(xs), max(ys))))
    return out


def _near(box: Box, point: Point, reach: float) -> bool:
    """Whether ``point`` lies within ``reach`` of ``box`` along both axes (a cheap test before measuring)."""
    return box[0] - reach <= point[0] <= box[2] + reach and box[1] - reach <= point[1] <= box[3] + reach


class _Board:
    """The drawing as drugs are put on it: the ring's nodes, the lines drawn so far, the drugs placed so far."""

    def __init__(self, nodes: dict[str, Any], drugs: set[str], edges: list[Any]) -> None:
        self.nodes = nodes
        self.edges = edges
        self.ring_nodes = [n for n in nodes.values() if n.id not in drugs]
        self.drawn: list[Line] = _lines_of(nodes, [e for e in edges if e.source not in drugs and e.target not in drugs])
        self.placed: list[Any] = []
        self.taken: list[Box] = []  # footprints of the drugs placed
        self.labels: list[Box] = []  # their labels

    def _own_lines(self, drug: Any, at: Point) -> list[Line]:
        drug.x, drug.y = at
        return _lines_of(self.nodes, [e for e in self.edges if drug.id in (e.source, e.target)])

    def room(self, drug: Any, at: Point) -> bool:
        """The drug and its label overlap no drug placed before and no ring node."""
        box = footprint(drug, at)
        return not any(_overlap(box, other) for other in self.taken) and not any(_covers(box, n) for n in self.ring_nodes)

    def conflicts(self, drug: Any, at: Point, first_only: bool) -> int:
        """Lines the drug's circle touches at ``at`` plus nodes its own lines touch (stops at the first if asked)."""
        count = 0
        for points, width, _ends, box in self.drawn:
            if _near(box, at, drug.extent + width / 2 + CLEARANCE) and touches(at, drug.extent, points, width, CLEARANCE):
                count += 1
                if first_only:
                    return count
        for points, width, ends, box in self._own_lines(drug, at):
            for other in self.ring_nodes + self.placed:
                centre = (other.x, other.y)
                if (other.id not in ends and _near(box, centre, other.extent + width / 2 + CLEARANCE)
                        and touches(centre, other.extent, points, width, CLEARANCE)):
                    count += 1
                    if first_only:
                        return count
        return count

    def free(self, drug: Any, at: Point) -> bool:
        return self.room(drug, at) and self.conflicts(drug, at, True) == 0

    def legible(self, drug: Any, at: Point) -> bool:
        """No other drug's line crosses this drug's label, and its lines cross no other drug's label."""
        mine = label_box(drug, at)
        if any(_overlap(box, mine) and crosses_box(points, mine) for points, _width, _ends, box in self.drawn):
            return False
        return not any(_overlap(box, label) and crosses_box(points, label)
                       for points, _width, _ends, box in self._own_lines(drug, at) for label in self.labels)

    def spot(self, drug: Any, wanted: Point, limit: float, settle: bool) -> Point | None:
        """The nearest free point to ``wanted`` (or a little further, one that keeps the labels legible).

        With no free point: ``None``, or when ``settle`` says so the point touching the fewest lines and nodes.
        """
        points = candidates(wanted, limit)
        first = next((i for i, p in enumerate(points) if self.free(drug, p)), None)
        if first is not None:
            reach = math.dist(points[first], wanted) + LABEL_ROOM
            nearby = itertools.takewhile(lambda p: math.dist(p, wanted) <= reach, points[first:])
            return next((p for p in nearby if self.legible(drug, p) and self.free(drug, p)), points[first])
        if not settle:
            return None
        return min((p for p in points if self.room(drug, p)), key=lambda p: self.conflicts(drug, p, False), default=wanted)

    def put(self, drug: Any, at: Point) -> None:
        self.drawn += self._own_lines(drug, at)
        self.placed.append(drug)
        self.taken.append(footprint(drug, at))
        self.labels.append(label_box(drug, at))


def _place_in_order(nodes: dict[str, Any], order: list[str], wanted: dict[str, Point], edges: list[Any], ring: float,
                    settle: bool) -> bool:
    """Place the drugs one by one; a drug with no free point stops the attempt, unless ``settle`` says to take its best."""
    board = _Board(nodes, set(order), edges)
    for name in order:
        point = board.spot(nodes[name], wanted[name], REACH * ring, settle)
        if point is None:
            return False
        board.put(nodes[name], point)
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
