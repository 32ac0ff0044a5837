"""The engine's own operations, timed on raw pyoxigraph beside the stored questions: how much a scan, a hash join,
a row-by-row lookup and a grouping grow from one size to the next on this machine.

A question can scale no better than the operations its plan is made of; these show what the engine and the
machine's caches allow (a store of 10⁶ triples may fit the CPU's last-level cache where one of 5·10⁶ does not).
Each is a ``.rq`` file in ``operations/`` whose first line says what it does; each counts its rows inside the
engine (``COUNT``), so that reading rows in Python is not timed.
"""
from __future__ import annotations

from functools import lru_cache

from jakgraph.package_data import package_files

NAMES = ("scan", "hash-join", "lookups", "group")


@lru_cache(maxsize=None)
def operation(name: str) -> tuple[str, str]:
    """What the operation does (its first comment line) and its SPARQL text (jakgraph's prefixes predeclared)."""
    text = package_files("jakgraph.bench").joinpath("operations", f"{name}.rq").read_text(encoding="utf-8")
    return text.splitlines()[0].lstrip("# ").strip(), text
