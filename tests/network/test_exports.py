"""The network exports carry the view's drawing: GraphML and GEXF as Gephi reads them, the Cytoscape.js JSON as
Cytoscape reads it. Each file is parsed with ElementTree or json, not read back by the code that wrote it.

Gephi's y axis points up, so GraphML and GEXF hold the view's y negated; the Cytoscape.js JSON keeps it.
"""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

BARI, RUXO = "drug:baricitinib", "drug:ruxolitinib"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"


@pytest.fixture(scope="module")
def files(store, tmp_path_factory) -> dict[str, Path]:
    from jakgraph.graph.export.network import write_network

    folder = tmp_path_factory.mktemp("styled")
    written = {}
    for fmt in ("graphml", "gexf", "cyjs"):
        written[fmt] = folder / f"network.{fmt}"
        write_network(store, fmt, written[fmt])
    return written


@pytest.fixture(scope="module")
def view(store):
    from jakgraph.graph.network.view import network_view

    return network_view(store)


@pytest.fixture(scope="module")
def network(store):
    from jakgraph.graph.network.model import evidence_network

    return evidence_network(store)


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def drawn(view: Any) -> dict[str, tuple[float, float, float, str]]:
    """Every node the view draws: x, y, radius, fill colour."""
    from jakgraph.graph.network.layout import TYPE_COLOURS

    out = {n.id: (n.x, n.y, n.r, TYPE_COLOURS[n.kind]) for n in view.nodes.values()}
    out.update({a.group: (a.node.x, a.node.y, a.node.r, TYPE_COLOURS["group"]) for a in view.arcs})
    return out


def pair_lines(view: Any, network: Any) -> dict[str, tuple[str, float]]:
    """The colour and width the view draws for each evidence item's or approval's pair, by the edge's key."""
    lines = {(e.source, e.target, e.kind): (e.colour, e.width) for e in view.edges}
    shown = {"disease:non-segmental-vitiligo": "disease:vitiligo"}  # Table 1's indication, drawn as vitiligo
    out = {}
    for source, target, key, data in network.edges(keys=True, data=True):
        if data["kind"] == "off_label":
            out[key] = lines[source, data["disorder"], "off_label"]
        elif data["kind"] == "approved":
            out[key] = lines[source, shown.get(target, target), "approved"]
    return out


def graphml_data(element: Any, names: dict[str, str]) -> dict[str, str]:
    return {names[d.get("key")]: d.text for d in element.findall(f"{GRAPHML}data")}


def test_graphml_holds_positions_sizes_and_colours_by_the_names_gephi_reads(files, view, network):
    root = ET.parse(files["graphml"]).getroot()
    ids = [k.get("id") for k in root.iter(f"{GRAPHML}key")]
    assert len(ids) == len(set(ids))  # GraphML wants each key id once, though nodes and edges both have r, g, b
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in root.iter(f"{GRAPHML}key")}
    for name, kind in (("x", "double"), ("y", "double"), ("size", "double"), ("r", "long"), ("g", "long"), ("b", "long")):
        assert keys["node", name] == kind
    for name in ("r", "g", "b", "weight"):
        assert ("edge", name) in keys
    names = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    nodes = {n.get("id"): graphml_data(n, names) for n in root.iter(f"{GRAPHML}node")}
    assert len(nodes) == network.number_of_nodes() == 147
    assert all({"x", "y", "size", "r", "g", "b"} <= set(data) for data in nodes.values())
    for node, (x, y, r, colour) in drawn(view).items():
        data = nodes[node]
        assert (float(data["x"]), float(data["y"]), float(data["size"])) == pytest.approx((x, -y, r), abs=0.005)
        assert (int(data["r"]), int(data["g"]), int(data["b"])) == rgb(colour)
    assert (nodes[BARI]["x"], nodes[BARI]["y"], nodes[BARI]["color"]) == ("0.0", "0.0", "#00897b")
    assert nodes["disease:vexas-syndrome"]["color"] == "#455a64"
    assert nodes["disease:atopic-dermatitis"]["color"] == "#ffffff"  # approved indication only: white, as drawn

    lines = pair_lines(view, network)
    edges = {e.get("id"): graphml_data(e, names) for e in root.iter(f"{GRAPHML}edge")}
    for key, (colour, width) in lines.items():
        assert (edges[key]["color"], float(edges[key]["weight"])) == (colour, width)
        assert (int(edges[key]["r"]), int(edges[key]["g"]), int(edges[key]["b"])) == rgb(colour)
    assert (len(lines), sum(e["kind"] == "approved" for e in edges.values())) == (67 + 9, 9)
    # baricitinib–psoriasis: highest level a network meta-analysis (rank 11), 271 patients
    assert {(edges[k]["color"], edges[k]["weight"]) for k in ("evidence:baricitinib--psoriasis--18",
                                                             "evidence:baricitinib--psoriasis--69")} == {("#4c02a1", "5.58")}


