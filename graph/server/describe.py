"""What an entity page shows, read from the store: names, types, its own statements, the records that link to it
grouped by kind, its external identifiers and where the review states it (no HTML here: see :mod:`.entity`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from jakgraph.ontology.namespaces import PREFIXES, VOCAB, compact

RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
SKOS = PREFIXES["skos"]
SKOS_PREF_LABEL = SKOS + "prefLabel"
SKOS_ALT_LABEL = SKOS + "altLabel"
SKOS_NOTATION = SKOS + "notation"
XSD_STRING = PREFIXES["xsd"] + "string"
DERIVED_FROM = PREFIXES["prov"] + "wasDerivedFrom"
ANNOTATED_SOURCE = PREFIXES["owl"] + "annotatedSource"
ANNOTATED_PROPERTY = PREFIXES["owl"] + "annotatedProperty"
ANNOTATED_TARGET = PREFIXES["owl"] + "annotatedTarget"
JUSTIFICATION = "https://w3id.org/sssom/mapping_justification"
CONFIDENCE = "https://w3id.org/sssom/confidence"
REFERENCE = VOCAB + "reference"
REFERENCE_NUMBER = VOCAB + "referenceNumber"
LOCATOR = VOCAB + "locator"
NAME_PREDICATES = (RDFS_LABEL, SKOS_PREF_LABEL, SKOS_ALT_LABEL)
MAPPINGS = {SKOS + "exactMatch": "exact", SKOS + "closeMatch": "close", SKOS + "broadMatch": "broader",
            SKOS + "narrowMatch": "narrower", SKOS + "relatedMatch": "related"}
FIRST_PREDICATES = (SKOS + "definition", PREFIXES["rdfs"] + "comment", PREFIXES["dcterms"] + "description")
# the order a reader takes a record's own statements in: what it is about, the study, its findings, its safety,
# then where it sits in the review; predicates not named here follow, by label, and notes come last
READING_ORDER = tuple(VOCAB + name for name in (
    "drug", "product", "activeIngredient", "route", "formulation", "vehicle", "inhibits", "selectivity",
    "selectiveFor", "mechanism", "drugRole", "geneSymbol", "disease", "dermatosis", "indication", "severity",
    "population", "populationDescription", "populationDisease", "countedAs", "agency", "approvalStatus", "action",
    "requestedAction", "recommendationKind", "treatmentPhase", "eventKind", "studyDesign", "evidenceRank",
    "rankRationale", "numberOfStudies", "numberOfPatients", "numberOfReports", "patientYears", "analysis",
    "resultSummary", "resultSignificance", "significanceMeasure", "comparator", "comparisonDirection",
    "comparatorResult", "switchedFrom", "switchReason", "switchReasonEvent", "switchOutcome", "concomitantTreatment",
    "dosing", "doseText", "doseMin",
    "doseMax", "doseMg", "doseUnit", "frequency", "administrationsPerDayMin", "administrationsPerDayMax",
    "outcomeMeasure", "result", "quantity", "arm", "value", "valueMax", "unit", "comparatorValue", "timepoint",
    "timepointUnit", "metric", "direction", "adverseEventStatus", "adverseEvent", "event", "findingOutcome", "count",
    "denominator", "percentage", "causeOfDeath"))
LAST_PREDICATES = (SKOS + "note", PREFIXES["rdfs"] + "seeAlso")
# the kinds of records that link to an entity, in the order a reader wants them, with their headings
INCOMING_KINDS = {VOCAB + "EvidenceItem": "Off-label evidence", VOCAB + "RegulatoryApproval": "Approvals",
                  VOCAB + "SafetyFinding": "Safety findings", VOCAB + "SafetyAnalysis": "Safety analyses",
                  VOCAB + "Recommendation": "Recommendations"}
INCOMING_LIMIT = 500
DEPTH_LIMIT = 4
LANGUAGE_ORDER = {"en": 0, "es": 1}


@dataclass(frozen=True)
class Node:
    """A term ready to show: kind ``iri``, ``bnode`` or ``literal``, with a label and, for blank nodes and
    sub-records, their statements."""

    kind: str
    value: str
    label: str = ""
    lang: str = ""
    datatype: str = ""
    note: str = ""
    statements: tuple[tuple["Node", tuple["Node", ...]], ...] = ()


@dataclass(frozen=True)
class Name:
    """One distinct name of an entity and the languages it has (``("en", "es")``); ``alternative`` for an
    ``skos:altLabel``."""

    text: str
    languages: tuple[str, ...]
    alternative: bool = False


@dataclass(frozen=True)
class Mapping:
    """An external identifier: how it matches (``exact``, ``close`` …), its IRI and the mapping's justification."""

    relation: str
    target: Node
    justification: Node | None = None
    confidence: str = ""
    comment: str = ""


