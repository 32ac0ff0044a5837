"""Exports: one writer per output format (RDF, KGX, network files), and push to a remote triple store.

:data:`FORMATS` names every format with the file extensions that stand for it, so that a command can infer
the format from the output's name (``-o graph.graphml``) when the user gives none, and :func:`write_export`
sends the graph to that format's writer: the one dispatch ``jakgraph export`` and :meth:`jakgraph.api.Graph.export`
share.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from jakgraph.errors import UserError

if TYPE_CHECKING:
    from jakgraph.graph.store.protocol import Store


class ExportFormat(NamedTuple):
    """An output format: its name, what it is, the extensions that name it, and whether it is written as a
    folder (KGX) or needs a file (the network formats) rather than also going to standard output."""

    name: str
    title: str
    extensions: tuple[str, ...]
    kind: str  # "rdf" (a file or stdout), "kgx" and "nanopub" (a folder), "network" (a file)


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
    ExportFormat("nanopub", "nanopublications (a folder of TriG files, one per evidence item, approval and safety "
                 "finding)", (), "nanopub"),
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


class Exported(NamedTuple):
    """What :func:`write_export` wrote: the format, the file (or folder), for KGX its numbers of rows, for
    nanopublications how many were written and whether they were signed."""

    format: ExportFormat
    path: Path
    nodes: int | None = None
    edges: int | None = None
    nanopubs: int | None = None
    signed: bool = False


def write_export(store: "Store", chosen: ExportFormat, output: Path, key: Path | None = None) -> Exported:
    """Write the graph of ``store`` to ``output`` in ``chosen``: a file written through a temporary one beside it
    (RDF and network formats), a folder of ``nodes.tsv`` and ``edges.tsv`` (KGX), or a folder of
    nanopublications (signed with the RSA private key in PEM file ``key``, if given). Pick ``chosen`` with
    :func:`format_for`; :meth:`jakgraph.api.Graph.export` shows it at work.
    """
    output = Path(output)
    if key is not None and chosen.kind != "nanopub":
        raise UserError(f"--key signs nanopublications; {chosen.title} is not signed")
    if chosen.kind == "nanopub":
        from .nanopub import write_nanopubs

        written = write_nanopubs(store, output, key)
        return Exported(chosen, output, nanopubs=written.total, signed=written.signed)
    if chosen.kind == "kgx":
        from .kgx import write_kgx

        nodes, edges = write_kgx(store, output)
        return Exported(chosen, output, nodes, edges)
    if chosen.kind == "network":
        from .network import write_network

        write_network(store, chosen.name, output)
        return Exported(chosen, output)
    from .atomic import write_atomically
    from .rdf import export

    def write(path: Path) -> None:
        with path.open("wb") as handle:
            export(store, chosen.name, handle)

    write_atomically(output, write)
    return Exported(chosen, output)