def test_gexf_holds_viz_position_size_and_colour(files, view, network):
    root = ET.parse(files["gexf"]).getroot()
    nodes = {n.get("id"): n for n in root.iter(f"{GEXF}node")}
    assert len(nodes) == 147
    assert all(n.find(f"{VIZ}position") is not None and n.find(f"{VIZ}color") is not None for n in nodes.values())
    for node, (x, y, r, colour) in drawn(view).items():
        position, size, fill = (nodes[node].find(f"{VIZ}{tag}") for tag in ("position", "size", "color"))
        assert (float(position.get("x")), float(position.get("y"))) == pytest.approx((x, -y), abs=0.005)
        assert float(size.get("value")) == pytest.approx(r, abs=0.005)
        assert (int(fill.get("r")), int(fill.get("g")), int(fill.get("b"))) == rgb(colour)
    edges = {e.get("id"): e for e in root.iter(f"{GEXF}edge")}
    for key, (colour, width) in pair_lines(view, network).items():
        edge = edges[key]
        fill = edge.find(f"{VIZ}color")
        assert (int(fill.get("r")), int(fill.get("g")), int(fill.get("b"))) == rgb(colour)
        assert float(edge.get("weight")) == float(edge.find(f"{VIZ}thickness").get("value")) == width
    assert edges["evidence:baricitinib--psoriasis--69"].find(f"{VIZ}color").attrib == {"r": "76", "g": "2", "b": "161", "a": "1.0"}


def test_cytoscape_json_holds_positions_and_colours(files, view, network):
    data = json.loads(files["cyjs"].read_text(encoding="utf-8"))
    nodes = {n["data"]["id"]: n for n in data["elements"]["nodes"]}
    assert all(set(n["position"]) == {"x", "y"} for n in nodes.values())
    for node, (x, y, r, colour) in drawn(view).items():
        assert (nodes[node]["position"]["x"], nodes[node]["position"]["y"]) == pytest.approx((x, y), abs=0.005)
        assert (nodes[node]["data"]["color"], nodes[node]["data"]["size"]) == (colour, pytest.approx(r, abs=0.005))
    edges = {e["data"]["id"]: e["data"] for e in data["elements"]["edges"]}
    for key, (colour, width) in pair_lines(view, network).items():
        assert (edges[key]["color"], edges[key]["width"]) == (colour, width)


def test_what_the_view_leaves_out_sits_outside_it(files, view, network):
    """Diseases under a drawn disorder just beyond its label, everything else on a wider ring; nothing inside the view."""
    import math

    root = ET.parse(files["gexf"]).getroot()
    place = {n.get("id"): (float(n.find(f"{VIZ}position").get("x")), -float(n.find(f"{VIZ}position").get("y")))
             for n in root.iter(f"{GEXF}node")}
    inside = set(drawn(view))
    x0, y0, width, height = view.box
    inscribed = min(-x0, -y0, x0 + width, y0 + height)
    outside = {n: math.hypot(*place[n]) for n in place if n not in inside}
    assert len(outside) == 147 - 4 - 38 - 2
    assert min(outside.values()) > inscribed
    # non-segmental vitiligo sits beyond vitiligo, on its side of the ring
    vitiligo, nsv = view.nodes["disease:vitiligo"], place["disease:non-segmental-vitiligo"]
    assert math.atan2(nsv[1], nsv[0]) == pytest.approx(vitiligo.angle, abs=0.001)
    assert {n for n, d in network.nodes(data=True) if d["type"] == "isoform"} <= set(outside)
