"""networkx views of the store: the typed drug–disease evidence network and its drug–disorder summary."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jakgraph.queries.results import rows
from jakgraph.queries.runner import run_internal


def evidence_network(store: Any) -> "Any":
    """A networkx MultiDiGraph: typed nodes and one edge per evidence item, approval, inhibition, subclass link and adverse event.

    Every drug→disease edge carries ``kind`` = ``off_label`` or ``approved``, so the two never mix.
    """
    import networkx as nx

    graph = nx.MultiDiGraph(name="jakgraph evidence network")
    groups = {row["group"] for row in rows(run_internal(store, "network-disease-groups"), compact_iris=True)}
    for row in rows(run_internal(store, "network-nodes"), compact_iris=True):
        node_type = "disease_group" if row["node"] in groups else row["type"]
        graph.add_node(row["node"], type=node_type, label=row["label"], label_es=row["label_es"] or "",
                       counted=row["counted"] == "yes", xrefs=row["xrefs"] or "")
    for row in rows(run_internal(store, "network-evidence"), compact_iris=True):
        graph.add_edge(row["drug"], row["disease"], key=row["evidence"], kind="off_label", evidence=row["evidence"],
                       design=row["design"], design_label=row["design_label"], level=row["level"],
                       patients=row["n"] if row["n"] is not None else 0, dose=row["dose"] or "",
                       route=row["route"], refs=",".join(sorted(row["refs"].split(","), key=int)),
                       result=row["result"], disorder=row["disorder"] or row["disease"])
    for row in rows(run_internal(store, "network-approvals"), compact_iris=True):
        graph.add_edge(row["drug"], row["disease"], key=row["approval"], kind="approved", approval=row["approval"],
                       agency=row["agency"], severity=row["severity"] or "")
    for row in rows(run_internal(store, "network-links"), compact_iris=True):
        if row["source"] in graph and row["target"] in graph:
            graph.add_edge(row["source"], row["target"], key=f"{row['kind']}:{row['target']}", kind=row["kind"])
    for row in rows(run_internal(store, "network-adverse-events"), compact_iris=True):
        graph.add_edge(row["drug"], row["event"], key=row["key"], kind=row["kind"], record=row["record"],
                       detail=row["label"])
    return graph


@dataclass(frozen=True)
class PairSummary:
    drug: str
    disorder: str
    items: int
    patients: int
    level: int
    design: str
    refs: str
    approved: bool


def summary_network(network: Any) -> "Any":
    """A networkx Graph of drugs and counted disorders: one edge per pair with items, patients and highest level."""
    import networkx as nx

    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for drug, _disease, data in network.edges(data=True):
        if data["kind"] != "off_label":
            continue
        key = (drug, data["disorder"])
        pair = pairs.setdefault(key, {"items": 0, "patients": 0, "level": -1, "design": "", "refs": set()})
        pair["items"] += 1
        pair["patients"] += data["patients"]
        if data["level"] > pair["level"]:
            pair["level"], pair["design"] = data["level"], data["design_label"]
        pair["refs"].update(data["refs"].split(","))
    approved = {(d, t) for d, t, data in network.edges(data=True) if data["kind"] == "approved"}
    summary = nx.Graph(name="jakgraph drug–disorder summary")
    for (drug, disorder), pair in pairs.items():
        for node in (drug, disorder):
            summary.add_node(node, **network.nodes[node])
        summary.add_edge(drug, disorder, kind="off_label", items=pair["items"], patients=pair["patients"],
                         level=pair["level"], design=pair["design"],
                         refs=",".join(sorted(pair["refs"], key=int)), approved=(drug, disorder) in approved)
    return summary
