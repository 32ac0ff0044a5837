"""``jakgraph load FILE…``: add large RDF files to the store, streamed, all or nothing, with a progress bar."""
from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

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


class ProgressBar:
    """One line: a bar of the bytes read out of the total, the rate, the time so far and the step under way.

    Reading runs ahead of writing by a batch or two, so the bar fills before the store is written; the step
    (writing, compacting) says what the remaining seconds are spent on.
    """

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream, self.width = stream, width
        self.started = time.monotonic()
        self.drawn = self.started - 1.0
        self.step = ""

    def __call__(self, done: int, total: int, step: str = "reading") -> None:
        now = time.monotonic()
        if now - self.drawn < 0.1 and step == self.step:
            return
        self.drawn, self.step = now, step
        share = done / total if total else 1.0
        filled = int(share * self.width)
        elapsed = now - self.started
        self.stream.write(f"\r  [{'#' * filled}{'.' * (self.width - filled)}] {share:6.1%}  "
                          f"{done / 1e6:,.1f} of {total / 1e6:,.1f} MB  {done / 1e6 / max(elapsed, 1e-9):.1f} MB/s  "
                          f"{elapsed:.0f} s  {step}   ")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from jakgraph.graph.store.load import bulk_load

    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        report = bulk_load(args.files, args.store, args.graph, progress=bar, wait=args.wait)
    finally:
        if bar is not None:
            bar.finish()
    if not args.quiet:
        files = f"{len(report.files)} file{'s' if len(report.files) > 1 else ''}"
        target = f"<{report.graph}>" if report.graph else "the default graph"
        print(f"loaded {files} ({report.bytes / 1e6:,.1f} MB) into {target} at {report.location} "
              f"in {report.seconds:.1f} s")
    return 0
