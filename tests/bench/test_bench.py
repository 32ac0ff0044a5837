"""``jakgraph bench``: at a tiny size end to end (slow: it starts an Oxigraph server and Virtuoso), and its report
on made-up results (fast). No timing is asserted: the numbers come from the command on a real machine."""
from __future__ import annotations

import csv
import json
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from conftest import run_cli

QUERIES = ("drugs-by-selectivity", "evidence-for-drug", "table-7")
ENGINES = ("embedded", "raw", "oxigraph-server", "virtuoso", "rdflib")


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory):
    """One tiny benchmark run: 10^4 triples, three stored queries, one timed run each, every engine."""
    out = tmp_path_factory.mktemp("bench")
    done = run_cli("bench", "--sizes", "1e4", "--queries", ",".join(QUERIES), "--repeat", "1", "--budget", "0",
                   "--out", str(out / "results"), "--work", str(out / "work"), "-q")
    return done, out / "results"


@pytest.mark.slow
def test_bench_prints_its_tables_and_the_targets(bench) -> None:
    done, _ = bench
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(line for line in lines if line.startswith("question") and "rows 1e4" in line)
    assert header.split() == ["question", "rows", "1e4", "ms", "1e4", "first", "page", "ms", "1e4", "/raw", "1e4",
                              "rdflib/emb", "1e4"]
    side = next(line for line in lines if line.startswith("question") and "Virtuoso" in line)
    assert side.split() == ["question", "embedded", "1e4", "Oxigraph", "server", "1e4", "Virtuoso", "7", "1e4"]
    assert [line.split()[0] for line in lines if line.split() and line.split()[0] in QUERIES] == [*QUERIES, *QUERIES]
    assert sum(line.startswith("[") for line in lines) == 5  # the five targets of the issue, each marked


@pytest.mark.slow
def test_bench_measures_every_engine_on_the_same_answers(bench) -> None:
    _, out = bench
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert results["queries"] == list(QUERIES) and results["engines"] == list(ENGINES)
    assert {"cpu", "cores", "memory_gb", "python", "pyoxigraph", "oxigraph_server", "virtuoso"} <= set(results["machine"])
    [size] = results["sizes"]
    assert size["size"] == 10_000 and 10_000 <= size["triples"] < 10_200
    engines = size["engines"]
    assert {name: data["status"] for name, data in engines.items()} == dict.fromkeys(ENGINES, "ok")
    for query in QUERIES:
        rows = {engines[name]["queries"][query]["rows"] for name in ENGINES}
        assert len(rows) == 1 and rows.pop() > 0, query
        assert engines["embedded"]["pages"][query]["rows"] == engines["embedded"]["queries"][query]["rows"]
    for query, measured in engines["embedded"]["queries"].items():  # raw pyoxigraph beside it, same store
        assert measured["floor_rows"] == measured["rows"] and measured["floor_median_ms"] > 0, query
    assert set(engines["raw"]["substitutions_queries"]) == {"drugs-by-selectivity", "evidence-for-drug"}
    assert set(engines["raw"]["operations"]) == {"scan", "hash-join", "lookups", "group"}
    assert all(op["rows"] == 1 and op["median_ms"] > 0 for op in engines["raw"]["operations"].values())
    for name in ENGINES:
        assert engines[name]["load_s"] > 0 and engines[name]["peak_mb"] > 0, name
    assert engines["embedded"]["load_runs"] == 5 and engines["embedded"]["floor_load_s"] > 0  # a small file
    cold, regular = size["cold"], size["cold_regular"]
    assert cold["query"] == "external-identifiers" and cold["floor_ms"] > 0 and cold["ratio"] > 0
    assert cold["listing_query"] == "drugs-by-selectivity" and cold["listing_ms"] > 0
    assert cold["install"] == "editable" and regular["install"] == "regular"  # the suite runs in the README's install
    assert regular["query"] == "external-identifiers" and regular["floor_ms"] > 0 and regular["listing_ms"] > 0
    assert not (out.parent / "work" / "regular-install").exists()  # removed with the stores, as --keep is not given


