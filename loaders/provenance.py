"""Nodes many records share (source locations in the review, the review's references), each written once per sink.

A :class:`Provenance` is bound to one sink and remembers which shared nodes it has described there, so a
streaming sink never repeats their lines. It remembers only those nodes' keys, never a record.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pyoxigraph import NamedNode

from jakgraph.ontology.terms import DCTERMS, JAK, PROV, RDF, RDFS, REVIEW, REVIEW_NODE, integer, string, text

from .records import Locator
from .sink import TripleSink


def slug(value: str) -> str:
    """Lower-case words joined by ``-``: ``Palmoplantar pustulosis`` → ``palmoplantar-pustulosis``."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def table_iri(number: int) -> NamedNode:
    """The node of the review's table ``number``."""
    return NamedNode(f"{REVIEW}/table-{number}")


def location_iri(locator: Locator) -> NamedNode:
    """The node of a place in the review: a table row or a paragraph."""
    if locator.table:
        return NamedNode(f"{REVIEW}/table-{locator.table}/row/{slug(locator.row or '')}")
    return NamedNode(f"{REVIEW}/paragraph/{locator.paragraph}")


def reference_iri(number: int) -> NamedNode:
    """The node of the review's reference ``number``."""
    return NamedNode(f"{REVIEW}/reference/{number}")


class Provenance:
    """Links records to where the review states them, describing each location and reference once per sink."""

    def __init__(self, sink: TripleSink) -> None:
        self.sink = sink
        self._locations: dict[Locator, NamedNode] = {}
        self._described: set[str] = set()
        self._references: dict[int, NamedNode] = {}

    def once(self, key: str) -> bool:
        """True the first time ``key`` is asked for on this sink: the caller then writes what it names."""
        if key in self._described:
            return False
        self._described.add(key)
        return True

    def location(self, locator: Locator) -> NamedNode:
        """The node of ``locator``, described on first use."""
        node = self._locations.get(locator)
        if node is not None:
            return node
        node = self._locations[locator] = location_iri(locator)
        if not self.once(node.value):
            return node
        add = self.sink.add
        add(node, JAK.locator, string(str(locator)))
        add(node, DCTERMS.isPartOf, REVIEW_NODE)
        if locator.table:
            add(node, RDF.type, JAK.TableRowLocation)
            add(node, JAK.inTable, table_iri(locator.table))
            add(node, JAK.rowLabel, string(locator.row or ""))
            add(node, RDFS.label, text(f"Table {locator.table}, row {locator.row}"))
        else:
            add(node, RDF.type, JAK.ParagraphLocation)
            add(node, JAK.paragraphNumber, integer(locator.paragraph or 0))
            add(node, RDFS.label, text(f"paragraph {locator.paragraph}"))
        return node

    def reference(self, number: int) -> NamedNode:
        """The node of the review's reference ``number``, described on first use."""
        node = self._references.get(number)
        if node is None:
            node = self._references[number] = reference_iri(number)
            add = self.sink.add
            add(node, RDF.type, JAK.Reference)
            add(node, JAK.referenceNumber, integer(number))
            add(node, RDFS.label, text(f"reference {number} of the review"))
        return node

    def derive(self, subject: NamedNode, sources: Sequence[Locator]) -> None:
        """``subject`` was read at each of ``sources`` (each place once)."""
        add, location = self.sink.add, self.location
        if len(sources) == 1:
            add(subject, PROV.wasDerivedFrom, location(sources[0]))
            return
        for node in dict.fromkeys(location(locator) for locator in sources):
            add(subject, PROV.wasDerivedFrom, node)

    def cite(self, subject: NamedNode, refs: Iterable[int]) -> None:
        """``subject`` cites each reference number of ``refs`` (each once, in order)."""
        add, reference = self.sink.add, self.reference
        for number in dict.fromkeys(refs):
            add(subject, JAK.reference, reference(number))
