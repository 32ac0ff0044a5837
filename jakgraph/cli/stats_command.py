"""``jakgraph stats``: triples per graph and instances per class."""
from __future__ import annotations

import argparse

from . import add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    add_store_argument(command)


def run(args: argparse.Namespace) -> int:
    from jakgraph.graph.store.stats import stats
    from jakgraph.ontology.namespaces import compact

    from .terminal import print_table

    result = stats(store_from(args))
    print(f"triples: {result.triples}\n")
    print_table(["graph", "triples"], [[g, str(n)] for g, n in result.graphs.items()], [False, True])
    print_table(["class", "instances"], [[compact(c), str(n)] for c, n in result.classes.items()], [False, True],
                end="")
    return 0
