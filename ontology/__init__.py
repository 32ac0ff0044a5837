"""The jakgraph vocabulary, controlled values and SHACL shapes, shipped as Turtle package data.

Each function reads the shipped files, or the copies in ``directory`` when one is given (``jakgraph build
--ontology DIR``); a fault in a file is one :class:`~jakgraph.errors.OntologyError` naming file, line and column.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rdflib import Graph

ONTOLOGY_FILES = ("jakgraph.ttl", "concepts.ttl")
SHAPES_FILE = "shapes.ttl"


def ontology_graph(directory: Path | None = None) -> "Graph":
    """The vocabulary and the controlled values as one rdflib graph."""
    from .turtle import rdflib_graph

    return rdflib_graph(ONTOLOGY_FILES, directory)


def shapes_graph(directory: Path | None = None) -> "Graph":
    """The SHACL shapes the build enforces."""
    from .turtle import rdflib_graph

    return rdflib_graph((SHAPES_FILE,), directory)


__all__ = ["ONTOLOGY_FILES", "SHAPES_FILE", "ontology_graph", "parse_turtle", "read_turtle", "shapes_graph"]


def __getattr__(name: str) -> Any:
    """``parse_turtle`` and ``read_turtle``, imported from :mod:`.turtle` on first use: the prefixes (read by every
    command) do not need the Turtle reader."""
    if name in ("parse_turtle", "read_turtle"):
        from . import turtle

        return getattr(turtle, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
