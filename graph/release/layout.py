"""The files of a release folder: the one place that names them.

Layout::

    RELEASE/
      jakgraph.nq.gz     the graph as N-Quads, gzipped, one line per quad, sorted
      jakgraph.trig      the same dataset as TriG, with its named graphs
      void.ttl           VoID and DCAT description: version, date, counts, licence, source, parts
      shapes.ttl         the SHACL shapes the graph was validated with
      queries/NAME.rq    the stored questions
      CHANGES.md         the facts added, removed and changed since the previous release
      SHA256SUMS         the SHA-256 of every other file, as ``sha256sum -c`` reads it
"""
from __future__ import annotations

from pathlib import Path

NQUADS = "jakgraph.nq.gz"
TRIG = "jakgraph.trig"
DESCRIPTION = "void.ttl"
SHAPES = "shapes.ttl"
QUERIES = "queries"
CHANGES = "CHANGES.md"
SUMS = "SHA256SUMS"


def is_release(path: Path) -> bool:
    """Whether ``path`` is a release folder (it holds the description and the N-Quads)."""
    return (path / DESCRIPTION).is_file() and (path / NQUADS).is_file()


def is_part(name: str) -> bool:
    """Whether a file of the release is one of its parts besides the graph: the shapes or a stored question."""
    return name == SHAPES or (name.startswith(QUERIES + "/") and name.endswith(".rq"))
