"""Places where the review contradicts itself: the conflict, the records it is about, and each of its readings
with where the review states it and the references it cites there."""
from __future__ import annotations

from pyoxigraph import NamedNode

from jakgraph.ontology.terms import CONCEPT, JAK, RDF, RDFS, integer, iri, string, text

from .provenance import Provenance
from .records import Conflict, ConflictReading
from .sink import TripleSink


def reading_iri(conflict: str, position: int) -> NamedNode:
    """The node of a conflict's reading: ``conflict:c-vexas-design/reading/2``."""
    return NamedNode(f"{iri('conflict', conflict).value}/reading/{position}")


def add_conflict(sink: TripleSink, record: Conflict) -> None:
    add, node = sink.add, iri("conflict", record.id)
    add(node, RDF.type, JAK.SourceConflict)
    add(node, JAK.conflictKind, CONCEPT[f"conflict-{record.kind}"])
    for subject in record.subjects:
        about = iri(subject.kind, subject.ident)
        add(node, JAK.conflictAbout, about)
        add(about, JAK.hasConflict, node)
    add(node, RDFS.comment, text(record.explanation))
    add(node, RDFS.label, text(f"{record.kind} conflict about {', '.join(s.ident for s in record.subjects)}"))


def add_reading(sink: TripleSink, sources: Provenance, record: ConflictReading) -> None:
    add, node = sink.add, reading_iri(record.conflict, record.position)
    stated = string(record.stated_value)
    add(iri("conflict", record.conflict), JAK.reading, node)
    add(node, RDF.type, JAK.Reading)
    add(node, JAK.position, integer(record.position))
    add(node, JAK.statedValue, stated)
    add(node, RDFS.label, stated)
    sources.derive(node, record.source)
    sources.cite(node, record.refs)
