"""``jakgraph load``: streaming, all-or-nothing loads of files such as the generated synthetic graphs."""
from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from jakgraph.errors import UserError
from jakgraph.graph.store.load import bulk_load
from jakgraph.graph.store import StoreFolder, open_store

EX = "https://example.org/"
GOOD = f"<{EX}a> <{EX}p> \"one\" .\n<{EX}b> <{EX}p> \"two\" .\n"
BAD = GOOD + f"<{EX}c> <{EX}p> oops .\n<{EX}d> <{EX}p> \"four\" .\n"   # line 3, column 49: not an RDF term


def count(location: Path, graph: str | None = None) -> int:
    """Triples in the union (no ``graph``), in the named graph ``graph``, or in the default graph (``"default"``)."""
    if graph == "default":
        from pyoxigraph import DefaultGraph, Store

        return len(list(Store.read_only(str((location / "current").resolve())).quads_for_pattern(
            None, None, None, DefaultGraph())))
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    return int(next(iter(open_store(location).query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")))["n"].value)


# -- loading ---------------------------------------------------------------------------------------------------
def test_load_puts_every_generated_triple_in_the_default_graph(synthetic_store: Path, synthetic_file: Path) -> None:
    triples = len(synthetic_file.read_text(encoding="utf-8").splitlines())
    assert count(synthetic_store, "default") == count(synthetic_store) == triples
    assert open_store(synthetic_store).named_graphs() == []


def test_gzipped_file_loads_the_same_triples(tmp_path: Path, synthetic_file: Path) -> None:
    zipped = tmp_path / "scale.nt.gz"
    zipped.write_bytes(gzip.compress(synthetic_file.read_bytes()))
    bulk_load([zipped], tmp_path / "store")
    assert count(tmp_path / "store") == len(synthetic_file.read_text(encoding="utf-8").splitlines())


def test_graph_option_puts_the_triples_in_that_graph_and_quads_keep_theirs(tmp_path: Path) -> None:
    (tmp_path / "a.nt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.nq").write_text(f"<{EX}x> <{EX}p> \"q\" <{EX}g/quads> .\n", encoding="utf-8")
    (tmp_path / "c.ttl").write_text(f"@prefix ex: <{EX}> .\nex:t ex:p \"t\" .\n", encoding="utf-8")
    bulk_load([tmp_path / "a.nt", tmp_path / "b.nq", tmp_path / "c.ttl"], tmp_path / "store", graph=EX + "g/mine")
    assert count(tmp_path / "store", EX + "g/mine") == 3
    assert count(tmp_path / "store", EX + "g/quads") == 1
    assert open_store(tmp_path / "store").named_graphs() == [EX + "g/mine", EX + "g/quads"]


def test_loading_is_additive_and_keeps_the_built_graph(tmp_path: Path, store_path: Path) -> None:
    location = tmp_path / "store"
    shutil.copytree(store_path, location, symlinks=True)
    built = count(location)
    (tmp_path / "a.nt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.nt").write_text(f"<{EX}c> <{EX}p> \"three\" .\n", encoding="utf-8")
    bulk_load([tmp_path / "a.nt"], location)
    bulk_load([tmp_path / "b.nt"], location)
    assert count(location) == built + 3
    bulk_load([tmp_path / "a.nt"], location)  # the same triples again: nothing new
    assert count(location) == built + 3
    folder = StoreFolder(location)
    assert folder.builds() == [folder.current_name()] and folder.partial_builds() == []


def test_stats_counts_the_default_graph_beside_the_named_graphs(tmp_path: Path, store_path: Path, cli) -> None:
    location = tmp_path / "store"
    shutil.copytree(store_path, location, symlinks=True)
    built = count(location)
    (tmp_path / "a.nt").write_text(GOOD, encoding="utf-8")
    bulk_load([tmp_path / "a.nt"], location)
    done = cli("stats", "--store", str(location))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"triples: {built + 2}"
    assert [line.split() for line in lines if line.startswith("(default graph)")] == [["(default", "graph)", "2"]]


def test_progress_reports_bytes_read_up_to_the_total_then_each_step(tmp_path: Path, synthetic_file: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    bulk_load([synthetic_file], tmp_path / "store", progress=lambda *call: calls.append(call))
    size = synthetic_file.stat().st_size
    assert calls[-2:] == [(size, size, "compacting"), (size, size, "done")]
    assert [done for done, _, _ in calls] == sorted(done for done, _, _ in calls)
    assert {step for done, _, step in calls if done < size} == {"reading"}  # read in pieces of 1 MB
    assert {step for done, _, step in calls if done == size} == {"writing", "compacting", "done"}


# -- all or nothing --------------------------------------------------------------------------------------------
@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    """A store holding the two triples of GOOD."""
    (tmp_path / "good.nt").write_text(GOOD, encoding="utf-8")
    bulk_load([tmp_path / "good.nt"], tmp_path / "store")
    return tmp_path / "store"


def assert_unchanged(location: Path, build: Path) -> None:
    folder = StoreFolder(location)
    assert folder.current_name() == build.name
    assert folder.builds() == [build.name] and folder.partial_builds() == []
    assert count(location) == 2


def test_syntax_error_names_file_line_and_column_and_leaves_the_store(tmp_path: Path, loaded: Path, cli) -> None:
    (tmp_path / "bad.nt").write_text(BAD, encoding="utf-8")
    build = (loaded / "current").resolve()
    done = cli("load", str(tmp_path / "bad.nt"), "--store", str(loaded))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"jakgraph load: {tmp_path / 'bad.nt'}, line 3, column 49: "
                                        "The object of a triple must be an IRI, a blank node or a literal"]
    assert_unchanged(loaded, build)


def test_syntax_error_in_a_later_gzipped_file_keeps_the_earlier_files_out(tmp_path: Path, loaded: Path) -> None:
    (tmp_path / "more.nt").write_text(f"<{EX}e> <{EX}p> \"five\" .\n", encoding="utf-8")
    (tmp_path / "bad.nt.gz").write_bytes(gzip.compress(BAD.encode()))
    build = (loaded / "current").resolve()
    with pytest.raises(UserError, match=r"bad\.nt\.gz, line 3, column 49: "):
        bulk_load([tmp_path / "more.nt", tmp_path / "bad.nt.gz"], loaded)
    assert_unchanged(loaded, build)


def test_broken_gzip_and_interrupted_loads_leave_the_store(tmp_path: Path, loaded: Path, synthetic_file: Path) -> None:
    build = (loaded / "current").resolve()
    (tmp_path / "cut.nt.gz").write_bytes(gzip.compress(synthetic_file.read_bytes())[:40_000])
    with pytest.raises(UserError, match=r"cut\.nt\.gz: Compressed file ended"):
        bulk_load([tmp_path / "cut.nt.gz"], loaded)
    assert_unchanged(loaded, build)

    def interrupt(done: int, total: int, step: str) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        bulk_load([synthetic_file], loaded, progress=interrupt)
    assert_unchanged(loaded, build)


@pytest.mark.parametrize("name, message", [
    ("missing.nt", "missing.nt: no such file"),
    ("data.rdf", "data.rdf: unknown RDF format '.rdf'; load N-Triples (.nt), N-Quads (.nq) or Turtle (.ttl)"),
])
def test_missing_or_unknown_files_fail_before_anything_is_written(tmp_path: Path, cli, name: str, message: str) -> None:
    (tmp_path / "data.rdf").write_text("<rdf/>", encoding="utf-8")
    done = cli("load", name, "--store", str(tmp_path / "store"), cwd=tmp_path)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith(f"jakgraph load: {message}")
    assert not (tmp_path / "store").exists()


def test_load_command_says_what_it_loaded_and_draws_no_bar_off_a_terminal(tmp_path: Path, cli) -> None:
    (tmp_path / "good.nt").write_text(GOOD, encoding="utf-8")
    done = cli("load", "good.nt", "--graph", EX + "g/cli", "--store", "store", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.startswith(f"loaded 1 file (0.0 MB) into <{EX}g/cli> at store in ")
    assert count(tmp_path / "store", EX + "g/cli") == 2
    again = cli("load", "good.nt", "--store", "other", cwd=tmp_path)
    assert again.stdout.startswith("loaded 1 file (0.0 MB) into the default graph at other in ")
    assert count(tmp_path / "other", "default") == 2
