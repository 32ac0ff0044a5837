"""``jakgraph load FILE…``: add large RDF files to the store, streamed, all or nothing, with a progress bar."""
from __future__ import annotations

import argparse

from . import add_store_argument, add_wait_argument


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("files", nargs="+", metavar="FILE",
                         help="N-Triples (.nt), N-Quads (.nq) or Turtle (.ttl), each optionally gzipped (.gz)")
    command.add_argument("--graph", metavar="IRI", default=None,
                         help="named graph for the triples (default: the store's default graph, which loads about twice as "
                              "fast); quads keep their own graph")
    add_store_argument(command, remote=False)
    add_wait_argument(command)
    command.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")


def run(args: argparse.Namespace) -> int:
    from jakgraph.graph.store.load import bulk_load
    from jakgraph.queries.presentation import plural

    from .terminal import progress_bar

    # reading runs ahead of writing by a batch or two: the bar fills first, and the step (writing, compacting)
    # says what the remaining seconds are spent on
    with progress_bar("loading", "bytes", silent=args.quiet) as advance:
        report = bulk_load(args.files, args.store, args.graph, progress=advance, wait=args.wait)
    if not args.quiet:
        files = plural(len(report.files), "file")
        target = f"<{report.graph}>" if report.graph else "the default graph"
        print(f"loaded {files} ({report.bytes / 1e6:,.1f} MB) into {target} at {report.location} "
              f"in {report.seconds:.1f} s")
    return 0
