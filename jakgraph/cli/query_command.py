"""``jakgraph query NAME -p name=value``: answer a stored question."""
from __future__ import annotations

import argparse
import sys

from . import add_endpoint_arguments, add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("name", help="stored query name (see 'jakgraph queries')")
    command.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                         help="parameter value; repeat for several")
    command.add_argument("--format", choices=("table", "csv", "tsv", "json", "srj"), default="table",
                         help="output format; srj = SPARQL 1.1 Query Results JSON (default: table)")
    add_store_argument(command)
    add_endpoint_arguments(command)


def parameters(pairs: list[str]) -> dict[str, str]:
    from jakgraph.errors import UserError

    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UserError(f"parameter {pair!r} is not NAME=VALUE")
        values[name.strip()] = value
    return values


def run(args: argparse.Namespace) -> int:
    from jakgraph.queries.catalog import load_query
    from jakgraph.queries.results import render
    from jakgraph.queries.runner import run_query

    load_query(args.name)  # unknown names fail before the store is opened
    results = run_query(store_from(args), args.name, parameters(args.param))
    sys.stdout.write(render(results, args.format))
    return 0
