"""The values a stored question's parameters take, read from the graph, and names or labels turned into IRIs.

A parameter whose query names its class (the ``#+ ranges:`` decorator, e.g. ``- drug: jak:Drug``) takes the
instances of that class; one with an ``#+ enumerate:`` list takes those. A value may then be given as a CURIE or
IRI (checked to be such an instance, so that a typo is an error rather than an empty answer), or as the record's
id or its English or Spanish label (``upadacitinib``, ``autoinflammatory disorders``), matched without regard to
case, spaces or hyphens; an unknown or ambiguous name is refused with the closest matches.
"""
from __future__ import annotations

import difflib
import re
from typing import Any, NamedTuple

from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import PREFIXES, compact

from .binding import check
from .catalog import Parameter, StoredQuery
from .results import rows
from .runner import run_internal

CLOSEST = 5


class Choice(NamedTuple):
    """One valid value of a parameter: its IRI and its English and Spanish labels (empty where there is none)."""

    iri: str
    label_en: str
    label_es: str

    @property
    def curie(self) -> str:
        return compact(self.iri)

    def label(self, lang: str = "en") -> str:
        """The label in ``lang`` (``en`` or ``es``), else the English one, else the CURIE."""
        return (self.label_es if lang == "es" else "") or self.label_en or self.curie


def choices(store: Any, parameter: Parameter) -> list[Choice]:
    """The values ``parameter`` takes in ``store``, sorted by English label (case-insensitive); [] for a free one."""
    from pyoxigraph import NamedNode

    if parameter.range is None:
        return [Choice(iri, "", "") for iri in parameter.choices]
    found: dict[str, Choice] = {}
    for row in rows(run_internal(store, "instances", {"_class_iri": NamedNode(parameter.range)})):
        if row["item"] not in found:
            found[row["item"]] = Choice(row["item"], row["label_en"] or "", row["label_es"] or "")
    if parameter.choices:
        found = {iri: found.get(iri, Choice(iri, "", "")) for iri in parameter.choices}
    return sorted(found.values(), key=lambda choice: (choice.label().casefold(), choice.iri))


def resolve_values(store: Any, query: StoredQuery, given: dict[str, str]) -> dict[str, str]:
    """``given`` with each IRI parameter's value as a checked IRI of the graph: names and labels resolved,
    CURIEs and IRIs checked to be instances of the parameter's class. Other values pass unchanged."""
    resolved = {}
    for name, value in given.items():
        parameter = query.parameter(name)
        resolved[name] = value if parameter.type != "iri" else resolve_one(store, query, parameter, value)
    return resolved


def resolve_one(store: Any, query: StoredQuery, parameter: Parameter, value: str) -> str:
    """The IRI a value names, or a one-line UserError saying why it names nothing in the graph."""
    text = value.strip()
    where = f"query {query.name}, parameter {parameter.name}"
    if is_iri_form(text):
        try:
            iri = check(parameter, text)
        except ValueError as exc:
            raise UserError(f"{where}: {value!r} {exc}") from None
        if parameter.range is None or is_instance(store, iri, parameter.range):
            return iri
        raise UserError(f"{where}: {compact(iri)} is not {article(noun(store, parameter))} in the graph"
                        + closest_text(choices(store, parameter), compact(iri).split(":", 1)[-1]))
    if parameter.range is None:
        raise UserError(f"{where}: {value!r} is not an IRI (give a full http(s) IRI or a CURIE such as "
                        "drug:baricitinib)")
    options = choices(store, parameter)
    wanted = normal(text)
    matches = {choice.iri: choice for choice in options if wanted in names_of(choice)}
    if len(matches) == 1:
        return next(iter(matches))
    if matches:
        listed = ", ".join(f"{c.curie} ({c.label()})" for c in matches.values())
        raise UserError(f"{where}: {value!r} names several values: {listed}; give one as a CURIE")
    raise UserError(f"{where}: unknown {noun(store, parameter)} {value!r}" + closest_text(options, text))


def is_iri_form(text: str) -> bool:
    """Whether a value is written as an IRI (``<…>``, ``http(s)://…``) or a CURIE with a project prefix."""
    if text.startswith("<") or re.match(r"^https?://", text):
        return True
    prefix, colon, _ = text.partition(":")
    return bool(colon) and prefix in PREFIXES


def normal(text: str) -> str:
    """A name as matched: case folded, hyphens and underscores as spaces, runs of spaces as one."""
    return " ".join(re.sub(r"[-_]", " ", text).casefold().split())


def names_of(choice: Choice) -> set[str]:
    """What a value may be called: its id (the last part of its IRI), its CURIE and its labels."""
    names = {choice.curie, choice.iri.rsplit("/", 1)[-1], choice.label_en, choice.label_es}
    return {normal(name) for name in names if name}


def closest_text(options: list[Choice], text: str) -> str:
    """``; closest: drug:upadacitinib (upadacitinib), …`` for the options nearest ``text``, or nothing."""
    by_name: dict[str, Choice] = {}
    for choice in options:
        for name in names_of(choice):
            by_name.setdefault(name, choice)
    wanted = normal(text)
    containing = sorted(name for name in by_name if wanted and wanted in name)  # "upa" → upadacitinib first
    near = containing + difflib.get_close_matches(wanted, list(by_name), n=CLOSEST * 3, cutoff=0.5)
    picked = list(dict.fromkeys(by_name[name] for name in near))[:CLOSEST]
    if not picked:
        return ""
    return "; closest: " + ", ".join(f"{c.curie} ({c.label()})" for c in picked)


def is_instance(store: Any, iri: str, cls: str) -> bool:
    """Whether ``iri`` is an instance of class ``cls`` in ``store``."""
    from pyoxigraph import NamedNode

    return bool(run_internal(store, "is-instance", {"_node_iri": NamedNode(iri), "_class_iri": NamedNode(cls)}))


def noun(store: Any, parameter: Parameter) -> str:
    """What a value of the parameter is called: the English label of its class in the ontology (``drug``)."""
    from pyoxigraph import NamedNode

    if parameter.range is None:
        return parameter.name
    found = rows(run_internal(store, "english-label", {"_node_iri": NamedNode(parameter.range)}))
    return found[0]["label"] if found else parameter.name


def article(word: str) -> str:
    """``a drug``, ``an adverse event``, ``a JAK isoform``."""
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word