@pytest.mark.slow
def test_bench_writes_csv_markdown_and_an_svg_plot(bench) -> None:
    _, out = bench
    with open(out / "results.csv", newline="", encoding="utf-8") as handle:
        table = list(csv.DictReader(handle))
    measures = {(row["engine"], row["measure"]) for row in table}
    assert {("embedded", "load"), ("raw", "optimize"), ("rdflib", "query"), ("raw-substitutions", "query"),
            ("raw-paired", "query"), ("raw-paired", "load"), ("embedded", "first_page"), ("virtuoso", "load"),
            ("oxigraph-server", "query"), ("embedded", "cold_query"), ("floor", "cold_query"),
            ("python", "cold_import"), ("embedded-regular", "cold_query"), ("floor-regular", "cold_query")} <= measures
    markdown = (out / "results.md").read_text(encoding="utf-8")
    assert "| load (s) |" in markdown and "Side by side" in markdown
    svg = ElementTree.parse(out / "latency.svg").getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.slow
def test_bench_redraws_from_saved_results(bench, tmp_path: Path, cli) -> None:
    done, out = bench
    again = cli("bench", "--from", str(out / "results.json"), "--out", str(tmp_path), "-q")
    assert again.returncode == 0, again.stderr
    assert again.stdout == done.stdout


@pytest.mark.slow
def test_a_query_running_too_long_is_stopped_and_recorded() -> None:
    from jakgraph.bench.run import supervise

    script = ("import json, time; print(json.dumps({'load': {'load_s': 0.1}}), flush=True); "
              "print(json.dumps({'start': 'slow@queries'}), flush=True); time.sleep(60)")
    started = time.perf_counter()
    run = supervise([sys.executable, "-c", script], timeout=1.0)
    assert time.perf_counter() - started < 10
    assert run.stopped_in == "slow@queries" and run.error is None
    assert run.records == [{"load": {"load_s": 0.1}}, {"start": "slow@queries"}]


# --- fast: the arguments, and the report on made-up results --------------------------------------------------------

def test_sizes_engines_and_their_short_names() -> None:
    from jakgraph.bench.report import short_size
    from jakgraph.bench.run import parse_engines, parse_sizes
    from jakgraph.errors import UserError

    assert parse_sizes("1e4, 1e5,5e6") == (10_000, 100_000, 5_000_000)
    assert [short_size(n) for n in (10_000, 30_000, 5_000_000)] == ["1e4", "3e4", "5e6"]
    with pytest.raises(UserError, match="comma-separated"):
        parse_sizes("ten thousand")
    with pytest.raises(UserError, match="1000 is out of range"):
        parse_sizes("1e3")
    assert parse_engines("virtuoso,raw") == ("embedded", "virtuoso", "raw")  # the embedded store always
    with pytest.raises(UserError, match="unknown engine 'fuseki'"):
        parse_engines("embedded,fuseki")


def test_rdflib_time_outs_are_not_scaled_up_with_the_graph() -> None:
    from jakgraph.bench.run import rdflib_cost

    measured = {"wall_s": 76.0, "queries": {"a": {"status": "ok"}, "b": {"status": "timeout after 30 s"},
                                             "c": {"status": "timeout after 30 s"}}}
    assert rdflib_cost(measured, 30.0) == (16.0, 60.0)
    assert rdflib_cost({"wall_s": 12.5, "queries": {"a": {"status": "ok"}}}, 30.0) == (12.5, 0.0)


def query(ms: float, rows: int = 10, **more: float) -> dict:
    return {"median_ms": ms, "rows": rows, "runs": 3, "status": "ok", **more}


def made_up() -> dict:
    """Two questions at 1e6 and 5e6: ``lookup`` grows 2x; ``listing`` (5,000 rows) 8x, its first page in 0.4 s; an
    Oxigraph server slower on both, Virtuoso faster on the listing at 5e6."""
    def size(n: int, lookup: float, listing: float, server: float, virtuoso: float) -> dict:
        embedded = {"status": "ok", "load_s": n / 1e6 * 5, "peak_mb": 1000.0 * n / 5e6,
                    "queries": {"lookup": query(lookup, floor_median_ms=lookup),
                                "listing": query(listing, 5000, floor_median_ms=listing)},
                    "pages": {"lookup": query(lookup), "listing": query(400.0, 1000)}}
        return {"size": n, "triples": n, "file_mb": 1.0, "generate_s": 1.0, "cold": {}, "engines": {
            "embedded": embedded,
            "raw": {"status": "ok", "load_s": n / 1e6 * 4, "optimize_s": n / 1e6, "peak_mb": 1000.0 * n / 5e6,
                    "queries": {"lookup": query(lookup), "listing": query(listing, 5000)}},
            "oxigraph-server": {"status": "ok", "load_s": n / 1e6 * 6, "peak_mb": 500.0,
                                "queries": {"lookup": query(lookup * server), "listing": query(listing * server, 5000)}},
            "virtuoso": {"status": "ok", "load_s": n / 1e6 * 9, "peak_mb": 700.0,
                         "queries": {"lookup": query(lookup * 3), "listing": query(listing * virtuoso, 5000)}}}}
    return {"machine": {"cpu": "test CPU", "cores": 2, "memory_gb": 8.0, "system": "Linux", "python": "3.11",
                        "pyoxigraph": "0.5", "rdflib": "7", "date": "today"},
            "config": {}, "queries": ["lookup", "listing"], "engines": list(ENGINES[:4]),
            "sizes": [size(1_000_000, 10.0, 250.0, 2.0, 1.5), size(5_000_000, 20.0, 2000.0, 2.0, 0.5)]}


