"""Facts of the review, asked of the built store with SPARQL; every expected value is read from the review."""
from __future__ import annotations

from decimal import Decimal

import pytest


def test_baricitinib_fda_approval_in_dermatology_is_alopecia_areata_only(select):
    rows = select("""SELECT ?indication WHERE { ?a jak:agency agency:fda ; jak:drug drug:baricitinib ;
                     jak:approvalStatus c:status-approved ; jak:indication ?indication }""")
    assert rows == [("disease:alopecia-areata",)]


def test_topical_ruxolitinib_has_no_ema_approval_in_table_1(select):
    rows = select("""SELECT ?status ?indication WHERE { ?a jak:agency agency:ema ; jak:product product:topical-ruxolitinib ;
                     jak:approvalStatus ?status OPTIONAL { ?a jak:indication ?indication } }""")
    assert rows == [("c:status-none-listed", "")]


def test_table_1_approvals_by_agency(select):
    rows = select("""SELECT ?agency ?drug ?indication ?severity WHERE {
                       ?a jak:agency ?agency ; jak:drug ?drug ; jak:indication ?indication
                       OPTIONAL { ?a jak:severity ?severity } }""")
    d, i = "drug:", "disease:"
    assert set(rows) == {
        ("agency:fda", d + "abrocitinib", i + "atopic-dermatitis", "c:severity-moderate-to-severe"),
        ("agency:ema", d + "abrocitinib", i + "atopic-dermatitis", "c:severity-moderate-to-severe"),
        ("agency:fda", d + "baricitinib", i + "alopecia-areata", ""),
        ("agency:ema", d + "baricitinib", i + "alopecia-areata", ""),
        ("agency:ema", d + "baricitinib", i + "atopic-dermatitis", "c:severity-moderate-to-severe"),
        ("agency:fda", d + "upadacitinib", i + "atopic-dermatitis", "c:severity-moderate-to-severe"),
        ("agency:ema", d + "upadacitinib", i + "atopic-dermatitis", "c:severity-moderate-to-severe"),
        ("agency:fda", d + "ruxolitinib", i + "atopic-dermatitis", "c:severity-mild-to-moderate"),
        ("agency:fda", d + "ruxolitinib", i + "non-segmental-vitiligo", ""),
    }


def test_baricitinib_psoriasis_rct_had_271_patients(select):
    rows = select("""SELECT ?n ?ref WHERE { ?e jak:drug drug:baricitinib ; jak:disease disease:psoriasis ;
                     jak:studyDesign design:randomized-controlled-trial ; jak:numberOfPatients ?n ;
                     jak:reference/jak:referenceNumber ?ref }""")
    assert rows == [("271", "18")]


@pytest.mark.parametrize(("dose", "event", "rate"), [
    ("100", "herpes-zoster", "2.04"), ("200", "herpes-zoster", "4.34"),
    ("100", "herpes-simplex", "8.73"), ("200", "herpes-simplex", "11.83"),
    ("100", "serious-infection", "2.65"), ("200", "serious-infection", "2.33"),
    ("100", "non-melanoma-skin-cancer", "0.6"), ("200", "non-melanoma-skin-cancer", "0.4"),
    ("100", "major-adverse-cardiovascular-event", "0.6"), ("200", "major-adverse-cardiovascular-event", "0.2"),
    ("100", "venous-thromboembolism", "0.0"), ("200", "venous-thromboembolism", "0.4"),
])
def test_abrocitinib_long_term_incidence_per_100_patient_years(select, dose, event, rate):
    rows = select(f"""SELECT ?rate WHERE {{ ?f jak:drug drug:abrocitinib ; jak:doseMg ?dose ;
                      jak:event ae:{event} ; jak:metric c:metric-rate-per-100py ; jak:value ?rate .
                      FILTER(?dose = {dose}) }}""")
    assert [Decimal(r[0]) for r in rows] == [Decimal(rate)]


def test_abrocitinib_integrated_analysis_size(select):
    rows = select("""SELECT ?n ?py WHERE { ?a jak:numberOfPatients ?n ; jak:patientYears ?py ; jak:drug drug:abrocitinib ;
                     jak:studyDesign design:pooled-analysis }""")
    assert [(int(n), Decimal(py)) for n, py in rows] == [(2856, Decimal(1614))]


