"""IRIs of jakgraph as plain strings, its one prefix map, and CURIE compaction and expansion.

Kept free of rdflib and pyoxigraph (its only import is ``re``) so that a query from a cold process pays for
nothing more; loaders get the same IRIs as pyoxigraph terms from :mod:`jakgraph.ontology.terms`. The shipped JSON-LD context
(``ontology/context.jsonld``) is :func:`context_text` written out, and a test keeps the two equal.
"""
from __future__ import annotations

import re

BASE = "https://w3id.org/jakgraph/"
VOCAB = BASE + "vocab/"
CONCEPTS = BASE + "concept/"
AGENCIES = BASE + "agency/"

GRAPH_ONTOLOGY = BASE + "graph/ontology"
GRAPH_REVIEW = BASE + "graph/review"
GRAPH_MAPPINGS = BASE + "graph/mappings"

REVIEW = BASE + "review"

# one prefix per kind of record, so that records have valid CURIEs in SPARQL and Turtle (drug:baricitinib)
KIND_PREFIXES: dict[str, str] = {
    "drug": "drug", "product": "product", "isoform": "isoform", "selectivity": "selectivity",
    "disease": "disease", "design": "design", "evidence": "evidence", "ae": "adverse-event",
    "measure": "measure", "population": "population", "approval": "approval", "analysis": "safety-analysis",
    "finding": "safety-finding", "recommendation": "recommendation", "regulatory": "regulatory-event",
    "t7row": "table7-row", "conflict": "conflict", "ref": "review/reference",
    "overlap": "patient-overlap",
}

# The prefixes jakgraph writes with: CURIEs in answers, pages and KGX ids, PREFIX declarations of every query,
# prefixes of the Turtle, TriG and RDF/XML exports.
PREFIXES: dict[str, str] = {
    "jak": VOCAB,
    "jakgraph": BASE,
    **{prefix: f"{BASE}{path}/" for prefix, path in KIND_PREFIXES.items()},
    "c": CONCEPTS,
    "agency": AGENCIES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}

# The vocabularies the graph links to (the OBO ontologies its mappings point at) or borrows a few terms from
# (SHACL reports, SSSOM and SEMAPV mapping metadata). They complete the JSON-LD context, so that JSON-LD
# output compacts them, but are not used to compact answers: there an external IRI stays whole, apart from
# its ``skos:notation`` CURIE (``MONDO:0005083``), and the Turtle exports keep their prefixes.
LINKED_PREFIXES: dict[str, str] = {
    "sh": "http://www.w3.org/ns/shacl#",
    "sssom": "https://w3id.org/sssom/",
    "semapv": "https://w3id.org/semapv/vocab/",
    **{name: f"http://purl.obolibrary.org/obo/{name}_" for name in ("MONDO", "DOID", "HP", "OBI", "ECO", "CHEBI", "OAE")},
}

# a CURIE a user may type: a prefix, a colon and a local part of path segments (no quotes, brackets or spaces); a
# pattern text that re compiles when a value is first expanded (most runs expand none)
CURIE = r"^([A-Za-z][A-Za-z0-9_-]*):([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*)$"


def compact(iri: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """The IRI shortened with the longest namespace of ``prefixes`` it extends; other IRIs unchanged.

    A CURIE needs a local part, so a namespace is never written as a bare prefix (``jak:``): it is shortened
    with the next shorter namespace, if any (``jakgraph:vocab/``), as the server's pages have always shown it.

    >>> compact("https://w3id.org/jakgraph/drug/baricitinib")
    'drug:baricitinib'
    >>> compact("https://w3id.org/jakgraph/review/reference/18")
    'ref:18'
    >>> compact("http://purl.obolibrary.org/obo/MONDO_0005083")
    'http://purl.obolibrary.org/obo/MONDO_0005083'
    >>> compact("https://w3id.org/jakgraph/vocab/"), compact("https://w3id.org/jakgraph/")
    ('jakgraph:vocab/', 'https://w3id.org/jakgraph/')
    """
    best = max((ns for ns in prefixes.values() if iri.startswith(ns) and len(iri) > len(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in prefixes.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def expand(curie: str, prefixes: dict[str, str] = PREFIXES) -> str:
    """The full IRI of a CURIE with a prefix of ``prefixes``; ValueError for anything else.

    >>> expand("drug:baricitinib")
    'https://w3id.org/jakgraph/drug/baricitinib'
    >>> expand(compact("https://w3id.org/jakgraph/review/reference/18"))
    'https://w3id.org/jakgraph/review/reference/18'
    >>> expand("nope:x")
    Traceback (most recent call last):
    ...
    ValueError: 'nope:x' is not a CURIE with a known prefix
    """
    match = re.match(CURIE, curie)
    if match is None or match.group(1) not in prefixes:
        raise ValueError(f"{curie!r} is not a CURIE with a known prefix")
    return prefixes[match.group(1)] + match.group(2)


def local_part(curie: str) -> str:
    """The part of a CURIE after its prefix.

    >>> local_part(compact("https://w3id.org/jakgraph/drug/baricitinib"))
    'baricitinib'
    """
    return curie.partition(":")[2]


def context_text() -> str:
    """The JSON-LD context of jakgraph (``ontology/context.jsonld``): :data:`PREFIXES`, then :data:`LINKED_PREFIXES`.

    >>> context_text().splitlines()[2]
    '    "jak": "https://w3id.org/jakgraph/vocab/",'
    """
    import json

    return json.dumps({"@context": {**PREFIXES, **LINKED_PREFIXES}}, indent=2, ensure_ascii=False) + "\n"
