"""``jakgraph sparql``: run a SPARQL query given as text or as a file."""
from __future__ import annotations

import argparse
import sys

from . import add_endpoint_arguments, add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("query", metavar="QUERY-OR-FILE", help="SPARQL text, a path to a .rq file, or - for stdin")
    command.add_argument("--format", choices=("table", "csv", "tsv", "json", "srj"), default="table",
                         help="output format; srj = SPARQL 1.1 Query Results JSON (default: table). csv, tsv, json "
                              "and srj name columns by their SPARQL variables and are never cut")
    command.add_argument("--wide", action="store_true",
                         help="on a terminal, print the table whole, one line per row, instead of fitting it to the "
                              "terminal's width")
    command.add_argument("--allow-service", action="store_true",
                         help="let the query call other endpoints with SERVICE (refused unless given)")
    add_store_argument(command)
    add_endpoint_arguments(command)


def is_file(argument: str) -> bool:
    """Whether the argument names an existing file (a long query is not a path)."""
    from pathlib import Path

    if "\n" in argument or "{" in argument:
        return False
    try:
        return Path(argument).is_file()
    except OSError:
        return False


def query_text(argument: str) -> str:
    """The query: stdin for ``-``, a file's text if the argument names one, else the argument itself."""
    from pathlib import Path

    from jakgraph.errors import UserError

    if argument == "-":
        return sys.stdin.read()
    if argument.endswith(".rq") or is_file(argument):
        try:
            return Path(argument).read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot read query file {argument}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise UserError(f"query file {argument} is not UTF-8") from None
    return argument


def checked(text: str, allow_service: bool) -> str:
    """The query, refused in one line if the guard refuses it, if it is an update, or if it uses a prefix nobody
    declared (pyoxigraph would answer with a list of the tokens its grammar expected)."""
    from jakgraph.ontology.namespaces import PREFIXES
    from jakgraph.queries.guard import SERVICE, UPDATE, QueryRefused, check, undeclared_prefixes

    try:
        check(text, allow_service=allow_service)
    except QueryRefused as refused:
        if refused.kind == SERVICE:
            raise QueryRefused(SERVICE, f"{refused}: refused unless you pass --allow-service") from None
        if refused.kind == UPDATE:
            raise QueryRefused(UPDATE, f"{refused}: refused, jakgraph sparql only reads the store "
                                       "(add data with 'jakgraph load FILE')") from None
        raise
    unknown = undeclared_prefixes(text, PREFIXES)
    if unknown:
        raise unknown_prefix(unknown[0].text, sorted(PREFIXES))
    return text


def unknown_prefix(name: str, known: list[str]) -> Exception:
    """``unknown prefix 'drugs:' in drugs:x; did you mean drug:? …``: the prefix, the closest and all known ones."""
    import difflib

    from jakgraph.errors import UserError

    prefix = name.partition(":")[0]
    near = difflib.get_close_matches(prefix, known, n=2, cutoff=0.6)
    hint = f"did you mean {' or '.join(p + ':' for p in near)}? " if near else ""
    return UserError(f"unknown prefix '{prefix}:' in {name}; {hint}known prefixes: {', '.join(known)}; "
                     "a query may declare others with PREFIX")


def run(args: argparse.Namespace) -> int:
    from jakgraph.queries.presentation import view_of

    from .terminal import print_results

    text = checked(query_text(args.query), args.allow_service)
    results = store_from(args).query(text)
    print_results(results, args.format, view_of(text), args.wide, "No answer: nothing in the graph matches the query.")
    return 0
