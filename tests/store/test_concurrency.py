"""Concurrent writers and readers never lose data, never see a half state and never end in a traceback.

Each scenario runs once in the fast tier and 20 times in a row in the full suite (trials 1–19 are marked
slow). Writers are real ``jakgraph`` processes started together; readers open the store afresh again and again
while writers swap builds, as ``jakgraph sparql`` run from a shell loop would.
"""
from __future__ import annotations

import json
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jakgraph.graph.store import StoreFolder, open_store

from conftest import ROOT

# every trial spawns writers and readers: the whole race is the slow tier's
TRIALS = [pytest.param(trial, marks=pytest.mark.slow) for trial in range(20)]
EX = "https://example.org/concurrency/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
BIG = 100_000  # triples of a load that takes about a second, to be killed or stopped midway
BUSY = re.compile(r"^jakgraph (load|build): the store at .+ is being changed by "
                  r"(process \d+ \(jakgraph (load|build), since \d\d:\d\d:\d\d\)|another process \(just starting\)); "
                  r"try again when it is done, or pass --wait SECONDS$")

READER = """
import json, os, sys
from jakgraph.graph.store import open_store
location, stop = sys.argv[1], sys.argv[2]
counts = []
while not os.path.exists(stop) or not counts:
    store = open_store(location)
    counts.append(int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value))
    store.close()
print(json.dumps(counts))
"""


