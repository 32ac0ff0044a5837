"""Stored patient totals count each patient once, on a variant of the curated tables where items share patients
(:mod:`overlap_variant`): the naive sum, what it counts twice, and the difference."""
from __future__ import annotations

import pytest

from jakgraph.queries.results import rows
from jakgraph.queries.runner import run_query
from overlap_variant import variant_store


@pytest.fixture(scope="module")
def variant(tmp_path_factory):
    return variant_store(tmp_path_factory.mktemp("overlap-variant"))


def test_per_drug_totals_take_off_what_two_items_of_the_drug_both_count(variant):
    found = {r["drug_label"]: (r["patients"], r["patients_naive"], r["shared"])
             for r in rows(run_query(variant, "patients-per-drug"))}
    # baricitinib: 428 reported, the made-up granuloma annulare patient counted by two of its items;
    # upadacitinib: 28 + the VEXAS study's 4, shared only with a baricitinib item
    assert found == {"baricitinib": (427, 428, 1), "upadacitinib": (32, 32, 0), "ruxolitinib": (169, 169, 0),
                     "abrocitinib": (2, 2, 0)}


def test_table_7_rows_count_a_study_of_two_drugs_once(variant):
    found = {r["disorder"]: r for r in rows(run_query(variant, "table-7"), compact_iris=True)}
    vexas, granuloma = found["disease:vexas-syndrome"], found["disease:granuloma-annulare"]
    assert (vexas["studies"], vexas["patients"], vexas["patients_naive"], vexas["shared"]) == (1, 4, 8, 4)
    assert (granuloma["studies"], granuloma["patients"], granuloma["patients_naive"], granuloma["shared"]) == (4, 4, 5, 1)
    assert {d for d, r in found.items() if r["shared"]} == {"disease:vexas-syndrome", "disease:granuloma-annulare"}
