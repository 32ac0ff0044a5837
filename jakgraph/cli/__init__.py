"""The ``jakgraph`` command: one module per command, imported only when that command runs."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jakgraph.graph.store import Store

COMMANDS = {
    "build": "Build the graph from the curated tables into the embedded store.",
    "stats": "Count triples per graph and instances per class in the store.",
    "validate": "Load the curated tables and check them against the SHACL shapes, without writing.",
    "sparql": "Run a SPARQL query (text or a .rq file) against the store.",
    "queries": "List the stored questions; with NAME, one question's parameters, their values and its SPARQL.",
    "query": "Answer a stored question, with parameters checked and bound as RDF terms.",
    "serve": "Serve the store as a read-only SPARQL endpoint with dereferenceable IRIs.",
    "push": "Load the graph into a remote triple store, replacing one named graph atomically.",
    "export": "Write the graph as Turtle, N-Triples, JSON-LD, RDF/XML, TriG, N-Quads, KGX TSV or nanopublications.",
    "release": "Write a versioned release: N-Quads, TriG, VoID/DCAT description, checksums and the changes since the last.",
    "diff": "List the facts added, removed and changed between two stores or releases, in a curator's words.",
    "network": "Analyse the drug–disorder network: shared drugs, most connected nodes, weakly supported disorders.",
    "viz": "Draw the drug–disorder network as an offline HTML page, or as a PNG or SVG picture.",
    "gapmap": "Draw the evidence gap map of drugs by disorders as an offline HTML page or a PNG.",
    "load": "Add large RDF files (N-Triples, N-Quads, Turtle, gzipped too) to the store, streamed, all or nothing.",
    "bench": "Benchmark load and stored questions against an Oxigraph server, Virtuoso, raw pyoxigraph and rdflib on "
             "generated graphs.",
}


def parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command-line parser: every command (for ``jakgraph --help``), or with ``only`` that one command alone.

    Building a sub-parser for every command and importing every command module to describe options that will not be
    parsed is what a cold ``jakgraph query`` would otherwise pay for.
    """
    main = argparse.ArgumentParser(prog="jakgraph", description="A graph database of JAK inhibitors in dermatology.",
                                   formatter_class=HelpFormatter)
    main.add_argument("--version", action=PackageVersion, help="show the package's version and exit")
    sub = main.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, help_text in COMMANDS.items():
        if only is None or name == only:
            # "resolve": a command may give -h/--help an action of its own (query NAME --help describes NAME)
            command = sub.add_parser(name, help=help_text, description=help_text, conflict_handler="resolve",
                                     formatter_class=HelpFormatter)
            importlib.import_module(f"jakgraph.cli.{name}_command").arguments(command)
    return main


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, measuring the terminal with ``os`` alone: argparse builds one for every option added
    and imports shutil to measure (2 ms of a cold ``jakgraph query``, which prints no help)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, terminal_columns() - 2 if width is None else width)


def terminal_columns(fallback: int = 80) -> int:
    """``$COLUMNS``, else the width of the terminal on standard output, else ``fallback`` (as shutil measures)."""
    try:
        columns = int(os.environ.get("COLUMNS", 0))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else fallback


