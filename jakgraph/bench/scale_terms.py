"""N-Triples terms of jakgraph as plain strings, and a buffered line writer, for the scale generator.

>>> node("drug", "baricitinib")
'<https://w3id.org/jakgraph/drug/baricitinib>'
>>> decimal(0.5)
'"0.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'
"""
from __future__ import annotations

from typing import IO

from jakgraph.ontology.namespaces import BASE, CONCEPTS, PREFIXES, VOCAB

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
XSD = PREFIXES["xsd"]
OWL = PREFIXES["owl"]
DCTERMS = PREFIXES["dcterms"]
SSSOM = "https://w3id.org/sssom/"
SEMAPV = "https://w3id.org/semapv/vocab/"
XREF = BASE + "synthetic-xref/"

TYPE = f"<{RDF}type>"
LABEL = f"<{RDFS}label>"
COMMENT = f"<{RDFS}comment>"
PREF = f"<{SKOS}prefLabel>"
ALT = f"<{SKOS}altLabel>"
NOTATION = f"<{SKOS}notation>"
DEFINITION = f"<{SKOS}definition>"
BROADER = f"<{SKOS}broader>"
DERIVED = f"<{PREFIXES['prov']}wasDerivedFrom>"
IS_PART_OF = f"<{DCTERMS}isPartOf>"
DATE = f"<{DCTERMS}date>"
CREATOR = f"<{DCTERMS}creator>"
SOURCE = f"<{DCTERMS}source>"
INTEGER = f"<{XSD}integer>"
DECIMAL = f"<{XSD}decimal>"
DOUBLE = f"<{XSD}double>"
DATE_TYPE = f"<{XSD}date>"


def j(name: str) -> str:
    """The vocabulary term ``jak:name``."""
    return f"<{VOCAB}{name}>"


def node(kind: str, ident: str) -> str:
    """IRI of a record of one kind (the path segment of its IRI)."""
    return f"<{BASE}{kind}/{ident}>"


def local(iri: str, kind: str) -> str:
    """The id of a record IRI: ``local(node("drug", "x"), "drug") == "x"``."""
    return iri[len(BASE) + len(kind) + 2:-1]


def concept(name: str) -> str:
    """A controlled value of ``ontology/concepts.ttl``, e.g. ``concept("unit-mg")``."""
    return f"<{CONCEPTS}{name}>"


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def en(text: str) -> str:
    return f'"{escape(text)}"@en'


def es(text: str) -> str:
    return f'"{escape(text)}"@es'


def string(text: str) -> str:
    return f'"{escape(text)}"'


def integer(value: int) -> str:
    return f'"{value}"^^{INTEGER}'


def number_text(value: float | int) -> str:
    """``4``, ``0.5``, ``12.25``: the lexical form of an ``xsd:decimal`` (two decimals at most)."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


def decimal(value: float | int) -> str:
    return f'"{number_text(value)}"^^{DECIMAL}'


class Writer:
    """Counts N-Triples lines and writes them out in large chunks."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.lines: list[str] = []
        self.written = 0

    @property
    def count(self) -> int:
        """Triples written so far, buffered ones included."""
        return self.written + len(self.lines)

    def add(self, subject: str, predicate: str, obj: str) -> None:
        self.lines.append(f"{subject} {predicate} {obj} .\n")
        if len(self.lines) >= 20_000:
            self.flush()

    def raw(self, text: str, triples: int) -> None:
        """Write ``text``, already N-Triples, holding ``triples`` lines."""
        self.flush()
        self.stream.write(text)
        self.written += triples

    def flush(self) -> None:
        if self.lines:
            self.stream.write("".join(self.lines))
            self.written += len(self.lines)
            self.lines = []
