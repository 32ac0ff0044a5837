"""``jakgraph export``: the graph as RDF for linked-data tools, KGX TSV for Biolink tooling, or a network file."""
from __future__ import annotations

import argparse
import sys

from . import add_store_argument

RDF = ("turtle", "ntriples", "jsonld", "rdfxml", "trig", "nquads")
NETWORK = ("graphml", "gexf", "cyjs", "edges-csv")
FORMATS = RDF + ("kgx",) + NETWORK


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--format", choices=FORMATS, default="turtle", help="output format (default: turtle)")
    command.add_argument("-o", "--output", metavar="PATH",
                         help="file to write (a folder for kgx); stdout if omitted (RDF formats only)")
    add_store_argument(command)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from jakgraph.errors import UserError
    from jakgraph.graph.store import open_store

    store = open_store(args.store)
    if args.format == "kgx":
        from jakgraph.graph.export.kgx import write_kgx

        if not args.output:
            raise UserError("--format kgx writes nodes.tsv and edges.tsv: give a folder with -o")
        nodes, edges = write_kgx(store, Path(args.output))
        print(f"wrote {nodes} nodes and {edges} edges to {args.output}", file=sys.stderr)
        return 0

    if args.format in NETWORK:
        from jakgraph.graph.export.network import write_network

        if not args.output:
            raise UserError(f"--format {args.format} writes a file: give its path with -o")
        write_network(store, args.format, Path(args.output))
        return 0

    from jakgraph.graph.export.rdf import export

    if not args.output:
        export(store, args.format, sys.stdout.buffer)
        return 0
    target = Path(args.output)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        with temporary.open("wb") as output:
            export(store, args.format, output)
        temporary.replace(target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(f"cannot write {target}: {exc.strerror}") from None
    return 0
