"""The vocabulary and controlled values (``ontology/*.ttl``, or the copies in a folder given), written to a sink."""
from __future__ import annotations

from pathlib import Path

from jakgraph.ontology import ONTOLOGY_FILES, parse_turtle

from .sink import Origin, OriginSink, TripleSink


def load(sink: TripleSink, directory: Path | None = None, origins: dict[str, Origin] | None = None) -> None:
    """Every triple of the ontology files, each once; ``origins`` (if given) learns the file of each subject IRI."""
    tracker = OriginSink(sink, origins) if origins is not None else None
    seen = set()
    for name in ONTOLOGY_FILES:
        if tracker is not None:
            tracker.origin = Origin(name)
        add = (tracker or sink).add
        for triple in parse_turtle(name, directory):
            if triple not in seen:
                seen.add(triple)
                add(triple.subject, triple.predicate, triple.object)
