"""Isoforms, selectivity classes, drugs, products, diseases, designs, adverse events, measures, populations."""
from __future__ import annotations

from pyoxigraph import NamedNode

from jakgraph.ontology.terms import CONCEPT, JAK, RDF, RDFS, SKOS, integer, iri, string, text

from .provenance import Provenance
from .records import (AdverseEvent, Disease, Drug, Isoform, OutcomeMeasure, Population, Product, SelectivityClass,
                      StudyDesign)
from .sink import TripleSink

ROLE_CLASS = {"jak-inhibitor": JAK.JAKInhibitor, "comparator": JAK.Drug, "concomitant": JAK.Drug}


def add_labels(sink: TripleSink, node: NamedNode, ident: str, label_en: str, label_es: str | None) -> None:
    """English (and Spanish) labels and the id as notation."""
    add = sink.add
    english = text(label_en)
    add(node, RDFS.label, english)
    add(node, SKOS.prefLabel, english)
    if label_es:
        spanish = text(label_es, "es")
        add(node, RDFS.label, spanish)
        add(node, SKOS.prefLabel, spanish)
    add(node, SKOS.notation, string(ident))


def add_isoform(sink: TripleSink, sources: Provenance, record: Isoform) -> None:
    node = iri("isoform", record.id)
    sink.add(node, RDF.type, JAK.JAKIsoform)
    add_labels(sink, node, record.id, record.label_en, record.label_es)
    sink.add(node, SKOS.altLabel, string(record.gene_symbol))
    sink.add(node, JAK.geneSymbol, string(record.gene_symbol))
    sources.derive(node, record.source)


def add_selectivity_class(sink: TripleSink, sources: Provenance, record: SelectivityClass) -> None:
    node = iri("selectivity", record.id)
    sink.add(node, RDF.type, JAK.SelectivityClass)
    add_labels(sink, node, record.id, record.label_en, record.label_es)
    sink.add(node, SKOS.definition, text(record.definition))
    for isoform in record.isoforms:
        sink.add(node, JAK.selectiveFor, iri("isoform", isoform))
    sources.derive(node, record.source)


def add_drug(sink: TripleSink, sources: Provenance, record: Drug) -> None:
    add, node = sink.add, iri("drug", record.id)
    add(node, RDF.type, JAK.Drug)
    if ROLE_CLASS[record.role] != JAK.Drug:
        add(node, RDF.type, ROLE_CLASS[record.role])
    add(node, JAK.drugRole, CONCEPT[f"role-{record.role}"])
    add_labels(sink, node, record.id, record.label_en, record.label_es)
    for isoform in record.inhibits:
        add(node, JAK.inhibits, iri("isoform", isoform))
    if record.selectivity:
        add(node, JAK.selectivity, iri("selectivity", record.selectivity))
    if record.mechanism:
        add(node, JAK.mechanism, text(record.mechanism))
    sources.derive(node, record.source)
    sources.cite(node, record.refs)


def add_product(sink: TripleSink, sources: Provenance, record: Product) -> None:
    add, node = sink.add, iri("product", record.id)
    add(node, RDF.type, JAK.DrugProduct)
    add_labels(sink, node, record.id, record.label_en, record.label_es)
    add(node, JAK.activeIngredient, iri("drug", record.drug))
    if record.route:
        add(node, JAK.route, CONCEPT[f"route-{record.route}"])
    if record.formulation:
        add(node, JAK.formulation, CONCEPT[f"vehicle-{record.formulation}"])
    sources.derive(node, record.source)


def add_disease(sink: TripleSink, sources: Provenance, record: Disease) -> None:
    add, node = sink.add, iri("disease", record.id)
    add(node, RDF.type, JAK.Disease)
    if record.kind == "group":
        add(node, RDF.type, JAK.DiseaseGroup)
    if record.counted_as == record.id:
        add(node, RDF.type, JAK.CountedDisorder)
    add_labels(sink, node, record.id, record.label_en, record.label_es)
    for broader in record.broader:
        add(node, SKOS.broader, iri("disease", broader))
    if record.counted_as:
        add(node, JAK.countedAs, iri("disease", record.counted_as))
    if record.note:
        add(node, SKOS.note, text(record.note))
    sources.derive(node, record.source)


def add_study_design(sink: TripleSink, record: StudyDesign) -> None:
    add, node = sink.add, iri("design", record.id)
    add(node, RDF.type, JAK.StudyDesign)
    add_labels(sink, node, record.id, record.label_en, record.label_es)
    add(node, JAK.evidenceRank, integer(record.rank))
    add(node, SKOS.definition, text(record.definition))
    add(node, JAK.rankRationale, text(record.rank_rationale))


CONCEPT_KIND = {AdverseEvent: ("adverse-event", JAK.AdverseEvent), OutcomeMeasure: ("measure", JAK.OutcomeMeasure),
                Population: ("population", JAK.Population)}


def add_concept(sink: TripleSink, record: AdverseEvent | OutcomeMeasure | Population) -> None:
    """An adverse event, outcome measure or population: labels and a definition."""
    kind, cls = CONCEPT_KIND[type(record)]
    add, node = sink.add, iri(kind, record.id)
    add(node, RDF.type, cls)
    add_labels(sink, node, record.id, record.label_en, getattr(record, "label_es", None))
    add(node, SKOS.definition, text(record.definition))
    abbreviation = getattr(record, "abbreviation", None)
    if abbreviation:
        add(node, SKOS.altLabel, string(abbreviation))
