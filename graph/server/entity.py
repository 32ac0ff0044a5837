"""The HTML page of an entity: its names once each, its own statements, the records that link to it grouped by
kind (evidence, approvals, safety findings, recommendations, then the rest), its external identifiers and where the
review states it."""
from __future__ import annotations

from html import escape
from typing import Iterable

from jakgraph.ontology.namespaces import PREFIXES, compact

from .describe import (DERIVED_FROM, RDF_TYPE, RDFS_LABEL, Description, IncomingGroup, Mapping, Name, Node,
                       external_id)
from .site import curie_html, layout, link

SHOWN_AT_FIRST = 8  # records of a group listed before "show more"
PREDICATE_NAMES = {PREFIXES["rdfs"] + "comment": "comment", PREFIXES["skos"] + "note": "note",
                   PREFIXES["skos"] + "definition": "definition", PREFIXES["skos"] + "broader": "broader",
                   PREFIXES["skos"] + "narrower": "narrower", PREFIXES["rdfs"] + "seeAlso": "see also",
                   DERIVED_FROM: "read from", PREFIXES["rdfs"] + "subClassOf": "subclass of",
                   PREFIXES["rdfs"] + "domain": "domain", PREFIXES["rdfs"] + "range": "range",
                   PREFIXES["dcterms"] + "isPartOf": "part of", PREFIXES["dcterms"] + "source": "source",
                   PREFIXES["dcterms"] + "title": "title", PREFIXES["dcterms"] + "date": "date",
                   PREFIXES["dcterms"] + "creator": "creator", PREFIXES["dcterms"] + "license": "licence"}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def term_html(node: Node, with_curie: bool = True) -> str:
    """A term: project IRIs link to their page here, web IRIs to the web, parts of the record nest."""
    if node.kind == "iri":
        if node.statements:
            return record_html(node)
        text = node.label or compact(node.value)
        note = f' <span class="note">{escape(node.note)}</span>' if node.note else ""
        curie = f" {curie_html(node.value)}" if node.label and with_curie else ""
        return link(node.value, text, node.value) + curie + note
    if node.kind == "bnode":
        return statements_html(node.statements) if node.statements else f'<span class="curie">_:{escape(node.value)}</span>'
    suffix = f' <span class="lang">{escape(node.lang)}</span>' if node.lang else ""
    if node.datatype:
        suffix = f' <span class="curie">{escape(compact(node.datatype))}</span>'
    return f'<span class="literal">{escape(node.value)}</span>{suffix}'


def record_html(node: Node) -> str:
    """A sub-record (an evidence item's dosing, result or adverse event) as a box: its label linked, where the
    review gives it, its statements."""
    shown = [(p, values) for p, values in node.statements if p.value not in (RDF_TYPE, RDFS_LABEL, DERIVED_FROM)]
    sources = [value for p, values in node.statements if p.value == DERIVED_FROM for value in values]
    heading = link(node.value, node.label or compact(node.value), node.value)
    read = (' <span class="note">read from ' + ", ".join(link(source.value, source.label or compact(source.value))
                                                         for source in sources) + "</span>") if sources else ""
    return f'<div class="record"><p class="record-title">{heading}{read}</p>{statements_html(shown)}</div>'


def predicate_html(node: Node) -> str:
    """A predicate by its label: the project's link to their page; standard ones (``rdfs:comment``) are named."""
    if node.value in PREDICATE_NAMES:
        return f'<span title="{escape(compact(node.value))}">{escape(PREDICATE_NAMES[node.value])}</span>'
    return link(node.value, node.label or compact(node.value), compact(node.value))


def statements_html(statements: Iterable[tuple[Node, Iterable[Node]]]) -> str:
    rows = "".join(f"<tr><th>{predicate_html(p)}</th><td>{values_html(list(values))}</td></tr>"
                   for p, values in statements)
    return f'<table class="properties">{rows}</table>'


def values_html(values: list[Node]) -> str:
    if len(values) == 1:
        return term_html(values[0])
    return "<ul>" + "".join(f"<li>{term_html(value)}</li>" for value in values) + "</ul>"


def languages_html(name: Name) -> str:
    """The languages of a name, marked: ``en, es``, each spelled out on hover."""
    spelled = ", ".join(LANGUAGE_NAMES.get(lang, lang or "no language tag") for lang in name.languages)
    return f'<span class="lang" title="{escape(spelled)}">{escape(", ".join(lang or "–" for lang in name.languages))}</span>'


def title_html(title: str, names: list[Name]) -> str:
    """The heading: the English name, with the languages that name has."""
    same = next((name for name in names if name.text == title and not name.alternative), None)
    return f"<h1>{escape(title)}" + (f" {languages_html(same)}" if same else "") + "</h1>"


