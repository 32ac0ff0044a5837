"""Synthetic graphs shaped like the review's, from 10^4 triples up, deterministic from a seed.

The graph is made of synthetic records of the curated tables (:mod:`jakgraph.bench.synthetic_records`)
written by the same loaders as the curated data (:class:`jakgraph.loaders.writer.RecordWriter`), so its data
model is the loaders' own. The triples stream to a file as N-Triples, many lines at a time (never held in
memory), gzipped when the file name ends in ``.gz``. The file holds between ``size`` and ``size + SIZE_SLACK``
distinct triples, and the same seed and size always give the same bytes.

>>> generate(Path("/tmp/scale-1e5.nt.gz"), 100_000, seed=1)    # doctest: +SKIP
ScaleReport(path=PosixPath('/tmp/scale-1e5.nt.gz'), triples=100012, bytes=...)
"""
from __future__ import annotations

import gzip
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from jakgraph.errors import UserError

MIN_SIZE = 10_000
MAX_SIZE = 100_000_000
SIZE_SLACK = 200  # more triples than any one record writes, with the shared nodes it is the first to name


@dataclass(frozen=True)
class ScaleReport:
    path: Path
    triples: int
    bytes: int


def write_ntriples(stream: IO[str], size: int, seed: int = 0) -> int:
    """Write a synthetic graph of ``size`` triples (up to ``SIZE_SLACK`` more) to a text stream; return the count."""
    from jakgraph.loaders import ontology, read_curated, review
    from jakgraph.loaders.sink import NTriplesWriter
    from jakgraph.loaders.writer import RecordWriter

    from .synthetic_records import SyntheticRecords, mapping_set

    if not MIN_SIZE <= size <= MAX_SIZE:
        raise UserError(f"size {size} is out of range: give {MIN_SIZE} to {MAX_SIZE} triples")
    sink = NTriplesWriter(stream)
    ontology.load(sink)
    review.load(sink)
    writer = RecordWriter(sink, mapping_set())
    records = SyntheticRecords(read_curated(), size, seed, lambda: sink.count)
    writer.write_all(records.fixed())
    if sink.count > size:  # a guard for grown curated tables; the shipped ones need about 9,000 triples
        raise UserError(f"size {size} is too small: the part every size holds has {sink.count} triples")
    writer.write_all(records.grow())
    sink.flush()
    return sink.count


def generate(path: Path, size: int, seed: int = 0, compresslevel: int = 1) -> ScaleReport:
    """Write a synthetic graph to ``path`` (``*.nt``, or ``*.nt.gz`` gzipped), atomically; return what was written."""
    path = Path(path)
    if not path.name.endswith((".nt", ".nt.gz")):
        raise UserError(f"{path}: the generated graph is N-Triples; name the file *.nt or *.nt.gz")
    partial = path.with_name(path.name + ".partial")
    try:
        with open(partial, "wb") as raw:
            binary: Any = raw
            if path.name.endswith(".gz"):  # no name and no time in the header: the same bytes every time
                binary = gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=compresslevel, mtime=0)
            with io.TextIOWrapper(binary, encoding="utf-8", newline="\n") as text:
                triples = write_ntriples(text, size, seed)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return ScaleReport(path, triples, path.stat().st_size)
