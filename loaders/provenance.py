"""Triples shared by every loader: labels, source locations in the review, and reference numbers."""
from __future__ import annotations

import re
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from jakgraph.ontology.terms import BASE, DCTERMS, JAK, PROV, RDF, RDFS, REVIEW, XSD

from .table import Locator, Row


def iri(kind: str, ident: str) -> URIRef:
    """IRI of a curated record of the given kind, e.g. ``iri("drug", "baricitinib")``."""
    return URIRef(f"{BASE}{kind}/{ident}")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def text(value: str, lang: str = "en") -> Literal:
    return Literal(value, lang=lang)


def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def decimal(value: Decimal) -> Literal:
    return Literal(value, datatype=XSD.decimal)


def table_iri(number: int) -> URIRef:
    return URIRef(f"{REVIEW}/table-{number}")


def location_iri(locator: Locator) -> URIRef:
    if locator.table:
        return URIRef(f"{REVIEW}/table-{locator.table}/row/{slug(locator.row or '')}")
    return URIRef(f"{REVIEW}/paragraph/{locator.paragraph}")


def reference_iri(number: int) -> URIRef:
    return URIRef(f"{REVIEW}/reference/{number}")


def add_location(graph: Graph, locator: Locator) -> URIRef:
    """Describe a source location node and return its IRI."""
    node = location_iri(locator)
    graph.add((node, JAK.locator, Literal(str(locator))))
    graph.add((node, DCTERMS.isPartOf, URIRef(REVIEW)))
    if locator.table:
        graph.add((node, RDF.type, JAK.TableRowLocation))
        graph.add((node, JAK.inTable, table_iri(locator.table)))
        graph.add((node, JAK.rowLabel, Literal(locator.row)))
        graph.add((node, RDFS.label, Literal(f"Table {locator.table}, row {locator.row}", lang="en")))
    else:
        graph.add((node, RDF.type, JAK.ParagraphLocation))
        graph.add((node, JAK.paragraphNumber, integer(locator.paragraph or 0)))
        graph.add((node, RDFS.label, Literal(f"paragraph {locator.paragraph}", lang="en")))
    return node


def add_reference(graph: Graph, number: int) -> URIRef:
    node = reference_iri(number)
    graph.add((node, RDF.type, JAK.Reference))
    graph.add((node, JAK.referenceNumber, integer(number)))
    graph.add((node, RDFS.label, Literal(f"reference {number} of the review", lang="en")))
    return node


def add_provenance(graph: Graph, subject: URIRef, row: Row, refs_field: str | None = "refs",
                   source_field: str = "source") -> None:
    """Link ``subject`` to the review locations and reference numbers its row names."""
    for locator in row.sources(source_field):
        graph.add((subject, PROV.wasDerivedFrom, add_location(graph, locator)))
    if refs_field and refs_field in row.values:
        for number in row.refs(refs_field):
            graph.add((subject, JAK.reference, add_reference(graph, number)))
