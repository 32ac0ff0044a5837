"""Pages of ``jakgraph serve``: an entity's description (HTML or its triples) and the query page."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from html import escape
from importlib.resources import files
from typing import Any, Iterator
from urllib.parse import quote

from jakgraph.ontology.namespaces import BASE, PREFIXES, compact

RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
SKOS_PREF_LABEL = PREFIXES["skos"] + "prefLabel"
XSD_STRING = PREFIXES["xsd"] + "string"
DERIVED_FROM = PREFIXES["prov"] + "wasDerivedFrom"
ANNOTATED_SOURCE = PREFIXES["owl"] + "annotatedSource"
REFERENCE = PREFIXES["jak"] + "reference"
REFERENCE_NUMBER = PREFIXES["jak"] + "referenceNumber"
LOCATOR = PREFIXES["jak"] + "locator"
INCOMING_LIMIT = 500
DEPTH_LIMIT = 4
STATIC_TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class Node:
    """A term ready to show: kind ``iri``, ``bnode`` or ``literal``, with a label and, for blank nodes, their statements."""

    kind: str
    value: str
    label: str = ""
    lang: str = ""
    datatype: str = ""
    note: str = ""
    statements: tuple[tuple["Node", tuple["Node", ...]], ...] = ()


@dataclass
class Description:
    """What an entity page shows."""

    iri: str
    labels: list[tuple[str, str]] = field(default_factory=list)
    types: list[Node] = field(default_factory=list)
    properties: list[tuple[Node, list[Node]]] = field(default_factory=list)
    derived_from: list[Node] = field(default_factory=list)
    references: list[Node] = field(default_factory=list)
    incoming: list[tuple[Node, Node]] = field(default_factory=list)
    incoming_total: int = 0
    annotations: list[Node] = field(default_factory=list)


def local_path(iri: str) -> str | None:
    """The server path that dereferences a project IRI, or None for IRIs outside the project."""
    if not iri.startswith(BASE) or iri == BASE:
        return None
    return "/" + quote(iri[len(BASE):], safe="/:@!$&'()*+,;=-._~%")


def triples_about(store: Any, subject: Any) -> Iterator[Any]:
    """The triples with ``subject`` as subject, once each even when several named graphs hold them."""
    seen = set()
    for quad in store.quads_for_pattern(subject, None, None, None):
        if quad.triple not in seen:
            seen.add(quad.triple)
            yield quad.triple


def is_known(store: Any, node: Any) -> bool:
    """Whether ``node`` is a subject, object or predicate of some triple."""
    for pattern in ((node, None, None), (None, None, node), (None, node, None)):
        if next(iter(store.quads_for_pattern(*pattern, None)), None) is not None:
            return True
    return False


def annotations_of(store: Any, node: Any) -> list[Any]:
    """Nodes that annotate a statement about ``node`` (an ``owl:Axiom`` with ``owl:annotatedSource``)."""
    from pyoxigraph import NamedNode

    found = []
    for quad in store.quads_for_pattern(None, NamedNode(ANNOTATED_SOURCE), node, None):
        if quad.subject not in found:
            found.append(quad.subject)
    return found


def is_part(node: Any, term: Any) -> bool:
    """Whether ``term`` belongs to ``node``'s description: a blank node, or an IRI below ``node``'s own."""
    kind = type(term).__name__
    return kind == "BlankNode" or (kind == "NamedNode" and term.value.startswith(node.value + "/"))


def concise_description(store: Any, node: Any) -> Iterator[Any]:
    """The entity's triples, those of its blank nodes and sub-records (dosing, results …), and annotations on it."""
    seen_nodes = {node}
    pending = [(node, 0)] + [(blank, 1) for blank in annotations_of(store, node)]
    while pending:
        subject, depth = pending.pop(0)
        for triple in triples_about(store, subject):
            yield triple
            target = triple.object
            if depth < DEPTH_LIMIT and target not in seen_nodes and is_part(node, target):
                seen_nodes.add(target)
                pending.append((target, depth + 1))


class Labeller:
    """Labels of IRIs, English first, looked up once each."""

    def __init__(self, store: Any) -> None:
        from pyoxigraph import NamedNode

        self.store = store
        self.predicates = [NamedNode(RDFS_LABEL), NamedNode(SKOS_PREF_LABEL)]
        self.cache: dict[str, str] = {}

    def __call__(self, term: Any) -> str:
        if type(term).__name__ != "NamedNode":
            return ""
        if term.value not in self.cache:
            self.cache[term.value] = self.lookup(term)
        return self.cache[term.value]

    def lookup(self, term: Any) -> str:
        for predicate in self.predicates:
            labels = [quad.object for quad in self.store.quads_for_pattern(term, predicate, None, None)]
            for label in labels:
                if getattr(label, "language", None) == "en":
                    return label.value
            if labels:
                return labels[0].value
        return ""

    def node(self, term: Any, note: str = "", statements: tuple = ()) -> Node:
        kind = type(term).__name__
        if kind == "NamedNode":
            return Node("iri", term.value, self(term), note=note, statements=statements)
        if kind == "BlankNode":
            return Node("bnode", term.value, statements=statements)
        if kind == "Literal":
            datatype = term.datatype.value if not term.language and term.datatype.value != XSD_STRING else ""
            return Node("literal", term.value, lang=term.language or "", datatype=datatype)
        return Node("literal", str(term))


