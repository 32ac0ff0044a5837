"""The one prefix map: CURIEs compacted and expanded in one place, and the shipped JSON-LD context equal to it."""
from __future__ import annotations

import doctest
import json
from importlib.resources import files

import pytest

from jakgraph.ontology import namespaces
from jakgraph.ontology.namespaces import LINKED_PREFIXES, PREFIXES, compact, context_text, expand


def test_the_shipped_context_is_the_prefix_map_written_out():
    shipped = files("jakgraph.ontology").joinpath("context.jsonld").read_text(encoding="utf-8")
    assert json.loads(shipped) == {"@context": {**PREFIXES, **LINKED_PREFIXES}}
    assert shipped == context_text(), ("ontology/context.jsonld drifted from ontology/namespaces.py; rewrite it with "
                                       "python -c 'from jakgraph.ontology.namespaces import context_text; "
                                       "print(context_text(), end=\"\")' > ontology/context.jsonld")


def test_linked_vocabularies_do_not_shadow_the_project_prefixes():
    assert set(PREFIXES).isdisjoint(LINKED_PREFIXES)
    assert set(PREFIXES.values()).isdisjoint(LINKED_PREFIXES.values())


@pytest.mark.parametrize("iri, curie", [
    ("https://w3id.org/jakgraph/drug/baricitinib", "drug:baricitinib"),
    ("https://w3id.org/jakgraph/adverse-event/herpes-zoster", "ae:herpes-zoster"),
    ("https://w3id.org/jakgraph/review/reference/18", "ref:18"),  # the longest namespace wins over jakgraph:
    ("https://w3id.org/jakgraph/vocab/Drug", "jak:Drug"),
    ("https://w3id.org/jakgraph/mapping/drug/baricitinib", "jakgraph:mapping/drug/baricitinib"),
    ("http://www.w3.org/2004/02/skos/core#exactMatch", "skos:exactMatch"),
])
def test_compact_and_expand_are_inverse(iri, curie):
    assert compact(iri) == curie
    assert expand(curie) == iri


@pytest.mark.parametrize("iri, shown", [
    ("https://w3id.org/jakgraph/", "https://w3id.org/jakgraph/"),
    ("https://w3id.org/jakgraph/drug/", "jakgraph:drug/"),  # never a bare prefix (drug:)
    ("http://purl.obolibrary.org/obo/MONDO_0005083", "http://purl.obolibrary.org/obo/MONDO_0005083"),
    ("https://example.org/a", "https://example.org/a"),
])
def test_compact_never_writes_a_bare_prefix_nor_a_prefix_from_outside_the_map(iri, shown):
    assert compact(iri) == shown


@pytest.mark.parametrize("text", ["nope:x", "drug:", "drug:a b", 'drug:a"b', "drug:<x>", "https://w3id.org/x",
                                  "MONDO:0005083"])
def test_expand_refuses_what_is_not_a_curie_of_the_map(text):
    with pytest.raises(ValueError):
        expand(text)


def test_linked_prefixes_expand_when_asked_for():
    assert expand("MONDO:0005083", LINKED_PREFIXES) == "http://purl.obolibrary.org/obo/MONDO_0005083"


def test_the_docstring_examples_hold():
    from jakgraph.queries import binding, catalog, results

    for module in (namespaces, results, binding, catalog):
        failed, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert tried > 0 and failed == 0, module.__name__
