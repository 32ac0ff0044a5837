"""Shared fixtures: a graph built once per session, the review text, and a CLI runner."""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REVIEW = SHARED / "seeds" / "000_26087a68a2615788.txt"


@pytest.fixture(scope="session")
def review_lines() -> list[str]:
    """The review text, one paragraph or table line per list item (line n is review_lines[n - 1])."""
    if not REVIEW.exists():
        pytest.skip(f"the review text is not here ({REVIEW}): reconciliation needs ../shared beside the clone")
    return REVIEW.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jakgraph.graph.store.build import build

    location = tmp_path_factory.mktemp("store")
    build(location)
    return location


@pytest.fixture(scope="session")
def store(store_path: Path):
    from jakgraph.graph.store import open_store

    return open_store(store_path)


@pytest.fixture(scope="session")
def select(store):
    """Run a SELECT and return its rows as tuples of plain values (IRIs compacted)."""
    from jakgraph.queries.results import plain

    def run(query: str) -> list[tuple[str, ...]]:
        results = store.query(query)
        names = [v.value for v in results.variables]
        return [tuple(plain(solution[n]) for n in names) for solution in results]

    return run


@pytest.fixture(scope="session")
def synthetic_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The smallest generated benchmark graph, seed 7 (N-Triples)."""
    from jakgraph.bench.synthetic import MIN_SIZE, generate

    return generate(tmp_path_factory.mktemp("synthetic") / "synthetic.nt", MIN_SIZE, seed=7).path


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory, synthetic_file: Path) -> Path:
    """A store holding the smallest generated graph, loaded with ``jakgraph load``'s code."""
    from jakgraph.graph.store.load import bulk_load

    location = tmp_path_factory.mktemp("synthetic-store")
    bulk_load([synthetic_file], location)
    return location


_FORKED: list = []
_FORKED_LOCK = threading.Lock()  # one warm runner answers one command at a time


def run_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``jakgraph ARGS`` in a process of its own, forked from one warm interpreter (see ``forked_cli``).

    Each command gets its own process, exit status and output, as ``python -m jakgraph`` would; tests of what a
    fresh interpreter imports, of signals or of processes racing each other start ``python -m jakgraph`` themselves.
    """
    import tempfile

    from forked_cli import ForkedCli

    output = Path(tempfile.mkdtemp(prefix="jakgraph-cli-"))
    try:
        with _FORKED_LOCK:
            if not _FORKED:
                _FORKED.append(ForkedCli(ROOT, timeout=300))
                atexit.register(_FORKED[0].close)
            return _FORKED[0].run(*args, output=output, env={**os.environ, **(env or {})}, cwd=cwd or ROOT)
    finally:
        shutil.rmtree(output, ignore_errors=True)


def run_fresh_cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m jakgraph ARGS`` in a fresh interpreter, as a user's shell does."""
    return subprocess.run([sys.executable, "-m", "jakgraph", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd or ROOT, timeout=300)


@pytest.fixture
def cli():
    return run_cli