@dataclass
class IncomingGroup:
    """Records of one kind that link to the entity: (record, predicate) pairs, sorted by the record's label."""

    kind: str
    heading: str
    links: list[tuple[Node, Node]] = field(default_factory=list)


@dataclass
class Description:
    """What an entity page shows."""

    iri: str
    title: str = ""
    names: list[Name] = field(default_factory=list)
    notation: str = ""
    types: list[Node] = field(default_factory=list)
    statements: list[tuple[Node, list[Node]]] = field(default_factory=list)
    mappings: list[Mapping] = field(default_factory=list)
    derived_from: list[Node] = field(default_factory=list)
    references: list[Node] = field(default_factory=list)
    incoming: list[IncomingGroup] = field(default_factory=list)
    incoming_total: int = 0
    annotations: list[Node] = field(default_factory=list)

    @property
    def incoming_shown(self) -> int:
        return sum(len(group.links) for group in self.incoming)


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


def predicate_order(entry: tuple[Node, Any]) -> tuple[int, int, str]:
    """Definitions and comments first, then the predicates in :data:`READING_ORDER`, the others by label, notes last."""
    value = entry[0].value
    if value in FIRST_PREDICATES:
        return 0, FIRST_PREDICATES.index(value), ""
    if value in READING_ORDER:
        return 1, READING_ORDER.index(value), ""
    if value in LAST_PREDICATES:
        return 3, LAST_PREDICATES.index(value), ""
    return 2, 0, (entry[0].label or compact(value)).casefold()


def statements_of(store: Any, owner: Any, subject: Any, label: Labeller, depth: int = 0) -> tuple[tuple[Node, tuple[Node, ...]], ...]:
    """A blank node's or sub-record's properties, grouped by predicate, its own parts nested."""
    grouped: dict[str, tuple[Node, list[Node]]] = {}
    for triple in triples_about(store, subject):
        grouped.setdefault(triple.predicate.value, (label.node(triple.predicate), []))[1].append(
            part_node(store, owner, triple.object, label, depth + 1))
    return tuple((predicate, tuple(values)) for predicate, values in sorted(grouped.values(), key=predicate_order))


def part_node(store: Any, owner: Any, target: Any, label: Labeller, depth: int) -> Node:
    """A value, with its statements when it is part of ``owner`` (a blank node or an IRI below the owner's)."""
    nested = statements_of(store, owner, target, label, depth) if depth < DEPTH_LIMIT and is_part(owner, target) else ()
    return label.node(target, statements=nested)


def names_of(pairs: list[tuple[str, str, bool]]) -> list[Name]:
    """Each distinct name once with its languages, English first, then Spanish, alternative names last."""
    merged: dict[tuple[str, bool], list[str]] = {}
    for text, lang, alternative in pairs:
        languages = merged.setdefault((text, alternative), [])
        if lang not in languages:
            languages.append(lang)
    names = [Name(text, tuple(sorted(langs, key=lambda lang: (LANGUAGE_ORDER.get(lang, 2), lang))), alternative)
             for (text, alternative), langs in merged.items()]
    return sorted(names, key=lambda name: (name.alternative, min(LANGUAGE_ORDER.get(lang, 2) for lang in name.languages),
                                           name.text.casefold()))


def first_value(store: Any, subject: Any, predicate: Any) -> str:
    for quad in store.quads_for_pattern(subject, predicate, None, None):
        return quad.object.value
    return ""


