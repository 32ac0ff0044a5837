"""``jakgraph release``: the graph as a versioned release folder, with the change list since the previous one."""
from __future__ import annotations

import argparse
import re
import sys

from . import add_store_argument, store_from


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("-o", "--output", metavar="DIR", required=True,
                         help="new (or empty) folder to write the release to; written whole or not at all")
    command.add_argument("--previous", metavar="DIR|URL",
                         help="the previous release (a folder, or the http(s):// URL it is published at): the version "
                              "counts on from it and CHANGES.md lists the facts changed since; without it, the release "
                              "is the first and takes the package's version")
    command.add_argument("--base-url", metavar="URL",
                         help="where the release will be published, for the download links of its description "
                              "(default: https://w3id.org/jakgraph/release/VERSION/)")
    command.add_argument("--date", metavar="YYYY-MM-DD", help="release date (default: today, or $SOURCE_DATE_EPOCH)")
    command.add_argument("--ontology", metavar="DIR", help="folder of edited copies of the ontology's Turtle files, "
                         "for the shapes.ttl the release ships (default: the shipped ones)")
    add_store_argument(command)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from jakgraph.errors import UserError
    from jakgraph.graph.release.report import summary
    from jakgraph.graph.release.version import package_version
    from jakgraph.graph.release.write import write_release

    if args.date is not None and not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", args.date):
        raise UserError(f"--date {args.date!r} is not a date YYYY-MM-DD")
    if args.base_url is not None and not args.base_url.startswith(("http://", "https://")):
        raise UserError(f"--base-url {args.base_url!r} is not an http(s) URL")
    store = store_from(args)
    try:
        release = write_release(store, Path(args.output), args.previous, args.base_url, args.date,
                                Path(args.ontology) if args.ontology else None)
    finally:
        store.close()
    if release.previous is None or release.changes is None:
        print(f"release {release.version} written to {release.path}: the first release, {release.triples} triples, "
              "at the package's version")
    else:
        print(f"release {release.version} written to {release.path}: {release.level} release after "
              f"{release.previous}; {summary(release.changes)}")
    package = package_version()
    if release.version > package:
        print(f"note: the package is {package}; set version = \"{release.version}\" in pyproject.toml "
              "to release it with this data", file=sys.stderr)
    return 0