def start_reader(location: Path, stop: Path) -> subprocess.Popen:
    """A process that opens the store afresh and counts its triples, again and again, until ``stop`` exists."""
    return subprocess.Popen([sys.executable, "-c", READER, str(location), str(stop)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def jakgraph(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "jakgraph", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def finish(process: subprocess.Popen, timeout: float = 240) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def count(location: Path) -> int:
    store = open_store(location)
    try:
        return int(next(iter(store.query(COUNT)))["n"].value)
    finally:
        store.close()


def triples_file(path: Path, tag: str, lines: int = 2) -> Path:
    path.write_text("".join(f"<{EX}{tag}/{i}> <{EX}p> \"{tag} {i}\" .\n" for i in range(lines)), encoding="utf-8")
    return path


def assert_tidy(location: Path) -> None:
    """One committed build, the current one, and no staging build left."""
    folder = StoreFolder(location)
    assert folder.builds() == [folder.current_name()]
    assert folder.partial_builds() == []


def assert_refused(stderr: str) -> None:
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1 and BUSY.match(stderr.strip()), stderr


@pytest.fixture
def built(tmp_path: Path, store_path: Path) -> tuple[Path, int]:
    """A copy of the session's built store and its triple count."""
    location = tmp_path / "store"
    shutil.copytree(store_path, location, symlinks=True)
    return location, count(location)


@pytest.mark.parametrize("trial", TRIALS)
def test_two_loads_at_once(built: tuple[Path, int], tmp_path: Path, trial: int) -> None:
    location, base = built
    files = [triples_file(tmp_path / f"{name}.nt", name) for name in ("a", "b")]
    results = [finish(p) for p in [jakgraph("load", "-q", str(f), "--store", str(location)) for f in files]]
    loaded = 0
    for code, _out, err in results:
        if code == 0:
            assert err == ""
            loaded += 2
        else:
            assert code == 1
            assert_refused(err)
    assert loaded >= 2
    assert count(location) == base + loaded
    assert_tidy(location)


@pytest.mark.parametrize("trial", TRIALS)
def test_two_loads_that_wait_both_land(built: tuple[Path, int], tmp_path: Path, trial: int) -> None:
    location, base = built
    files = [triples_file(tmp_path / f"{name}.nt", name) for name in ("a", "b")]
    results = [finish(p) for p in [jakgraph("load", "-q", "--wait", "120", str(f), "--store", str(location))
                                   for f in files]]
    assert results == [(0, "", ""), (0, "", "")]
    assert count(location) == base + 4
    assert_tidy(location)


@pytest.mark.parametrize("trial", TRIALS)
def test_two_builds_at_once_while_readers_read(built: tuple[Path, int], tmp_path: Path, trial: int) -> None:
    location, base = built
    stop = tmp_path / "stop"
    reader = start_reader(location, stop)
    results = [finish(p) for p in [jakgraph("build", "-q", "--store", str(location)) for _ in range(2)]]
    stop.touch()
    assert sorted(code for code, _, _ in results)[0] == 0
    for code, _out, err in results:
        if code:
            assert code == 1
            assert_refused(err)
    code, out, err = finish(reader)
    assert (code, err) == (0, "")
    assert set(json.loads(out)) == {base}  # every fresh open, before, during and after the swaps
    assert count(location) == base
    assert_only_leftovers_of_readers(location, tmp_path)


@pytest.mark.parametrize("trial", TRIALS)
def test_a_load_and_a_build_at_once(built: tuple[Path, int], tmp_path: Path, trial: int) -> None:
    """A build replaces the store with the curated graph; a load adds to whichever build is current."""
    location, base = built
    extra = triples_file(tmp_path / "extra.nt", "extra")
    load, build = jakgraph("load", "-q", "--wait", "120", str(extra), "--store", str(location)), \
        jakgraph("build", "-q", "--wait", "120", "--store", str(location))
    assert [finish(load), finish(build)] == [(0, "", ""), (0, "", "")]
    assert count(location) in (base, base + 2)
    assert_tidy(location)


@pytest.mark.parametrize("trial", TRIALS)
def test_readers_during_loads_see_only_whole_builds(built: tuple[Path, int], tmp_path: Path, trial: int) -> None:
    location, base = built
    stop = tmp_path / "stop"
    reader = start_reader(location, stop)
    fresh = []
    for step in range(3):
        writer = jakgraph("load", "-q", "--wait", "120", str(triples_file(tmp_path / f"{step}.nt", f"s{step}")),
                          "--store", str(location))
        fresh.append(jakgraph("sparql", COUNT, "--store", str(location), "--format", "csv"))
        assert finish(writer) == (0, "", "")
    stop.touch()
    code, out, err = finish(reader)
    assert (code, err) == (0, "")
    counts = json.loads(out)
    assert set(counts) <= {base, base + 2, base + 4, base + 6}
    assert counts == sorted(counts)  # current only moves forward
    for process in fresh:
        code, out, err = finish(process)
        assert (code, err) == (0, "")
        assert int(out.split()[1]) in {base, base + 2, base + 4, base + 6}
    assert count(location) == base + 6
    assert_only_leftovers_of_readers(location, tmp_path)


def assert_only_leftovers_of_readers(location: Path, tmp_path: Path) -> None:
    """An old build a reader held may outlive the write; the next writer, readers gone, removes it."""
    folder = StoreFolder(location)
    assert folder.current_name() in folder.builds() and len(folder.builds()) <= 2
    assert folder.partial_builds() == []
    assert finish(jakgraph("load", "-q", str(triples_file(tmp_path / "last.nt", "last")), "--store",
                           str(location))) == (0, "", "")
    assert_tidy(location)


@pytest.mark.parametrize("trial", TRIALS)
def test_a_killed_writer_leaves_the_store_and_the_next_writer_cleans_up(built: tuple[Path, int], tmp_path: Path,
                                                                         trial: int) -> None:
    location, base = built
    rng = random.Random(trial)
    big = triples_file(tmp_path / "big.nt", "big", lines=BIG)
    command = ("build", "-q") if trial % 2 else ("load", "-q", str(big))
    victim = jakgraph(*command, "--store", str(location))
    time.sleep(rng.uniform(0.05, 1.2))
    victim.send_signal(signal.SIGKILL)
    victim.communicate(timeout=60)
    after = count(location)
    assert after in (base, base + BIG)  # the previous store, or the whole new build if it was committed
    assert finish(jakgraph("load", "-q", str(triples_file(tmp_path / "next.nt", "next")), "--store",
                           str(location))) == (0, "", "")
    assert count(location) == after + 2
    assert_tidy(location)


@pytest.mark.parametrize("trial", TRIALS)
def test_sigterm_stops_a_writer_like_ctrl_c(built: tuple[Path, int], tmp_path: Path, trial: int) -> None:
    location, base = built
    big = triples_file(tmp_path / "big.nt", "big", lines=BIG)
    victim = jakgraph("load", "-q", str(big), "--store", str(location))
    deadline = time.monotonic() + 30
    while not StoreFolder(location).partial_builds() and victim.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # signal a writer at work, not an interpreter still starting
    time.sleep(random.Random(trial).uniform(0.0, 0.3))
    victim.send_signal(signal.SIGTERM)
    code, out, err = finish(victim)
    if code == 0:  # finished before the signal came
        assert count(location) == base + BIG
    else:
        assert (code, out, err) == (128 + signal.SIGTERM, "", "jakgraph load: terminated\n")
        assert count(location) == base
    assert_tidy(location)  # the terminated writer removed its own staging build


def test_a_busy_store_names_who_holds_it(built: tuple[Path, int], tmp_path: Path) -> None:
    from jakgraph.errors import UserError
    from jakgraph.graph.store.load import bulk_load

    location, base = built
    folder = StoreFolder(location)
    with folder.writer("build"):
        with pytest.raises(UserError) as refused:
            bulk_load([triples_file(tmp_path / "a.nt", "a")], location)
        message = str(refused.value)
        assert message.startswith(f"the store at {location} is being changed by process ")
        assert "(jakgraph build, since " in message
        with pytest.raises(UserError, match=r"after waiting 0\.2 s; try again"):
            bulk_load([tmp_path / "a.nt"], location, wait=0.2)
    bulk_load([tmp_path / "a.nt"], location)
    assert count(location) == base + 2


def test_a_reader_keeps_its_build_until_it_lets_go(built: tuple[Path, int], tmp_path: Path) -> None:
    from jakgraph.graph.store.load import bulk_load

    location, base = built
    reader = open_store(location)
    first = reader.build_name
    bulk_load([triples_file(tmp_path / "a.nt", "a")], location)
    folder = StoreFolder(location)
    assert folder.current_name() != first
    assert first in folder.builds()  # the reader's lease keeps it
    assert int(next(iter(reader.query(COUNT)))["n"].value) == base  # and the reader still reads it
    assert reader.refresh() and int(next(iter(reader.query(COUNT)))["n"].value) == base + 2
    bulk_load([triples_file(tmp_path / "b.nt", "b")], location)
    assert first not in folder.builds()  # let go by refresh(), removed by the next writer
    reader.close()
    bulk_load([triples_file(tmp_path / "c.nt", "c")], location)
    assert_tidy(location)


def test_a_staging_build_of_a_dead_writer_is_removed_and_a_live_ones_kept(built: tuple[Path, int],
                                                                         tmp_path: Path) -> None:
    from jakgraph.graph.store.load import bulk_load

    location, _ = built
    builds = location / "builds"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        (builds / f"20260101T000000-aaaa-{dead.pid}.partial").mkdir()
        (builds / f"20260101T000000-bbbb-{sleeper.pid}.partial").mkdir()
        bulk_load([triples_file(tmp_path / "a.nt", "a")], location)
        assert StoreFolder(location).partial_builds() == [f"20260101T000000-bbbb-{sleeper.pid}.partial"]
    finally:
        sleeper.kill()
        sleeper.wait()


def test_writers_refuse_a_remote_endpoint_in_one_line(cli, tmp_path: Path) -> None:
    for command in (("build",), ("load", str(triples_file(tmp_path / "a.nt", "a"))), ("serve",)):
        done = cli(*command, "--store", "http://127.0.0.1:9/sparql")
        assert done.returncode == 1
        assert done.stderr == (f"jakgraph {command[0]}: --store http://127.0.0.1:9/sparql: this command needs an "
                               "embedded store folder, not a remote SPARQL endpoint (to publish the graph to an "
                               "endpoint, use 'jakgraph push')\n")


def test_a_store_made_before_leases_opens_and_its_old_build_is_removed(built: tuple[Path, int], tmp_path: Path) -> None:
    from jakgraph.graph.store.load import bulk_load

    location, base = built
    folder = StoreFolder(location)
    old = folder.current_name()
    (location / "builds" / f"{old}.lease").unlink()  # as an earlier jakgraph left its builds
    assert count(location) == base
    bulk_load([triples_file(tmp_path / "a.nt", "a")], location)
    assert folder.builds() == [folder.current_name()] and old not in folder.builds()
    assert count(location) == base + 2
