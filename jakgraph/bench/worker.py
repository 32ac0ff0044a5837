"""One benchmark measurement in its own process: load a file into one engine, then time stored queries.

Run by :mod:`jakgraph.bench.run` as ``python -m jakgraph.bench.worker ENGINE FILE STORE --tasks …``.
It prints JSON lines: ``{"load": …}`` once the file is loaded, ``{"start": task}`` before each task and
``{"task": task, …}`` after it, then ``{"peak_mb": …}``; so the parent can stop a query that runs too long
(an Oxigraph query cannot be interrupted from Python) and go on in a new process with ``--skip-load``.
A process per engine and size keeps the engines' memory apart: the peak resident set size (``ru_maxrss``)
of the process is the engine's peak memory, load and queries included.
Loads of files under 100 MB are timed five times into fresh folders (the medians are reported), since at
that size one run takes tens of milliseconds and is mostly noise.

Engines, and the modes a task names (``query-name@mode``):

* ``embedded``: ``jakgraph.graph.store.load`` into a fresh store folder, then ``run_query`` on ``open_store``
  (mode ``queries``), each run followed by raw ``Store.query`` on the same bound text and the same open store
  (``floor_median_ms``: jakgraph's own overhead, measured side by side); mode ``pages``: the first page of
  ``PAGE`` rows (``run_query(…, limit=PAGE)``, as ``jakgraph query --limit`` asks for it);
* ``endpoint``: ``run_query`` on a :class:`~jakgraph.graph.store.remote.RemoteStore` of ``--endpoint URL``
  (``jakgraph query --endpoint``), a server the parent has started and loaded (mode ``queries``);
* ``raw``: ``pyoxigraph.Store.bulk_load`` and ``Store.optimize`` (as ``jakgraph load`` does), then
  ``Store.query`` on the same bound text (parameters in a ``VALUES`` row), prefixes and union default graph
  (mode ``queries``), or on the unbound text with the parameters passed as pyoxigraph ``substitutions=``
  (mode ``substitutions_queries``: the binding jakgraph does not use, measured to show why);
* ``rdflib``: ``rdflib.Graph.parse``, then rdflib's own SPARQL engine on the same bound text (``queries``).
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import signal
import statistics
import sys
import time
from functools import partial
from pathlib import Path
from typing import Any, Callable

RUSAGE_KB = 1024  # ru_maxrss is in kilobytes on Linux
SMALL_FILE = 100_000_000  # bytes: files below this (about 6e5 triples) are loaded several times
PAGE = 1000  # rows of a first page


class QueryTimeout(BaseException):
    """An rdflib query ran past its time limit (a BaseException, so that no ``except Exception`` swallows it)."""


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * RUSAGE_KB / 1e6


def rows(results: Any) -> int:
    """Read every solution of a SELECT (as a client would) and count them."""
    return sum(1 for _ in results)


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record), flush=True)


def time_query(run: Callable[[], int], repeat: int, budget: float,
               floor: Callable[[], int] | None = None) -> dict[str, Any]:
    """Median of up to ``repeat`` timed runs after a warm-up run, within ``budget`` seconds.

    A query whose warm-up alone takes longer than ``budget`` is reported from that one run. With ``floor`` (raw
    pyoxigraph on the same store), each run of ``run`` is followed by one of ``floor`` and the budget is shared:
    timed side by side in one process, the two see the same machine state; timed in separate processes, minutes
    apart, sub-millisecond queries differ by more than jakgraph's overhead from one process to the next.
    """
    runs = (run,) if floor is None else (run, floor)
    warm = [timed(each) for each in runs]  # (seconds, rows) of each warm-up
    series: list[list[float]] = [[] for _ in runs]
    while (warm[0][0] <= budget / len(runs) and len(series[0]) < repeat
           and (not series[0] or sum(map(sum, series)) < budget)):
        for each, times in zip(runs, series):
            times.append(timed(each)[0])
    medians = [1000 * statistics.median(times or [seconds]) for times, (seconds, _) in zip(series, warm)]
    result = {"median_ms": medians[0], "first_ms": 1000 * warm[0][0], "runs": len(series[0]) or 1,
              "rows": warm[0][1], "status": "ok"}
    if floor is not None:
        result.update(floor_median_ms=medians[1], floor_rows=warm[1][1])
    return result


def timed(run: Callable[[], int]) -> tuple[float, int]:
    """Seconds one run took, and the rows it read."""
    started = time.perf_counter()
    rows = run()
    return time.perf_counter() - started, rows


def bound(name: str) -> str:
    """A stored query's text with its default parameters bound, as ``run_query`` sends it."""
    from jakgraph.queries.binding import bound_text
    from jakgraph.queries.catalog import load_query

    return bound_text(load_query(name), {})