def statements_of(store: Any, subject: Any, label: Labeller, depth: int = 0) -> tuple[tuple[Node, tuple[Node, ...]], ...]:
    """A blank node's properties, grouped by predicate, its own blank nodes nested."""
    grouped: dict[str, tuple[Node, list[Node]]] = {}
    for triple in triples_about(store, subject):
        predicate = label.node(triple.predicate)
        target = triple.object
        nested = statements_of(store, target, label, depth + 1) if type(target).__name__ == "BlankNode" and depth < DEPTH_LIMIT else ()
        grouped.setdefault(triple.predicate.value, (predicate, []))[1].append(label.node(target, statements=nested))
    return tuple((predicate, tuple(values)) for predicate, values in sorted(grouped.values(), key=predicate_order))


def predicate_order(entry: tuple[Node, Any]) -> tuple[int, str]:
    first = {RDF_TYPE: 0, RDFS_LABEL: 1, SKOS_PREF_LABEL: 2}
    return first.get(entry[0].value, 3), compact(entry[0].value)


def describe(store: Any, node: Any) -> Description:
    """Everything the page of ``node`` shows: labels, types, properties, provenance, incoming links, annotations."""
    from pyoxigraph import NamedNode

    label = Labeller(store)
    page = Description(node.value)
    grouped: dict[str, tuple[Node, list[Node]]] = {}
    for triple in triples_about(store, node):
        predicate, target = triple.predicate.value, triple.object
        if predicate == RDFS_LABEL:
            page.labels.append((getattr(target, "language", "") or "", target.value))
        if predicate == RDF_TYPE:
            page.types.append(label.node(target))
        if predicate == DERIVED_FROM:
            locator = first_value(store, target, NamedNode(LOCATOR))
            page.derived_from.append(label.node(target, note=locator))
        if predicate == REFERENCE:
            number = first_value(store, target, NamedNode(REFERENCE_NUMBER))
            page.references.append(label.node(target, note=f"ref. {number}" if number else ""))
        nested = statements_of(store, target, label) if type(target).__name__ == "BlankNode" else ()
        grouped.setdefault(predicate, (label.node(triple.predicate), []))[1].append(label.node(target, statements=nested))
    page.labels.sort(key=lambda pair: ({"en": 0, "es": 1}.get(pair[0], 2), pair[0], pair[1]))
    page.properties = [(predicate, values) for predicate, values in sorted(grouped.values(), key=predicate_order)]
    page.references.sort(key=lambda ref: (len(ref.note), ref.note))
    seen = set()
    for quad in store.quads_for_pattern(None, None, node, None):
        if type(quad.subject).__name__ == "BlankNode" or quad.predicate.value == ANNOTATED_SOURCE or quad.triple in seen:
            continue  # annotations are shown with their statements below
        seen.add(quad.triple)
        page.incoming_total += 1
        if len(page.incoming) < INCOMING_LIMIT:
            page.incoming.append((label.node(quad.subject), label.node(quad.predicate)))
    page.incoming.sort(key=lambda pair: (compact(pair[1].value), pair[0].label or pair[0].value))
    page.annotations = [label.node(axiom, statements=statements_of(store, axiom, label))
                        for axiom in annotations_of(store, node)]
    return page


def first_value(store: Any, subject: Any, predicate: Any) -> str:
    for quad in store.quads_for_pattern(subject, predicate, None, None):
        return quad.object.value
    return ""


def term_html(node: Node) -> str:
    """A term as HTML: project IRIs link to their page here, web IRIs to the web, blank nodes nest."""
    if node.kind == "iri":
        name = escape(node.label or compact(node.value))
        curie = f' <span class="curie">{escape(compact(node.value))}</span>' if node.label else ""
        note = f' <span class="note">{escape(node.note)}</span>' if node.note else ""
        path = local_path(node.value)
        if path is not None:
            return f'<a href="{escape(path)}">{name}</a>{curie}{note}'
        if node.value.startswith(("http://", "https://")):
            return f'<a class="external" href="{escape(node.value)}" rel="external noopener">{name}</a>{curie}{note}'
        return f"<span>{name}</span>{curie}{note}"
    if node.kind == "bnode":
        return statements_html(node.statements) if node.statements else f'<span class="curie">_:{escape(node.value)}</span>'
    suffix = f'<span class="lang">@{escape(node.lang)}</span>' if node.lang else ""
    if node.datatype:
        suffix = f'<span class="curie">^^{escape(compact(node.datatype))}</span>'
    return f'<span class="literal">{escape(node.value)}</span>{suffix}'