def test_selectivity_is_data_not_a_list(select):
    rows = select("""SELECT ?drug ?class WHERE { ?drug jak:selectivity ?class }""")
    assert set(rows) == {
        ("drug:abrocitinib", "selectivity:jak1-selective"),
        ("drug:upadacitinib", "selectivity:jak1-selective"),
        ("drug:baricitinib", "selectivity:jak1-jak2"),
        ("drug:ruxolitinib", "selectivity:jak1-jak2"),
    }


def test_jak1_selective_drugs_with_case_series_in_autoinflammatory_disease(select):
    rows = select("""SELECT DISTINCT ?drug WHERE {
        ?drug jak:selectivity/jak:selectiveFor isoform:jak1 .
        FILTER NOT EXISTS { ?drug jak:selectivity/jak:selectiveFor ?other . FILTER(?other != isoform:jak1) }
        ?e a jak:EvidenceItem ; jak:drug ?drug ; jak:studyDesign design:case-series ;
           jak:disease/skos:broader* disease:autoinflammatory-disorders }""")
    assert rows == [("drug:upadacitinib",)]


def test_the_review_counts_37_disorders(select):
    rows = select("SELECT ?label WHERE { ?d a jak:CountedDisorder ; rdfs:label ?label FILTER(lang(?label) = 'en') }")
    assert len(rows) == 37
    assert {"acrodermatitis continua of Hallopeau", "seborrheic dermatitis", "necrobiosis lipoidica",
            "VEXAS syndrome", "lichen planus pemphigoides"} <= {r[0] for r in rows}
    assert "atopic dermatitis" not in {r[0] for r in rows}  # an approved indication, not off-label


def test_disease_hierarchy_is_followed_transitively(select):
    rows = select("""SELECT ?d WHERE { ?d skos:broader+ disease:autoinflammatory-disorders }""")
    assert {r[0].removeprefix("disease:") for r in rows} == {
        "adult-onset-still-disease", "aicardi-goutieres-syndrome", "blau-syndrome", "candle-syndrome",
        "candle-like-syndrome", "stat1-gain-of-function-syndrome", "savi", "systemic-juvenile-idiopathic-arthritis",
        "vexas-syndrome"}


@pytest.mark.parametrize(("table_only", "expected"), [
    (True, "design:randomized-controlled-trial"),   # Table 3, psoriasis row: 1 RCT (n=271) and a case report
    (False, "design:network-meta-analysis"),        # the prose adds a network meta-analysis (ref 69)
])
def test_highest_design_for_baricitinib_in_psoriasis(select, table_only, expected):
    table_filter = 'FILTER(STRSTARTS(?where, "T3/"))' if table_only else ""
    rows = select(f"""SELECT ?design WHERE {{
        {{ SELECT (MAX(?rank) AS ?top) WHERE {{ ?e jak:drug drug:baricitinib ;
              jak:disease/skos:broader* disease:psoriasis ; jak:studyDesign/jak:evidenceRank ?rank ;
              prov:wasDerivedFrom/jak:locator ?where {table_filter} }} }}
        ?design jak:evidenceRank ?top }}""")
    assert rows == [(expected,)]


def test_upadacitinib_hidradenitis_hiscr50_reached_100_percent_at_week_12(select):
    rows = select("""SELECT ?value WHERE { evidence:upadacitinib--hidradenitis-suppurativa--86 jak:result ?r .
        ?r jak:outcomeMeasure measure:hiscr ; jak:quantity ?q ; jak:value ?value ; jak:timepoint ?t .
        FILTER(?t = 12 && CONTAINS(?q, "HiSCR50")) }""")
    assert [Decimal(v) for (v,) in rows] == [Decimal(100)]


def test_fda_boxed_warning_date(select):
    rows = select("""SELECT ?date WHERE { ?e a jak:RegulatoryEvent ; jak:agency agency:fda ; dcterms:date ?date }""")
    assert rows == [("2021-09-01",)]


def test_baricitinib_dose_reduction_at_75(select):
    rows = select("""SELECT ?dose WHERE { ?r jak:drug drug:baricitinib ; jak:population population:aged-75-or-older ;
                     jak:recommendationKind c:kind-dose-adjustment ; jak:doseMg ?dose }""")
    assert [Decimal(d) for (d,) in rows] == [Decimal(2)]


