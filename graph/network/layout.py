"""The network view's model: which nodes and edges to draw, where, in what colour and width.

Disorders sit on a ring in the review's disease groups; drugs sit inside, placed by :mod:`.placement` so that no
node lies on a line that is not its own (:func:`crossings` lists any that do). The words of the drawing are
measured in :mod:`.labels`, the curves in :mod:`.geometry`.
"""
from __future__ import annotations

import math

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .analysis import Design
from .filters import FilterState, within
from .geometry import curve, flatten, touches
from .labels import DRUG_LABEL_SIZE, GROUP_GAP, LABEL_GAP, group_label, group_label_corners, label_extent
from .model import count_patients
from .placement import place_drugs


TYPE_COLOURS = {"drug": "#00897b", "disorder": "#455a64", "group": "#8d5a2b", "indication": "#ffffff"}
TYPE_NAMES = {"drug": "JAK inhibitor", "disorder": "off-label disorder (counted by the review)",
              "group": "disease group of the review", "indication": "approved indication only"}
APPROVED_COLOUR = "#1b7f3b"
SUBCLASS_COLOUR = "#8d5a2b"
# plasma, weak (yellow-orange) to strong (deep blue), one colour per rank of the evidence scale
LEVEL_COLOURS = ["#febe2a", "#fca537", "#f68d45", "#eb7655", "#df6263", "#d14e72", "#c13b82", "#ae2892",
                 "#99159f", "#8104a7", "#6700a8", "#4c02a1", "#2f0596"]
VIEW_FORMATS = (".html", ".png", ".svg")


def level_colour(rank: int) -> str:
    """The colour of a rank of the evidence scale (ranks above the palette take its strongest colour)."""
    return LEVEL_COLOURS[max(0, min(rank, len(LEVEL_COLOURS) - 1))]


def edge_width(patients: int) -> float:
    """Line width for a number of patients: 1.2 px plus 1.8 px per power of ten."""
    return round(1.2 + 1.8 * math.log10(1 + max(patients, 0)), 2)


def plural(count: int, noun: str) -> str:
    """``1 drug``, ``2 drugs``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def patients_text(patients: int) -> str:
    return f"n={patients}" if patients else "n not given"


@dataclass
class Node:
    """A drawn node: its CURIE, label, kind (drug, disorder, group, indication), position and tooltip."""

    id: str
    label: str
    kind: str
    x: float = 0.0
    y: float = 0.0
    r: float = 6.0
    angle: float | None = None
    narrower: tuple[str, ...] = ()
    tip: dict[str, Any] = field(default_factory=dict)

    @property
    def extent(self) -> float:
        """Radius of everything drawn for the node: its circle and stroke, and the ring of a broader disorder."""
        return self.r + (4.5 if self.narrower else 0.75)


@dataclass
class Edge:
    """A drawn line: drug to disorder (off_label or approved) or narrower to broader disorder (subclass_of)."""

    source: str
    target: str
    kind: str
    colour: str
    width: float
    level: int = -1
    patients: int = 0
    tip: dict[str, Any] = field(default_factory=dict)
    within: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.kind}|{self.source}|{self.target}"


@dataclass
class Arc:
    """A disease group drawn as an arc over its members; its name (and its node) beyond their labels."""

    group: str
    start: float
    end: float
    radius: float
    node: Node
    members: tuple[str, ...] = ()
    label_radius: float = 0.0


@dataclass
class NetworkView:
    """Everything the HTML page and the static picture draw, in pixel coordinates (y grows downwards)."""

    nodes: dict[str, Node]
    edges: list[Edge]
    arcs: list[Arc]
    designs: list[Design]
    ring: float
    box: tuple[float, float, float, float]
    title: str
    subtitle: str
    scale: list[Design] = field(default_factory=list)


@dataclass
class Selection:
    """What the filters keep: drug–disorder pairs with their items, approvals, and the disease hierarchy."""

    pairs: dict[tuple[str, str], list[dict[str, Any]]]
    approvals: dict[tuple[str, str], list[dict[str, Any]]]
    labels: dict[str, str]
    kinds: dict[str, str]
    broader: dict[str, list[str]]
    narrower_labels: dict[str, tuple[str, ...]]
    xrefs: dict[str, str]
    counted: set[str]
    filters: list[str]
    state: FilterState = FilterState()


def resolve(network: Any, name: str, types: Iterable[str], what: str) -> str:
    """The node a user's name stands for: a CURIE (``drug:baricitinib``), its local name or its label."""
    from jakgraph.errors import UserError

    wanted = name.strip().lower()
    types = set(types)
    for node, data in network.nodes(data=True):
        if data.get("type") in types and wanted in (node.lower(), node.split(":", 1)[-1].lower(),
                                                    str(data.get("label", "")).lower()):
            return node
    raise UserError(f"unknown {what} {name!r}: give a CURIE ({'drug:baricitinib' if what == 'drug' else 'disease:psoriasis'}),"
                    " its local name or its English label")


