"""Exports: one writer per output format (RDF, KGX, network files), and push to a remote triple store.

:data:`FORMATS` names every format with the file extensions that stand for it, so that a command can infer
the format from the output's name (``-o graph.graphml``) when the user gives none.
"""
from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from jakgraph.errors import UserError


class ExportFormat(NamedTuple):
    """An output format: its name, what it is, the extensions that name it, and whether it is written as a
    folder (KGX) or needs a file (the network formats) rather than also going to standard output."""

    name: str
    title: str
    extensions: tuple[str, ...]
    kind: str  # "rdf" (one graph or a dataset: a file or stdout), "kgx" (a folder), "network" (a file)


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("turtle", "Turtle", (".ttl",), "rdf"),
    ExportFormat("ntriples", "N-Triples", (".nt",), "rdf"),
    ExportFormat("jsonld", "JSON-LD", (".jsonld",), "rdf"),
    ExportFormat("rdfxml", "RDF/XML", (".rdf", ".owl"), "rdf"),
    ExportFormat("trig", "TriG", (".trig",), "rdf"),
    ExportFormat("nquads", "N-Quads", (".nq",), "rdf"),
    ExportFormat("kgx", "KGX TSV (a folder of nodes.tsv and edges.tsv)", (), "kgx"),
    ExportFormat("graphml", "GraphML", (".graphml",), "network"),
    ExportFormat("gexf", "GEXF", (".gexf",), "network"),
    ExportFormat("cyjs", "Cytoscape.js JSON", (".cyjs",), "network"),
    ExportFormat("edges-csv", "edge list CSV", (".csv",), "network"),
)}


def format_for(name: str | None, output: Path | None) -> ExportFormat:
    """The format named by ``--format``, else the one the output's extension stands for, else Turtle.

    A name that contradicts the output's extension is refused rather than writing one format under
    another's name.

    >>> format_for(None, Path("net.graphml")).name
    'graphml'
    >>> format_for("turtle", None).name
    'turtle'
    """
    by_extension = None
    if output is not None and output.suffix:
        suffix = output.suffix.lower()
        by_extension = next((f for f in FORMATS.values() if suffix in f.extensions), None)
    if name is not None:
        if name not in FORMATS:
            raise UserError(f"unknown export format {name!r} (expected one of: {', '.join(FORMATS)})")
        chosen = FORMATS[name]
        if by_extension is not None and by_extension.name != chosen.name:
            raise UserError(f"{output.name}: the name says {by_extension.title} but --format says {chosen.title};"  # type: ignore[union-attr]
                            f" name the file *{chosen.extensions[0] if chosen.extensions else '/'} or drop --format")
        return chosen
    if output is None:
        return FORMATS["turtle"]
    if by_extension is None:
        known = ", ".join(f"{e} ({f.name})" for f in FORMATS.values() for e in f.extensions)
        raise UserError(f"{output}: cannot tell the format from the name; give --format, or name the file {known}")
    return by_extension
