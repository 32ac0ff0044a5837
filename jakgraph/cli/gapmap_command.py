"""``jakgraph gapmap -o gap.html|gap.png|gap.svg``: the evidence gap map of drugs by counted disorders."""
from __future__ import annotations

import argparse
import sys

from . import add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", metavar="PATH", required=True,
                         help="file to write: .html (works offline), .png or .svg")
    add_store_argument(command)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from jakgraph.graph.network.gapmap import summary_line, write_gapmap

    gaps = write_gapmap(store_from(args), Path(args.output))
    print(f"wrote {args.output}: {summary_line(gaps)}", file=sys.stderr)
    return 0