def _subclass_graph(network: Any) -> Any:
    import networkx as nx

    graph = nx.DiGraph()
    graph.add_edges_from((s, t) for s, t, d in network.edges(data=True) if d["kind"] == "subclass_of")
    return graph


def _counted_above(network: Any, subclass: Any, disease: str) -> str:
    """The disease itself when counted, else the nearest counted disorder above it, else the disease."""
    import networkx as nx

    if network.nodes[disease].get("counted") or disease not in subclass:
        return disease
    for node in nx.bfs_tree(subclass, disease):
        if network.nodes[node].get("counted"):
            return node
    return disease


def select(network: Any, drugs: Sequence[str] = (), groups: Sequence[str] = (), min_level: int | None = None) -> Selection:
    """Keep the evidence items and approvals of the named drugs, in the named groups, at or above ``min_level``.

    Approvals are not evidence and have no level, so ``min_level`` leaves them in.
    """
    import networkx as nx

    subclass = _subclass_graph(network)
    drug_ids = {resolve(network, d, ["drug"], "drug") for d in drugs}
    group_ids = {resolve(network, g, ["disease", "disease_group"], "group") for g in groups}
    members: set[str] = set()
    for node in group_ids:
        members |= {node} | (nx.ancestors(subclass, node) if node in subclass else set())
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    approvals: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for drug, disease, data in network.edges(data=True):
        if drug_ids and drug not in drug_ids:
            continue
        if data["kind"] == "off_label":
            if members and disease not in members and data["disorder"] not in members:
                continue
            if min_level is not None and data["level"] < min_level:
                continue
            pairs[drug, data["disorder"]].append({**data, "disease": disease})
        elif data["kind"] == "approved":
            shown = _counted_above(network, subclass, disease)
            if members and disease not in members and shown not in members:
                continue
            approvals[drug, shown].append({**data, "disease": disease})
    nodes = {n for pair in list(pairs) + list(approvals) for n in pair}
    broader = {n: sorted(t for t in subclass.successors(n)) if n in subclass else [] for n in network}
    narrower = {n: tuple(sorted(network.nodes[c]["label"] for c in subclass.predecessors(n)))
                for n in nodes if n in subclass}
    filters = []
    if drug_ids:
        filters.append("drugs: " + ", ".join(sorted(network.nodes[d]["label"] for d in drug_ids)))
    if group_ids:
        filters.append("groups: " + ", ".join(sorted(network.nodes[g]["label"] for g in group_ids)))
    if min_level is not None:
        filters.append(f"evidence at rank {min_level} or above")
    state = FilterState(tuple(sorted(drug_ids)), tuple(sorted(group_ids)), min_level or 0)
    return Selection(dict(pairs), dict(approvals), {n: d.get("label", n) for n, d in network.nodes(data=True)},
                     {n: d.get("type", "") for n, d in network.nodes(data=True)}, broader, narrower,
                     {n: d.get("xrefs", "") for n, d in network.nodes(data=True)},
                     {n for n, d in network.nodes(data=True) if d.get("counted")}, filters, state)