def substitutions(name: str) -> tuple[str, dict[Any, Any]]:
    """A stored query's unbound text and its default parameters as pyoxigraph substitutions."""
    from pyoxigraph import Variable

    from jakgraph.queries.binding import resolve, terms
    from jakgraph.queries.catalog import load_query

    query = load_query(name)
    return query.text, {Variable(v): t for v, t in terms(query, resolve(query, {})).items()}


def load_runs(file: Path) -> int:
    """How many times to time a load: loads of small files take tens of ms, where one run is mostly noise."""
    return 5 if file.stat().st_size < SMALL_FILE else 1


def timed_loads(load: Callable[[Path], dict[str, float]], file: Path, store_dir: Path,
                floor: Callable[[Path], dict[str, float]] | None = None) -> dict[str, float]:
    """Median of each timing over ``load_runs`` loads into fresh folders; the last one is kept in ``store_dir``.

    With ``floor``, each load is followed by a floor load into a throw-away folder, and the median of their totals
    is reported as ``floor_load_s``: the two side by side see the same machine state. A large file's floor load
    runs in a child process (timed inside it), so that this process's peak memory stays its own load's.
    """
    runs, floors = [], []
    count = load_runs(file)
    for run in range(count):
        target = store_dir if run == count - 1 else store_dir.with_name(f"{store_dir.name}.run{run}")
        runs.append(load(target))
        if target != store_dir:
            shutil.rmtree(target, ignore_errors=True)
        if floor is not None:
            spare = store_dir.with_name(f"{store_dir.name}.floor{run}")
            floors.append(sum((floor(spare) if count > 1 else raw_load_in_child(file, spare)).values()))
            shutil.rmtree(spare, ignore_errors=True)
    timings = {key: statistics.median(r[key] for r in runs) for key in runs[0]} | {"load_runs": len(runs)}
    return timings | ({"floor_load_s": statistics.median(floors)} if floors else {})


def raw_load_in_child(file: Path, target: Path) -> dict[str, float]:
    """:func:`raw_load` in a child process: its timings, as the child measured them."""
    import subprocess

    code = ("import json, sys; from pathlib import Path; from jakgraph.bench.worker import raw_load; "
            "print(json.dumps(raw_load(Path(sys.argv[1]), Path(sys.argv[2]))))")
    done = subprocess.run([sys.executable, "-c", code, str(file), str(target)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.splitlines()[-1])


def raw_load(file: Path, target: Path) -> dict[str, float]:
    """Create, load, compact and close a raw pyoxigraph store: the work ``jakgraph load`` does, minus its own
    bookkeeping (build folder, copy of the current build, link swap)."""
    from pyoxigraph import RdfFormat, Store

    started = time.perf_counter()
    store = Store(str(target))
    store.bulk_load(path=str(file), format=RdfFormat.N_TRIPLES)  # into the default graph, as jakgraph load
    store.flush()
    loaded = time.perf_counter()
    store.optimize()
    del store
    return {"load_s": loaded - started, "optimize_s": time.perf_counter() - loaded}


def embedded_engine(file: Path, store_dir: Path, skip_load: bool) -> Callable[[str, str], Any]:
    from jakgraph.graph.store.load import bulk_load
    from jakgraph.graph.store import open_store
    from jakgraph.ontology.namespaces import PREFIXES
    from jakgraph.queries.runner import run_query

    def load(target: Path) -> dict[str, float]:
        started = time.perf_counter()
        bulk_load([file], target)
        return {"load_s": time.perf_counter() - started}

    if not skip_load:
        emit({"load": {**timed_loads(load, file, store_dir, partial(raw_load, file)), "load_peak_mb": peak_mb()}})
    store = open_store(store_dir)

    def task(name: str, mode: str) -> Any:
        """jakgraph's run of a query, and raw pyoxigraph's run of the same bound text on the same open store; or
        jakgraph's run of its first page."""
        if mode == "pages":
            return lambda: rows(run_query(store, name, limit=PAGE))
        raw, text = store.database, bound(name)
        return (lambda: rows(run_query(store, name)),
                lambda: rows(raw.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)))
    return task


