"""The benchmark's results: the tables (each question size by size, growth, first page; the servers side by side),
the issue's targets met or not, and the files: JSON, CSV, Markdown and an SVG plot of time against size per engine."""
from __future__ import annotations

import csv
import json
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .plot import write_svg

QUERY_S, FIRST_PAGE_S, LISTING_S, PAGE_ROWS = 1.0, 1.0, 3.0, 1000  # target 1: seconds, and rows of a page
GROWTH, GROWTH_FROM, GROWTH_TO = 5.5, 1_000_000, 5_000_000          # target 2: at most 5.5x from 1e6 to 5e6
COLD_RATIO, LOAD_RATIO, MEMORY_RATIO = 1.5, 1.1, 1.1                  # target 4
NOISE_MS = 1.0  # a query under this at both sizes has no meaningful growth: a fixed per-call cost dominates
SERVERS = ("oxigraph-server", "virtuoso")
LABELS = {"embedded": "embedded (jakgraph)", "raw": "raw pyoxigraph", "oxigraph-server": "Oxigraph server",
          "virtuoso": "Virtuoso 7", "rdflib": "rdflib"}


@dataclass(frozen=True)
class Target:
    name: str
    met: bool | None  # None: not measured
    detail: str


def short_size(size: int) -> str:
    """``5000000`` → ``5e6``; ``30000`` → ``3e4``."""
    exponent = len(str(size)) - 1
    mantissa = size / 10 ** exponent
    return f"{mantissa:g}e{exponent}"


def engine(size: dict[str, Any], name: str) -> dict[str, Any]:
    found = size["engines"].get(name, {})
    return found if found.get("status") == "ok" else {}


def measured(size: dict[str, Any], name: str, query: str, key: str = "queries") -> dict[str, Any]:
    return engine(size, name).get(key, {}).get(query, {})


def median_ms(size: dict[str, Any], name: str, query: str, key: str = "queries") -> float | None:
    return measured(size, name, query, key).get("median_ms")


def status(size: dict[str, Any], name: str, query: str, key: str = "queries") -> str:
    return measured(size, name, query, key).get("status", "")


def floor_ms(size: dict[str, Any], query: str) -> float | None:
    """Raw pyoxigraph's latency beside the embedded store's: timed side by side on its store when the worker did
    so, else the raw engine's own run."""
    paired = measured(size, "embedded", query).get("floor_median_ms")
    return paired if paired is not None else median_ms(size, "raw", query)


def cell_ms(size: dict[str, Any], name: str, query: str, key: str = "queries") -> str:
    """A median in ms, or why there is none."""
    state = status(size, name, query, key)
    if state.startswith("timeout"):
        return "timeout"
    if state.startswith("error"):
        return "error"
    return fmt(median_ms(size, name, query, key), 1)


def peak_mb(data: dict[str, Any]) -> float:
    """Peak RSS of an engine's processes: ru_maxrss never goes down, so the load's peak counts too."""
    return max(data.get("peak_mb", 0.0), data.get("load_peak_mb", 0.0))


def load_s(size: dict[str, Any], name: str) -> float | None:
    """An engine's load; raw pyoxigraph's includes its compaction, as the embedded store's does."""
    data = engine(size, name)
    if not data or "load_s" not in data:
        return None
    return data["load_s"] + (data.get("optimize_s", 0.0) if name == "raw" else 0.0)