def _circular_mean(angles: Iterable[float]) -> tuple[float, float] | None:
    """Mean direction and resultant length (0–1) of angles in radians, or None for no angles."""
    angles = list(angles)
    if not angles:
        return None
    x = sum(math.cos(a) for a in angles) / len(angles)
    y = sum(math.sin(a) for a in angles) / len(angles)
    return math.atan2(y, x), math.hypot(x, y)


def _wrap(angle: float) -> float:
    return (angle + math.pi) % (2 * math.pi) - math.pi


def disorder_blocks(selection: Selection, disorders: list[str]) -> list[tuple[str | None, list[str]]]:
    """Disorders in blocks: one block per disease group, a disorder followed by its narrower counted disorders."""
    drawn = set(disorders)
    blocks: dict[str | None, list[str]] = defaultdict(list)

    def group_of(node: str, seen: frozenset = frozenset()) -> str | None:
        for parent in selection.broader.get(node, []):
            if selection.kinds.get(parent) == "disease_group":
                return parent
            if parent not in seen:
                found = group_of(parent, seen | {node})
                if found:
                    return found
        return None

    children: dict[str, list[str]] = defaultdict(list)
    for node in disorders:
        parent = next((p for p in selection.broader.get(node, []) if p in drawn), None)
        if parent and group_of(node) == group_of(parent):
            children[parent].append(node)
    placed = {c for kids in children.values() for c in kids}
    for node in sorted(disorders, key=lambda n: selection.labels[n].lower()):
        if node not in placed:
            blocks[group_of(node)].append(node)
    units: list[tuple[str | None, list[str]]] = []
    for group in sorted((g for g in blocks if g), key=lambda g: selection.labels[g].lower()):
        units.append((group, _with_children(blocks[group], children)))
    units += [(None, _with_children([node], children)) for node in blocks.get(None, [])]
    return units


def _with_children(nodes: list[str], children: dict[str, list[str]]) -> list[str]:
    out = []
    for node in nodes:
        out.append(node)
        out += _with_children(sorted(children.get(node, [])), children)
    return out


def _order_ring(units: list[tuple[str | None, list[str]]], reach: dict[str, set[str]],
                hubs: set[str]) -> list[tuple[str | None, list[str]]]:
    """Order blocks round the ring so that each drug's disorders lie close together (barycentric sweeps).

    Every drug but the hubs pulls its disorders towards its mean angle; blocks move as a whole, and inside a
    disease group the members another drug reaches turn towards that drug.
    """
    def pulled_by(node: str) -> set[str]:
        return reach[node] - hubs

    order = sorted(units, key=lambda u: (u[0] is None, tuple(sorted(set().union(*map(pulled_by, u[1])))), u[1][0]))
    for _sweep in range(40):
        slots = [n for _group, members in order for n in members]
        angle = {n: 2 * math.pi * i / len(slots) for i, n in enumerate(slots)}
        drug_angle = {drug: _circular_mean(angle[n] for n in slots if drug in reach[n])[0]
                      for drug in set().union(*map(pulled_by, slots))}

        def preference(node: str) -> float | None:
            mean = _circular_mean(drug_angle[d] for d in pulled_by(node))
            return mean[0] % (2 * math.pi) if mean else None

        keyed = []
        for position, (group, members) in enumerate(order):
            wanted = [p for p in map(preference, members) if p is not None]
            centre = (_circular_mean(wanted) or _circular_mean(angle[n] for n in members))[0] % (2 * math.pi)
            if group:
                members = sorted(members, key=lambda n: _wrap((preference(n) if preference(n) is not None else centre) - centre))
            keyed.append((centre, position, (group, members)))
        new = [unit for _centre, _position, unit in sorted(keyed, key=lambda k: (k[0], k[1]))]
        if new == order:
            break
        order = new
    return order


