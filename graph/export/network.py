"""Write the evidence network for network tools: GraphML and GEXF (Gephi), Cytoscape.js JSON, an edge list CSV.

The exported graph is :func:`jakgraph.graph.network.model.evidence_network`: typed nodes and one edge per evidence
item, approval, inhibition, subclass link and adverse event, each with its ``kind``. GraphML and GEXF hold
scalar attributes only, so lists are joined with ``|`` and missing values are written as empty strings.
Edge ids must be unique in a file: an edge keeps its key as id when the key is unique in the graph (evidence
items, approvals) and is otherwise named ``source|target|key`` (``drug:baricitinib|isoform:jak1|inhibits:isoform:jak1``).

GraphML, GEXF and the Cytoscape.js JSON also carry how ``jakgraph viz`` draws each node and edge
(:mod:`jakgraph.graph.network.appearance`), in the form each tool reads:

- GEXF: ``viz:position`` (x, y), ``viz:size`` (radius) and ``viz:color`` on nodes; ``viz:color``,
  ``viz:thickness`` and ``weight`` on edges. Gephi reads position, size and colour of nodes, colour and weight of
  edges (it draws an edge as thick as its weight and ignores ``viz:thickness``, which other GEXF readers use).
- GraphML: node keys ``x``, ``y``, ``size``, ``r``, ``g``, ``b`` and edge keys ``r``, ``g``, ``b``, ``weight``,
  which Gephi's importer maps to position, size, colour and weight by name; ``color`` (``#rrggbb``) on nodes and
  edges and ``width`` on edges for other tools. Cytoscape imports GraphML keys as table columns only and lays the
  network out itself: map ``color`` to fill or line colour with a passthrough mapping, or open the ``.cyjs`` file.
- Cytoscape.js JSON: each node's ``position`` (which Cytoscape desktop and cytoscape.js place nodes by) and
  ``color``, ``size``, ``width`` in the elements' data, for a passthrough style.

Gephi's y axis points up, so GraphML and GEXF hold ``y`` negated; the Cytoscape.js JSON keeps the view's
downward y. The weight of an evidence item or approval is its drawn line's width, not a count.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable

NETWORK_FORMATS = ("graphml", "gexf", "cyjs", "edges-csv")
LIST_DELIMITER = "|"
Looks = tuple[dict[str, Any], dict[tuple[str, str, str], Any]]  # node and edge looks from network.appearance


def scalar(value: Any) -> Any:
    """A value GraphML and GEXF can hold: lists joined with ``|``, ``None`` as an empty string."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return LIST_DELIMITER.join(str(v) for v in (sorted(value) if isinstance(value, (set, frozenset)) else value))
    if isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def edge_ids(network: Any) -> dict[tuple[str, str, str], str]:
    """A document-unique id for every edge: its key when no other edge shares it, else ``source|target|key``."""
    counts = Counter(key for _s, _t, key in network.edges(keys=True))
    return {(s, t, k): k if counts[k] == 1 else f"{s}|{t}|{k}" for s, t, k in network.edges(keys=True)}


def scalar_network(network: Any) -> Any:
    """A copy of ``network`` keyed by :func:`edge_ids` whose graph, node and edge attributes are all scalars."""
    graph = network.__class__()
    graph.graph.update({k: scalar(v) for k, v in network.graph.items()})
    for node, data in network.nodes(data=True):
        graph.add_node(node, **{k: scalar(v) for k, v in data.items()})
    ids = edge_ids(network)
    for source, target, key, data in network.edges(keys=True, data=True):
        graph.add_edge(source, target, key=ids[source, target, key], **{k: scalar(v) for k, v in data.items()})
    return graph


def cytoscape_json(network: Any) -> dict[str, Any]:
    """Cytoscape.js elements JSON (also imported by Cytoscape desktop) of a :func:`scalar_network`.

    Nodes carry ``id`` and ``name`` (the label), edges ``id``, ``source`` and ``target``, beside their attributes.
    """
    from networkx.readwrite import json_graph

    data = json_graph.cytoscape_data(network, name="label", ident="id")
    data["data"] = dict(network.graph)
    for edge in data["elements"]["edges"]:
        edge["data"]["id"] = edge["data"].pop("key")
    for node in data["elements"]["nodes"]:
        node["data"].pop("value", None)
    return data


