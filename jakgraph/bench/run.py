"""The benchmark: the embedded store against the servers a user would pick instead (an Oxigraph server, Virtuoso 7),
raw pyoxigraph (the floor) and rdflib (a reference), on the same generated graphs, size by size.

For each size it generates a graph (:mod:`jakgraph.bench.synthetic`), then measures in one child process per
engine (:mod:`jakgraph.bench.worker`): load time and peak memory, and the median latency of every stored
query with its default parameters (for the embedded store, also of its first page of 1,000 rows). The servers
are started on 127.0.0.1 in the work folder and loaded with their own bulk loaders (:mod:`jakgraph.bench.servers`,
timed), and the questions go to them as ``jakgraph query NAME --endpoint URL`` sends them. rdflib runs at a size
only while its time at the previous size, scaled linearly to this size (its time-outs counted once each, not
scaled), stays under ``rdflib_limit`` seconds. A query still running after ``timeout`` seconds is recorded as a
time-out, on every engine. A cold ``jakgraph query`` process is timed against its floor, a script that imports
pyoxigraph, opens the same store read-only and runs the same bound query text; when the running jakgraph is an
editable checkout, again in a regular install of it (:mod:`jakgraph.bench.install`). Results go to
:mod:`jakgraph.bench.report`.
"""
from __future__ import annotations

import json
import os
import platform
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from jakgraph.bench.install import regular_install, source_tree
from jakgraph.errors import UserError

DEFAULT_SIZES = (10_000, 100_000, 1_000_000, 5_000_000)
ENGINES = ("embedded", "raw", "oxigraph-server", "virtuoso", "rdflib")
SERVERS = ("oxigraph-server", "virtuoso")
COLD_QUERY = "external-identifiers"  # a lookup: one row at every size
COLD_LISTING = "drugs-by-selectivity"  # a listing: its answer grows with the graph
VIRTUOSO_BUFFERS = 170_000  # 8 KB pages: 1.4 GB of page cache, more than a 5e6-triple graph needs
FLOOR_SCRIPT = """import sys
from pyoxigraph import Store
store = Store.read_only(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
prefixes = dict(line.split(" ", 1) for line in open(sys.argv[3], encoding="utf-8").read().splitlines())
for row in store.query(text, prefixes=prefixes):
    print("\\t".join(str(term) for term in row))
"""


@dataclass(frozen=True)
class BenchConfig:
    sizes: tuple[int, ...] = DEFAULT_SIZES
    seed: int = 1
    repeat: int = 5
    budget: float = 3.0           # seconds of timed runs per query and engine, at most (one run at least)
    rdflib_limit: float = 300.0   # rdflib runs at a size only if its last time, scaled to this size, is below this
    timeout: float = 30.0         # a query still running after this long is recorded as a time-out
    cold_runs: int = 11
    queries: tuple[str, ...] = ()  # default: every stored query
    engines: tuple[str, ...] = ENGINES
    work: Path | None = None       # default: a temporary folder, removed afterwards
    keep: bool = False


@dataclass
class SizeResult:
    size: int
    triples: int
    file_mb: float
    generate_s: float
    engines: dict[str, Any] = field(default_factory=dict)
    cold: dict[str, Any] = field(default_factory=dict)
    cold_regular: dict[str, Any] = field(default_factory=dict)  # the cold start again in a regular install, if editable


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    import pyoxigraph
    import rdflib

    cpu = ""
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
        memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")) / 1e6
    except (OSError, StopIteration, ValueError):
        memory = 0.0
    return {"cpu": cpu or platform.processor(), "cores": os.cpu_count(), "memory_gb": round(memory, 1),
            "system": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
            "pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__,
            "oxigraph_server": tool_version(["oxigraph", "--version"]),
            "virtuoso": tool_version(["virtuoso-t", "-?"]),
            "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
            "date": time.strftime("%Y-%m-%d %H:%M")}


def tool_version(command: list[str]) -> str:
    """The first line that names a version in a tool's output, or "" when the tool is missing."""
    from jakgraph.bench.servers import oxigraph_binary

    try:
        if command[0] == "oxigraph":
            command = [oxigraph_binary(), *command[1:]]
        done = subprocess.run(command, capture_output=True, text=True, timeout=20)
    except (OSError, RuntimeError, subprocess.TimeoutExpired):
        return ""
    lines = (done.stdout + done.stderr).splitlines()
    return next((line.strip() for line in lines if "ersion" in line or line.startswith("oxigraph")), "")