def test_growth_over_five_and_a_half_times_is_flagged() -> None:
    from jakgraph.bench.report import question_rows, targets

    rows = {row[0]: row for row in question_rows(made_up())}
    assert rows["question"][:6] == ["question", "rows 5e6", "ms 1e6", "ms 5e6", "growth 1e6→5e6", "first page ms 5e6"]
    assert rows["lookup"][4] == "2.0x" and rows["listing"][4] == "8.0x OVER"
    assert rows["listing"][5] == "400.0" and rows["lookup"][5] == ""  # a first page for listings only
    growth = targets(made_up())[1]
    assert growth.met is False and growth.detail.endswith("over: listing (8.0x)")


def test_the_engine_s_own_operations_are_shown_with_their_growth() -> None:
    from jakgraph.bench.report import operation_rows, targets

    results = made_up()
    for size, scan in zip(results["sizes"], (100.0, 500.0)):  # scan grows 5x, lookups 7x
        size["engines"]["raw"]["operations"] = {"scan": query(scan, 1), "lookups": query(scan * (1.4 if scan > 100 else 1), 1)}
    rows = {row[0]: row for row in operation_rows(results)}
    assert rows["engine operation"][:4] == ["engine operation", "ms 1e6", "ms 5e6", "growth 1e6→5e6"]
    assert rows["scan"][1:4] == ["100.0", "500.0", "5.0x"] and rows["lookups"][3] == "7.0x"
    assert rows["hash-join"][1:4] == ["—", "—", "—"]  # not measured
    growth = targets(results)[1]
    assert growth.detail.endswith("the engine's own operations grew scan 5.0x, lookups 7.0x (raw pyoxigraph, same run); "
                                  "beyond its fastest-growing operation (lookups 7.00x): listing (8.00x)")
    for size, scan in zip(results["sizes"], (100.0, 900.0)):  # lookups now grow 12.6x, more than the listing
        size["engines"]["raw"]["operations"]["lookups"] = query(scan * (1.4 if scan > 100 else 1), 1)
    assert targets(results)[1].detail.endswith("beyond its fastest-growing operation (lookups 12.60x): none")
    for size, scan in zip(results["sizes"], (100.0, 150.0)):  # every operation grows 1.5x: under the lookup's 2x too
        size["engines"]["raw"]["operations"] = {"scan": query(scan, 1), "lookups": query(scan, 1)}
    assert targets(results)[1].detail.endswith(
        "beyond its fastest-growing operation (scan 1.50x): listing (8.00x), lookup (2.00x)")


def test_the_targets_read_the_numbers_they_name() -> None:
    from jakgraph.bench.report import targets

    plans, _, servers, cold, load = targets(made_up())
    assert plans.met is True and plans.detail == "2 of 2 within (1 listings)"  # listing: 0.4 s first page, 2 s whole
    assert servers.met is False  # Virtuoso's 1,000 ms beats the embedded store's worst, 2,000 ms, at 5e6
    assert "worst 2000 ms against 1000 ms" in servers.detail
    assert cold.met is None  # not measured
    assert load.met is True and load.detail.startswith("load 25.0 s against 25.0 s (1.0x)")


