"""``jakgraph export``: the graph as RDF for linked-data tools, KGX TSV for Biolink tooling, or a network file."""
from __future__ import annotations

import argparse
import sys

from . import add_store_argument, store_from

FORMAT_NAMES = ("turtle", "ntriples", "jsonld", "rdfxml", "trig", "nquads", "kgx", "graphml", "gexf", "cyjs",
                "edges-csv", "nanopub")


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--format", choices=FORMAT_NAMES, default=None,
                         help="output format (default: from the output's extension, e.g. .ttl .nt .jsonld .rdf .trig"
                              " .nq .graphml .gexf .cyjs .csv; Turtle when writing to stdout)")
    command.add_argument("-o", "--output", metavar="PATH",
                         help="file to write (a folder for kgx and nanopub); stdout if omitted (RDF formats only)")
    command.add_argument("--key", metavar="PEM", help="nanopub only: sign each nanopublication with this unencrypted "
                         "RSA private key, giving it a trusty URI (needs pip install 'jakgraph[nanopub]'); "
                         "without it they are written unsigned")
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
        if chosen.kind == "nanopub":
            raise UserError("--format nanopub writes one TriG file per record: give a folder with -o")
        if chosen.kind == "network":
            raise UserError(f"--format {chosen.name} writes a file: give its path with -o")
        from jakgraph.graph.export.rdf import export

        export(store_from(args), chosen.name, sys.stdout.buffer)
        return 0
    if args.key and chosen.kind != "nanopub":
        raise UserError(f"--key signs nanopublications; --format {chosen.name} is not signed")
    written = write_export(store_from(args), chosen, output, Path(args.key) if args.key else None)
    if written.nanopubs is not None:
        how = "signed, with trusty URIs" if written.signed else "unsigned: give --key PEM to sign them"
        print(f"wrote {written.nanopubs} nanopublications to {output} ({how})", file=sys.stderr)
    if written.nodes is not None:
        print(f"wrote {written.nodes} nodes and {written.edges} edges to {output}", file=sys.stderr)
    return 0