def layout(selection: Selection, scale: list[Design], title: str) -> NetworkView:
    """Place the selected drugs, disorders and groups and style every line."""
    reach: dict[str, set[str]] = defaultdict(set)
    for drug, disorder in list(selection.pairs) + list(selection.approvals):
        reach[disorder].add(drug)
    disorders = sorted(reach)
    drugs = sorted({d for ds in reach.values() for d in ds})
    degree = {d: sum(d in reach[n] for n in disorders) for d in drugs}
    hubs = {d for d in drugs if degree[d] >= 0.5 * len(disorders)} if len(drugs) > 1 else set(drugs)
    units = _order_ring(disorder_blocks(selection, disorders), reach, hubs) if disorders else []

    gap = 0.8
    slots: list[tuple[str, float]] = []
    position = 0.0
    for index, (group, members) in enumerate(units):
        if group and index:
            position += gap
        for node in members:
            slots.append((node, position))
            position += 1
        if group:
            position += gap
    total = max(position, 1.0)
    ring = max(270.0, total * 32 / (2 * math.pi))
    top = _top_slot(units, dict(slots))
    nodes: dict[str, Node] = {}
    for node, slot in slots:
        angle = -math.pi / 2 + 2 * math.pi * (slot - top) / total
        kind = "disorder" if node in selection.counted else "indication"
        drugs_here = len(reach[node])
        nodes[node] = Node(node, selection.labels[node], kind, ring * math.cos(angle), ring * math.sin(angle),
                           5.0 + 1.6 * drugs_here, angle, selection.narrower_labels.get(node, ()))
    for drug in drugs:
        nodes[drug] = Node(drug, selection.labels[drug], "drug", r=11.0 + 2.2 * math.sqrt(degree[drug]))
    edges = _edges(selection, nodes)
    order = sorted(hubs) + sorted(set(drugs) - hubs, key=lambda d: (-degree[d], d))
    place_drugs(nodes, order, _wanted(nodes, drugs, hubs, reach, ring), edges, ring, len(hubs))
    arcs = _arcs(selection, units, nodes, ring)
    _node_tips(selection, nodes, edges)
    used = sorted({e.level for e in edges if e.kind == "off_label"})
    designs = [step for step in scale if step.rank in used]
    box = _bounds(nodes, arcs)
    return NetworkView(nodes, edges, arcs, designs, ring, box, title, describe(selection), list(scale))


def describe(selection: Selection) -> str:
    """What a selection holds, in one line: drugs, counted disorders, pairs, approved pairs, and its filters."""
    reached = {n for pair in list(selection.pairs) + list(selection.approvals) for n in pair}
    drugs = sum(selection.kinds.get(n) == "drug" for n in reached)
    counted = len({n for n in reached if n in selection.counted and selection.kinds.get(n) != "drug"})
    counts = (f"{plural(drugs, 'drug')} · {plural(counted, 'disorder')} · "
              f"{plural(len(selection.pairs), 'drug–disorder pair')} with off-label evidence · "
              f"{plural(len(selection.approvals), 'approved pair')}")
    return counts + (" · " + "; ".join(selection.filters) if selection.filters else "")


def _top_slot(units: list[tuple[str | None, list[str]]], slots: dict[str, float]) -> float:
    """The slot to put at the top of the ring: the middle of the largest disease group, so its label has room."""
    blocks = [members for group, members in units if group]
    if not blocks:
        return 0.0
    largest = max(blocks, key=len)
    if len(largest) == 1:
        return slots[largest[0]] + 0.5
    split = len(largest) // 2
    return (slots[largest[split - 1]] + slots[largest[split]]) / 2


