"""Reference pages written from the code itself, so that they cannot drift: every command's ``--help`` and every
stored question's header.

``python -m jakgraph.reference docs`` writes ``docs/commands.md`` and ``docs/queries.md``; a test checks that the
shipped pages equal what this module writes.
"""
from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Iterator

HELP_WIDTH = "100"
PAGES = {"commands.md": "commands_page", "queries.md": "queries_page"}


@contextlib.contextmanager
def help_width() -> Iterator[None]:
    """argparse wraps help to the terminal's width: fix it while the pages are written."""
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = HELP_WIDTH
    try:
        yield
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def commands_page() -> str:
    """Markdown of ``jakgraph --help`` and of each command's ``--help``."""
    from jakgraph.cli import COMMANDS, parser

    with help_width():
        main = parser()
        sections = ["# Commands\n", "Written by `python -m jakgraph.reference docs` from the command line's own help;"
                    " `jakgraph COMMAND --help` prints the same.\n", "```text", main.format_help().rstrip(), "```\n"]
        subparsers = next(action for action in main._actions if action.dest == "command")
        for name in COMMANDS:
            sections += [f"## `jakgraph {name}`\n", "```text", subparsers.choices[name].format_help().rstrip(), "```\n"]
    return "\n".join(sections)


def queries_page() -> str:
    """Markdown of every stored question: its question, tags, parameters with their defaults, and its SPARQL."""
    from jakgraph.ontology.namespaces import compact
    from jakgraph.queries.catalog import all_queries

    lines = ["# Stored questions\n",
             "Written by `python -m jakgraph.reference docs` from the headers of `queries/*.rq`. Run one with"
             " `jakgraph query NAME -p PARAMETER=VALUE`; a value may be a CURIE, an IRI, or the name or label of a"
             " value the graph holds.\n",
             "| name | question | parameters |", "|---|---|---|"]
    queries = all_queries()
    for query in queries:
        parameters = ", ".join(f"`{p.name}`" for p in query.parameters) or "—"
        lines.append(f"| [`{query.name}`](#{query.name}) | {query.title} | {parameters} |")
    lines.append("")
    for query in queries:
        lines += [f"## {query.name}\n", query.summary + "\n"]
        if query.tags:
            lines.append("Tags: " + ", ".join(query.tags) + "\n")
        for parameter in query.parameters:
            facts = [parameter.type]
            if parameter.range:
                facts.append(f"a {compact(parameter.range)}")
            if parameter.default:
                facts.append(f"default `{compact(parameter.default)}`")
            if parameter.choices:
                facts.append("one of " + ", ".join(f"`{compact(choice)}`" for choice in parameter.choices))
            lines.append(f"- `{parameter.name}`: " + "; ".join(facts))
        if query.parameters:
            lines.append("")
        body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#+")).strip()
        lines += ["```sparql", body, "```\n"]
    return "\n".join(lines)


def write_pages(folder: Path) -> list[Path]:
    """Write every reference page into ``folder``; return their paths."""
    written = []
    for name, function in PAGES.items():
        path = folder / name
        path.write_text(globals()[function](), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for page in write_pages(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")):
        print(f"wrote {page}")