def floor_load_s(size: dict[str, Any]) -> float | None:
    """Raw pyoxigraph's load for the embedded store's ratio: timed side by side with its loads when the worker did
    so (small files), else in its own process."""
    return engine(size, "embedded").get("floor_load_s") or load_s(size, "raw")


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def fmt(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def times(value: float | None) -> str:
    """A factor: ``0.31``, ``4.6``, ``47``."""
    if value is None:
        return "—"
    return fmt(value, 2 if value < 1 else 1 if value < 10 else 0)


def at(sizes: list[dict[str, Any]], size: int) -> dict[str, Any] | None:
    return next((s for s in sizes if s["size"] == size), None)


def growth(sizes: list[dict[str, Any]], query: str) -> float | None:
    """The embedded store's time at 5e6 over its time at 1e6; None when either is missing or both are under a
    millisecond (then a fixed cost per call, not the graph, sets the time)."""
    low, high = at(sizes, GROWTH_FROM), at(sizes, GROWTH_TO)
    if low is None or high is None:
        return None
    a, b = median_ms(low, "embedded", query), median_ms(high, "embedded", query)
    if a is None or b is None or max(a, b) < NOISE_MS:
        return None
    return b / a


def operation_growth(sizes: list[dict[str, Any]], operation: str) -> float | None:
    """Raw pyoxigraph's time for an engine operation (:mod:`jakgraph.bench.operations`) at 5e6 over 1e6."""
    low, high = at(sizes, GROWTH_FROM), at(sizes, GROWTH_TO)
    if low is None or high is None:
        return None
    a, b = median_ms(low, "raw", operation, "operations"), median_ms(high, "raw", operation, "operations")
    return None if a is None or b is None or max(a, b) < NOISE_MS else b / a


def is_listing(size: dict[str, Any], query: str) -> bool:
    """An answer of more than a page of rows: a listing that grows with the graph (first page <= 1 s, whole <= 3 s)."""
    return (measured(size, "embedded", query).get("rows") or 0) > PAGE_ROWS


# -- targets ---------------------------------------------------------------------------------------------------
def targets(results: dict[str, Any]) -> list[Target]:
    """Each target of the issue, met or missed, with the numbers behind it."""
    sizes, queries = results["sizes"], results["queries"]
    return [plans_target(sizes, queries), growth_target(sizes, queries), servers_target(sizes, queries),
            cold_target(sizes), load_target(sizes)]


def plans_target(sizes: list[dict[str, Any]], queries: list[str]) -> Target:
    name = (f"every stored question <= {QUERY_S:g} s at 5e6 triples; a listing (over {PAGE_ROWS:,} rows): first page "
            f"<= {FIRST_PAGE_S:g} s, whole answer <= {LISTING_S:g} s")
    size = at(sizes, GROWTH_TO)
    if size is None or not engine(size, "embedded"):
        return Target(name, None, "5e6 not measured")
    over, listings = [], 0
    for query in queries:
        whole = median_ms(size, "embedded", query)
        if whole is None:
            over.append(f"{query} ({status(size, 'embedded', query) or 'not measured'})")
            continue
        if is_listing(size, query):
            listings += 1
            first = median_ms(size, "embedded", query, "pages")
            if whole > LISTING_S * 1000 or first is None or first > FIRST_PAGE_S * 1000:
                over.append(f"{query} (listing: first page {fmt(first and first / 1000, 1)} s, "
                            f"whole {whole / 1000:.1f} s)")
        elif whole > QUERY_S * 1000:
            over.append(f"{query} ({whole / 1000:.1f} s)")
    detail = (f"{len(queries) - len(over)} of {len(queries)} within ({listings} listings)"
              + ("; over: " + ", ".join(over) if over else ""))
    return Target(name, not over, detail)


def growth_target(sizes: list[dict[str, Any]], queries: list[str]) -> Target:
    name = f"no stored question's time grows more than {GROWTH:g}x from 1e6 to 5e6 triples"
    grown = {query: growth(sizes, query) for query in queries}
    known = {query: value for query, value in grown.items() if value is not None}
    if not known:
        return Target(name, None, "1e6 and 5e6 not both measured")
    over = sorted(((value, query) for query, value in known.items() if value > GROWTH), reverse=True)
    detail = (f"median growth {statistics.median(known.values()):.1f}x, most {max(known.values()):.1f}x "
              f"({max(known, key=known.__getitem__)})")
    if over:
        detail += "; over: " + ", ".join(f"{query} ({value:.1f}x)" for value, query in over)
    from jakgraph.bench.operations import NAMES

    engine_growth = {name: value for name in NAMES if (value := operation_growth(sizes, name)) is not None}
    if engine_growth:
        detail += ("; the engine's own operations grew " + ", ".join(
            f"{name} {value:.1f}x" for name, value in engine_growth.items()) + " (raw pyoxigraph, same run)")
        fastest = max(engine_growth, key=engine_growth.__getitem__)
        beyond = sorted(((value, query) for query, value in known.items() if value > engine_growth[fastest]),
                        reverse=True)
        detail += (f"; beyond its fastest-growing operation ({fastest} {engine_growth[fastest]:.2f}x): "
                   + (", ".join(f"{query} ({value:.2f}x)" for value, query in beyond) if beyond else "none"))
    return Target(name, not over, detail)


def servers_target(sizes: list[dict[str, Any]], queries: list[str]) -> Target:
    name = ("the embedded store at least as fast as the faster server (Oxigraph server, Virtuoso) on the median "
            "question and on the worst one, at 1e6 and 5e6")
    parts, met = [], True
    for size in (at(sizes, GROWTH_FROM), at(sizes, GROWTH_TO)):
        if size is None:
            continue
        found = [server for server in SERVERS if engine(size, server)]
        if not found or not engine(size, "embedded"):
            continue
        both = [q for q in queries if median_ms(size, "embedded", q) is not None
                and all(median_ms(size, s, q) is not None for s in found)]
        if not both:
            continue
        mine = [median_ms(size, "embedded", q) or 0.0 for q in both]
        theirs = {s: [median_ms(size, s, q) or 0.0 for q in both] for s in found}
        median_best = min(statistics.median(values) for values in theirs.values())
        worst_best = min(max(values) for values in theirs.values())
        ok = statistics.median(mine) <= median_best and max(mine) <= worst_best
        met = met and ok
        parts.append(f"{short_size(size['size'])}: median {statistics.median(mine):.0f} ms against "
                     f"{median_best:.0f} ms, worst {max(mine):.0f} ms against {worst_best:.0f} ms "
                     f"({', '.join(LABELS[s] for s in found)}; {len(both)} questions)")
    if not parts:
        return Target(name, None, "no server measured at 1e6 or 5e6")
    differ = disagreements(sizes, queries)
    parts.append("rows differ: " + ", ".join(differ) if differ else "every engine answered the same number of rows")
    return Target(name, met and not differ, "; ".join(parts))


def disagreements(sizes: list[dict[str, Any]], queries: list[str]) -> list[str]:
    """The questions on which the engines that answered gave different numbers of rows, with the numbers."""
    found = []
    for size in sizes:
        for query in queries:
            counts = {name: measured(size, name, query).get("rows") for name in LABELS if engine(size, name)}
            counts = {name: rows for name, rows in counts.items() if rows is not None}
            if len(set(counts.values())) > 1:
                found.append(f"{query} at {short_size(size['size'])} ("
                             + ", ".join(f"{name} {rows}" for name, rows in counts.items()) + ")")
    return found


def cold_target(sizes: list[dict[str, Any]]) -> Target:
    name = (f"cold `jakgraph query` within {COLD_RATIO:g}x its floor (a script that imports pyoxigraph, opens the "
            "store read-only and runs the same bound query), in the running install and in a regular one")
    measured = [(s["size"], c) for s in sizes for c in (s.get("cold", {}), s.get("cold_regular", {}))]
    colds = [(n, c) for n, c in measured if c.get("floor_ms")]
    if not colds:
        return Target(name, None, "not measured")
    parts = [f"{short_size(n)} {c.get('install', 'editable')} install: {c['jakgraph_ms']:.0f} ms vs {c['floor_ms']:.0f}"
             f" ms ({c['ratio']:.2f}x; bare import {c['import_ms']:.0f} ms), listing {c['listing_query']} "
             f"{c['listing_ms']:.0f} ms" for n, c in colds]
    skipped = [f"{short_size(s['size'])} regular install {s['cold_regular']['status']}" for s in sizes
               if s.get("cold_regular", {}).get("status")]
    detail = f"lookup `{colds[0][1]['query']}` (one row at every size): " + "; ".join(parts + skipped)
    return Target(name, all(c["ratio"] <= COLD_RATIO for _, c in colds), detail)


def load_target(sizes: list[dict[str, Any]]) -> Target:
    name = (f"`jakgraph load` of 5e6 triples within {LOAD_RATIO:g}x raw pyoxigraph's bulk load + compaction, "
            f"peak memory within {MEMORY_RATIO:g}x raw's")
    size = at(sizes, GROWTH_TO)
    if size is None or not engine(size, "embedded") or not engine(size, "raw"):
        return Target(name, None, "5e6 not measured on both")
    mine, raw = load_s(size, "embedded"), floor_load_s(size)
    memory, raw_memory = peak_mb(engine(size, "embedded")), peak_mb(engine(size, "raw"))
    load_ratio, memory_ratio = ratio(mine, raw), ratio(memory, raw_memory)
    detail = (f"load {fmt(mine, 1)} s against {fmt(raw, 1)} s ({times(load_ratio)}x); peak memory {memory:,.0f} MB "
              f"against {raw_memory:,.0f} MB ({times(memory_ratio)}x)")
    return Target(name, (load_ratio or 99) <= LOAD_RATIO and (memory_ratio or 99) <= MEMORY_RATIO, detail)


# -- tables ----------------------------------------------------------------------------------------------------
def question_rows(results: dict[str, Any]) -> Iterator[list[str]]:
    """Each question: rows and the embedded store's ms at each size, growth 1e6 → 5e6 (flagged over 5.5x), its first
    page at the largest size, its ratio to raw pyoxigraph there, and rdflib's ratio (a reference) where it ran."""
    sizes = results["sizes"]
    rdflib_sizes = [s for s in sizes if engine(s, "rdflib")]
    big = sizes[-1]
    label = short_size(big["size"])
    grows = at(sizes, GROWTH_FROM) is not None and at(sizes, GROWTH_TO) is not None
    yield (["question", f"rows {label}", *[f"ms {short_size(s['size'])}" for s in sizes]]
           + (["growth 1e6→5e6"] if grows else []) + [f"first page ms {label}", f"/raw {label}"]
           + [f"rdflib/emb {short_size(s['size'])}" for s in rdflib_sizes])
    yield (["load (s)", "", *[fmt(load_s(s, "embedded"), 1) for s in sizes]] + ([""] if grows else [])
           + ["", times(ratio(load_s(big, "embedded"), floor_load_s(big)))]
           + [times(ratio(load_s(s, "rdflib"), load_s(s, "embedded"))) for s in rdflib_sizes])
    for query in results["queries"]:
        value = growth(sizes, query)
        cells = [query, str(measured(big, "embedded", query).get("rows", "—")),
                 *[cell_ms(s, "embedded", query) for s in sizes]]
        if grows:
            cells.append("—" if value is None else f"{value:.1f}x" + (" OVER" if value > GROWTH else ""))
        cells += [cell_ms(big, "embedded", query, "pages") if is_listing(big, query) else "",
                  times(ratio(median_ms(big, "embedded", query), floor_ms(big, query)))]
        for s in rdflib_sizes:
            state = status(s, "rdflib", query)
            cells.append("timeout" if state.startswith("timeout") else "error" if state.startswith("error")
                         else times(ratio(median_ms(s, "rdflib", query), median_ms(s, "embedded", query))))
        yield cells


def server_sizes(results: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in results["sizes"] if any(engine(s, server) for server in SERVERS)]


def server_rows(results: dict[str, Any]) -> Iterator[list[str]]:
    """Side by side at each size where a server ran: the embedded store's ms, each server's ms and its ratio to the
    embedded store (over 1: the embedded store is faster); the load row in seconds."""
    sizes = server_sizes(results)
    found = [server for server in SERVERS if any(engine(s, server) for s in sizes)]
    head = ["question"]
    for s in sizes:
        label = short_size(s["size"])
        head += [f"embedded {label}"] + [f"{LABELS[server]} {label}" for server in found]
    yield head
    load = ["load (s)"]
    for s in sizes:
        mine = load_s(s, "embedded")
        load += [fmt(mine, 1)] + [f"{fmt(load_s(s, server), 1)} ({times(ratio(load_s(s, server), mine))}x)"
                                  for server in found]
    yield load
    for query in results["queries"]:
        cells = [query]
        for s in sizes:
            mine = median_ms(s, "embedded", query)
            cells.append(cell_ms(s, "embedded", query))
            for server in found:
                theirs = median_ms(s, server, query)
                cells.append(cell_ms(s, server, query) + (f" ({times(ratio(theirs, mine))}x)" if theirs else ""))
        yield cells


def text_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(rows: list[list[str]]) -> str:
    head = "| " + " | ".join(rows[0]) + " |"
    rule = "|" + "|".join(["---"] + ["---:"] * (len(rows[0]) - 1)) + "|"
    return "\n".join([head, rule, *("| " + " | ".join(row) + " |" for row in rows[1:])])


def operation_rows(results: dict[str, Any]) -> Iterator[list[str]]:
    """The engine's own operations on raw pyoxigraph: ms at each size and growth from 1e6 to 5e6."""
    from jakgraph.bench.operations import NAMES, operation

    sizes = [s for s in results["sizes"] if engine(s, "raw").get("operations")]
    grows = at(sizes, GROWTH_FROM) is not None and at(sizes, GROWTH_TO) is not None
    yield (["engine operation", *[f"ms {short_size(s['size'])}" for s in sizes]]
           + (["growth 1e6→5e6"] if grows else []) + ["what it does"])
    for name in NAMES:
        what = operation(name)[0]
        value = operation_growth(sizes, name) if grows else None
        yield ([name, *[cell_ms(s, "raw", name, "operations") for s in sizes]]
               + (["—" if value is None else f"{value:.1f}x"] if grows else []) + [what])


def tables(results: dict[str, Any], markdown: bool = False) -> str:
    """The question table, the engine's own operations when raw pyoxigraph ran, and, when a server ran, the
    side-by-side table."""
    draw = markdown_table if markdown else text_table
    parts = [draw(list(question_rows(results)))]
    if any(engine(s, "raw").get("operations") for s in results["sizes"]):
        parts.append(("The engine's own operations (raw pyoxigraph)\n\n" if markdown
                      else "the engine's own operations (raw pyoxigraph)\n") + draw(list(operation_rows(results))))
    if server_sizes(results):
        parts.append(("Side by side (ms; in brackets, the server's time over the embedded store's)\n\n" if markdown
                      else "side by side (ms; in brackets, the server's time over the embedded store's)\n")
                     + draw(list(server_rows(results))))
    return "\n\n".join(parts)


def targets_text(results: dict[str, Any], markdown: bool = False) -> str:
    marks = {True: "met", False: "MISSED", None: "not measured"}
    return "\n".join(f"- **{marks[t.met]}**: {t.name}. {t.detail}" if markdown
                     else f"[{marks[t.met]}] {t.name}: {t.detail}" for t in targets(results))


def machine_text(results: dict[str, Any]) -> str:
    m = results["machine"]
    servers = "; ".join(part for part in (m.get("oxigraph_server"), m.get("virtuoso")) if part)
    load = f"; load average {m['load_average']} at the start" if m.get("load_average") is not None else ""
    return (f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, {m['system']}; Python {m['python']}, "
            f"pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}" + (f"; {servers}" if servers else "")
            + f"{load}; {m['date']}")


# -- files -----------------------------------------------------------------------------------------------------
def csv_rows(results: dict[str, Any]) -> Iterator[list[Any]]:
    """One row per size, engine and measure: load, compaction, memory, cold start, or a query's median."""
    yield ["size", "triples", "engine", "measure", "name", "value", "unit", "rows", "runs", "status"]
    for size in results["sizes"]:
        n, triples = size["size"], size["triples"]
        for name, data in size["engines"].items():
            if data.get("status") != "ok":
                yield [n, triples, name, "status", "", "", "", "", "", data.get("status", "")]
                continue
            yield [n, triples, name, "load", "", round(data["load_s"], 4), "s", "", "", "ok"]
            if "floor_load_s" in data:  # raw pyoxigraph's load timed beside the embedded store's (small files)
                yield [n, triples, "raw-paired", "load", "", round(data["floor_load_s"], 4), "s", "", "", "ok"]
            if "optimize_s" in data:
                yield [n, triples, name, "optimize", "", round(data["optimize_s"], 4), "s", "", "", "ok"]
            yield [n, triples, name, "peak_memory", "", round(peak_mb(data), 1), "MB", "", "", "ok"]
            for key, label, measure in (("queries", name, "query"), ("pages", name, "first_page"),
                                        ("substitutions_queries", f"{name}-substitutions", "query"),
                                        ("operations", name, "engine_operation")):
                for query, q in data.get(key, {}).items():
                    value = "" if q.get("median_ms") is None else round(q["median_ms"], 3)
                    yield [n, triples, label, measure, query, value, "ms", q.get("rows", ""), q.get("runs", ""),
                           q.get("status", "")]
                    if q.get("floor_median_ms") is not None:  # raw pyoxigraph timed beside it on its store
                        yield [n, triples, "raw-paired", "query", query, round(q["floor_median_ms"], 3), "ms",
                               q.get("floor_rows", ""), q.get("runs", ""), q.get("status", "")]
        for key, suffix in (("cold", ""), ("cold_regular", "-regular")):
            yield from cold_rows(n, triples, size.get(key, {}), suffix)


def cold_rows(n: int, triples: int, cold: dict[str, Any], suffix: str) -> Iterator[list[Any]]:
    """The CSV rows of one cold-start measurement; ``suffix`` marks the engines of a regular install's."""
    if cold.get("status"):
        yield [n, triples, f"embedded{suffix}", "cold_query", "", "", "", "", "", cold["status"]]
    if not cold.get("jakgraph_ms"):
        return
    query, listing = cold["query"], cold.get("listing_query", "")
    for engine, measure, name, key in ((f"embedded{suffix}", "cold_query", query, "jakgraph_ms"),
                                       (f"floor{suffix}", "cold_query", query, "floor_ms"),
                                       (f"python{suffix}", "cold_import", "pyoxigraph", "import_ms"),
                                       (f"embedded{suffix}", "cold_query", listing, "listing_ms")):
        if key in cold:
            yield [n, triples, engine, measure, name, round(cold[key], 1), "ms", "", "", "ok"]


def plot_series(results: dict[str, Any]) -> tuple[dict[str, list[tuple[int, float]]], dict[str, list[tuple[int, float]]]]:
    """Per engine, the median over the questions of their latency (only the questions every engine measured at that
    size, so that the lines compare like with like), and the load time; each against the triples."""
    latency: dict[str, list[tuple[int, float]]] = {}
    loads: dict[str, list[tuple[int, float]]] = {}
    for size in results["sizes"]:
        names = [name for name in LABELS if engine(size, name)]
        common = [q for q in results["queries"] if all(median_ms(size, name, q) for name in names)]
        for name in names:
            if common:
                latency.setdefault(name, []).append(
                    (size["triples"], statistics.median(median_ms(size, name, q) or 0.0 for q in common)))
            seconds = load_s(size, name)
            if seconds:
                loads.setdefault(name, []).append((size["triples"], seconds))
    return latency, loads


def write_results(results: dict[str, Any], out: Path) -> list[Path]:
    """Write results.json, results.csv, results.md and latency.svg into ``out``; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "results.json", out / "results.csv", out / "results.md", out / "latency.svg"]
    written[0].write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    with open(written[1], "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(csv_rows(results))
    written[2].write_text(f"Measured on: {machine_text(results)}\n\n{tables(results, markdown=True)}\n\n"
                          f"{targets_text(results, markdown=True)}\n", encoding="utf-8")
    latency, loads = plot_series(results)
    write_svg(written[3], latency, loads, LABELS, f"jakgraph bench: {machine_text(results)}")
    return written
