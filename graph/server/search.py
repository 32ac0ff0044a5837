"""Search by label (``/search?q=``): the records whose English or Spanish name contains the words typed.

Names are the ``rdfs:label``, ``skos:prefLabel`` and ``skos:altLabel`` of the project's own records (external
identifiers have their pages elsewhere), matched without regard to case, accents or
punctuation (``sindrome`` finds ``síndrome VEXAS``): a whole name first, then names that start with the text, then
a word that does, then any name that contains it. Parts of a record (an evidence item's results, dosing and
adverse-event observations, a conflict's readings) and mapping axioms are left out: their pages are reached from
the record. Each worker indexes the names once per build.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jakgraph.ontology.namespaces import BASE, PREFIXES, VOCAB, compact

from .worker import Reply

if TYPE_CHECKING:
    from jakgraph.graph.store.embedded import EmbeddedStore

NAME_PREDICATES = (PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "prefLabel", PREFIXES["skos"] + "altLabel")
RDF_TYPE = PREFIXES["rdf"] + "type"
LEFT_OUT = frozenset({PREFIXES["owl"] + "Axiom", *(VOCAB + name for name in (
    "ResultFigure", "AdverseEventObservation", "DosingRegimen", "Reading", "DrugAttribution"))})
KIND_ORDER = tuple(VOCAB + name for name in ("Drug", "Disease", "AdverseEvent", "DrugProduct", "OutcomeMeasure",
                                             "StudyDesign", "EvidenceItem"))
LIMIT = 50


def folded(text: str) -> str:
    """Text as matched: accents dropped, case folded, anything but letters and digits as single spaces.

    >>> folded("Síndrome  VEXAS-like")
    'sindrome vexas like'
    """
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", plain.casefold()).split())


@dataclass(frozen=True)
class Entry:
    """One name of one record."""

    iri: str
    name: str
    lang: str
    key: str


@dataclass(frozen=True)
class Hit:
    """A record found: its IRI, English name, the name that matched and its language, and its kinds."""

    iri: str
    label: str
    matched: str
    lang: str
    kinds: tuple[str, ...]
    rank: int

    def as_json(self) -> dict[str, Any]:
        return {"iri": self.iri, "curie": compact(self.iri), "label": self.label, "matched": self.matched,
                "lang": self.lang, "kinds": list(self.kinds)}


class NameIndex:
    """Every name of the graph's records, with each record's English name and kinds (labels of its types)."""

    def __init__(self, store: Any) -> None:
        from pyoxigraph import NamedNode

        types: dict[str, set[str]] = {}
        for quad in store.quads_for_pattern(None, NamedNode(RDF_TYPE), None, None):
            if type(quad.subject).__name__ == "NamedNode":
                types.setdefault(quad.subject.value, set()).add(quad.object.value)
        self.entries: list[Entry] = []
        self.english: dict[str, str] = {}
        seen = set()
        for predicate in NAME_PREDICATES:
            for quad in store.quads_for_pattern(None, NamedNode(predicate), None, None):
                iri, name = quad.subject.value, quad.object.value
                lang = getattr(quad.object, "language", None) or ""
                if not iri.startswith(BASE) or types.get(iri, set()) & LEFT_OUT:
                    continue
                if lang == "en" or (lang == "" and iri not in self.english):
                    self.english.setdefault(iri, name)
                if (iri, name, lang) not in seen:
                    seen.add((iri, name, lang))
                    self.entries.append(Entry(iri, name, lang, folded(name)))
        self.types = {iri: tuple(sorted(found)) for iri, found in types.items()}

    def kinds(self, iri: str) -> tuple[str, ...]:
        return tuple(self.english.get(kind, compact(kind)) for kind in self.types.get(iri, ()))

    def search(self, text: str, limit: int = LIMIT) -> list[Hit]:
        """The records with a name matching ``text``, best first."""
        wanted = folded(text)
        if not wanted:
            return []
        best: dict[str, tuple[int, Entry]] = {}
        for entry in self.entries:
            rank = match_rank(entry.key, wanted)
            if rank is not None and (entry.iri not in best or (rank, lang_rank(entry.lang)) < (best[entry.iri][0], lang_rank(best[entry.iri][1].lang))):
                best[entry.iri] = (rank, entry)
        hits = [Hit(iri, self.english.get(iri, entry.name), entry.name, entry.lang, self.kinds(iri), rank)
                for iri, (rank, entry) in best.items()]
        hits.sort(key=lambda hit: (hit.rank, kind_rank(self.types.get(hit.iri, ())), hit.label.casefold(), hit.iri))
        return hits[:limit]


def match_rank(key: str, wanted: str) -> int | None:
    """0: the whole name; 1: the name starts with it; 2: a word does; 3: the name contains it; None: no match."""
    if key == wanted:
        return 0
    if key.startswith(wanted):
        return 1
    if (" " + key).find(" " + wanted) >= 0:
        return 2
    if wanted in key:
        return 3
    return None


def lang_rank(lang: str) -> int:
    return {"en": 0, "es": 1}.get(lang, 2)


def kind_rank(types: tuple[str, ...]) -> int:
    return min((KIND_ORDER.index(kind) for kind in types if kind in KIND_ORDER), default=len(KIND_ORDER))


_INDEXES: dict[str, NameIndex] = {}


def name_index(store: "EmbeddedStore") -> NameIndex:
    """The index of the store's current build, made once per build in this process."""
    build = store.build_name
    if build not in _INDEXES:
        _INDEXES.clear()
        _INDEXES[build] = NameIndex(store.database)
    return _INDEXES[build]


@dataclass(frozen=True)
class SearchJob:
    """Search the names for ``text``: ``{"query": …, "results": [{"iri", "curie", "label", "matched", "lang",
    "kinds"}]}``."""

    text: str
    limit: int = LIMIT

    def answer(self, store: "EmbeddedStore") -> Reply:
        hits = name_index(store).search(self.text, self.limit)
        body = {"query": self.text, "results": [hit.as_json() for hit in hits]}
        return Reply(200, "application/json", json.dumps(body, ensure_ascii=False).encode("utf-8"))
