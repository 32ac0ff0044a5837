"""``jakgraph queries [NAME [PARAMETER]]``: the stored questions; one question's card; one parameter's values."""
from __future__ import annotations

import argparse

from . import add_endpoint_arguments, add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("name", nargs="?", metavar="NAME",
                         help="show this question: its parameters with their values in the graph, and its SPARQL")
    command.add_argument("parameter", nargs="?", metavar="PARAMETER",
                         help="list every value this parameter of NAME takes, with its labels")
    command.add_argument("--long", action="store_true", help="in the list, print each question's full summary")
    add_store_argument(command)
    add_endpoint_arguments(command)


def listed(parameters: tuple) -> str:
    """A question's parameters in the list: names, optional ones in brackets."""
    return " ".join(p.name if p.required else f"[{p.name}]" for p in parameters)


def run(args: argparse.Namespace) -> int:
    import sys

    from jakgraph.queries.catalog import all_queries, load_query

    from .terminal import print_table

    if args.name is None:
        rows = [[q.name, q.summary if args.long else q.title, listed(q.parameters)] for q in all_queries()]
        print_table(["name", "question", "parameters"], rows, end="")
        return 0
    query = load_query(args.name)
    if args.parameter is not None:
        return print_values(query, query.parameter(args.parameter), store_from(args))
    from .query_card import card

    sys.stdout.write(card(query, store_from(args)))
    return 0


def print_values(query, parameter, store) -> int:
    """The values of one parameter as a table: CURIE, English and Spanish label."""
    from jakgraph.errors import UserError
    from jakgraph.queries.values import choices

    from .query_card import TYPE_TEXT
    from .terminal import print_table

    if parameter.type != "iri" or (parameter.range is None and not parameter.choices):
        kind = "the IRI or CURIE of any record" if parameter.type == "iri" else TYPE_TEXT[parameter.type]
        raise UserError(f"query {query.name}, parameter {parameter.name} takes {kind}: it has no list of values")
    print_table(["value", "label (en)", "label (es)"],
                [[choice.curie, choice.label_en, choice.label_es] for choice in choices(store, parameter)], end="")
    return 0
