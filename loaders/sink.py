"""Where loaders write: one small interface, :class:`TripleSink`, two sinks (quads in memory, N-Triples), and
:class:`OriginSink`, which passes triples on and notes where each node was read.

The loaders are sources in the KGX sense; a sink decides where the triples go. Loaders write every distinct
triple once (shared nodes go through :class:`jakgraph.loaders.provenance.Provenance`), so a streaming sink
writes no line twice.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Protocol, Union

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

Subject = Union[NamedNode, BlankNode]
Term = Union[NamedNode, BlankNode, Literal]


class TripleSink(Protocol):
    """Anything triples can be written to."""

    def add(self, subject: Subject, predicate: NamedNode, object: Term) -> None:
        """Write one triple."""


class QuadCollector:
    """Collects triples as quads of one named graph, in a list the caller may share between collectors."""

    def __init__(self, graph: str, quads: list[Quad] | None = None) -> None:
        self.graph = NamedNode(graph)
        self.quads: list[Quad] = [] if quads is None else quads

    def add(self, subject: Subject, predicate: NamedNode, object: Term) -> None:
        self.quads.append(Quad(subject, predicate, object, self.graph))


class NTriplesWriter:
    """Writes triples as N-Triples lines to a text stream, ``chunk`` lines at a time, and counts them.

    >>> import io; out = io.StringIO(); writer = NTriplesWriter(out)
    >>> writer.add(NamedNode("https://example.org/a"), NamedNode("https://example.org/p"), Literal("x"))
    >>> writer.flush(); out.getvalue(), writer.count
    ('<https://example.org/a> <https://example.org/p> "x" .\\n', 1)
    """

    PREDICATES = 4096  # predicate texts kept (a vocabulary has far fewer)

    def __init__(self, stream: IO[str], chunk: int = 20_000) -> None:
        self.stream = stream
        self.chunk = chunk
        self.written = 0
        self._lines: list[str] = []
        self._subject: Subject | None = None  # loaders write a record's triples together: keep its text
        self._subject_text = ""
        self._predicates: dict[NamedNode, str] = {}

    @property
    def count(self) -> int:
        """Triples written so far, buffered ones included."""
        return self.written + len(self._lines)

    def add(self, subject: Subject, predicate: NamedNode, object: Term) -> None:
        if subject is not self._subject:
            self._subject, self._subject_text = subject, str(subject)
        text = self._predicates.get(predicate)
        if text is None:
            text = f" {predicate} "
            if len(self._predicates) < self.PREDICATES:
                self._predicates[predicate] = text
        lines = self._lines
        lines.append(f"{self._subject_text}{text}{object} .\n")
        if len(lines) >= self.chunk:
            self.flush()

    def flush(self) -> None:
        """Write the buffered lines to the stream."""
        if self._lines:
            self.stream.write("".join(self._lines))
            self.written += len(self._lines)
            self._lines = []


@dataclass(frozen=True)
class Origin:
    """Where a node was read: a curated file and the line of its record (an ontology file gives no line).

    >>> str(Origin("study_designs.tsv", 4)), str(Origin("concepts.ttl"))
    ('study_designs.tsv, row 4', 'concepts.ttl')
    """

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}, row {self.line}" if self.line else self.file


class OriginSink:
    """Passes every triple on to ``sink`` and notes in ``origins``, for each subject IRI not seen before, ``origin``:
    where the record being written was read (set before each record).

    The graph holds the review's places (``prov:wasDerivedFrom``), not the curation's; these notes stay beside the
    quads, so that a SHACL violation of a node can name the curated file and row to fix. A node that is not a record
    of its own (a dosing regimen, a reading of a conflict, a place in the review) belongs to the record that wrote it
    first.
    """

    def __init__(self, sink: TripleSink, origins: dict[str, Origin]) -> None:
        self.sink = sink
        self.origins = origins
        self.origin: Origin | None = None
        self._last: Subject | None = None

    def add(self, subject: Subject, predicate: NamedNode, object: Term) -> None:
        if subject is not self._last:  # a loader writes a record's triples together, with one node object
            self._last = subject
            if self.origin is not None and isinstance(subject, NamedNode):
                self.origins.setdefault(subject.value, self.origin)
        self.sink.add(subject, predicate, object)
