"""External identifiers: the SSSOM mappings, as SKOS mapping triples with their justification."""
from __future__ import annotations

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
    if mapping.object_label and shared.once(f"{target.value}\t{mapping.object_label}"):
        add(target, RDFS.label, string(mapping.object_label))
    if shared.once(target.value):
        add(target, SKOS.notation, string(mapping.object_id))
    axiom = NamedNode(f"{mapping_set.prefixes['jakgraph']}mapping/{mapping.subject_kind}/{mapping.subject_ident}/"
                      f"{match}/{mapping.object_id.replace(':', '-')}")
    add(axiom, RDF.type, OWL.Axiom)
    add(axiom, OWL.annotatedSource, subject)
    add(axiom, OWL.annotatedProperty, predicate)
    add(axiom, OWL.annotatedTarget, target)
    add(axiom, SSSOM.mapping_justification, SEMAPV[mapping.mapping_justification.removeprefix("semapv:")])
    if mapping.confidence is not None:
        add(axiom, SSSOM.confidence, double(mapping.confidence))
    if mapping.comment:
        add(axiom, RDFS.comment, string(mapping.comment))
    add(axiom, DCTERMS.source, NamedNode(mapping_set.mapping_set_id))