def names_html(title: str, names: list[Name], notation: str) -> str:
    """Every other name once (the Spanish one, alternative names), its languages marked, and the record's id."""
    parts = []
    for name in names:
        if name.text == title and not name.alternative:
            continue
        also = "also called " if name.alternative else ""
        parts.append(f'<li>{also}<span lang="{escape(name.languages[0] or "und")}">{escape(name.text)}</span> '
                     f"{languages_html(name)}</li>")
    if notation and notation != title:
        parts.append(f'<li>id <code>{escape(notation)}</code></li>')
    return f'<ul class="names">{"".join(parts)}</ul>' if parts else ""


def incoming_html(group: IncomingGroup) -> str:
    """One kind of linking records with its count; past :data:`SHOWN_AT_FIRST`, the rest behind "show more"."""
    predicates = {predicate.value for _, predicate in group.links}
    items = [f"<li>{term_html(subject, with_curie=False)}"
             + (f' <span class="note">as {predicate_html(predicate)}</span>' if len(predicates) > 1 else "")
             + "</li>" for subject, predicate in group.links]
    first, rest = items[:SHOWN_AT_FIRST], items[SHOWN_AT_FIRST:]
    more = (f'<details class="more"><summary>show {len(rest)} more</summary><ul>{"".join(rest)}</ul></details>'
            if rest else "")
    only = "" if len(predicates) > 1 else f' <span class="note">by {predicate_html(group.links[0][1])}</span>'
    return (f'<section class="incoming" data-kind="{escape(compact(group.kind) if group.kind else "")}">'
            f'<h2>{escape(group.heading)} <span class="count">{len(group.links)}</span>{only}</h2>'
            f'<ul>{"".join(first)}</ul>{more}</section>')


def mapping_html(mapping: Mapping) -> str:
    target = mapping.target.value
    how = []
    if mapping.justification is not None:
        how.append(escape(mapping.justification.label or compact(mapping.justification.value).rsplit("/", 1)[-1]))
    if mapping.confidence:
        how.append(f"confidence {escape(mapping.confidence)}")
    detail = f'<span class="note">{" · ".join(how)}</span>' if how else ""
    comment = f' title="{escape(mapping.comment)}"' if mapping.comment else ""
    return (f'<tr{comment}><td>{escape(mapping.relation)}</td><td>{link(target, external_id(target), target)}</td>'
            f"<td>{detail}</td></tr>")


def provenance_html(page: Description) -> str:
    parts = []
    if page.derived_from:
        parts.append("<h3>Read from</h3>" + values_html(page.derived_from))
    if page.references:
        parts.append("<h3>The review's references</h3>" + values_html(page.references))
    return '<section class="provenance"><h2>Where the review says it</h2>' + "".join(parts) + "</section>"


def entity_page(page: Description) -> str:
    """The HTML page of an entity."""
    types = "".join(f'<li>{link(t.value, t.label or compact(t.value), compact(t.value))}</li>' for t in page.types)
    sections = [title_html(page.title, page.names), names_html(page.title, page.names, page.notation),
                f'<ul class="types">{types}</ul>' if types else "",
                f'<p class="iri"><code>{escape(page.iri)}</code> {curie_html(page.iri)}'
                ' · as <a href="?format=turtle">Turtle</a>, <a href="?format=jsonld">JSON-LD</a>,'
                ' <a href="?format=ntriples">N-Triples</a></p>']
    statements = [(p, values) for p, values in page.statements if p.value != DERIVED_FROM]
    if statements:
        sections.append('<section class="about"><h2>Statements</h2>' + statements_html(statements) + "</section>")
    sections.extend(incoming_html(group) for group in page.incoming)
    if page.incoming_total > page.incoming_shown:
        sections.append(f'<p class="note">{page.incoming_total - page.incoming_shown} more links not shown; '
                        "ask the SPARQL endpoint for all.</p>")
    if page.mappings:
        rows = "".join(mapping_html(mapping) for mapping in page.mappings)
        sections.append('<section class="mappings"><h2>External identifiers <span class="count">'
                        f'{len(page.mappings)}</span></h2><table class="mappings">{rows}</table></section>')
    if page.annotations:
        sections.append("<section><h2>Statements about its links</h2>"
                        + "".join(annotation_html(note) for note in page.annotations) + "</section>")
    if page.derived_from or page.references:
        sections.append(provenance_html(page))
    return layout(page.title, "".join(sections))


def annotation_html(node: Node) -> str:
    """An annotation (such as a mapping's justification) as a table, under its link when it has an IRI."""
    heading = f"<p>{link(node.value, node.label or compact(node.value))}</p>" if node.kind == "iri" else ""
    return f'<div class="annotation">{heading}{statements_html(node.statements)}</div>'
