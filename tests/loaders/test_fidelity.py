"""Fidelity findings of issue 13: each curated value checked against what the review actually says.

Each test states the review's own wording (read from the text where it can be) and fails on the reading the audit
found: a vehicle left out, a route or salt form the review never states, an adverse-event status stronger than the
table's, a locator that never names its disease, one statement stored twice, a figure kept only in words.
"""
from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from curated_fixtures import curated  # noqa: F401  (fixtures)
from jakgraph.loaders.records import Disease, Drug, EvidenceItem, Product, SafetyAnalysis
from review_tables import tables


def locators(record) -> list[str]:
    return [str(loc) for loc in record.source]


# -- vehicles the prose names ---------------------------------------------------------------------------------------
RUXOLITINIB_VEHICLE = re.compile(r"ruxolitinib (?:[\d.]+% (?:or|and) )?([\d.]+)% (cream|ointment)")
CITED_SENTENCE = re.compile(r"(.+?)\.(\d+(?:[,–-]\d+)*)(?=\s|$)")


def cited_sentences(paragraph: str) -> list[tuple[str, set[int]]]:
    """The paragraph cut after each reference superscript: (text, the references it ends with)."""
    found = []
    for text, refs in CITED_SENTENCE.findall(paragraph):
        numbers: set[int] = set()
        for part in refs.split(","):
            low, _, high = part.replace("–", "-").partition("-")
            numbers |= set(range(int(low), int(high or low) + 1))
        found.append((text, numbers))
    return found


def test_every_vehicle_the_prose_names_for_ruxolitinib_is_curated(review_lines, curated):
    """Where a paragraph says ruxolitinib X% cream or ointment, the items of that study hold the vehicle (or a
    conflict on the vehicle says the table prints another one)."""
    disputed = {s.ident for c in curated.conflicts if c.kind == "formulation" for s in c.subjects if s.prefix == "evidence"}
    missing = []
    for item in curated.evidence_items:
        if item.drug != "ruxolitinib":
            continue
        for loc in item.source:
            if not loc.paragraph:
                continue
            for text, refs in cited_sentences(review_lines[loc.paragraph - 1]):
                named = RUXOLITINIB_VEHICLE.findall(text)
                if named and set(item.refs) & refs and item.id not in disputed:
                    if item.vehicle not in {vehicle for _strength, vehicle in named}:
                        missing.append((item.id, str(loc), named, item.vehicle))
    assert missing == []


def test_discoid_lupus_case_of_ref_93_used_ruxolitinib_cream(review_lines, curated):
    item = curated.by_id(EvidenceItem)["ruxolitinib--discoid-lupus-erythematosus--93"]
    assert "ruxolitinib 1.5% cream" in review_lines[124]  # P125
    assert (item.dose_min, item.vehicle, item.frequency) == (Decimal("1.5"), "cream", None)
    assert "P125" in locators(item)


# -- routes and salt forms the review never states -------------------------------------------------------------------
def test_corticosteroids_given_with_anakinra_have_no_route(review_lines, curated):
    """P33 says only corticoids; systemic corticosteroids are named in P130 alone."""
    assert "anakinra and corticoids" in review_lines[32] and "systemic corticoids" not in review_lines[32]
    products = curated.by_id(Product)
    item = curated.by_id(EvidenceItem)["baricitinib--adult-onset-still-disease--36"]
    assert {(p, products[p].route) for p in item.concomitant} == {("anakinra", None), ("corticosteroids", None)}
    assert "route not stated" in products["corticosteroids"].label_en
    systemic = products["systemic-corticosteroids"]
    assert [("systemic corticosteroids" in review_lines[loc.paragraph - 1]) for loc in systemic.source] == [True]


def test_clobetasol_is_named_without_a_salt_form(review_lines, curated):
    review = "\n".join(review_lines)
    assert "clobetasol 0.05%" in review and "propionate" not in review
    drug, product = curated.by_id(Drug)["clobetasol"], curated.by_id(Product)["topical-clobetasol"]
    assert (drug.label_en, drug.label_es, product.label_en) == ("clobetasol", "clobetasol", "clobetasol 0.05%")
    exact = {m.object_id for m in curated.mappings.mappings
             if m.subject_id == "jakgraph:drug/clobetasol" and m.predicate_id == "skos:exactMatch"}
    # the parent compound, never the propionate ester (CHEBI:31414, DB01013, CHEMBL1159650, CID 32798)
    assert exact == {"CHEBI:205919", "DRUGBANK:DB11750", "CHEMBL.COMPOUND:CHEMBL1201362", "PUBCHEM.COMPOUND:5311051",
                     "MESH:D002990"}
    assert not any("propionate" in (m.subject_label or "") for m in curated.mappings.mappings)


# -- adverse-event statuses as the tables word them ------------------------------------------------------------------
AE_CELL_STATUS = [("no adverse events leading to dose reduction or discontinuation",
                   "none-leading-to-dose-reduction-or-discontinuation"),
                  ("no significant findings", "no-significant-findings"),
                  ("none attributable", "none-attributable"), ("no severe", "none-serious"), ("no serious", "none-serious"),
                  ("none reported", "none-reported"), ("none referred", "none-reported")]


def status_of_cell(cell: str) -> str:
    text = cell.lower()
    return next((status for words, status in AE_CELL_STATUS if words in text), "reported")