def test_the_start_target_holds_in_both_installs() -> None:
    from jakgraph.bench.report import csv_rows, targets

    def cold(install: str, jakgraph_ms: float) -> dict:
        return {"query": "external-identifiers", "install": install, "jakgraph_ms": jakgraph_ms, "floor_ms": 40.0,
                "ratio": jakgraph_ms / 40.0, "import_ms": 20.0, "listing_query": "drugs-by-selectivity",
                "listing_ms": 120.0}

    results = made_up()
    for size in results["sizes"]:
        size["cold"], size["cold_regular"] = cold("editable", 58.0), cold("regular", 84.0)
    start = targets(results)[3]
    assert start.met is False  # 1.45x in the editable install, 2.1x in the regular one
    assert "5e6 editable install: 58 ms vs 40 ms (1.45x" in start.detail
    assert "5e6 regular install: 84 ms vs 40 ms (2.10x" in start.detail
    rows = [row for row in csv_rows(results) if row[3].startswith("cold") and row[0] == 5_000_000]
    assert [(row[2], row[4], row[5]) for row in rows] == [
        ("embedded", "external-identifiers", 58.0), ("floor", "external-identifiers", 40.0),
        ("python", "pyoxigraph", 20.0), ("embedded", "drugs-by-selectivity", 120.0),
        ("embedded-regular", "external-identifiers", 84.0), ("floor-regular", "external-identifiers", 40.0),
        ("python-regular", "pyoxigraph", 20.0), ("embedded-regular", "drugs-by-selectivity", 120.0)]
    for size in results["sizes"]:
        size["cold"]["jakgraph_ms"], size["cold"]["ratio"] = 50.0, 1.25
        size["cold_regular"] = {"status": "skipped: could not build a wheel: no network"}
    start = targets(results)[3]
    assert start.met is True and start.detail.endswith("5e6 regular install skipped: could not build a wheel: no network")


def test_a_regular_install_is_built_from_what_a_build_reads(tmp_path: Path) -> None:
    from jakgraph.bench.install import copy_sources, source_tree

    root = tmp_path / "checkout"
    for name in ("pyproject.toml", "README.md", "pkg/__init__.py", "pkg/data/q.rq", "pkg/__pycache__/m.pyc",
                 "build/lib/pkg/stale.py", "tests/test_x.py", "benchwork/scale.nt", ".git/HEAD"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    copy_sources(root, tmp_path / "copy")
    copied = sorted(str(path.relative_to(tmp_path / "copy")) for path in (tmp_path / "copy").rglob("*") if path.is_file())
    assert copied == ["README.md", "pkg/__init__.py", "pkg/data/q.rq", "pyproject.toml"]
    checkout = source_tree()  # the suite runs in the README's editable install
    assert checkout is not None and {"jakgraph", "graph", "loaders", "queries", "ontology"} <= {
        path.name for path in checkout.iterdir() if (path / "__init__.py").is_file()}


def test_a_failed_install_step_is_named_with_its_last_error_line() -> None:
    from jakgraph.bench.install import step

    with pytest.raises(RuntimeError, match="^could not build a wheel: no setuptools here$"):
        step("build a wheel", [sys.executable, "-c", "import sys; print('x', file=sys.stderr); sys.exit('no setuptools here')"])
    assert step("find its site-packages", [sys.executable, "-c", "print(' /some/where ')"]) == "/some/where"


def test_the_plot_is_an_svg_with_a_line_per_engine(tmp_path: Path) -> None:
    from jakgraph.bench.report import write_results

    written = write_results(made_up(), tmp_path)
    assert [path.name for path in written] == ["results.json", "results.csv", "results.md", "latency.svg"]
    svg = ElementTree.parse(tmp_path / "latency.svg").getroot()
    lines = svg.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(lines) == 8  # four engines, two panels
    labels = [text.text for text in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert {"embedded (jakgraph)", "Oxigraph server", "Virtuoso 7", "raw pyoxigraph"} <= set(labels)


def test_engines_that_answer_different_numbers_of_rows_are_named() -> None:
    from jakgraph.bench.report import targets

    results = made_up()
    assert targets(results)[2].detail.endswith("every engine answered the same number of rows")
    results["sizes"][0]["engines"]["virtuoso"]["queries"]["listing"]["rows"] = 4999
    servers = targets(results)[2]
    assert servers.met is False
    assert servers.detail.endswith("rows differ: listing at 1e6 (embedded 5000, raw 5000, oxigraph-server 5000, "
                                   "virtuoso 4999)")
