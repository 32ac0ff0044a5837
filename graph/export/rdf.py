"""Write the store as RDF: one graph (Turtle, N-Triples, RDF/XML, JSON-LD) or the dataset with its named graphs (TriG, N-Quads)."""
from __future__ import annotations

import json
from typing import IO, Any

from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import PREFIXES
from jakgraph.package_data import package_files
from jakgraph.queries.runner import run_internal

from jakgraph.graph.store.protocol import Store

GRAPH_FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "rdfxml": "RDF_XML", "jsonld": "JSON_LD"}
DATASET_FORMATS = {"trig": "TRIG", "nquads": "N_QUADS"}
RDF_FORMATS = tuple(GRAPH_FORMATS) + tuple(DATASET_FORMATS)


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context shipped in ``ontology/context.jsonld`` (never fetched from the web)."""
    return json.loads(package_files("jakgraph.ontology").joinpath("context.jsonld").read_text(encoding="utf-8"))


def export(store: Store, fmt: str, output: IO[bytes]) -> None:
    """Serialise the store to ``output`` in ``fmt`` (one of RDF_FORMATS)."""
    from pyoxigraph import RdfFormat, serialize

    if fmt in DATASET_FORMATS:
        serialize(store.quads(), output, getattr(RdfFormat, DATASET_FORMATS[fmt]), prefixes=PREFIXES)
    elif fmt == "jsonld":
        write_jsonld(store, output)
    elif fmt in GRAPH_FORMATS:
        triples = run_internal(store, "all-triples")
        prefixes = PREFIXES if fmt in ("turtle", "rdfxml") else None
        serialize(triples, output, getattr(RdfFormat, GRAPH_FORMATS[fmt]), prefixes=prefixes)
    else:
        raise UserError(f"unknown export format {fmt!r} (expected one of: {', '.join(RDF_FORMATS)})")


def write_jsonld(store: Store, output: IO[bytes]) -> None:
    """Compacted JSON-LD of the union graph, with the shipped context given inline."""
    from pyoxigraph import RdfFormat, serialize
    from rdflib import Graph

    buffer = serialize(run_internal(store, "all-triples"), format=RdfFormat.N_TRIPLES)
    graph = Graph().parse(data=buffer, format="nt")
    context = jsonld_context()["@context"]
    output.write(graph.serialize(format="json-ld", context=context, auto_compact=True).encode("utf-8"))
