"""External identifiers: the SSSOM mappings, as SKOS mapping triples with their justification."""
from __future__ import annotations

from functools import lru_cache

from pyoxigraph import NamedNode

from jakgraph.ontology.terms import DCTERMS, OWL, RDF, RDFS, SEMAPV, SKOS, SSSOM, double, string

from .provenance import Provenance
from .records import Mapping, MappingSet
from .sink import TripleSink


def add_mapping(sink: TripleSink, shared: Provenance, mapping: Mapping, mapping_set: MappingSet) -> None:
    """The mapping triple, its external identifier (described once per sink) and its annotated axiom."""
    add = sink.add
    subject = NamedNode(mapping_set.expand(mapping.subject_id))
    match = mapping.predicate_id.removeprefix("skos:")
    predicate = SKOS[match]
    target = NamedNode(mapping_set.expand(mapping.object_id))
    add(subject, predicate, target)
    if mapping.object_id not in mapping_set.shared_objects:
        describe_label = describe_notation = True
    else:  # an identifier several mappings share is described once (each of its labels once)
        describe_notation = shared.once(mapping.object_id)
        describe_label = shared.once(f"{mapping.object_id}\t{mapping.object_label}")
    if mapping.object_label and describe_label:
        add(target, RDFS.label, string(mapping.object_label))
    if describe_notation:
        add(target, SKOS.notation, string(mapping.object_id))
    axiom = NamedNode(mapping_set.axiom_iri(mapping))
    add(axiom, RDF.type, OWL.Axiom)
    add(axiom, OWL.annotatedSource, subject)
    add(axiom, OWL.annotatedProperty, predicate)
    add(axiom, OWL.annotatedTarget, target)
    add(axiom, SSSOM.mapping_justification, SEMAPV[mapping.mapping_justification.removeprefix("semapv:")])
    if mapping.confidence is not None:
        add(axiom, SSSOM.confidence, double(mapping.confidence))
    if mapping.comment:
        add(axiom, RDFS.comment, string(mapping.comment))
    add(axiom, DCTERMS.source, set_node(mapping_set.mapping_set_id))


@lru_cache(maxsize=16)
def set_node(mapping_set_id: str) -> NamedNode:
    """The node of a mapping set, made once."""
    return NamedNode(mapping_set_id)
