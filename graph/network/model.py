"""networkx views of the store: the typed drug–disease evidence network and its drug–disorder summary."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
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
    shares = item_overlaps(store)
    for row in rows(run_internal(store, "network-evidence"), compact_iris=True):
        shared = {"overlaps": shares[row["evidence"]]} if row["evidence"] in shares else {}
        graph.add_edge(row["drug"], row["disease"], key=row["evidence"], kind="off_label", evidence=row["evidence"],
                       design=row["design"], design_label=row["design_label"], level=row["level"],
                       patients=row["n"] if row["n"] is not None else 0, dose=row["dose"] or "",
                       route=row["route"], refs=",".join(sorted(row["refs"].split(","), key=int)),
                       result=row["result"], disorder=row["disorder"] or row["disease"], **shared)
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


def item_overlaps(store: Any) -> dict[str, tuple[str, ...]]:
    """For each evidence item that shares patients with another: ``overlap:ID=N`` per overlap (N patients shared).

    An off-label edge carries these as ``overlaps`` (a scalar list, as GraphML wants), which :func:`count_patients`
    reads.
    """
    found: dict[str, list[str]] = {}
    for row in rows(run_internal(store, "network-overlaps"), compact_iris=True):
        found.setdefault(row["evidence"], []).append(f"{row['overlap']}={row['shared']}")
    return {item: tuple(sorted(tokens)) for item, tokens in found.items()}


@dataclass(frozen=True)
class Patients:
    """Patients of some evidence items: ``once`` counts each patient once, ``naive`` sums the items' numbers."""

    once: int
    naive: int

    @property
    def shared(self) -> int:
        """Patients the naive sum counts more than once."""
        return self.naive - self.once


def count_patients(items: Iterable[Mapping[str, Any]]) -> Patients:
    """Patients of evidence items (each a mapping with ``patients`` and maybe ``overlaps``), each counted once.

    An overlap whose N shared patients k of the items count is counted k - 1 times too many by the naive sum.

    >>> count_patients([{"patients": 5, "overlaps": ("overlap:a=2",)}, {"patients": 3, "overlaps": ("overlap:a=2",)},
    ...                 {"patients": 4}])
    Patients(once=10, naive=12)
    """
    naive, members, shared = 0, Counter(), {}
    for item in items:
        naive += item["patients"]
        for token in item.get("overlaps", ()):
            overlap, _, patients = token.rpartition("=")
            members[overlap] += 1
            shared[overlap] = int(patients)
    return Patients(naive - sum(shared[overlap] * (k - 1) for overlap, k in members.items()), naive)


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
    """A networkx Graph of drugs and counted disorders: one edge per pair with items, patients and highest level.

    ``patients`` counts each patient once (:func:`count_patients`), ``patients_naive`` sums the items' numbers;
    ``overlaps`` keeps each item's overlaps, so that totals over several pairs count shared patients once too.
    """
    import networkx as nx

    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for drug, _disease, data in network.edges(data=True):
        if data["kind"] != "off_label":
            continue
        key = (drug, data["disorder"])
        pair = pairs.setdefault(key, {"items": 0, "level": -1, "design": "", "refs": set(), "evidence": []})
        pair["items"] += 1
        pair["evidence"].append(data)
        if data["level"] > pair["level"]:
            pair["level"], pair["design"] = data["level"], data["design_label"]
        pair["refs"].update(data["refs"].split(","))
    approved = {(d, t) for d, t, data in network.edges(data=True) if data["kind"] == "approved"}
    summary = nx.Graph(name="jakgraph drug–disorder summary")
    for (drug, disorder), pair in pairs.items():
        for node in (drug, disorder):
            summary.add_node(node, **network.nodes[node])
        patients = count_patients(pair["evidence"])
        summary.add_edge(drug, disorder, kind="off_label", items=pair["items"], patients=patients.once,
                         patients_naive=patients.naive,
                         overlaps=tuple(t for item in pair["evidence"] for t in item.get("overlaps", ())),
                         level=pair["level"], design=pair["design"],
                         refs=",".join(sorted(pair["refs"], key=int)), approved=(drug, disorder) in approved)
    return summary
