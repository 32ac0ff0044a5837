"""``jakgraph validate``: load the curated tables and check the SHACL shapes, writing nothing."""
from __future__ import annotations

import argparse


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--curated", metavar="DIR", help="folder of curated tables (default: the shipped data)")
    command.add_argument("--ontology", metavar="DIR", help="folder of edited copies of the ontology's Turtle files "
                         "jakgraph.ttl, concepts.ttl, shapes.ttl (default: the shipped ones)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from jakgraph.graph.store.validate import check
    from jakgraph.loaders import load_curated

    triples = check(load_curated(Path(args.curated) if args.curated else None,
                                 Path(args.ontology) if args.ontology else None))
    print(f"valid: {triples} triples of curated review data conform to the SHACL shapes")
    return 0