def _wanted(nodes: dict[str, Node], drugs: list[str], hubs: set[str], reach: dict[str, set[str]],
            ring: float) -> dict[str, tuple[float, float]]:
    """Where each drug would like to be: hubs in the middle, every other drug towards the disorders it reaches."""
    wanted = {}
    for index, drug in enumerate(sorted(hubs)):
        spread = 0.0 if len(hubs) == 1 else 0.2 * ring
        angle = 2 * math.pi * index / max(len(hubs), 1)
        wanted[drug] = (spread * math.cos(angle), spread * math.sin(angle))
    for drug in sorted(set(drugs) - hubs):
        mean = _circular_mean(nodes[n].angle for n in reach if drug in reach[n])
        direction, strength = mean if mean else (0.0, 0.0)
        distance = ring * (0.4 + 0.3 * strength)
        wanted[drug] = (distance * math.cos(direction), distance * math.sin(direction))
    return wanted


def _item_line(item: dict[str, Any], disorder: str, labels: dict[str, str]) -> dict[str, str]:
    head = f"{item['design_label']} · {patients_text(item['patients'])} · {item['route']}"
    if item["disease"] != disorder:
        head += f" · {labels.get(item['disease'], item['disease'])}"
    text = "; ".join(p for p in (item.get("dose", ""), item.get("result", "")) if p)
    return {"head": head, "refs": item["refs"].replace(",", ", "), "text": text}