def test_lichen_planus_conflict_keeps_every_reading(select):
    rows = select("""SELECT ?kind ?position ?value ?where WHERE { ?c jak:conflictAbout t7row:t7-lichen-planus ;
                     jak:conflictKind ?kind ; jak:reading ?r . ?r jak:position ?position ; jak:statedValue ?value ;
                     prov:wasDerivedFrom/jak:locator ?where }""")
    assert {(kind, int(position), where) for kind, position, _v, where in rows} == {
        ("c:conflict-count", 1, "T3/Lichen planus"), ("c:conflict-count", 2, "T4/Erosive oral lichen planus"),
        ("c:conflict-count", 3, "T7/Lichen planus")}
    assert sorted(value for _k, _p, value, _w in rows) == ["4 studies, 11 patients", "baricitinib n=8",
                                                           "upadacitinib n=2"]  # 8 + 2 printed, 11 counted


def test_every_evidence_item_is_traceable(select):
    rows = select("""SELECT ?e WHERE { ?e a jak:EvidenceItem
                     FILTER NOT EXISTS { ?e prov:wasDerivedFrom/jak:locator ?l ; jak:reference/jak:referenceNumber ?n } }""")
    assert rows == []


def test_spanish_labels_for_drugs_isoforms_and_diseases(select):
    rows = select("""SELECT ?x WHERE { VALUES ?class { jak:Drug jak:JAKIsoform jak:Disease } ?x a ?class
                     FILTER NOT EXISTS { ?x rdfs:label ?l FILTER(lang(?l) = "es") } }""")
    assert rows == []


def test_a_count_of_one_is_one_event_in_a_findings_label(select):
    labels = [label for (label,) in select("""SELECT ?label WHERE { ?f a jak:SafetyFinding ; jak:metric c:metric-count ;
                                                                  rdfs:label ?label }""")]
    assert sorted(label for label in labels if label.endswith(": 1 event")) == [
        "baricitinib 4 mg, death: 1 event", "baricitinib, gastrointestinal perforation: 1 event",
        "baricitinib, myocardial infarction: 1 event", "baricitinib, opportunistic infection: 1 event",
        "baricitinib, pulmonary embolism: 1 event"]
    assert [label for label in labels if label.endswith(" 1 events")] == []


def test_results_the_review_calls_significant(select):
    """T3 (chilblain lupus IFN score, juvenile and adult dermatomyositis scores), T4 (hidradenitis DLQI and pain),
    P91 (livedoid vasculopathy score), P126 (lichen planus lesions and mCAILS), P128 (ref 99, no measure named)."""
    rows = select("""SELECT ?e ?m WHERE { ?e jak:resultSignificance c:significance-significant
                     OPTIONAL { ?e jak:significanceMeasure ?m } }""")
    found: dict[str, set[str]] = {}
    for item, measure in rows:
        found.setdefault(item.removeprefix("evidence:"), set()).update({measure.removeprefix("measure:")} - {""})
    assert found == {
        "baricitinib--familial-chilblain-lupus--37": {"type-i-ifn-signature"},
        "baricitinib--juvenile-dermatomyositis--60": {"cdasi", "patient-parent-global-activity",
                                                      "extramuscular-global-activity", "physician-global-activity"},
        "baricitinib--adult-dermatomyositis--47": {"cdasi-activity", "dlqi"},
        "baricitinib--livedoid-vasculopathy--66": {"lv-clinical-score"},
        "upadacitinib--hidradenitis-suppurativa--86": {"dlqi", "pain-rating"},
        "ruxolitinib--cutaneous-lichen-planus--94": {"total-lesion-count", "mcails"},
        "ruxolitinib--psoriasis--99": set()}


def test_every_recommendation_names_the_act_it_asks_for(select):
    rows = select("""SELECT ?r WHERE { ?r a jak:Recommendation FILTER NOT EXISTS { ?r jak:requestedAction ?a } }""")
    assert rows == []
    assert select("SELECT (COUNT(?r) AS ?n) WHERE { ?r jak:requestedAction ?a }") == [("41",)]
