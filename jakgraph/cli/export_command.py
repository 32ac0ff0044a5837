"""``jakgraph export``: the graph as RDF for linked-data tools, KGX TSV for Biolink tooling, or a network file."""
from __future__ import annotations

import argparse
import sys

from . import add_store_argument, store_from

FORMAT_NAMES = ("turtle", "ntriples", "jsonld", "rdfxml", "trig", "nquads", "kgx", "graphml", "gexf", "cyjs",
                "edges-csv")


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--format", choices=FORMAT_NAMES, default=None,
                         help="output format (default: from the output's extension, e.g. .ttl .nt .jsonld .rdf .trig"
                              " .nq .graphml .gexf .cyjs .csv; Turtle when writing to stdout)")
    command.add_argument("-o", "--output", metavar="PATH",
                         help="file to write (a folder for kgx); stdout if omitted (RDF formats only)")
    add_store_argument(command)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from jakgraph.errors import UserError
    from jakgraph.graph.export import format_for

    output = Path(args.output) if args.output else None
    chosen = format_for(args.format, output)
    store = store_from(args)
    if chosen.kind == "kgx":
        from jakgraph.graph.export.kgx import write_kgx

        if output is None:
            raise UserError("--format kgx writes nodes.tsv and edges.tsv: give a folder with -o")
        nodes, edges = write_kgx(store, output)
        print(f"wrote {nodes} nodes and {edges} edges to {output}", file=sys.stderr)
        return 0

    if chosen.kind == "network":
        from jakgraph.graph.export.network import write_network

        if output is None:
            raise UserError(f"--format {chosen.name} writes a file: give its path with -o")
        write_network(store, chosen.name, output)
        return 0

    from jakgraph.graph.export.atomic import write_atomically
    from jakgraph.graph.export.rdf import export

    if output is None:
        export(store, chosen.name, sys.stdout.buffer)
        return 0

    def write(path: Path) -> None:
        with path.open("wb") as handle:
            export(store, chosen.name, handle)

    write_atomically(output, write)
    return 0
