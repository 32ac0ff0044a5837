"""The release's description in VoID and DCAT (``void.ttl``): version, date, counts, licence, source and parts.

Counts are those of the N-Quads file: ``void:triples`` one per quad (and per named graph in its subset),
``void:entities`` the IRIs that have a type, ``void:distinctSubjects``, ``void:properties`` and ``void:classes``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from jakgraph.ontology.namespaces import BASE, PREFIXES, REVIEW, VOCAB

if TYPE_CHECKING:
    from pyoxigraph import Quad, Triple

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCTERMS = "http://purl.org/dc/terms/"
SPDX = "http://spdx.org/rdf/terms#"
SD = "http://www.w3.org/ns/sparql-service-description#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
MEDIA = "https://www.iana.org/assignments/media-types/"
LICENSE = "http://spdx.org/licenses/MIT"
SHACL = "http://www.w3.org/ns/shacl#"
RELEASES = BASE + "release/"
PREFIX_MAP = {"void": VOID, "dcat": DCAT, "dcterms": DCTERMS, "spdx": SPDX, "sd": SD, "xsd": XSD,
              "prov": PREFIXES["prov"], "owl": PREFIXES["owl"], "rdfs": PREFIXES["rdfs"]}


@dataclass(frozen=True)
class Part:
    """A file of the release: its name in the folder, media type, size and SHA-256."""

    name: str
    media_type: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Counts:
    """The VoID counts of a set of quads."""

    triples: int
    entities: int
    subjects: int
    properties: int
    classes: int
    graphs: dict[str, int]

    @classmethod
    def of(cls, quads: Iterable["Quad"]) -> "Counts":
        from pyoxigraph import NamedNode

        triples, subjects, properties, classes, typed, graphs = 0, set(), set(), set(), set(), {}
        for quad in quads:
            triples += 1
            subjects.add(quad.subject)
            properties.add(quad.predicate.value)
            if quad.predicate.value == RDF_TYPE:
                classes.add(quad.object)
                if isinstance(quad.subject, NamedNode):
                    typed.add(quad.subject.value)
            name = getattr(quad.graph_name, "value", "")
            graphs[name] = graphs.get(name, 0) + 1
        return cls(triples, len(typed), len(subjects), len(properties), len(classes), graphs)


def release_iri(version: str) -> str:
    return f"{RELEASES}{version}"


def describe(version: str, date: str, base_url: str, counts: Counts, data: list[Part], shapes: Part,
             queries: list[Part], previous: str | None) -> bytes:
    """``void.ttl``: the release as a ``void:Dataset`` and ``dcat:Dataset`` with its distributions and parts."""
    from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

    triples: list[Triple] = []
    dataset = NamedNode(release_iri(version))

    def add(subject: NamedNode | BlankNode, predicate: str, obj: NamedNode | BlankNode | Literal) -> None:
        triples.append(Triple(subject, NamedNode(predicate), obj))

    def typed(text: str | int, datatype: str) -> Literal:
        return Literal(str(text), datatype=NamedNode(XSD + datatype))

    def english(text: str) -> Literal:
        return Literal(text, language="en")

    def distribution(owner: NamedNode, part: Part, key: str) -> None:
        node = NamedNode(f"{owner.value}/distribution/{key}")
        add(owner, DCAT + "distribution", node)
        add(node, RDF_TYPE, NamedNode(DCAT + "Distribution"))
        add(node, DCTERMS + "title", Literal(part.name))
        add(node, DCAT + "downloadURL", NamedNode(base_url + part.name))
        media, _, compressed = part.media_type.partition("+gzip")
        add(node, DCAT + "mediaType", NamedNode(MEDIA + media))
        if part.media_type.endswith("+gzip"):
            add(node, DCAT + "compressFormat", NamedNode(MEDIA + "application/gzip"))
        add(node, DCAT + "byteSize", typed(part.size, "nonNegativeInteger"))
        add(node, DCTERMS + "license", NamedNode(LICENSE))
        checksum = BlankNode(f"sha256-{digest_id(node.value)}")  # the same name in every run: reproducible files
        add(node, SPDX + "checksum", checksum)
        add(checksum, RDF_TYPE, NamedNode(SPDX + "Checksum"))
        add(checksum, SPDX + "algorithm", NamedNode(SPDX + "checksumAlgorithm_sha256"))
        add(checksum, SPDX + "checksumValue", typed(part.sha256, "hexBinary"))

    add(dataset, RDF_TYPE, NamedNode(VOID + "Dataset"))
    add(dataset, RDF_TYPE, NamedNode(DCAT + "Dataset"))
    add(dataset, DCTERMS + "title", english(f"jakgraph {version}"))
    add(dataset, DCTERMS + "description", english(
        "Drug–disease–evidence relations for JAK inhibitors in dermatology, each fact with the table row or "
        "paragraph of the source review it was read from and the review's reference numbers."))
    add(dataset, DCAT + "version", Literal(version))
    add(dataset, PREFIXES["owl"] + "versionInfo", Literal(version))
    add(dataset, DCTERMS + "issued", typed(date, "date"))
    add(dataset, DCTERMS + "license", NamedNode(LICENSE))
    add(dataset, DCTERMS + "source", NamedNode(REVIEW))
    add(dataset, PREFIXES["prov"] + "wasDerivedFrom", NamedNode(REVIEW))
    if previous is not None:
        add(dataset, DCAT + "previousVersion", NamedNode(release_iri(previous)))
    add(dataset, VOID + "uriSpace", Literal(BASE))
    add(dataset, VOID + "vocabulary", NamedNode(VOCAB))
    add(dataset, VOID + "triples", typed(counts.triples, "integer"))
    add(dataset, VOID + "entities", typed(counts.entities, "integer"))
    add(dataset, VOID + "distinctSubjects", typed(counts.subjects, "integer"))
    add(dataset, VOID + "properties", typed(counts.properties, "integer"))
    add(dataset, VOID + "classes", typed(counts.classes, "integer"))
    for part in data:
        add(dataset, VOID + "dataDump", NamedNode(base_url + part.name))
        distribution(dataset, part, part.name.split(".")[1])
    for graph, size in sorted(counts.graphs.items()):
        if not graph:
            continue
        subset = NamedNode(f"{dataset.value}/graph/{graph.rsplit('/', 1)[-1]}")
        add(dataset, VOID + "subset", subset)
        add(subset, RDF_TYPE, NamedNode(VOID + "Dataset"))
        add(subset, SD + "name", NamedNode(graph))
        add(subset, VOID + "triples", typed(size, "integer"))

    shapes_node = NamedNode(f"{dataset.value}/shapes")
    add(dataset, DCTERMS + "hasPart", shapes_node)
    add(dataset, DCTERMS + "conformsTo", shapes_node)
    add(shapes_node, RDF_TYPE, NamedNode(DCAT + "Dataset"))
    add(shapes_node, DCTERMS + "title", english("SHACL shapes the graph was validated with"))
    add(shapes_node, DCTERMS + "conformsTo", NamedNode(SHACL))
    distribution(shapes_node, shapes, "turtle")

    queries_node = NamedNode(f"{dataset.value}/queries")
    add(dataset, DCTERMS + "hasPart", queries_node)
    add(queries_node, RDF_TYPE, NamedNode(DCAT + "Dataset"))
    add(queries_node, DCTERMS + "title", english("stored questions, one SPARQL query per file"))
    for part in queries:
        distribution(queries_node, part, part.name.rsplit("/", 1)[-1].removesuffix(".rq"))
    first_seen = {subject: order for order, subject in reversed(list(enumerate(t.subject for t in triples)))}
    triples.sort(key=lambda triple: first_seen[triple.subject])  # stable: each subject's triples together, in order
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIX_MAP)


def digest_id(text: str) -> str:
    """A short stable name for a blank node, from the IRI it hangs off."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
