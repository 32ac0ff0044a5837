"""Build the graph: load the curated tables, validate, write a new on-disk store, then swap it in.

The swap is one atomic rename of the ``current`` link, so a failed or killed build leaves the previous
store readable and unchanged.
"""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from jakgraph.errors import UserError

from .location import resolve_location
from .embedded import BUILDS, CURRENT


@dataclass(frozen=True)
class BuildReport:
    location: Path
    build: Path
    triples: int
    graphs: dict[str, int]


def build(location: str | Path | None = None, curated: Path | None = None,
          progress: Callable[[str], None] = lambda message: None) -> BuildReport:
    """Load, validate and store the graph at ``location``; return what was written."""
    from pyoxigraph import Store

    from jakgraph.loaders import load_curated

    from .validate import check

    target = resolve_location(location)
    progress("reading curated tables")
    dataset = load_curated(curated)
    progress("validating against the SHACL shapes")
    check(dataset)
    graphs = dataset.sizes()
    progress("writing the store")
    builds = target / BUILDS
    try:
        builds.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the store folder {builds}: {exc.strerror}") from None
    name = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
    staging = builds / (name + ".partial")
    store = Store(str(staging))
    store.bulk_extend(dataset.quads)
    store.flush()
    triples = len(store)
    del store
    final = builds / name
    staging.rename(final)
    swap_current(target, final)
    remove_old_builds(builds, keep=final)
    return BuildReport(target, final, triples, graphs)


def swap_current(target: Path, build_dir: Path) -> None:
    """Point ``target/current`` at ``build_dir`` in one atomic step."""
    link = target / CURRENT
    temporary = target / f".{CURRENT}.{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(build_dir.relative_to(target))
    os.replace(temporary, link)


def remove_old_builds(builds: Path, keep: Path) -> None:
    """Delete every build but ``keep``, including partial ones a killed build left behind."""
    for entry in builds.iterdir():
        if entry != keep and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
