"""Table 1: approvals of each product by the FDA and the EMA, and the cells that list none."""
from __future__ import annotations

from jakgraph.ontology.terms import AGENCY, CONCEPT, JAK, RDF, RDFS, SKOS, iri, text

from .labels import Labels
from .provenance import Provenance
from .records import Approval
from .sink import TripleSink


def add_approval(sink: TripleSink, sources: Provenance, record: Approval, labels: Labels) -> None:
    add, node = sink.add, iri("approval", record.id)
    agency = record.agency.upper()
    add(node, RDF.type, JAK.RegulatoryApproval)
    add(node, JAK.agency, AGENCY[record.agency])
    add(node, JAK.product, iri("product", record.product))
    add(node, JAK.drug, iri("drug", labels.product_drug[record.product]))
    add(node, JAK.approvalStatus, CONCEPT[f"status-{record.status}"])
    product = labels.products[record.product]
    if record.indication:
        add(node, JAK.indication, iri("disease", record.indication))
        label = f"{agency} approval of {product} for "
        if record.severity:
            label += f"{record.severity} "
        label += labels.diseases[record.indication]
    else:  # an approved cell has an indication (loaders.rules)
        label = f"no {agency} approval listed for {product}"
    if record.severity:
        add(node, JAK.severity, CONCEPT[f"severity-{record.severity}"])
    if record.population:
        add(node, JAK.population, iri("population", record.population))
    if record.note:
        add(node, SKOS.note, text(record.note))
    add(node, RDFS.label, text(label))
    sources.derive(node, record.source)
