"""Synthetic graphs shaped like the review's, from 10^4 triples up, deterministic from a seed.

The skeleton keeps the ids, names and structure of the curated reference records (isoforms, selectivity
classes, drugs, products, the disease hierarchy, study designs, adverse events, outcome measures,
populations), so the stored queries' default parameters name nodes that exist at every size, and one
synthetic evidence item stands for each curated one under the same IRI. The rest grows at random in the
curated tables' proportions (see :mod:`jakgraph.bench.scale_records`); every piece of prose is synthetic.

The graph is written as N-Triples, a few thousand lines at a time (never held in memory), gzipped when the
file name ends in ``.gz``. It holds between ``size`` and ``size + SIZE_SLACK`` distinct triples, and the same
seed and size always give the same bytes.

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

from .scale_terms import Writer

MIN_SIZE = 10_000
MAX_SIZE = 100_000_000
SIZE_SLACK = 200  # more triples than any one record the generator writes


@dataclass(frozen=True)
class ScaleReport:
    path: Path
    triples: int
    bytes: int


def write_ontology(out: Writer) -> None:
    """The vocabulary and the controlled values, as N-Triples."""
    from pyoxigraph import RdfFormat, parse, serialize

    from jakgraph.ontology import ONTOLOGY_FILES, read_turtle

    for name in ONTOLOGY_FILES:
        triples = [quad.triple for quad in parse(read_turtle(name), RdfFormat.TURTLE)]
        out.raw((serialize(triples, format=RdfFormat.N_TRIPLES) or b"").decode("utf-8"), len(triples))


def write_ntriples(stream: IO[str], size: int, seed: int = 0) -> int:
    """Write a synthetic graph of ``size`` triples (up to ``SIZE_SLACK`` more) to a text stream; return the count."""
    from .scale_records import Generator

    if not MIN_SIZE <= size <= MAX_SIZE:
        raise UserError(f"size {size} is out of range: give {MIN_SIZE} to {MAX_SIZE} triples")
    out = Writer(stream)
    write_ontology(out)
    generator = Generator(out, size, seed)
    fixed = generator.fixed()
    if fixed > size:  # a guard for grown curated tables; the shipped ones need about 9,000 triples
        raise UserError(f"size {size} is too small: the part every size holds has {fixed} triples")
    generator.grow()
    out.flush()
    return out.count


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
