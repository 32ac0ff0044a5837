"""``jakgraph viz -o net.html|net.png|net.svg``: draw the drug–disorder network."""
from __future__ import annotations

import argparse
import sys

from . import add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", metavar="PATH", required=True,
                         help="file to write: .html (zoom, pan, search and filters in the page; works offline), "
                              ".png or .svg (static picture)")
    command.add_argument("--drug", action="append", default=[], metavar="DRUG",
                         help="show only this drug (CURIE, name or label); repeat for several. A page opens with "
                              "this filter set and can change it; a picture draws only what passes")
    command.add_argument("--group", action="append", default=[], metavar="GROUP",
                         help="show only disorders in this disease group or under this disease "
                              "(e.g. autoinflammatory-disorders, psoriasis); repeat for several")
    command.add_argument("--min-level", metavar="DESIGN-OR-RANK",
                         help="show only evidence at or above this design (e.g. case-series) or rank (0-12);"
                              " approved indications stay")
    add_store_argument(command)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from jakgraph.graph.network.view import write_viz

    view = write_viz(store_from(args), Path(args.output), args.drug, args.group, args.min_level)
    print(f"wrote {args.output}: {view.subtitle}", file=sys.stderr)
    return 0
