"""Read the ontology's Turtle files, checked by pyoxigraph's parser: a fault is one line naming file, line and column.

The files are package data, but a developer or curator edits them, and ``jakgraph build --ontology DIR`` reads a
folder of edited copies: a syntax error or an invalid IRI is a :class:`~jakgraph.errors.OntologyError`, never a
traceback. pyoxigraph and rdflib are imported inside the functions, so that importing the ontology package (for
its prefixes) stays cheap.

>>> parse_turtle("concepts.ttl")[0].subject.value.startswith("https://w3id.org/jakgraph/")   # doctest: +SKIP
True
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from jakgraph.errors import OntologyError, first_line
from jakgraph.package_data import package_files

if TYPE_CHECKING:
    from pyoxigraph import Triple
    from rdflib import Graph

PARSER_MESSAGE = re.compile(r"^Parser error (?:at|between) line [0-9]+[^:]*: (.*?)(?: \(line [0-9]+\))?$", re.DOTALL)


def read_turtle(name: str, directory: Path | None = None) -> str:
    """Text of one Turtle file of the ontology: the shipped one, or the one in ``directory`` if given."""
    if directory is None:
        return package_files("jakgraph.ontology").joinpath(name).read_text(encoding="utf-8")
    path = Path(directory) / name
    if not path.is_file():
        raise OntologyError(name, None, None, f"is missing from {directory}")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise OntologyError(name, line, None, f"is not UTF-8 (byte 0x{raw[exc.start]:02x})") from None


def parse_turtle(name: str, directory: Path | None = None, text: str | None = None) -> list["Triple"]:
    """The triples of one Turtle file (``text`` if already read), or an OntologyError at the first fault."""
    from pyoxigraph import RdfFormat, parse

    text = read_turtle(name, directory) if text is None else text
    try:
        return [quad.triple for quad in parse(text, RdfFormat.TURTLE)]
    except SyntaxError as exc:
        raise OntologyError(name, exc.lineno, exc.offset, f"invalid Turtle: {parser_message(str(exc))}") from None


def parser_message(text: str) -> str:
    """pyoxigraph's message without the position it repeats: ``Parser error at line 3 between columns 1 and 5: A dot
    is expected … (line 3)`` → ``a dot is expected …``."""
    match = PARSER_MESSAGE.match(text.strip())
    message = first_line(match.group(1) if match else text)
    return message[:1].lower() + message[1:] if message[:2].istitle() else message


def rdflib_graph(names: tuple[str, ...], directory: Path | None = None) -> "Graph":
    """The Turtle files ``names`` as one rdflib graph, each checked by pyoxigraph first (positions, IRIs)."""
    from rdflib import Graph

    graph = Graph()
    for name in names:
        text = read_turtle(name, directory)
        parse_turtle(name, text=text)
        try:
            graph.parse(data=text, format="turtle")
        except (SyntaxError, ValueError) as exc:  # rdflib's BadSyntax is a SyntaxError
            raise OntologyError(name, None, None, f"cannot be read by rdflib: {first_line(str(exc))}") from None
    return graph