def edge_rows(network: Any) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of the edge list: ends, id, kind, end labels and types, then every other edge attribute."""
    ids = edge_ids(network)
    fields = sorted({k for *_ends, data in network.edges(data=True) for k in data} - {"kind"})
    header = ["source", "target", "id", "kind", "source_label", "target_label", "source_type", "target_type"] + fields
    rows = []
    for source, target, key, data in network.edges(keys=True, data=True):
        ends = network.nodes[source], network.nodes[target]
        rows.append([source, target, ids[source, target, key], data["kind"], ends[0].get("label", ""), ends[1].get("label", ""),
                     ends[0].get("type", ""), ends[1].get("type", "")] + [scalar(data.get(f)) for f in fields])
    return header, rows


def _rounded(value: float) -> float:
    return round(value, 2) + 0.0  # no -0.0


def _graphml_writer() -> Any:
    """networkx's GraphML writer with every key id unique.

    Key ids are the attributes' names, which Gephi matches by; a name that nodes and edges both use (``r``, ``g``,
    ``b``, ``color``) is written as ``edge-r`` (or ``node-r``) the second time, ``attr.name`` still ``r``,
    because GraphML wants each key id once. Gephi then matches the key by its ``attr.name``.
    """
    from networkx.readwrite.graphml import GraphMLWriter

    class UniqueKeyIds(GraphMLWriter):
        def get_key(self, name: str, attr_type: str, scope: str, default: Any) -> str:
            fresh = (name, attr_type, scope) not in self.keys
            taken = set(self.keys.values())
            key_id = super().get_key(name, attr_type, scope, default)
            if fresh and key_id in taken:
                element = next(e for e in self.xml if e.tag == "key" and e.get("id") == key_id and e.get("for") == scope)
                key_id = f"{scope}-{name}"
                element.set("id", key_id)
                self.keys[name, attr_type, scope] = key_id
            return key_id

    return UniqueKeyIds(encoding="utf-8", named_key_ids=True)


def _graphml(network: Any, looks: Looks, path: Path) -> None:
    from jakgraph.graph.network.appearance import rgb

    graph = scalar_network(network)
    nodes, edges = looks
    for node, look in nodes.items():
        r, g, b = rgb(look.colour)
        graph.nodes[node].update(x=_rounded(look.x), y=_rounded(-look.y), size=_rounded(look.size), r=r, g=g, b=b,
                                 color=look.colour)
    ids = edge_ids(network)
    for (source, target, key), look in edges.items():
        r, g, b = rgb(look.colour)
        graph.edges[source, target, ids[source, target, key]].update(r=r, g=g, b=b, color=look.colour,
                                                                     weight=look.width, width=look.width)
    writer = _graphml_writer()
    writer.add_graph_element(graph)
    with path.open("wb") as handle:
        writer.dump(handle)


def _viz_colour(colour: str) -> dict[str, Any]:
    from jakgraph.graph.network.appearance import rgb

    r, g, b = rgb(colour)
    return {"r": r, "g": g, "b": b, "a": 1.0}


def _gexf(network: Any, looks: Looks, path: Path) -> None:
    import networkx as nx

    graph = scalar_network(network)
    nodes, edges = looks
    for node, look in nodes.items():
        graph.nodes[node]["viz"] = {"position": {"x": _rounded(look.x), "y": _rounded(-look.y), "z": 0.0},
                                    "size": _rounded(look.size), "color": _viz_colour(look.colour)}
    ids = edge_ids(network)
    for (source, target, key), look in edges.items():
        data = graph.edges[source, target, ids[source, target, key]]
        data.update(id=ids[source, target, key], weight=look.width,
                    viz={"color": _viz_colour(look.colour), "thickness": look.width})
    nx.write_gexf(graph, path, encoding="utf-8")


def _cyjs(network: Any, looks: Looks, path: Path) -> None:
    data = cytoscape_json(scalar_network(network))
    nodes, edges = looks
    for element in data["elements"]["nodes"]:
        look = nodes[element["data"]["id"]]
        element["position"] = {"x": _rounded(look.x), "y": _rounded(look.y)}
        element["data"].update(color=look.colour, size=_rounded(look.size))
    by_id = {edge_id: edges[ends] for ends, edge_id in edge_ids(network).items()}
    for element in data["elements"]["edges"]:
        look = by_id[element["data"]["id"]]
        element["data"].update(color=look.colour, width=look.width)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _edges_csv(network: Any, looks: Looks, path: Path) -> None:
    header, rows = edge_rows(network)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


WRITERS: dict[str, Callable[[Any, Looks, Path], None]] = {
    "graphml": _graphml, "gexf": _gexf, "cyjs": _cyjs, "edges-csv": _edges_csv,
}


def network_looks(store: Any, network: Any) -> Looks:
    """How the view draws every node and edge of ``network`` (laid out from ``store`` as ``jakgraph viz`` does)."""
    from jakgraph.graph.network.appearance import edge_looks, node_looks
    from jakgraph.graph.network.view import network_view

    view = network_view(store, network)
    return node_looks(network, view), edge_looks(network, view)


def write_network(store: Any, fmt: str, path: Path) -> None:
    """Write the evidence network of ``store`` to ``path`` in ``fmt`` (one of :data:`NETWORK_FORMATS`).

    The file is written beside ``path`` first and moved into place, so a failed write leaves no partial file.
    """
    from jakgraph.errors import UserError

    from .atomic import write_atomically
    from jakgraph.graph.network.model import evidence_network

    if fmt not in WRITERS:
        raise UserError(f"unknown network format {fmt!r}: use one of {', '.join(NETWORK_FORMATS)}")
    path = Path(path)
    network = evidence_network(store)
    looks = network_looks(store, network) if fmt != "edges-csv" else ({}, {})
    write_atomically(path, lambda target: WRITERS[fmt](network, looks, target))
