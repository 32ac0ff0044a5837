"""Network totals (gap map cells, view edges, the summary and its analyses) count each patient once, on a variant of
the curated tables where evidence items share patients (:mod:`overlap_variant`)."""
from __future__ import annotations

import pytest

from overlap_variant import variant_store

BARI, UPA = "drug:baricitinib", "drug:upadacitinib"
GRANULOMA, VEXAS = "disease:granuloma-annulare", "disease:vexas-syndrome"


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    return variant_store(tmp_path_factory.mktemp("overlap-variant"))


@pytest.fixture(scope="module")
def network(variant):
    from jakgraph.graph.network.model import evidence_network

    return evidence_network(variant)


def test_count_patients_takes_off_an_overlap_once_per_extra_member():
    from jakgraph.graph.network.model import count_patients

    items = [{"patients": 5, "overlaps": ("overlap:a=2", "overlap:b=1")}, {"patients": 3, "overlaps": ("overlap:a=2",)},
             {"patients": 4, "overlaps": ("overlap:a=2", "overlap:b=1")}, {"patients": 1}]
    found = count_patients(items)
    assert (found.once, found.naive, found.shared) == (13 - 2 * 2 - 1, 13, 5)
    assert count_patients(items[:1]).shared == 0  # an overlap counts only where two of its members are summed


def test_edges_carry_the_overlaps_of_their_items(network):
    from jakgraph.graph.export.network import edge_rows

    edge = network.edges[BARI, GRANULOMA, "evidence:baricitinib--granuloma-annulare--53"]
    assert edge["overlaps"] == ("overlap:ov-made-up-granuloma-annulare=1",)
    # the ref 18 trial shares its patients with a safety analysis, which no network total sums
    assert network.edges[BARI, "disease:psoriasis", "evidence:baricitinib--psoriasis--18"]["overlaps"] == \
        ("overlap:ov-psoriasis-phase-2b-trial=271",)
    assert "overlaps" not in network.edges[BARI, "disease:psoriasis", "evidence:baricitinib--psoriasis--69"]
    header, lines = edge_rows(network)
    row = dict(zip(header, next(line for line in lines if line[2] == "evidence:baricitinib--vexas-syndrome--35")))
    assert row["overlaps"] == "overlap:ov-vexas-study=4"


def test_gap_map_cell_counts_shared_patients_once(variant, network):
    from jakgraph.graph.network.analysis import evidence_scale
    from jakgraph.graph.network.gapmap import gap_map
    from jakgraph.graph.network.view import select

    gaps = gap_map(select(network), evidence_scale(variant))
    cells = {(c.drug, c.disorder): c for c in gaps.cells}
    granuloma = cells[BARI, GRANULOMA]
    assert (granuloma.patients, granuloma.patients_naive, granuloma.shared) == (3, 4, 1)
    assert "3 patients (sum 4, 1 counted in two items)" in granuloma.tip["lines"][1]
    # one item per drug in VEXAS syndrome: each cell holds the study's 4 patients once
    assert [(cells[d, VEXAS].patients, cells[d, VEXAS].shared) for d in (BARI, UPA)] == [(4, 0), (4, 0)]


def test_summary_and_analyses_count_shared_patients_once(network):
    from jakgraph.graph.network.analysis import most_connected
    from jakgraph.graph.network.model import summary_network

    summary = summary_network(network)
    pair = summary.edges[BARI, GRANULOMA]
    assert (pair["items"], pair["patients"], pair["patients_naive"]) == (2, 3, 4)
    drugs = {c.node: (c.patients, c.shared) for c in most_connected(summary, "drug")}
    assert drugs[BARI] == (427, 1) and drugs[UPA] == (32, 0)
    disorders = {c.node: (c.patients, c.shared) for c in most_connected(summary, "disorder")}
    assert disorders[VEXAS] == (4, 4)  # the one study of both drugs
    assert disorders[GRANULOMA] == (4, 1)  # 2 + 2 baricitinib and 1 upadacitinib, one patient shared