def describe(store: Any, node: Any) -> Description:
    """Everything the page of ``node`` shows."""
    from pyoxigraph import NamedNode

    label = Labeller(store)
    page = Description(node.value)
    names: list[tuple[str, str, bool]] = []
    grouped: dict[str, tuple[Node, list[Node]]] = {}
    mapped: dict[tuple[str, str], Mapping] = {}
    for triple in triples_about(store, node):
        predicate, target = triple.predicate.value, triple.object
        if predicate in NAME_PREDICATES:
            names.append((target.value, getattr(target, "language", "") or "", predicate == SKOS_ALT_LABEL))
        elif predicate == SKOS_NOTATION:
            page.notation = page.notation or target.value
        elif predicate == RDF_TYPE:
            page.types.append(label.node(target))
        elif predicate == DERIVED_FROM:
            page.derived_from.append(label.node(target, note=first_value(store, target, NamedNode(LOCATOR))))
        elif predicate == REFERENCE:
            number = first_value(store, target, NamedNode(REFERENCE_NUMBER))
            page.references.append(label.node(target, note=f"ref. {number}" if number else ""))
        elif predicate in MAPPINGS:
            mapped[(predicate, target.value)] = Mapping(MAPPINGS[predicate], label.node(target))
        else:
            grouped.setdefault(predicate, (label.node(triple.predicate), []))[1].append(
                part_node(store, node, target, label, 0))
    page.names = names_of(names)
    english = [name.text for name in page.names if "en" in name.languages and not name.alternative]
    page.title = english[0] if english else page.names[0].text if page.names else compact(node.value)
    page.types.sort(key=lambda type_node: (type_node.label or type_node.value).casefold())
    page.statements = [(predicate, values) for predicate, values in sorted(grouped.values(), key=predicate_order)]
    page.references.sort(key=lambda ref: (len(ref.note), ref.note))
    for axiom in annotations_of(store, node):
        key = (first_value(store, axiom, NamedNode(ANNOTATED_PROPERTY)), first_value(store, axiom, NamedNode(ANNOTATED_TARGET)))
        if key in mapped:
            justification = first_value(store, axiom, NamedNode(JUSTIFICATION))
            mapped[key] = Mapping(mapped[key].relation, mapped[key].target,
                                  label.node(NamedNode(justification)) if justification else None,
                                  first_value(store, axiom, NamedNode(CONFIDENCE)),
                                  first_value(store, axiom, NamedNode(PREFIXES["rdfs"] + "comment")))
        else:
            page.annotations.append(label.node(axiom, statements=statements_of(store, axiom, axiom, label)))
    relations = list(MAPPINGS.values())
    page.mappings = sorted(mapped.values(), key=lambda m: (relations.index(m.relation), external_id(m.target.value)))
    page.incoming, page.incoming_total = incoming_groups(store, node, label)
    return page


def incoming_groups(store: Any, node: Any, label: Labeller) -> tuple[list[IncomingGroup], int]:
    """The records that link to ``node`` (at most :data:`INCOMING_LIMIT`), grouped by kind, and how many link."""
    from pyoxigraph import NamedNode

    rdf_type = NamedNode(RDF_TYPE)
    groups: dict[str, IncomingGroup] = {}
    seen, total = set(), 0
    for quad in store.quads_for_pattern(None, None, node, None):
        if type(quad.subject).__name__ == "BlankNode" or quad.predicate.value == ANNOTATED_SOURCE or quad.triple in seen:
            continue  # annotations are shown with the mappings they annotate
        seen.add(quad.triple)
        total += 1
        if total > INCOMING_LIMIT:
            continue
        types = sorted({q.object.value for q in store.quads_for_pattern(quad.subject, rdf_type, None, None)})
        kind = next((known for known in INCOMING_KINDS if known in types), types[0] if types else "")
        if kind not in groups:
            heading = INCOMING_KINDS.get(kind) or (label(NamedNode(kind)) if kind else "") or (compact(kind) if kind else "Other records")
            groups[kind] = IncomingGroup(kind, heading[:1].upper() + heading[1:])
        groups[kind].links.append((label.node(quad.subject), label.node(quad.predicate)))
    kinds = list(INCOMING_KINDS)
    ordered = sorted(groups.values(), key=lambda g: (kinds.index(g.kind) if g.kind in kinds else len(kinds), g.heading.casefold()))
    for group in ordered:
        group.links.sort(key=lambda pair: natural_key(pair[0].label or compact(pair[0].value)))
    return ordered, total


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that orders ``ref. 9`` before ``ref. 10`` and ignores case."""
    import re

    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text.casefold()))


def external_id(iri: str) -> str:
    """A short name for an external identifier's IRI: ``MONDO:0026777``, ``mesh:C000613732``, else the IRI.

    >>> external_id("http://purl.obolibrary.org/obo/MONDO_0026777")
    'MONDO:0026777'
    >>> external_id("https://bioregistry.io/drugbank:DB15091")
    'drugbank:DB15091'
    """
    for base in ("http://purl.obolibrary.org/obo/",):
        if iri.startswith(base) and "_" in iri[len(base):]:
            return iri[len(base):].replace("_", ":", 1)
    for base in ("https://bioregistry.io/", "http://identifiers.org/", "https://identifiers.org/"):
        if iri.startswith(base):
            return iri[len(base):]
    return iri
