"""``jakgraph bench``: the embedded store against an Oxigraph server, Virtuoso, raw pyoxigraph and rdflib, on
generated graphs of growing size."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

ENGINES = ("embedded", "raw", "oxigraph-server", "virtuoso", "rdflib")  # as jakgraph.bench.run, without importing it


def arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--sizes", default="1e4,1e5,1e6,5e6",
                         help="graph sizes in triples, comma-separated (default: 1e4,1e5,1e6,5e6)")
    command.add_argument("--seed", type=int, default=1, help="seed of the generated graphs (default: 1)")
    command.add_argument("--repeat", type=int, default=5, help="timed runs per query after a warm-up (default: 5)")
    command.add_argument("--budget", type=float, default=3.0,
                         help="seconds of timed runs per query and engine at most; one run at least (default: 3)")
    command.add_argument("--rdflib-limit", type=float, default=300.0, metavar="SECONDS",
                         help="run rdflib at a size only if its time at the previous size, scaled to this one, "
                              "is below this (default: 300)")
    command.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                         help="record a query still running after this long as a time-out, on any engine "
                              "(default: 30)")
    command.add_argument("--queries", metavar="NAME,…", help="only these stored queries (default: all)")
    command.add_argument("--engines", default=",".join(ENGINES), metavar="NAME,…",
                         help="engines to measure: embedded (always), raw (pyoxigraph itself, the floor), "
                              "oxigraph-server and virtuoso (started on 127.0.0.1 and loaded with their bulk "
                              f"loaders), rdflib (a reference) (default: {','.join(ENGINES)})")
    command.add_argument("--out", default="docs/benchmarks", metavar="DIR",
                         help="folder for results.json, results.csv, results.md, latency.svg (default: docs/benchmarks)")
    command.add_argument("--work", metavar="DIR", help="folder for generated files and stores (default: a temporary one)")
    command.add_argument("--keep", action="store_true", help="keep the generated files")
    command.add_argument("--from", dest="source", metavar="JSON",
                         help="measure nothing: write the table, CSV, Markdown and plot again from a results.json")
    command.add_argument("-q", "--quiet", action="store_true", help="print only the table")


def run(args: argparse.Namespace) -> int:
    import json

    from jakgraph.errors import UserError
    from jakgraph.bench.run import BenchConfig, parse_engines, parse_sizes, run_bench

    if args.source:
        try:
            results = json.loads(Path(args.source).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UserError(f"{args.source}: cannot read benchmark results: {exc}") from None
        for size in results.get("sizes", []):  # results written before the engines were renamed
            if "jakgraph" in size.get("engines", {}):
                size["engines"]["embedded"] = size["engines"].pop("jakgraph")
        return report(results, Path(args.out), args.quiet)
    config = BenchConfig(sizes=parse_sizes(args.sizes), seed=args.seed, repeat=args.repeat, budget=args.budget,
                         rdflib_limit=args.rdflib_limit, timeout=args.timeout,
                         queries=tuple(q for q in (args.queries or "").split(",") if q),
                         engines=parse_engines(args.engines),
                         work=Path(args.work) if args.work else None, keep=args.keep)
    say = (lambda message: None) if args.quiet else (lambda message: print(f"  {message}", file=sys.stderr, flush=True))
    return report(run_bench(config, say), Path(args.out), args.quiet)


def report(results: dict[str, Any], out: Path, quiet: bool) -> int:
    """Write the result files and print the tables and the targets."""
    from jakgraph.bench.report import machine_text, tables, targets_text, write_results

    written = write_results(results, out)
    print(f"jakgraph bench on {machine_text(results)}\n")
    print(tables(results))
    print()
    print(targets_text(results))
    if not quiet:
        print("\nwrote " + ", ".join(str(path) for path in written))
    return 0
