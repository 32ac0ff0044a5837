"""Query workers of ``jakgraph serve``: processes that open the store read-only and answer one job at a time.

pyoxigraph cannot cancel a running query, so every query runs in a worker process; a worker that overruns
the timeout is killed and replaced, and the server keeps answering with the others. Each worker's data segment
is capped (``RLIMIT_DATA``: heap, anonymous mappings and thread stacks, not the store's files, which
``RLIMIT_AS`` would count too); a query that needs more aborts its worker (pyoxigraph cannot recover from a
failed allocation), which is replaced like a timed-out one.
"""
from __future__ import annotations

import json
import multiprocessing
import queue
import resource
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import PREFIXES

from jakgraph.queries.results_json import json_term
from jakgraph.errors import first_line
from jakgraph.graph.store.embedded import EmbeddedStore
from jakgraph.graph.store.folder import StoreFolder

RESULT_TYPES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
GRAPH_TYPES = {"turtle": "text/turtle; charset=utf-8", "ntriples": "application/n-triples",
               "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml"}
HTML_TYPE = "text/html; charset=utf-8"
STORE_UNREADABLE = "the store cannot be opened"
START_LIMIT = 30.0
QUEUE_WAIT = 30.0  # longest a request waits for a free worker (at least the query timeout)


class Job(Protocol):
    """What a worker answers: a picklable record whose ``answer`` runs in the worker on the current build."""

    def answer(self, store: EmbeddedStore) -> "Reply":
        ...


@dataclass(frozen=True)
class QueryJob:
    """A SPARQL query with the result formats the client accepts (None: no acceptable format of that kind)."""

    text: str
    results_format: str | None
    graph_format: str | None
    max_results: int
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    def answer(self, store: EmbeddedStore) -> "Reply":
        return answer_query(store.database, self)


@dataclass(frozen=True)
class DescribeJob:
    """Describe the first known IRI of ``iris`` as an HTML page (``html``) or in a graph format."""

    iris: tuple[str, ...]
    format: str
    max_results: int

    def answer(self, store: EmbeddedStore) -> "Reply":
        return answer_describe(store.database, self)


