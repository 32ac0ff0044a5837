"""``jakgraph network``: analyses of the drug–disorder network as plain text tables."""
from __future__ import annotations

import argparse

from . import add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--top", type=int, default=10, metavar="N",
                         help="rows in the most-connected and shared-drug tables (default: 10; 0 for all)")
    add_store_argument(command)


def run(args: argparse.Namespace) -> int:
    from jakgraph.errors import UserError
    from jakgraph.graph.network.model import evidence_network, summary_network
    from jakgraph.graph.network.analysis import (LOW_LEVEL_DESIGN, design_rank, disorder_projection,
                                                 disorders_sharing_drugs, evidence_scale, most_connected,
                                                 single_drug_low_evidence)

    from .terminal import print_table

    if args.top < 0:
        raise UserError(f"--top {args.top}: give a number of rows, 0 for all")
    top = args.top or None
    store = store_from(args)
    summary = summary_network(evidence_network(store))
    projection = disorder_projection(summary)
    label = lambda node: summary.nodes[node].get("label", node)

    drugs = most_connected(summary, "drug", top)
    print("Most connected drugs: counted disorders each drug reaches with off-label evidence")
    print_table(["drug", "disorders", "items", "patients", "counted twice"],
                [[c.label, str(c.degree), str(c.items), str(c.patients), str(c.shared)] for c in drugs],
                [False] + [True] * 4)

    disorders = most_connected(summary, "disorder", top)
    print("Most connected disorders: drugs with off-label evidence, and disorders sharing a drug (projection)")
    print_table(["disorder", "drugs", "items", "patients", "counted twice", "shares a drug with", "which drugs"],
                [[c.label, str(c.degree), str(c.items), str(c.patients), str(c.shared), str(projection.degree(c.node)),
                  ", ".join(label(p) for p in c.partners)] for c in disorders], [False] + [True] * 5 + [False])

    pairs = disorders_sharing_drugs(summary)
    shown = pairs[:top] if top else pairs
    print(f"Disorders sharing drugs: bipartite projection onto the {projection.number_of_nodes()} disorders, "
          f"{projection.number_of_edges()} linked pairs, most shared drugs first")
    print_table(["disorder", "other disorder", "shared", "drugs"],
                [[label(p.disorder), label(p.other), str(len(p.drugs)), ", ".join(label(d) for d in p.drugs)]
                 for p in shown], [False, False, True, False])

    scale = evidence_scale(store)
    ceiling = design_rank(scale, LOW_LEVEL_DESIGN)
    weak = single_drug_low_evidence(summary, ceiling)
    names = ", ".join(s.label for s in scale if s.rank <= ceiling)
    print(f"Disorders reached by one drug with only low-level evidence (highest design ranks {ceiling} or below: {names})")
    print_table(["disorder", "drug", "highest design", "items", "patients", "references"],
                [[w.label, label(w.drug), w.design, str(w.items), str(w.patients), w.refs.replace(",", ", ")]
                 for w in weak], [False, False, False, True, True, False], end="")
    return 0
