"""``jakgraph stats``: triples per graph and instances per class."""
from __future__ import annotations

import argparse

from . import add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    add_store_argument(command)


def run(args: argparse.Namespace) -> int:
    from jakgraph.graph.store.stats import stats
    from jakgraph.ontology.namespaces import compact
    from jakgraph.queries.results import table

    result = stats(store_from(args))
    print(f"triples: {result.triples}\n")
    print(table(["graph", "triples"], [[g, str(n)] for g, n in result.graphs.items()]))
    print(table(["class", "instances"], [[compact(c), str(n)] for c, n in result.classes.items()]), end="")
    return 0