def tasks_for(engine: str, names: list[str]) -> list[str]:
    """The worker tasks of an engine: each query; for raw pyoxigraph, each query with parameters again with
    them passed as ``substitutions=`` (the binding jakgraph does not use, measured to show why), and the engine's
    own operations (:mod:`jakgraph.bench.operations`)."""
    from jakgraph.queries.catalog import load_query

    tasks = [f"{name}@queries" for name in names]
    if engine == "raw":
        from jakgraph.bench.operations import NAMES

        tasks += [f"{name}@substitutions_queries" for name in names if load_query(name).parameters]
        tasks += [f"{name}@operations" for name in NAMES]
    if engine == "embedded":
        tasks += [f"{name}@pages" for name in names]
    return tasks


def pump(stream: Any, lines: "queue.Queue[str | None]") -> None:
    """Pass a worker's output lines on, then None at its end."""
    for line in stream:
        lines.put(line)
    lines.put(None)


@dataclass
class WorkerRun:
    """What one worker process printed, and how it ended."""

    records: list[dict[str, Any]] = field(default_factory=list)
    stopped_in: str | None = None  # the task that was running when the worker was stopped for taking too long
    error: str | None = None


def supervise(command: list[str], timeout: float) -> WorkerRun:
    """Run a worker and collect its JSON lines; once it has loaded, stop it when no line comes for ``timeout`` s."""
    run = WorkerRun()
    with tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=pump, args=(process.stdout, lines), daemon=True).start()
        loaded = "--skip-load" in command
        while True:
            try:
                line = lines.get(timeout=timeout if loaded else None)
            except queue.Empty:
                process.kill()
                process.wait()
                starts = [r["start"] for r in run.records if "start" in r]
                run.stopped_in = starts[-1] if starts else None
                if run.stopped_in is None:
                    run.error = f"the worker printed nothing for {timeout:.0f} s"
                return run
            if line is None:
                break
            record = json.loads(line)
            loaded = loaded or "load" in record
            run.records.append(record)
        if process.wait() != 0:
            errors.seek(0)
            run.error = (errors.read().strip().splitlines() or [f"exit status {process.returncode}"])[-1]
    return run


def worker(engine: str, file: Path, store: Path, config: BenchConfig, names: list[str],
           endpoint: str | None = None) -> dict[str, Any]:
    """Measure one engine at one size; a query still running after ``config.timeout`` is recorded and skipped.

    The worker prints a line as each task starts and ends; when none comes in time, it is stopped and a new
    one reopens the store (``--skip-load``) for the tasks left. With ``endpoint``, the worker sends the stored
    questions to that server, which the caller has loaded.
    """
    result: dict[str, Any] = {"status": "ok", "queries": {}, "peak_mb": 0.0}
    if engine == "raw":
        result["substitutions_queries"] = {}
        result["operations"] = {}
    if engine == "embedded":
        result["pages"] = {}
    left = tasks_for(engine, names)
    started = time.perf_counter()
    while left:
        command = [sys.executable, "-m", "jakgraph.bench.worker", "endpoint" if endpoint else engine, str(file),
                   str(store), "--tasks", ",".join(left), "--repeat", str(config.repeat), "--budget",
                   str(config.budget), "--timeout", str(config.timeout)]
        command += ["--endpoint", endpoint] if endpoint else []
        command += ["--skip-load"] if "load_s" in result or endpoint else []
        run = supervise(command, config.timeout + 2 * config.budget + 1)
        for record in run.records:
            if "load" in record and "load_s" not in result:
                result.update(record["load"])
            elif "task" in record:
                name, _, mode = record["task"].partition("@")
                result[mode][name] = {k: v for k, v in record.items() if k not in ("task", "peak_mb")}
                left.remove(record["task"])
            result["peak_mb"] = max(result["peak_mb"], record.get("peak_mb", 0.0),
                                    record.get("load", {}).get("load_peak_mb", 0.0))
        if run.error:
            return {"status": f"failed: {run.error}", "wall_s": time.perf_counter() - started}
        if run.stopped_in:
            name, _, mode = run.stopped_in.partition("@")
            result[mode][name] = {"status": f"timeout after {config.timeout:g} s", "median_ms": None,
                                  "rows": None, "runs": 0}
            left.remove(run.stopped_in)
    result["wall_s"] = time.perf_counter() - started
    return result


def floor_files(store: Path, work: Path) -> tuple[str, str, str]:
    """The floor script's arguments: the store's current build, and files holding the cold query's bound text and
    the prefixes jakgraph declares (so that the floor parses the same query)."""
    from jakgraph.graph.store.folder import StoreFolder
    from jakgraph.ontology.namespaces import PREFIXES
    from jakgraph.queries.runner import query_text

    build = StoreFolder.at(store).path / "current"
    text, prefixes = work / "cold-query.rq", work / "cold-prefixes.txt"
    text.write_text(query_text(COLD_QUERY, ()), encoding="utf-8")
    prefixes.write_text("".join(f"{name} {iri}\n" for name, iri in PREFIXES.items()), encoding="utf-8")
    return str(build.resolve()), str(text), str(prefixes)