class PackageVersion(argparse.Action):
    """``--version``: the installed package's version, read from its metadata only when the option is given."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, default: str = argparse.SUPPRESS,
                 help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        import jakgraph

        print(f"jakgraph {jakgraph.__version__}")  # on standard output, as argparse's own version action
        parser.exit()


def chosen_command(argv: list[str]) -> str | None:
    """The command named on the command line (the first word that is not an option), if it is one."""
    word = next((arg for arg in argv if not arg.startswith("-")), None)
    return word if word in COMMANDS else None


def add_store_argument(command: argparse.ArgumentParser, remote: bool = True) -> None:
    """``--store``: a store folder, or (for commands that only read) an ``http(s)://`` SPARQL endpoint with the
    options that go with one."""
    where = "store folder or http(s):// SPARQL endpoint" if remote else "store folder"
    command.add_argument("--store", metavar="PATH" + ("|URL" if remote else ""),
                         help=f"{where} (default: $JAKGRAPH_STORE, else ~/.local/share/jakgraph/store)")
    if remote:
        endpoint = command.add_argument_group("when the store is a SPARQL endpoint")
        endpoint.add_argument("--graph", metavar="IRI", help="default graph to query at the endpoint")
        endpoint.add_argument("--user", help="user name for the endpoint")
        endpoint.add_argument("--password", help="password for the endpoint")
        endpoint.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                              help="seconds to wait for the endpoint (default: 60)")


def add_endpoint_arguments(command: argparse.ArgumentParser) -> None:
    """``--endpoint URL``: the same as ``--store URL``, under the name SPARQL users look for."""
    command.add_argument("--endpoint", metavar="URL", help="query this SPARQL endpoint (the same as --store URL)")


def add_wait_argument(command: argparse.ArgumentParser) -> None:
    """``--wait``: how long a writer waits for another writer of the same store."""
    command.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                         help="if another command is changing the store, wait up to this long for it "
                              "(default: 0, stop at once and say which process holds the store)")


def store_from(args: argparse.Namespace) -> "Store":
    """The store the arguments name, through the one :func:`~jakgraph.graph.store.open_store`.

    ``--endpoint URL`` or ``--store URL`` name an endpoint (with ``--graph``, ``--user``, ``--password``,
    ``--timeout``); else ``--store PATH``, ``$JAKGRAPH_STORE`` or the default folder.
    """
    from jakgraph.errors import UserError
    from jakgraph.graph.store import open_store

    endpoint = getattr(args, "endpoint", None)
    if endpoint and not endpoint.startswith(("http://", "https://")):
        raise UserError(f"--endpoint {endpoint!r} is not an http(s) URL")
    if endpoint and args.store:
        raise UserError("give --endpoint or --store, not both")
    location = endpoint or args.store
    options = {name: getattr(args, name, None) for name in ("graph", "user", "password", "timeout")}
    if isinstance(location, str) and location.startswith(("http://", "https://")):
        timeout = options.pop("timeout")
        return open_store(location, timeout=60.0 if timeout is None else timeout, **options)
    given = [f"--{name}" for name, value in options.items() if value is not None]
    if given:
        raise UserError(f"{', '.join(given)} apply to a SPARQL endpoint; {location or 'the default store'} is a folder")
    return open_store(location)


def stop_on_sigterm() -> object:
    """Make SIGTERM stop a command the way Ctrl-C does, so that a writer cleans up its staging build; return the
    handler it replaces (None off the main thread, where Python cannot set one)."""
    import signal

    def terminate(signum: int, frame: object) -> None:
        raise Terminated(signum)

    try:
        return signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread (the only one Python sets handlers on); no threading import for this
        return None


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would raise KeyboardInterrupt."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def main(argv: list[str] | None = None) -> int:
    """The ``jakgraph`` command: run it with ``argv`` (default: the process's arguments) and return its exit status."""
    previous = stop_on_sigterm()
    try:
        return run_command(sys.argv[1:] if argv is None else argv)
    finally:
        if previous is not None:
            import signal

            signal.signal(signal.SIGTERM, previous)  # type: ignore[arg-type]


def run_command(argv: list[str]) -> int:
    """Parse ``argv``, run the command, and turn what a user can cause into one line and an exit status."""
    from jakgraph.errors import UserError

    try:
        args = parser(chosen_command(argv)).parse_args(argv)
        module = importlib.import_module(f"jakgraph.cli.{args.command}_command")
    except Terminated as stop:
        return 128 + stop.signum
    try:
        return module.run(args) or 0
    except UserError as exc:
        print(f"jakgraph {args.command}: {exc}", file=sys.stderr)
        return 1
    except Terminated as stop:
        print(f"jakgraph {args.command}: terminated", file=sys.stderr)
        return 128 + stop.signum
    except KeyboardInterrupt:
        print(f"jakgraph {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
