"""How every node and edge of the evidence network looks in the view: position, size, colour and line width.

The network exports (GraphML, GEXF, Cytoscape.js JSON) carry these so that Gephi and Cytoscape open the network
looking like ``jakgraph viz``. Nodes the view draws keep its position, radius and colour; an evidence item or
approval takes the colour and width of the line the view draws for its pair, so the parallel edges of a pair
overlap as that one line. What the view leaves out sits outside it: a disease under a drawn disorder just beyond
that disorder's label, everything else (other drugs, isoforms, adverse events) evenly on a wider ring, with
colours of its own and thin grey edges. Positions are the view's pixels, y growing downwards.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .layout import NetworkView, SUBCLASS_COLOUR, TYPE_COLOURS

OTHER_COLOURS = {"drug": TYPE_COLOURS["drug"], "disease": "#90a4ae", "disease_group": TYPE_COLOURS["group"],
                 "isoform": "#5e35b1", "adverse_event": "#c62828"}
OTHER_EDGE = ("#b0b7bf", 1.0)
FAN = math.radians(2.5)  # between diseases set beyond the same drawn disorder
OUTER_GAP = 40.0  # px from the view's inscribed circle to the diseases set beyond it
OTHER_GAP = 120.0  # px from those to the ring of everything else
KIND_ORDER = ("drug", "isoform", "disease", "disease_group", "adverse_event")


@dataclass(frozen=True)
class NodeLook:
    """A node's centre, radius and fill colour (``#rrggbb``)."""

    x: float
    y: float
    size: float
    colour: str


@dataclass(frozen=True)
class EdgeLook:
    """An edge's colour (``#rrggbb``) and width in pixels."""

    colour: str
    width: float


def rgb(colour: str) -> tuple[int, int, int]:
    """``#1b7f3b`` as ``(27, 127, 59)``.

    >>> rgb("#1b7f3b")
    (27, 127, 59)
    """
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _drawn_above(network: Any, node: str, drawn: set[str]) -> str | None:
    """The nearest drawn disease above ``node`` along the subclass links, if any."""
    seen, todo = {node}, [node]
    while todo:
        current = todo.pop(0)
        for _s, parent, data in network.out_edges(current, data=True):
            if data["kind"] == "subclass_of" and parent not in seen:
                if parent in drawn:
                    return parent
                seen.add(parent)
                todo.append(parent)
    return None


def node_looks(network: Any, view: NetworkView) -> dict[str, NodeLook]:
    """A look for every node of ``network``: the view's where it draws the node, a place outside it elsewhere."""
    looks = {n.id: NodeLook(n.x, n.y, n.r, TYPE_COLOURS[n.kind]) for n in view.nodes.values()}
    looks.update({a.group: NodeLook(a.node.x, a.node.y, a.node.r, TYPE_COLOURS["group"]) for a in view.arcs})
    x0, y0, width, height = view.box
    inner = min(-x0, -y0, x0 + width, y0 + height) + OUTER_GAP
    beyond: dict[str, list[str]] = defaultdict(list)
    others = []
    for node, data in network.nodes(data=True):
        if node in looks:
            continue
        anchor = _drawn_above(network, node, set(view.nodes)) if data.get("type") == "disease" else None
        if anchor:
            beyond[anchor].append(node)
        else:
            others.append(node)
    for anchor, nodes in beyond.items():
        angle = view.nodes[anchor].angle
        for index, node in enumerate(sorted(nodes)):
            turn = angle + FAN * (index - (len(nodes) - 1) / 2)
            looks[node] = NodeLook(inner * math.cos(turn), inner * math.sin(turn), 5.0, OTHER_COLOURS["disease"])
    order = sorted(others, key=lambda n: (KIND_ORDER.index(network.nodes[n].get("type", "adverse_event")),
                                          str(network.nodes[n].get("label", n)).lower(), n))
    outer = inner + OTHER_GAP
    for index, node in enumerate(order):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(order), 1)
        looks[node] = NodeLook(outer * math.cos(angle), outer * math.sin(angle), 5.0,
                               OTHER_COLOURS.get(network.nodes[node].get("type", ""), OTHER_EDGE[0]))
    return looks


def edge_looks(network: Any, view: NetworkView) -> dict[tuple[str, str, str], EdgeLook]:
    """A look for every edge of ``network`` (keyed source, target, key): its drawn line's, else thin grey."""
    drawn = {(e.source, e.target, e.kind): EdgeLook(e.colour, e.width) for e in view.edges}
    looks = {}
    for source, target, key, data in network.edges(keys=True, data=True):
        kind = data["kind"]
        if kind == "off_label":
            look = drawn.get((source, data["disorder"], kind))
        elif kind == "approved":
            look = next((drawn[source, shown, kind] for shown in [target, _drawn_above(network, target, set(view.nodes))]
                         if (source, shown, kind) in drawn), None)
        elif kind == "subclass_of":
            look = drawn.get((source, target, kind), EdgeLook(SUBCLASS_COLOUR, OTHER_EDGE[1]))
        else:
            look = None
        looks[source, target, key] = look or EdgeLook(*OTHER_EDGE)
    return looks
