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
    from jakgraph.graph.export import format_for, write_export

    output = Path(args.output) if args.output else None
    chosen = format_for(args.format, output)
    if output is None:
        if chosen.kind == "kgx":
            raise UserError("--format kgx writes nodes.tsv and edges.tsv: give a folder with -o")
        if chosen.kind == "network":
            raise UserError(f"--format {chosen.name} writes a file: give its path with -o")
        from jakgraph.graph.export.rdf import export

        export(store_from(args), chosen.name, sys.stdout.buffer)
        return 0
    written = write_export(store_from(args), chosen, output)
    if written.nodes is not None:
        print(f"wrote {written.nodes} nodes and {written.edges} edges to {output}", file=sys.stderr)
    return 0
