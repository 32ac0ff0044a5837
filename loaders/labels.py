"""The English names that loaders write into other records' labels, and each product's drug, by id.

A loader that writes one record at a time asks this for the names of the records it points to, so records can
stream: the names of the reference records are all it keeps.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .records import AdverseEvent, Disease, Drug, Product, StudyDesign


@dataclass
class Labels:
    """English labels by id of drugs, products, diseases, study designs and adverse events."""

    drugs: dict[str, str] = field(default_factory=dict)
    products: dict[str, str] = field(default_factory=dict)
    product_drug: dict[str, str] = field(default_factory=dict)
    diseases: dict[str, str] = field(default_factory=dict)
    designs: dict[str, str] = field(default_factory=dict)
    events: dict[str, str] = field(default_factory=dict)

    def add(self, record: Drug | Product | Disease | StudyDesign | AdverseEvent) -> None:
        """Remember the label of one reference record."""
        if isinstance(record, Drug):
            self.drugs[record.id] = record.label_en
        elif isinstance(record, Product):
            self.products[record.id] = record.label_en
            self.product_drug[record.id] = record.drug
        elif isinstance(record, Disease):
            self.diseases[record.id] = record.label_en
        elif isinstance(record, StudyDesign):
            self.designs[record.id] = record.label_en
        else:
            self.events[record.id] = record.label_en