def endpoint_engine(url: str, timeout: float) -> Callable[[str, str], Callable[[], int]]:
    """Stored queries through ``--endpoint URL``, as ``jakgraph query NAME --endpoint URL`` runs them."""
    from jakgraph.graph.store.remote import RemoteStore
    from jakgraph.queries.runner import run_query

    store = RemoteStore(url, timeout=timeout + 5)

    def task(name: str, mode: str) -> Callable[[], int]:
        return lambda: rows(run_query(store, name))
    return task


def raw_engine(file: Path, store_dir: Path, skip_load: bool) -> Callable[[str, str], Callable[[], int]]:
    from pyoxigraph import Store

    from jakgraph.ontology.namespaces import PREFIXES

    if not skip_load:
        emit({"load": {**timed_loads(partial(raw_load, file), file, store_dir), "load_peak_mb": peak_mb()}})
    store = Store.read_only(str(store_dir))

    def task(name: str, mode: str) -> Callable[[], int]:
        if mode == "operations":  # an engine operation, not a stored question (jakgraph.bench.operations)
            from jakgraph.bench.operations import operation

            text = operation(name)[1]
            return lambda: rows(store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES))
        if mode == "substitutions_queries":
            text, terms = substitutions(name)
            return lambda: rows(store.query(text, use_default_graph_as_union=True, substitutions=terms,
                                            prefixes=PREFIXES))
        text = bound(name)
        return lambda: rows(store.query(text, use_default_graph_as_union=True, prefixes=PREFIXES))
    return task


def rdflib_engine(file: Path, timeout: float) -> Callable[[str, str], Callable[[], int]]:
    from rdflib import Graph

    from jakgraph.ontology.namespaces import PREFIXES

    started = time.perf_counter()
    graph = Graph().parse(str(file), format="nt")
    emit({"load": {"load_s": time.perf_counter() - started, "load_peak_mb": peak_mb()}})

    def expire(signum: int, frame: Any) -> None:
        raise QueryTimeout()

    signal.signal(signal.SIGALRM, expire)

    def task(name: str, mode: str) -> Callable[[], int]:
        text = bound(name)

        def run() -> int:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                return len(list(graph.query(text, initNs=PREFIXES)))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        return run
    return task


def measure(task: str, make: Callable[[str, str], Any], repeat: int, budget: float, timeout: float) -> dict[str, Any]:
    """Time one task; an engine that gives a pair of runs (jakgraph and its floor) has them timed in turn."""
    name, _, mode = task.partition("@")
    try:
        runs = make(name, mode or "queries")
        if isinstance(runs, tuple):  # jakgraph's run and raw pyoxigraph's on the same store
            return time_query(runs[0], repeat, budget, floor=runs[1])
        return time_query(runs, repeat, budget)
    except QueryTimeout:
        return {"status": f"timeout after {timeout:g} s", "median_ms": None, "rows": None, "runs": 0}
    except Exception as exc:  # an engine failing on a query is a result to report, not a crash
        return {"status": f"error: {type(exc).__name__}: {str(exc)[:120]}", "median_ms": None, "rows": None,
                "runs": 0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jakgraph.bench.worker")
    parser.add_argument("engine", choices=("embedded", "raw", "rdflib", "endpoint"))
    parser.add_argument("file", type=Path)
    parser.add_argument("store", type=Path, help="store folder to create, or to reopen with --skip-load")
    parser.add_argument("--tasks", required=True,
                        help="comma-separated query-name@mode (mode: queries, pages, substitutions_queries, operations)")
    parser.add_argument("--endpoint", help="the endpoint engine's SPARQL query URL")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget", type=float, default=5.0, help="seconds of timed runs per task, at most")
    parser.add_argument("--timeout", type=float, default=30.0, help="rdflib, endpoint: seconds per query run")
    parser.add_argument("--skip-load", action="store_true", help="reopen the store a killed worker loaded")
    args = parser.parse_args(argv)
    if args.engine == "embedded":
        make = embedded_engine(args.file, args.store, args.skip_load)
    elif args.engine == "endpoint":
        make = endpoint_engine(args.endpoint, args.timeout)
    elif args.engine == "raw":
        make = raw_engine(args.file, args.store, args.skip_load)
    else:
        make = rdflib_engine(args.file, args.timeout)
    for task in args.tasks.split(","):
        emit({"start": task})
        emit({"task": task, **measure(task, make, args.repeat, args.budget, args.timeout), "peak_mb": peak_mb()})
    emit({"peak_mb": peak_mb()})
    return 0


if __name__ == "__main__":
    sys.exit(main())
