"""``jakgraph query NAME -p name=value``: answer a stored question."""
from __future__ import annotations

import argparse
from typing import Any

from . import add_endpoint_arguments, add_store_argument, store_from


class QueryHelp(argparse.Action):
    """``-h``/``--help``: the command's options; after a question's name, that question's card first."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, nargs=0,
                         help="show this help; after NAME, the question, its parameters with their values in the "
                              "graph, and its SPARQL first")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        if getattr(namespace, "name", None) is None:
            parser.print_help()
            parser.exit()
        namespace.help_text = parser.format_help()  # the card needs the store options that may follow


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("-h", "--help", action=QueryHelp)
    command.add_argument("name", help="stored query name ('jakgraph queries' lists them, 'jakgraph queries NAME' "
                                      "describes one)")
    command.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                         help="parameter value; repeat for several")
    command.add_argument("--format", choices=("table", "csv", "tsv", "json", "srj"), default="table",
                         help="output format; srj = SPARQL 1.1 Query Results JSON (default: table). csv, tsv, json "
                              "and srj name columns by their SPARQL variables and are never cut")
    command.add_argument("--wide", action="store_true",
                         help="on a terminal, print the table whole, one line per row, instead of fitting it to the "
                              "terminal's width")
    command.add_argument("--limit", type=count, metavar="N",
                         help="at most N rows: one page of the answer, in the question's order")
    command.add_argument("--offset", type=count, default=0, metavar="N",
                         help="skip the first N rows of the answer (with --limit, the next page starts at OFFSET + LIMIT)")
    command.add_argument("--lang", choices=("en", "es"), default="en",
                         help="language of the labels in the answer, where the graph has them (default: en)")
    add_store_argument(command)
    add_endpoint_arguments(command)


def count(text: str) -> int:
    """A number of rows for --limit or --offset: a whole number, 0 or more."""
    if not text.isdigit() or len(text) > 18:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of rows (0, 1, 2, …)")
    return int(text)


def parameters(pairs: list[str]) -> dict[str, str]:
    from jakgraph.errors import UserError

    values = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UserError(f"parameter {pair!r} is not NAME=VALUE")
        values[name.strip()] = value
    return values


def nothing_found(query: Any, given: dict[str, str]) -> str:
    """What a terminal shows for an answer without rows: which question, with which values, found nothing."""
    from jakgraph.ontology.namespaces import compact

    values = [f"{p.name}={given[p.name]}" if p.name in given else f"{p.name}={compact(p.default)} (default)"
              for p in query.parameters if p.name in given or p.default]
    return f"No answer: the graph holds nothing for {query.name}" + (f" with {', '.join(values)}." if values else ".")


def run(args: argparse.Namespace) -> int:
    import sys

    from jakgraph.queries.catalog import load_query
    from jakgraph.queries.presentation import view_of
    from jakgraph.queries.runner import run_query

    from .terminal import print_results

    query = load_query(args.name)  # unknown names fail before the store is opened
    if getattr(args, "help_text", None):
        from .query_card import card

        sys.stdout.write(card(query, store_from(args)) + "\n" + args.help_text)
        return 0
    given = parameters(args.param)
    store = store_from(args)
    results = run_query(store, args.name, given, args.limit, args.offset)
    if args.lang != "en":
        from jakgraph.queries.language import in_language

        results = in_language(store, results, args.lang)
    print_results(results, args.format, view_of(query.text), args.wide, nothing_found(query, given))
    return 0