def predicate_html(node: Node) -> str:
    path = local_path(node.value)
    title = f' title="{escape(node.label)}"' if node.label else ""
    text = escape(compact(node.value))
    if path is not None:
        return f'<a href="{escape(path)}"{title}>{text}</a>'
    if node.value.startswith(("http://", "https://")):
        return f'<a class="external" href="{escape(node.value)}"{title} rel="external noopener">{text}</a>'
    return f"<span{title}>{text}</span>"


def statements_html(statements: Any) -> str:
    rows = "".join(f"<tr><th>{predicate_html(p)}</th><td>{values_html(values)}</td></tr>" for p, values in statements)
    return f'<table class="properties">{rows}</table>'


def values_html(values: Any) -> str:
    if len(values) == 1:
        return term_html(values[0])
    return "<ul>" + "".join(f"<li>{term_html(value)}</li>" for value in values) + "</ul>"


def entity_page(page: Description) -> str:
    """The HTML page of an entity."""
    title = next((text for lang, text in page.labels if lang == "en"), None) or (page.labels[0][1] if page.labels else compact(page.iri))
    sections = [f'<h1>{escape(title)}</h1>',
                f'<p class="iri"><code>{escape(page.iri)}</code> <span class="curie">{escape(compact(page.iri))}</span>'
                ' · as <a href="?format=turtle">Turtle</a>, <a href="?format=jsonld">JSON-LD</a>,'
                ' <a href="?format=ntriples">N-Triples</a></p>']
    if page.labels:
        rows = "".join(f"<tr><th>{escape(lang or '—')}</th><td>{escape(text)}</td></tr>" for lang, text in page.labels)
        sections.append(f'<section><h2>Labels</h2><table class="labels">{rows}</table></section>')
    if page.types:
        sections.append("<section><h2>Types</h2>" + values_html(page.types) + "</section>")
    if page.properties:
        sections.append("<section><h2>Properties</h2>" + statements_html(page.properties) + "</section>")
    if page.derived_from or page.references:
        parts = []
        if page.derived_from:
            parts.append("<h3>Read from</h3>" + values_html(page.derived_from))
        if page.references:
            parts.append("<h3>The review's references</h3>" + values_html(page.references))
        sections.append('<section class="provenance"><h2>Provenance</h2>' + "".join(parts) + "</section>")
    if page.incoming:
        rows = "".join(f"<tr><td>{term_html(subject)}</td><td>{predicate_html(predicate)}</td></tr>"
                       for subject, predicate in page.incoming)
        more = (f'<p class="note">{page.incoming_total - len(page.incoming)} more not shown; '
                "ask the SPARQL endpoint for all.</p>") if page.incoming_total > len(page.incoming) else ""
        sections.append(f"<section><h2>Incoming links ({page.incoming_total})</h2>"
                        f'<table class="incoming"><tr><th>from</th><th>by</th></tr>{rows}</table>{more}</section>')
    if page.annotations:
        sections.append("<section><h2>Statements about its links</h2>"
                        + "".join(annotation_html(note) for note in page.annotations) + "</section>")
    return layout(title, "".join(sections))


def annotation_html(node: Node) -> str:
    """An annotation (such as a mapping's justification) as a table, under its link when it has an IRI."""
    heading = f"<p>{term_html(node)}</p>" if node.kind == "iri" else ""
    return f'<div class="annotation">{heading}{statements_html(node.statements)}</div>'


def layout(title: str, body: str) -> str:
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title)} · jakgraph</title><link rel="stylesheet" href="/static/jakgraph.css"></head>'
            '<body><header><a href="/">jakgraph</a> <span>SPARQL endpoint: <code>/sparql</code></span></header>'
            f"<main>{body}</main></body></html>\n")


def static_file(name: str) -> tuple[bytes, str] | None:
    """A file of the package's ``static`` folder and its media type, or None."""
    if "/" in name or "\\" in name or name.startswith(".") or "." not in name:
        return None
    resource = files("jakgraph.graph.server").joinpath("static").joinpath(name)
    if not resource.is_file():
        return None
    suffix = name[name.rindex("."):]
    return resource.read_bytes(), STATIC_TYPES.get(suffix, "application/octet-stream")


def script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def query_page(examples: list[tuple[str, str, str]]) -> bytes:
    """The query page, with the example queries (name, title, text) and the project's prefixes filled in."""
    found = static_file("query.html")
    assert found is not None, "static/query.html is missing from the package"
    template = found[0].decode("utf-8")
    data = {"examples": [{"name": n, "title": t, "text": q} for n, t, q in examples], "prefixes": PREFIXES,
            "base": BASE}
    return template.replace("{{DATA}}", script_json(data)).encode("utf-8")
