"""``jakgraph diff``: the facts added, removed and changed between two stores or releases."""
from __future__ import annotations

import argparse


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("before", metavar="A", help="the earlier version: a store folder, a release folder, "
                                                     "or the http(s):// URL of a release")
    command.add_argument("after", metavar="B", help="the later version, as A")


def run(args: argparse.Namespace) -> int:
    from jakgraph.graph.release.changes import compare
    from jakgraph.graph.release.report import change_lines, summary
    from jakgraph.graph.release.snapshot import open_snapshot
    from jakgraph.graph.release.words import Words

    before = open_snapshot(args.before)
    after = open_snapshot(args.after)
    changes = compare(before, after)
    print(f"From {args.before} to {args.after}: {summary(changes)}")
    lines = change_lines(changes, Words(after.quads, before.quads))
    if lines:
        print()
        print("\n".join(lines).rstrip("\n"))
    return 0
