"""The jakgraph vocabulary, controlled values and SHACL shapes, shipped as Turtle package data."""
from __future__ import annotations

from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

ONTOLOGY_FILES = ("jakgraph.ttl", "concepts.ttl")
SHAPES_FILE = "shapes.ttl"


def read_turtle(name: str) -> str:
    """Text of one Turtle file of this package, e.g. ``read_turtle("shapes.ttl")``."""
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def ontology_graph() -> "Graph":
    """The vocabulary and the controlled values as one rdflib graph."""
    from rdflib import Graph

    graph = Graph()
    for name in ONTOLOGY_FILES:
        graph.parse(data=read_turtle(name), format="turtle")
    return graph


def shapes_graph() -> "Graph":
    """The SHACL shapes the build enforces."""
    from rdflib import Graph

    return Graph().parse(data=read_turtle(SHAPES_FILE), format="turtle")