def ranked_items(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Evidence items strongest first, then by reference number."""
    return sorted(items, key=lambda i: (-i["level"], [int(r) for r in i["refs"].split(",")]))


def pair_tip(selection: Selection, drug: str, disorder: str) -> dict[str, Any]:
    """Tooltip of a drug–disorder pair: highest level, totals, and every evidence item with its references."""
    labels = selection.labels
    items = ranked_items(selection.pairs[drug, disorder])
    best, patients = items[0], count_patients(items)
    refs = sorted({int(r) for i in items for r in i["refs"].split(",")})
    shared = f" (sum {patients.naive}, {patients.shared} counted in two items)" if patients.shared else ""
    return {"title": f"{labels[drug]} → {labels[disorder]}",
            "lines": [f"highest level: {best['design_label']} (rank {best['level']})",
                      f"{len(items)} evidence item{'s' * (len(items) != 1)} · {patients.once} patients{shared} · "
                      f"references {', '.join(map(str, refs))}"],
            "items": [_item_line(i, disorder, labels) for i in items]}


def approval_lines(selection: Selection, drug: str, shown: str) -> list[str]:
    """One line per agency approval of ``drug`` for ``shown`` or a form of it: ``FDA: non-segmental vitiligo``."""
    labels = selection.labels
    return sorted({f"{a['agency'].upper()}: {labels.get(a['disease'], a['disease'])}"
                   + (f" ({a['severity'].replace('-', ' ')})" if a.get("severity") else "")
                   for a in selection.approvals.get((drug, shown), [])})


def _edges(selection: Selection, nodes: dict[str, Node]) -> list[Edge]:
    labels = selection.labels
    edges = []
    for (drug, disorder), items in sorted(selection.pairs.items()):
        best = ranked_items(items)[0]
        patients = count_patients(items).once
        scope = within(selection.broader, [disorder] + [i["disease"] for i in items])
        edges.append(Edge(drug, disorder, "off_label", level_colour(best["level"]), edge_width(patients),
                          best["level"], patients, pair_tip(selection, drug, disorder), scope))
    for (drug, shown), approvals in sorted(selection.approvals.items()):
        tip = {"title": f"{labels[drug]} → {labels[shown]} (approved)",
               "lines": ["approved indication in dermatology (Table 1), not off-label evidence"]
               + approval_lines(selection, drug, shown)}
        scope = within(selection.broader, [shown] + [a["disease"] for a in approvals])
        edges.append(Edge(drug, shown, "approved", APPROVED_COLOUR, 2.2, tip=tip, within=scope))
    drawn = {n for n, node in nodes.items() if node.kind != "drug"}
    for node in sorted(drawn):
        for parent in selection.broader.get(node, []):
            if parent in drawn:
                tip = {"title": f"{labels[node]} is a form of {labels[parent]}",
                       "lines": ["the review counts both as separate off-label disorders"]}
                edges.append(Edge(node, parent, "subclass_of", SUBCLASS_COLOUR, 1.4, tip=tip))
    return edges


def _arcs(selection: Selection, units: list[tuple[str | None, list[str]]], nodes: dict[str, Node], ring: float) -> list[Arc]:
    """An arc over each disease group's members, its name set along the ring beyond their labels."""
    arcs = []
    for group, members in units:
        if not group:
            continue
        angles = [nodes[m].angle for m in members]
        half = math.pi / max(len(nodes), 8) * 0.6
        start, end = min(angles) - half, max(angles) + half
        radius = ring + LABEL_GAP + max(label_extent(nodes[m].label) for m in members) + GROUP_GAP
        middle = (start + end) / 2
        lines = group_label(selection.labels[group], middle, radius)
        x, y = sum(line[0] for line in lines) / len(lines), sum(line[1] for line in lines) / len(lines)
        node = Node(group, selection.labels[group], "group", x, y, 8.0, middle)
        node.tip = {"title": selection.labels[group], "lines": ["disease group of the review",
                    f"{len(members)} of its disorders drawn: " + ", ".join(nodes[m].label for m in members)]}
        arcs.append(Arc(group, start, end, ring + 13, node, tuple(members), radius))
    return arcs


def _node_tips(selection: Selection, nodes: dict[str, Node], edges: list[Edge]) -> None:
    partners: dict[str, list[str]] = defaultdict(list)
    for edge in edges:
        if edge.kind == "off_label":
            partners[edge.source].append(edge.target)
            partners[edge.target].append(edge.source)
    for node in nodes.values():
        names = sorted(selection.labels[p] for p in partners[node.id])
        lines = [TYPE_NAMES[node.kind]]
        if node.kind == "drug":
            node.label = selection.labels[node.id]
            lines.append(f"off-label evidence in {len(names)} disorder{'s' * (len(names) != 1)}")
        elif names:
            lines.append("off-label evidence for " + ", ".join(names))
        if node.narrower:
            lines.append("narrower diseases: " + ", ".join(node.narrower))
        if selection.xrefs.get(node.id):
            lines.append("identifiers: " + selection.xrefs[node.id].replace("|", ", "))
        node.tip = {"title": f"{node.label} ({node.id})", "lines": lines}


def _bounds(nodes: dict[str, Node], arcs: list[Arc]) -> tuple[float, float, float, float]:
    """The box holding every node, ring label (in either form) and group name, with a margin."""
    xs, ys = [0.0], [0.0]
    for node in nodes.values():
        if node.angle is None:
            xs += [node.x - node.r, node.x + node.r]
            ys += [node.y - node.r, node.y + node.r + 6 + DRUG_LABEL_SIZE]
            continue
        ring = math.hypot(node.x, node.y)
        reach = ring + LABEL_GAP + label_extent(node.label)
        xs.append(reach * math.cos(node.angle) + 14 * abs(math.sin(node.angle)) * math.copysign(1, math.cos(node.angle)))
        ys.append(reach * math.sin(node.angle) + 14 * abs(math.cos(node.angle)) * math.copysign(1, math.sin(node.angle)))
    for arc in arcs:
        corners = group_label_corners(arc.node.label, arc.node.angle, arc.label_radius)
        xs += [x for x, _y in corners]
        ys += [y for _x, y in corners]
    margin = 12
    return min(xs) - margin, min(ys) - margin, max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin


def edge_path(view: NetworkView, edge: Edge) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """Start, control and end point of an edge's quadratic curve (approved lines bow to one side)."""
    a, b = view.nodes[edge.source], view.nodes[edge.target]
    return curve((a.x, a.y), (b.x, b.y), edge.kind)


def crossings(view: NetworkView) -> list[tuple[Edge, Node]]:
    """Every line with a node, other than its two ends, whose drawn circle touches it (none in a good drawing)."""
    found = []
    for edge in view.edges:
        points = flatten(*edge_path(view, edge))
        for node in view.nodes.values():
            if node.id not in (edge.source, edge.target) and touches((node.x, node.y), node.extent, points, edge.width):
                found.append((edge, node))
    return found
