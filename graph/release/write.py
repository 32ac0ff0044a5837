"""Write a release folder: the graph, its description, parts, change list and checksums, all or nothing.

Everything is written into a staging folder beside the target (``.NAME.partial-PID``), which is renamed to the
target once whole; a failure or an interruption removes it and leaves no target. The layout is in :mod:`.layout`.
"""
from __future__ import annotations

import gzip
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from jakgraph.errors import UserError
from jakgraph.graph.export.atomic import staged_folder
from jakgraph.package_data import package_files

from . import layout
from .changes import Changes, compare
from .checksums import digest, sums_text
from .describe import Counts, Part, describe
from .snapshot import Snapshot, from_store, open_snapshot
from .version import Level, Version, package_version

if TYPE_CHECKING:
    from pyoxigraph import Quad

    from jakgraph.graph.store.protocol import Store



@dataclass(frozen=True)
class Release:
    """What :func:`write_release` wrote: where, which version, and what changed since the previous one."""

    path: Path
    version: Version
    previous: Version | None
    changes: Changes | None
    triples: int

    @property
    def level(self) -> Level | None:
        return self.changes.level if self.changes is not None else None


def write_release(store: "Store", output: Path, previous: str | None = None, base_url: str | None = None,
                  date: str | None = None, ontology: Path | None = None) -> Release:
    """Write the graph of ``store`` as a release at ``output`` (a new or empty folder).

    ``previous`` (a release folder or URL) gives the version to count from and the facts to compare; without it,
    the release is the first and takes the package's version. ``base_url`` is where the release will be published
    (default ``https://w3id.org/jakgraph/release/VERSION/``); ``date`` (ISO) defaults to today, or to
    ``$SOURCE_DATE_EPOCH``; ``ontology`` is a folder of edited copies of the ontology files (for ``shapes.ttl``).
    """
    output = Path(output)
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise UserError(f"{output}: already exists and is not an empty folder; give a new folder for the release")
    before = open_snapshot(previous) if previous else None
    if before is not None and before.version is None:
        raise UserError(f"--previous {previous}: a store has no version; give the folder or URL of a release")
    after = from_store(store)
    release_date = date or today()
    with staged_folder(output, f"the release at {output}") as staging:
        parts = write_parts(staging, after, ontology)
        after = Snapshot(after.origin, after.quads, None, parts)
        changes = compare(before, after) if before is not None else None
        version = before.version.bump(changes.level) if before is not None and changes is not None else package_version()
        base = (base_url or f"https://w3id.org/jakgraph/release/{version}/").rstrip("/") + "/"
        files_written = {name: part_of(staging, name) for name in [layout.NQUADS, layout.TRIG, layout.SHAPES]}
        queries = [part_of(staging, name) for name in sorted(parts) if name.startswith(layout.QUERIES + "/")]
        description = describe(str(version), release_date, base, Counts.of(after.quads),
                               [files_written[layout.NQUADS], files_written[layout.TRIG]], files_written[layout.SHAPES],
                               queries, str(before.version) if before is not None else None)
        (staging / layout.DESCRIPTION).write_bytes(description)
        write_changes(staging, version, release_date, before, after, changes)
        (staging / layout.SUMS).write_text(sums_text(staging, layout.SUMS), encoding="utf-8")
        os.rename(staging, output)
    return Release(output, version, before.version if before is not None else None, changes, len(after.quads))


def today() -> str:
    """Today's date (UTC), or that of ``$SOURCE_DATE_EPOCH`` for a reproducible release."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch) if epoch and epoch.isdigit() else None))


def write_parts(folder: Path, snapshot: Snapshot, ontology: Path | None) -> dict[str, str]:
    """The graph (N-Quads gzipped, TriG), the shapes and the stored questions; the SHA-256 of the parts by name."""
    from pyoxigraph import RdfFormat, serialize

    from jakgraph.ontology import SHAPES_FILE, read_turtle
    from jakgraph.ontology.namespaces import PREFIXES

    ordered = sorted(snapshot.quads, key=quad_key)
    lines = serialize(ordered, format=RdfFormat.N_QUADS)
    with gzip.GzipFile(folder / layout.NQUADS, "wb", mtime=0) as packed:  # no time stamp: same graph, same bytes
        packed.write(lines)
    serialize(ordered, str(folder / layout.TRIG), RdfFormat.TRIG, prefixes=PREFIXES)
    parts = {}
    shapes = read_turtle(SHAPES_FILE, ontology).encode("utf-8")
    (folder / layout.SHAPES).write_bytes(shapes)
    parts[layout.SHAPES] = digest(shapes)
    (folder / layout.QUERIES).mkdir()
    from jakgraph.queries.catalog import stored_names

    for name in stored_names():
        text = package_files("jakgraph.queries").joinpath(f"{name}.rq").read_bytes()
        (folder / layout.QUERIES / f"{name}.rq").write_bytes(text)
        parts[f"{layout.QUERIES}/{name}.rq"] = digest(text)
    return parts


def quad_key(quad: "Quad") -> tuple[str, str, str, str]:
    """Graph, subject, predicate, object: the order of the release's files."""
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def part_of(folder: Path, name: str) -> Part:
    """A written file as a part of the description."""
    from .checksums import file_digest

    media = {layout.NQUADS: "application/n-quads+gzip", layout.TRIG: "application/trig",
             layout.SHAPES: "text/turtle"}.get(name, "application/sparql-query")
    path = folder / name
    return Part(name, media, path.stat().st_size, file_digest(path))


def write_changes(folder: Path, version: Version, date: str, before: Snapshot | None, after: Snapshot,
                  changes: Changes | None) -> None:
    from .report import changes_page
    from .words import Words

    words = Words(after.quads, before.quads if before is not None else ())
    records = len({quad.subject for quad in after.quads})
    previous = str(before.version) if before is not None else None
    page = changes_page(str(version), date, previous, changes, words, records)
    (folder / layout.CHANGES).write_text(page, encoding="utf-8")
