"""External identifiers: the SSSOM TSV mapping file, as SKOS mapping triples with their justification."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef

from jakgraph.errors import CurationError
from jakgraph.ontology.terms import DCTERMS, OWL, RDF, RDFS, SEMAPV, SKOS, SSSOM, XSD

from .catalog import Curated
from .schema import MAPPING_COLUMNS, MAPPING_PREDICATES, MAPPINGS_FILE
from .table import read_text

KIND_FILES = {"drug": "drugs.tsv", "isoform": "isoforms.tsv", "disease": "diseases.tsv",
              "design": "study_designs.tsv", "adverse-event": "adverse_events.tsv"}


def curie_map(lines: list[str]) -> dict[str, str]:
    """Prefixes of the commented YAML header's ``curie_map`` block."""
    prefixes: dict[str, str] = {}
    inside = False
    for line in lines:
        if not line.startswith("#"):
            break
        body = line[1:]
        if body.startswith("curie_map:"):
            inside = True
        elif inside and body.startswith("  ") and ":" in body:
            key, _, value = body.strip().partition(": ")
            prefixes[key] = value.strip()
        else:
            inside = False
    return prefixes


def expand(curie: str, prefixes: dict[str, str], line: int, field: str) -> URIRef:
    prefix, sep, local = curie.partition(":")
    if not sep or prefix not in prefixes or not local:
        raise CurationError(MAPPINGS_FILE, line, field, f"{curie!r} is not a CURIE with a prefix of the curie_map")
    return URIRef(prefixes[prefix] + local)


def load(directory: Path, curated: Curated, graph: Graph) -> None:
    lines = read_text(directory / MAPPINGS_FILE).splitlines()
    prefixes = curie_map(lines)
    if "jakgraph" not in prefixes:
        raise CurationError(MAPPINGS_FILE, None, "curie_map", "has no jakgraph prefix")
    table = [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    header_line, header = table[0]
    columns = header.split("\t")
    missing = [c for c in MAPPING_COLUMNS if c not in columns]
    if missing:
        raise CurationError(MAPPINGS_FILE, header_line, missing[0], "column is missing from the header")
    known = {kind: set(curated.by_id(name)) for kind, name in KIND_FILES.items()}
    seen: set[tuple[str, str, str]] = set()
    for number, line in table[1:]:
        cells = dict(zip(columns, line.split("\t")))
        subject_id, predicate_id, object_id = cells.get("subject_id", ""), cells.get("predicate_id", ""), cells.get("object_id", "")
        kind, _, ident = subject_id.removeprefix("jakgraph:").partition("/")
        if not subject_id.startswith("jakgraph:") or kind not in known:
            raise CurationError(MAPPINGS_FILE, number, "subject_id", f"{subject_id!r} is not a jakgraph drug, isoform, disease, design or adverse event")
        if ident not in known[kind]:
            raise CurationError(MAPPINGS_FILE, number, "subject_id", f"unknown {kind} {ident!r} (not an id in {KIND_FILES[kind]})")
        if predicate_id not in MAPPING_PREDICATES:
            raise CurationError(MAPPINGS_FILE, number, "predicate_id", f"unknown predicate {predicate_id!r} (expected one of: {', '.join(MAPPING_PREDICATES)})")
        key = (subject_id, predicate_id, object_id)
        if key in seen:
            continue  # the same mapping seen in two reference rows
        seen.add(key)
        subject = expand(subject_id, prefixes, number, "subject_id")
        predicate = SKOS[predicate_id.removeprefix("skos:")]
        target = expand(object_id, prefixes, number, "object_id")
        graph.add((subject, predicate, target))
        if cells.get("object_label"):
            graph.add((target, RDFS.label, Literal(cells["object_label"])))
        graph.add((target, SKOS.notation, Literal(object_id)))
        axiom = URIRef(f"{prefixes['jakgraph']}mapping/{kind}/{ident}/{predicate_id.removeprefix('skos:')}/"
                       f"{object_id.replace(':', '-')}")
        graph.add((axiom, RDF.type, OWL.Axiom))
        graph.add((axiom, OWL.annotatedSource, subject))
        graph.add((axiom, OWL.annotatedProperty, predicate))
        graph.add((axiom, OWL.annotatedTarget, target))
        graph.add((axiom, SSSOM.mapping_justification, SEMAPV[cells.get("mapping_justification", "").removeprefix("semapv:")]))
        if cells.get("confidence"):
            try:
                graph.add((axiom, SSSOM.confidence, Literal(float(cells["confidence"]), datatype=XSD.double)))
            except ValueError:
                raise CurationError(MAPPINGS_FILE, number, "confidence", f"{cells['confidence']!r} is not a number") from None
        if cells.get("comment"):
            graph.add((axiom, RDFS.comment, Literal(cells["comment"])))
        graph.add((axiom, DCTERMS.source, URIRef("https://w3id.org/jakgraph/mappings.sssom.tsv")))
