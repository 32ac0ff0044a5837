"""``jakgraph bench`` at a tiny size, end to end: it measures, prints its ratio table and writes its files.

The numbers come from the command on a real machine (docs/benchmarks); these tests check only that it works.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow

QUERIES = ("drugs-by-selectivity", "evidence-for-drug", "table-7")


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory):
    """One tiny benchmark run: 10^4 triples, three stored queries, one timed run each."""
    out = tmp_path_factory.mktemp("bench")
    done = run_cli("bench", "--sizes", "1e4", "--queries", ",".join(QUERIES), "--repeat", "1", "--budget", "0",
                   "--out", str(out / "results"), "--work", str(out / "work"), "-q")
    return done, out / "results"


def test_bench_prints_the_ratio_table_and_the_targets(bench) -> None:
    done, _ = bench
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(line for line in lines if "jak/raw 1e4" in line)
    assert header.split() == ["jak/raw", "1e4", "rdflib/jak", "1e4", "jakgraph", "ms", "1e4", "substitutions=", "ms", "1e4"]
    assert [line.split()[0] for line in lines if line.split() and line.split()[0] in QUERIES] == list(QUERIES)
    assert any(line.startswith("load (last column: s)") for line in lines)
    assert sum(line.startswith("[") for line in lines) == 5  # the five targets of the issue, each marked


def test_bench_measures_every_engine_on_the_same_answers(bench) -> None:
    _, out = bench
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["queries"] == list(QUERIES)
    [size] = results["sizes"]
    assert size["size"] == 10_000 and 10_000 <= size["triples"] < 10_200
    engines = size["engines"]
    assert {name: data["status"] for name, data in engines.items()} == {"jakgraph": "ok", "raw": "ok", "rdflib": "ok"}
    for query in QUERIES:
        rows = {engines["jakgraph"]["queries"][query]["rows"], engines["raw"]["queries"][query]["rows"],
                engines["rdflib"]["queries"][query]["rows"]}
        assert len(rows) == 1 and rows.pop() > 0, query
    for query, measured in engines["jakgraph"]["queries"].items():  # raw pyoxigraph beside jakgraph, same store
        assert measured["floor_rows"] == measured["rows"] and measured["floor_median_ms"] > 0, query
    substituted = engines["raw"]["substitutions_queries"]
    assert set(substituted) == {"drugs-by-selectivity", "evidence-for-drug"}  # the queries with parameters
    for query, measured in substituted.items():
        assert measured["rows"] == engines["jakgraph"]["queries"][query]["rows"], query
    assert engines["jakgraph"]["load_s"] > 0 and engines["jakgraph"]["peak_mb"] > 0
    assert engines["jakgraph"]["load_runs"] == 5 and engines["jakgraph"]["floor_load_s"] > 0  # a small file
    assert size["cold"]["query"] == "external-identifiers" and size["cold"]["ratio"] > 1
    assert size["cold"]["listing_query"] == "drugs-by-selectivity" and size["cold"]["listing_ms"] > 0


def test_bench_writes_csv_markdown_and_a_png(bench) -> None:
    _, out = bench
    with open(out / "results.csv", newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    measures = {(row["engine"], row["measure"]) for row in table}
    assert {("jakgraph", "load"), ("raw", "optimize"), ("rdflib", "query"), ("raw-substitutions", "query"), ("raw-paired", "query"), ("raw-paired", "load"),
            ("jakgraph", "cold_query"), ("python", "cold_import")} <= measures
    assert "| load (last column: s) |" in (out / "results.md").read_text(encoding="utf-8")
    pytest.importorskip("matplotlib")
    assert (out / "latency.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bench_redraws_from_saved_results(bench, tmp_path: Path, cli) -> None:
    done, out = bench
    again = cli("bench", "--from", str(out / "results.json"), "--out", str(tmp_path), "-q")
    assert again.returncode == 0, again.stderr
    assert again.stdout == done.stdout


def test_a_query_running_too_long_is_stopped_and_recorded() -> None:
    from jakgraph.bench.run import supervise

    script = ("import json, time; print(json.dumps({'load': {'load_s': 0.1}}), flush=True); "
              "print(json.dumps({'start': 'slow@queries'}), flush=True); time.sleep(60)")
    started = time.perf_counter()
    run = supervise([sys.executable, "-c", script], timeout=1.0)
    assert time.perf_counter() - started < 10
    assert run.stopped_in == "slow@queries" and run.error is None
    assert run.records == [{"load": {"load_s": 0.1}}, {"start": "slow@queries"}]


def test_sizes_and_their_short_names() -> None:
    from jakgraph.errors import UserError
    from jakgraph.bench.run import parse_sizes
    from jakgraph.bench.report import short_size

    assert parse_sizes("1e4, 1e5,5e6") == (10_000, 100_000, 5_000_000)
    assert [short_size(n) for n in (10_000, 30_000, 5_000_000)] == ["1e4", "3e4", "5e6"]
    with pytest.raises(UserError, match="comma-separated"):
        parse_sizes("ten thousand")
    with pytest.raises(UserError, match="1000 is out of range"):
        parse_sizes("1e3")


def test_rdflib_time_outs_are_not_scaled_up_with_the_graph() -> None:
    from jakgraph.bench.run import rdflib_cost

    measured = {"wall_s": 76.0, "queries": {"a": {"status": "ok"}, "b": {"status": "timeout after 30 s"},
                                             "c": {"status": "timeout after 30 s"}}}
    assert rdflib_cost(measured, 30.0) == (16.0, 60.0)
    assert rdflib_cost({"wall_s": 12.5, "queries": {"a": {"status": "ok"}}}, 30.0) == (12.5, 0.0)