@dataclass(frozen=True)
class Reply:
    """What the HTTP side sends back: status, media type, body, and whether the rows were cut."""

    status: int
    content_type: str
    body: bytes
    truncated: bool = False

    @classmethod
    def text(cls, status: int, message: str) -> "Reply":
        """A one-line plain-text reply, the form of every error."""
        return cls(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"))


class JobRunner:
    """Answers jobs inside a worker process, on the build ``current`` names when each job starts.

    The worker keeps its build open (under a reader lease, so writers leave it in place) until a rebuild
    or load has swapped in a newer one; then it opens that and lets the old one go.
    """

    def __init__(self, location: Path, memory_mb: int) -> None:
        self.embedded = EmbeddedStore(StoreFolder(location))
        self.memory_mb = memory_mb

    def store(self) -> EmbeddedStore:
        """The store on the current build (opened read-only)."""
        self.embedded.refresh()
        return self.embedded

    def run(self, job: Job) -> Reply:
        """Answer one job; any failure becomes a one-line reply, its details (paths too) only in the server's log."""
        try:
            store = self.store()
        except (UserError, OSError) as exc:
            print(f"jakgraph serve: {exc}", file=sys.stderr, flush=True)
            return Reply.text(500, STORE_UNREADABLE)
        try:
            return job.answer(store)
        except MemoryError:
            return Reply.text(503, memory_message(self.memory_mb))
        except Exception as exc:  # noqa: BLE001 - the worker must answer, whatever happened
            import traceback

            traceback.print_exc(file=sys.stderr)
            return Reply.text(500, f"internal error: {type(exc).__name__}")


def answer_query(store: Any, job: QueryJob) -> Reply:
    """Run a SPARQL query and serialise at most ``max_results`` rows or triples of its answer."""
    from pyoxigraph import NamedNode, QueryBoolean, QueryResultsFormat, QueryTriples

    options: dict[str, Any] = {"prefixes": PREFIXES, "use_default_graph_as_union": not job.default_graphs}
    try:
        if job.default_graphs:
            options["default_graph"] = [NamedNode(iri) for iri in job.default_graphs]
        if job.named_graphs:
            options["named_graphs"] = [NamedNode(iri) for iri in job.named_graphs]
    except ValueError as exc:
        return Reply.text(400, f"invalid graph IRI: {first_line(str(exc))}")
    try:
        results = store.query(job.text, **options)
        if isinstance(results, QueryBoolean):
            if job.results_format is None:
                return not_acceptable("ASK", RESULT_TYPES)
            body = results.serialize(format=getattr(QueryResultsFormat, job.results_format.upper()))
            return Reply(200, RESULT_TYPES[job.results_format], body)
        if isinstance(results, QueryTriples):
            if job.graph_format is None:
                return not_acceptable("CONSTRUCT and DESCRIBE", GRAPH_TYPES)
            triples, truncated = first(results, job.max_results)
            return Reply(200, GRAPH_TYPES[job.graph_format], serialize_triples(triples, job.graph_format), truncated)
        if job.results_format is None:
            return not_acceptable("SELECT", RESULT_TYPES)
        variables = [variable.value for variable in results.variables]
        solutions, truncated = first(results, job.max_results)
        body = serialize_solutions(variables, solutions, job.results_format)
        return Reply(200, RESULT_TYPES[job.results_format], body, truncated)
    except SyntaxError as exc:
        return Reply.text(400, f"SPARQL syntax error: {first_line(str(exc))}")
    except OSError as exc:
        print(f"jakgraph serve: query failed: {exc}", file=sys.stderr, flush=True)
        return Reply.text(500, "query failed: the store could not be read")


def not_acceptable(kind: str, offers: dict[str, str]) -> Reply:
    return Reply.text(406, f"the requested format does not apply to {kind} results; use one of {', '.join(offers)}")


def first(results: Any, limit: int) -> tuple[list[Any], bool]:
    """Up to ``limit`` items of an iterator, and whether there were more."""
    items = []
    for item in results:
        if len(items) == limit:
            return items, True
        items.append(item)
    return items, False


def serialize_triples(triples: list[Any], fmt: str) -> bytes:
    from pyoxigraph import RdfFormat, serialize

    formats = {"turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD,
               "rdfxml": RdfFormat.RDF_XML}
    return serialize(triples, format=formats[fmt], prefixes=PREFIXES if fmt in ("turtle", "rdfxml") else None)


def serialize_solutions(variables: list[str], solutions: list[Any], fmt: str) -> bytes:
    """SELECT rows as SPARQL results JSON, or through pyoxigraph's writers for XML, CSV and TSV."""
    from pyoxigraph import QueryResultsFormat, parse_query_results

    bindings = []
    for solution in solutions:
        bindings.append({name: json_term(solution[name]) for name in variables if solution[name] is not None})
    body = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if fmt == "json":
        return body
    parsed = parse_query_results(body, QueryResultsFormat.JSON)
    return parsed.serialize(format=getattr(QueryResultsFormat, fmt.upper()))


def answer_describe(store: Any, job: DescribeJob) -> Reply:
    """An entity's page or its concise description; 404 when no IRI of the job is in the graph."""
    from pyoxigraph import NamedNode

    from .describe import concise_description, describe, is_known
    from .entity import entity_page

    node = None
    for iri in job.iris:
        try:
            candidate = NamedNode(iri)
        except ValueError:
            continue
        if is_known(store, candidate):
            node = candidate
            break
    if node is None:
        return Reply.text(404, f"no entity {job.iris[0]} in the graph")
    if job.format == "html":
        return Reply(200, HTML_TYPE, entity_page(describe(store, node)).encode("utf-8"))
    triples, truncated = first(concise_description(store, node), job.max_results)
    return Reply(200, GRAPH_TYPES[job.format], serialize_triples(triples, job.format), truncated)


def memory_message(memory_mb: int) -> str:
    return f"query needed more than {memory_mb} MB"


def worker_main(connection: Any, location: str, memory_mb: int) -> None:
    """Body of a worker process: cap its memory, open the store, say ready, then answer jobs until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    cap = memory_mb << 20
    resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    runner = JobRunner(Path(location), memory_mb)
    try:
        runner.store()
    except UserError as exc:
        connection.send(("failed", str(exc)))
        return
    connection.send(("ready", ""))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        connection.send(runner.run(job))


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, context: Any, location: Path, memory_mb: int) -> None:
        self.connection, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, str(location), memory_mb), daemon=True,
                                       name="jakgraph-query-worker")
        self.process.start()
        child.close()

    def wait_ready(self, limit: float = START_LIMIT) -> str | None:
        """None once the worker has opened the store, else why it could not."""
        try:
            if not self.connection.poll(limit):
                return f"a query worker did not start within {limit:g} s"
            state, message = self.connection.recv()
        except (EOFError, OSError):
            self.process.join(1)
            if self.process.exitcode == -signal.SIGABRT:
                return "a query worker ran out of memory while opening the store: give it more with --worker-memory"
            return "a query worker exited while starting"
        return None if state == "ready" else message

    def died_of_memory(self) -> bool:
        """Whether the process ended by abort, which is how pyoxigraph ends when an allocation fails."""
        self.process.join(1)
        return self.process.exitcode == -signal.SIGABRT

    def stop(self) -> None:
        """Kill the process and close the pipe."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()


class WorkerPool:
    """A fixed number of workers; a query that overruns ``timeout`` seconds or ``memory_mb`` megabytes costs its
    worker a restart."""

    def __init__(self, location: Path, size: int, timeout: float, memory_mb: int) -> None:
        self.location, self.size, self.timeout, self.memory_mb = location, size, timeout, memory_mb
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        """Start every worker and wait until each has opened the store; a UserError if one cannot."""
        workers = [self._spawn() for _ in range(self.size)]
        for worker in workers:
            problem = worker.wait_ready()
            if problem is not None:
                self.close()
                raise UserError(problem)
            self._idle.put(worker)

    def _spawn(self) -> Worker:
        worker = Worker(self._context, self.location, self.memory_mb)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` and bring up a new one in the background."""
        self._retire(worker)
        threading.Thread(target=self._refill, name="jakgraph-worker-restart", daemon=True).start()

    def _refill(self) -> None:
        delay = 1.0
        while not self._closed:
            worker = self._spawn()
            problem = worker.wait_ready()
            if problem is None and not self._closed:
                self._idle.put(worker)
                return
            self._retire(worker)
            if problem is not None:
                print(f"jakgraph serve: {problem}; retrying in {delay:g} s", file=sys.stderr)
                time.sleep(delay)
                delay = min(delay * 2, 30.0)

    def run(self, job: Job) -> Reply:
        """Answer ``job`` in a free worker within the timeout, or say why not."""
        deadline = time.monotonic() + max(QUEUE_WAIT, self.timeout)
        while True:
            try:
                worker = self._idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return Reply.text(503, f"all {self.size} query workers are busy; try again later")
            if worker.process.is_alive():
                break
            self._replace(worker)  # died while idle (killed from outside): take the next one
        try:
            worker.connection.send(job)
            if worker.connection.poll(self.timeout):
                reply = worker.connection.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            memory = worker.died_of_memory()
            self._replace(worker)
            if memory:
                return Reply.text(503, memory_message(self.memory_mb))
            return Reply.text(500, "the query worker stopped unexpectedly; it is being restarted")
        self._replace(worker)
        return Reply.text(503, f"query timed out after {self.timeout:g} s")

    def close(self) -> None:
        """Stop every worker, busy or idle."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in workers:
            worker.process.join(2)
            worker.stop()