def test_adverse_event_status_is_the_tables_own_wording(review_lines, curated):
    """Each table row's adverse-event cell gives the status of its items (items the cell does not describe say
    not-stated); a cell saying no event led to a dose change is not a claim of no serious events."""
    wrong = []
    for number in (2, 3, 4, 5):
        for row in tables(review_lines)[number]:
            cell = [c for c in row.cells if c][-1]  # the VEXAS row of Table 3 is printed one cell short
            expected = status_of_cell(cell)
            for item in curated.evidence_items:
                if f"T{number}/{row.label}" in locators(item) and item.ae_status != "not-stated":
                    if item.ae_status != expected:
                        wrong.append((item.id, item.ae_status, expected))
    assert wrong == []
    statuses = {i.id: i.ae_status for i in curated.evidence_items}
    assert {statuses[i] for i in ("baricitinib--adult-onset-still-disease--34",
                                  "baricitinib--adult-onset-still-disease--36")} == {
        "none-leading-to-dose-reduction-or-discontinuation"}
    assert {statuses[i] for i in ("ruxolitinib--alopecia-areata--87", "ruxolitinib--alopecia-areata--26")} == {
        "no-significant-findings"}


# -- every locator names its disease --------------------------------------------------------------------------------
# how a paragraph names a disease where it does not use the record's label
NAMED_AS = {
    "immunobullous-disorders": "immunobullous diseases", "adult-onset-still-disease": "adult still's disease",
    "aicardi-goutieres-syndrome": "aicardi-goutières", "stat1-gain-of-function-syndrome": "stat1",
    "savi": "savi", "sle-non-scarring-alopecia": "lupus erythematosus-associated alopecia",
    "adult-dermatomyositis": "dermatomyositis (adult form)", "erosive-oral-lichen-planus": "erosive oral lp",
    "lichen-planopilaris": "lp pilaris", "nail-lichen-planus": "nail lp", "cutaneous-lichen-planus": "cutaneous lp",
    "acrodermatitis-continua-of-hallopeau": "acrodermatits continua of hallopeau",  # sic, as printed
}


def test_every_paragraph_a_disease_cites_names_it(review_lines, curated):
    unnamed = []
    for disease in curated.records(Disease):
        names = {disease.label_en.lower(), NAMED_AS.get(disease.id, disease.label_en.lower())}
        for loc in disease.source:
            if loc.paragraph and not any(n in review_lines[loc.paragraph - 1].lower() for n in names):
                unnamed.append((disease.id, str(loc)))
    assert unnamed == []


def test_atopic_dermatitis_is_traced_to_table_1_and_the_safety_paragraphs(curated):
    assert locators(curated.by_id(Disease)["atopic-dermatitis"]) == [
        "T1/Abrocitinib (oral)", "T1/Baricitinib (oral)", "T1/Upadacitinib (oral)", "T1/Ruxolitinib (topical)",
        "P18", "P20", "P23", "P24", "P25"]


# -- safety findings: one record per statement, each citing its own study ----------------------------------------------
def test_a_finding_cites_only_references_of_its_analysis(curated):
    analyses = curated.by_id(SafetyAnalysis)
    wrong = [(f.id, f.refs) for f in curated.safety_findings if not set(f.refs) <= set(analyses[f.analysis].refs)]
    assert wrong == []


def test_no_statement_is_stored_twice(curated):
    """Two qualitative findings with the same drug, event, comparator, references and place are one statement."""
    keys = Counter((f.drug, f.event, f.comparator, f.refs, tuple(locators(f))) for f in curated.safety_findings
                   if f.metric == "qualitative" and f.dose_mg is None)
    assert [key for key, count in keys.items() if count > 1] == []


def test_upadacitinib_trials_20_to_22_favorable_once_and_placebo_claim_cites_21_22(curated):
    findings = {f.id: f for f in curated.safety_findings}
    favorable = [f for f in findings.values() if f.refs == (20, 21, 22)]
    assert [(f.analysis, f.event) for f in favorable] == [("upadacitinib-ad-further-rcts", "any-adverse-event")]
    placebo = [f for f in findings.values() if f.analysis == "upadacitinib-ad-placebo-controlled-rcts"]
    assert {f.refs for f in placebo} == {(21, 22)} and len(placebo) == 3


# -- the odds ratio of P180 as a structured finding ----------------------------------------------------------------
def test_off_label_approval_odds_ratio_is_a_structured_finding(review_lines, select):
    assert "(odds ratio 0.16).104" in review_lines[179]  # P180
    rows = select("""SELECT ?drug ?outcome ?metric ?value ?comparator ?direction ?where ?ref WHERE {
        ?f a jak:SafetyFinding ; jak:findingOutcome ?outcome ; jak:drug ?drug ; jak:metric ?metric ; jak:value ?value ;
           jak:comparator ?comparator ; jak:direction ?direction ; prov:wasDerivedFrom/jak:locator ?where ;
           jak:reference/jak:referenceNumber ?ref }""")
    assert [(d, o, m, Decimal(v), c, dr, w, r) for d, o, m, v, c, dr, w, r in rows] == [
        ("drug:jak-inhibitors", "c:outcome-approval-of-off-label-use", "c:metric-odds-ratio", Decimal("0.16"),
         "drug:biologics", "c:direction-lower", "P180", "104")]
