"""The dataset knows where each node was read (curated file and row, or ontology file), beside the graph."""
from __future__ import annotations

import pytest
from pyoxigraph import NamedNode, Quad

from jakgraph.loaders import CuratedDataset, load_curated
from jakgraph.loaders.sink import Origin

JAKGRAPH = "https://w3id.org/jakgraph/"
ITEM = JAKGRAPH + "evidence/baricitinib--psoriasis--18"


@pytest.fixture(scope="module")
def dataset() -> CuratedDataset:
    return load_curated()


@pytest.mark.parametrize(("iri", "where"), [
    (JAKGRAPH + "design/case-series", "study_designs.tsv, row 4"),
    (ITEM, "evidence_items.tsv, row 40"),
    (ITEM + "/dosing", "evidence_items.tsv, row 40"),           # not a record: its item's row
    (ITEM + "/result/1", "evidence_results.tsv, row 55"),       # a record of its own file
    (JAKGRAPH + "review/reference/18", "evidence_items.tsv, row 40"),  # shared: the first record that cites it
    (JAKGRAPH + "conflict/c-tofacitinib-ra-safety-trial-refs", "conflicts.tsv, row 2"),
    (JAKGRAPH + "conflict/c-tofacitinib-ra-safety-trial-refs/reading/2", "conflict_readings.tsv, row 3"),
    (JAKGRAPH + "concept/conflict-count", "concepts.ttl"),
    ("http://purl.obolibrary.org/obo/MONDO_0004980", "mappings.sssom.tsv, row 27"),
    (JAKGRAPH + "mapping/disease/atopic-dermatitis/exactMatch/MONDO-0004980", "mappings.sssom.tsv, row 27"),
    (JAKGRAPH + "concept/unit-mg", "concepts.ttl"),
    (JAKGRAPH + "vocab/Drug", "jakgraph.ttl"),
])
def test_a_node_is_traced_to_the_file_and_row_it_was_read_from(dataset, iri, where):
    assert str(dataset.origin(iri)) == where


def test_nodes_the_code_writes_have_no_origin(dataset):
    assert dataset.origin(JAKGRAPH + "review") is None
    assert dataset.origin(JAKGRAPH + "review/table-3") is None


def test_a_node_that_is_never_a_subject_belongs_to_the_first_record_pointing_to_it():
    a, b, p = NamedNode("https://example.org/a"), NamedNode("https://example.org/b"), NamedNode("https://example.org/p")
    graph = NamedNode("https://example.org/g")
    dataset = CuratedDataset([Quad(a, p, b, graph)], {a.value: Origin("drugs.tsv", 3)})
    assert dataset.origin(b.value) == Origin("drugs.tsv", 3)
    assert dataset.origin("https://example.org/nowhere") is None


def test_origins_leave_the_graph_as_it_was(dataset):
    assert len(dataset.quads) == len(set(dataset.quads)) == 1195 + 10017 + 4869
