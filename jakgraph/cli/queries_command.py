"""``jakgraph queries``: the stored questions, their titles and parameters."""
from __future__ import annotations

import argparse


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--long", action="store_true", help="print each question's full summary")


def describe(parameter) -> str:
    from jakgraph.ontology.namespaces import compact

    text = f"{parameter.name}:{parameter.type}"
    if parameter.default:
        text += f"={compact(parameter.default)}"
    return text if parameter.required or parameter.default else f"[{text}]"


def run(args: argparse.Namespace) -> int:
    from jakgraph.queries.catalog import all_queries
    from jakgraph.queries.results import table

    rows = [[q.name, q.summary if args.long else q.title, " ".join(describe(p) for p in q.parameters)]
            for q in all_queries()]
    print(table(["name", "question", "parameters"], rows), end="")
    return 0