def cold_start(store: Path, runs: int, python: Path | None = None) -> dict[str, Any]:
    """Median wall time of fresh ``jakgraph query`` processes, of their floor and of a bare ``import pyoxigraph``,
    in the running environment or in the one whose interpreter is ``python`` (see :mod:`jakgraph.bench.install`).

    The floor is a script that imports pyoxigraph, opens the same store read-only and runs the same bound query
    text, printing each row: a whole process, as the command is. The target is measured on a lookup whose answer
    is one row at every size (``COLD_QUERY``), so it times the start-up; a listing whose answer grows with the
    graph (``COLD_LISTING``) is timed beside it. Each command runs once untimed first, with bytecode writing
    allowed (as for any installed package), so that no side pays for compiling its modules or for a cold file
    cache; then the four commands run in turn.
    """
    executable = str(python or sys.executable)
    script = Path(executable).with_name("jakgraph")
    jakgraph = [str(script)] if script.exists() else [executable, "-m", "jakgraph"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory(prefix="jakgraph-cold-") as folder:
        commands = {"bare": [executable, "-c", "import pyoxigraph"],
                    "floor": [executable, "-c", FLOOR_SCRIPT, *floor_files(store, Path(folder))],
                    "cold": [*jakgraph, "query", COLD_QUERY, "--store", str(store)],
                    "listing": [*jakgraph, "query", COLD_LISTING, "--store", str(store)]}
        times: dict[str, list[float]] = {name: [] for name in commands}
        for run in range(runs + 1):  # the commands in turn, so that they see the same machine state
            for name, command in commands.items():
                started = time.perf_counter()
                subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
                if run:
                    times[name].append(time.perf_counter() - started)
    bare, floor, cold, listing = (1000 * statistics.median(times[name]) for name in commands)
    install = "regular" if python is not None or source_tree() is None else "editable"
    return {"query": COLD_QUERY, "install": install, "jakgraph_ms": cold, "floor_ms": floor, "ratio": cold / floor,
            "import_ms": bare, "import_ratio": cold / bare, "listing_query": COLD_LISTING, "listing_ms": listing}


def regular_python(folder: Path) -> Path | str:
    """The Python of a regular install of the checkout (:mod:`jakgraph.bench.install`), or why it could not be made."""
    shutil.rmtree(folder, ignore_errors=True)
    try:
        return regular_install(folder)
    except (RuntimeError, OSError) as exc:
        return f"skipped: {exc}"


def server_engine(engine: str, file: Path, folder: Path, config: BenchConfig, names: list[str]) -> dict[str, Any]:
    """Start ``engine`` (an Oxigraph server or Virtuoso) in ``folder``, load ``file`` with its bulk loader (timed),
    send it every stored question, and stop it; a server that cannot be started is recorded as skipped."""
    from jakgraph.bench import servers

    folder.mkdir(parents=True, exist_ok=True)
    try:
        if engine == "oxigraph-server":
            load_s = servers.load_oxigraph(folder, file)
            server = servers.start_oxigraph(folder, read_only=True)
        else:
            # Virtuoso cuts a query at MaxQueryExecutionTime and answers the rows so far: past the worker's own
            # limit, so that a cut answer is never recorded
            server = servers.start_virtuoso(folder, VIRTUOSO_BUFFERS, dirs=(file.parent.resolve(),),
                                            max_seconds=int(2 * config.timeout + 4 * config.budget) + 10)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        return {"status": f"skipped: {str(exc).splitlines()[0][:200]}"}
    try:
        if engine == "virtuoso":
            load_s = servers.load_virtuoso(server, file.resolve())
        result = worker(engine, file, folder / "unused", config, names, endpoint=server.query_url)
        result.update(load_s=load_s, peak_mb=servers.peak_mb(server), server=server.name)
        return result
    except (RuntimeError, OSError) as exc:
        return {"status": f"failed: {str(exc).splitlines()[0][:200]}"}
    finally:
        server.stop()


def query_names(config: BenchConfig) -> list[str]:
    from jakgraph.queries.catalog import load_query, query_names as stored

    names = list(config.queries) or stored()
    for name in names:
        load_query(name)  # an unknown name fails before anything runs
    return names


def rdflib_cost(measured: dict[str, Any], timeout: float) -> tuple[float, float]:
    """rdflib's seconds at one size, split into the part that grows with the graph and the fixed part: a query
    that ran into the time-out costs the time-out at every larger size, not ten times more."""
    timed_out = sum(1 for q in measured.get("queries", {}).values() if q.get("status", "").startswith("timeout"))
    fixed = timed_out * timeout
    return max(measured.get("wall_s", 0.0) - fixed, 0.0), fixed


def run_bench(config: BenchConfig, say: Callable[[str], None] = lambda message: None) -> dict[str, Any]:
    """Measure every size; return the results as plain data (see :func:`bench_report.write_results`)."""
    from jakgraph.bench.synthetic import generate

    names = query_names(config)
    work = config.work or Path(tempfile.mkdtemp(prefix="jakgraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: list[SizeResult] = []
    rdflib_last: tuple[int, float, float] | None = None  # rdflib's last size, seconds that grow with size, fixed seconds
    regular: Path | str | None = None  # a regular install's Python, or why there is none (made at the first cold start)
    try:
        for size in sorted(config.sizes):
            file = work / f"scale-{size}-seed{config.seed}.nt"
            say(f"{size:,} triples: generating")
            started = time.perf_counter()
            report = generate(file, size, seed=config.seed)
            result = SizeResult(size, report.triples, report.bytes / 1e6, time.perf_counter() - started)
            for engine in [e for e in ENGINES if e in config.engines]:
                if engine == "rdflib" and rdflib_last is not None:
                    last_size, growing, fixed = rdflib_last
                    projected = growing * size / last_size + fixed
                    if projected > config.rdflib_limit:
                        result.engines[engine] = {"status": f"skipped: {growing + fixed:.0f} s at {last_size:,} "
                                                            f"triples projects to {projected:.0f} s here, over the "
                                                            f"{config.rdflib_limit:.0f} s bound"}
                        continue
                say(f"{size:,} triples: {engine}")
                store = work / f"{engine}-{size}"
                shutil.rmtree(store, ignore_errors=True)
                if engine in SERVERS:
                    result.engines[engine] = server_engine(engine, file, store, config, names)
                else:
                    result.engines[engine] = worker(engine, file, store, config, names)
                if engine == "embedded" and result.engines[engine]["status"] == "ok":
                    say(f"{size:,} triples: cold jakgraph query")
                    result.cold = cold_start(store, config.cold_runs)
                    if result.cold["install"] == "editable":
                        if regular is None:
                            say("installing a wheel of the checkout for a cold start in a regular install")
                            regular = regular_python(work / "regular-install")
                        result.cold_regular = (cold_start(store, config.cold_runs, regular)
                                               if isinstance(regular, Path) else {"status": regular})
                if engine == "rdflib":
                    rdflib_last = (size, *rdflib_cost(result.engines[engine], config.timeout))
                shutil.rmtree(store, ignore_errors=True)
            if not config.keep:
                file.unlink(missing_ok=True)
            results.append(result)
    finally:
        if config.work is None and not config.keep:
            shutil.rmtree(work, ignore_errors=True)
        elif not config.keep:  # a work folder the user named keeps only what it held before
            shutil.rmtree(work / "regular-install", ignore_errors=True)
    settings = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(config).items()}
    return {"machine": machine(), "config": settings, "queries": names,
            "engines": [e for e in ENGINES if e in config.engines], "sizes": [asdict(r) for r in results]}


def parse_engines(text: str) -> tuple[str, ...]:
    """``"embedded,virtuoso"`` → ``("embedded", "virtuoso")``; the embedded store is always measured."""
    engines = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [engine for engine in engines if engine not in ENGINES]
    if unknown:
        raise UserError(f"--engines: unknown engine {unknown[0]!r}; choose from {', '.join(ENGINES)}")
    return ("embedded",) + tuple(engine for engine in engines if engine != "embedded")


def parse_sizes(text: str) -> tuple[int, ...]:
    """``"1e4,1e5,5e6"`` → ``(10000, 100000, 5000000)``."""
    try:
        sizes = tuple(int(float(part)) for part in text.split(",") if part.strip())
    except ValueError:
        raise UserError(f"--sizes {text!r} is not a comma-separated list of numbers such as 1e4,1e5,1e6") from None
    from jakgraph.bench.synthetic import MAX_SIZE, MIN_SIZE

    if not sizes:
        raise UserError("--sizes is empty")
    for size in sizes:
        if not MIN_SIZE <= size <= MAX_SIZE:
            raise UserError(f"--sizes: {size} is out of range; the generator makes {MIN_SIZE} to {MAX_SIZE} triples")
    return sizes
