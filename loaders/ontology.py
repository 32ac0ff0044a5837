"""The shipped vocabulary and controlled values (``ontology/*.ttl``), written to a sink."""
from __future__ import annotations

from pyoxigraph import RdfFormat, parse

from jakgraph.ontology import ONTOLOGY_FILES, read_turtle

from .sink import TripleSink


def load(sink: TripleSink) -> None:
    """Every triple of the ontology files, each once."""
    seen = set()
    for name in ONTOLOGY_FILES:
        for quad in parse(read_turtle(name), RdfFormat.TURTLE):
            if quad.triple not in seen:
                seen.add(quad.triple)
                sink.add(quad.subject, quad.predicate, quad.object)
