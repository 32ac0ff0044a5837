"""``jakgraph build``: curated tables → validated graph → new store, swapped in atomically."""
from __future__ import annotations

import argparse
import sys

from . import add_store_argument, add_wait_argument


def arguments(command: argparse.ArgumentParser) -> None:
    add_store_argument(command, remote=False)
    add_wait_argument(command)
    command.add_argument("--curated", metavar="DIR", help="folder of curated tables (default: the shipped data)")
    command.add_argument("--ontology", metavar="DIR", help="folder of edited copies of the ontology's Turtle files "
                         "jakgraph.ttl, concepts.ttl, shapes.ttl (default: the shipped ones)")
    command.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from jakgraph.graph.store.build import build

    interactive = sys.stderr.isatty() and not args.quiet
    say = (lambda message: print(f"  {message}", file=sys.stderr)) if interactive else (lambda message: None)
    report = build(args.store, Path(args.curated) if args.curated else None, progress=say, wait=args.wait,
                   ontology=Path(args.ontology) if args.ontology else None)
    if not args.quiet:
        print(f"built {report.triples} triples into {report.location}")
        for graph, count in sorted(report.graphs.items()):
            print(f"  {graph}: {count}")
    return 0
