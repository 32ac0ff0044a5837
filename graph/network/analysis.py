"""Analyses of the drug–disorder summary graph: shared drugs, most connected nodes, weakly supported disorders.

Every function takes the graph :func:`jakgraph.graph.network.model.summary_network` returns (drugs and counted
disorders, one edge per pair with ``items``, ``patients``, ``level`` and ``design``) and returns plain
dataclasses, so the command line, the views and the tests read the same answers.

"Low-level evidence" is measured against the project's evidence scale (``jak:evidenceRank``): a pair is
low-level when its highest design ranks at or below a given rank. The command line uses the rank of the case
series, so low means study of unstated design, case report or case series — no protocol and no control.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import count_patients

LOW_LEVEL_DESIGN = "design:case-series"


@dataclass(frozen=True)
class Design:
    """A step of the evidence scale: the design's CURIE, English label and rank (higher is stronger)."""

    design: str
    label: str
    rank: int


@dataclass(frozen=True)
class SharedDrugs:
    """Two counted disorders and the drugs with off-label evidence in both (an edge of the projection)."""

    disorder: str
    other: str
    drugs: tuple[str, ...]


@dataclass(frozen=True)
class Connection:
    """A drug or disorder with its number of partners in the summary graph and the evidence behind them.

    ``patients`` counts each patient once; ``shared`` is what the naive sum of the items' numbers counts twice.
    """

    node: str
    label: str
    degree: int
    items: int
    patients: int
    partners: tuple[str, ...]
    shared: int = 0


@dataclass(frozen=True)
class WeakPair:
    """A disorder reached by a single drug whose evidence never rises above the low-level threshold."""

    disorder: str
    label: str
    drug: str
    design: str
    level: int
    items: int
    patients: int
    refs: str


def evidence_scale(store: Any) -> list[Design]:
    """The study designs of the store ordered from weakest to strongest."""
    from jakgraph.queries.results import rows
    from jakgraph.queries.runner import run_internal

    return [Design(row["design"], row["label"], row["rank"])
            for row in rows(run_internal(store, "design-ranks"), compact_iris=True)]


def design_rank(scale: list[Design], name: str | int) -> int:
    """The rank a design name, label, CURIE or number stands for on the scale.

    >>> design_rank([Design("design:case-series", "case series", 2)], "case-series")
    2
    """
    text = str(name).strip()
    if text.lstrip("-").isdigit():
        return int(text)
    wanted = text.lower().replace("_", "-")
    for step in scale:
        slug = step.design.split(":", 1)[-1]
        if wanted in (step.design.lower(), slug, step.label.lower(), step.label.lower().replace(" ", "-")):
            return step.rank
    from jakgraph.errors import UserError

    known = ", ".join(step.design.split(":", 1)[-1] for step in scale)
    raise UserError(f"unknown study design {name!r}: give a rank (0-{scale[-1].rank if scale else 0}) or one of {known}")


def _is_drug(summary: Any, node: str) -> bool:
    return summary.nodes[node].get("type") == "drug"


def drugs_of(summary: Any) -> list[str]:
    """The drug nodes of the summary graph, sorted."""
    return sorted(n for n in summary if _is_drug(summary, n))


def disorders_of(summary: Any) -> list[str]:
    """The disorder nodes of the summary graph, sorted."""
    return sorted(n for n in summary if not _is_drug(summary, n))


def disorder_projection(summary: Any) -> Any:
    """The bipartite projection onto disorders: two disorders are linked when a drug reaches both.

    Each edge carries ``weight`` (number of shared drugs) and ``drugs`` (their CURIEs joined with ``|``).
    """
    import networkx as nx

    projection = nx.Graph(name="disorders sharing drugs")
    for disorder in disorders_of(summary):
        projection.add_node(disorder, **summary.nodes[disorder])
    for drug in drugs_of(summary):
        reached = sorted(summary[drug])
        for i, disorder in enumerate(reached):
            for other in reached[i + 1:]:
                shared = projection.get_edge_data(disorder, other, {}).get("drugs", "")
                drugs = "|".join(sorted(filter(None, shared.split("|") + [drug])))
                projection.add_edge(disorder, other, weight=drugs.count("|") + 1, drugs=drugs)
    return projection


def disorders_sharing_drugs(summary: Any, min_shared: int = 1) -> list[SharedDrugs]:
    """Pairs of disorders with at least ``min_shared`` drugs in common, most shared first."""
    pairs = [SharedDrugs(a, b, tuple(data["drugs"].split("|")))
             for a, b, data in disorder_projection(summary).edges(data=True) if data["weight"] >= min_shared]
    pairs = [SharedDrugs(*sorted((p.disorder, p.other)), p.drugs) for p in pairs]
    return sorted(pairs, key=lambda p: (-len(p.drugs), p.disorder, p.other))


def _connection(summary: Any, node: str) -> Connection:
    edges = [summary.edges[node, partner] for partner in summary[node]]
    patients = count_patients({"patients": e["patients_naive"], "overlaps": e["overlaps"]} for e in edges)
    return Connection(node, summary.nodes[node].get("label", node), len(edges), sum(e["items"] for e in edges),
                      patients.once, tuple(sorted(summary[node])), patients.shared)


def most_connected(summary: Any, node_type: str, top: int | None = None) -> list[Connection]:
    """Drugs (``node_type="drug"``) or disorders (any other value) by number of partners, then items and patients."""
    nodes = drugs_of(summary) if node_type == "drug" else disorders_of(summary)
    ranked = sorted((_connection(summary, n) for n in nodes),
                    key=lambda c: (-c.degree, -c.items, -c.patients, c.label.lower()))
    return ranked[:top] if top else ranked


def single_drug_low_evidence(summary: Any, max_level: int) -> list[WeakPair]:
    """Disorders reached by exactly one drug whose highest level of evidence is at most ``max_level``."""
    weak = []
    for disorder in disorders_of(summary):
        if summary.degree(disorder) != 1:
            continue
        drug = next(iter(summary[disorder]))
        edge = summary.edges[drug, disorder]
        if edge["level"] <= max_level:
            weak.append(WeakPair(disorder, summary.nodes[disorder].get("label", disorder), drug, edge["design"],
                                 edge["level"], edge["items"], edge["patients"], edge["refs"]))
    return sorted(weak, key=lambda w: (w.drug, w.level, w.label.lower()))
