"""The columns of every curated table: which are required, their types, closed lists and cross-references."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """One column of a curated table.

    ``kind`` is one of ``text``, ``id`` (a kebab-case slug), ``ids`` (a ``;`` list of slugs), ``int``,
    ``decimal``, ``refs`` (review reference numbers), ``sources`` (locators), ``date`` or ``choice``.
    ``ref`` names the file whose ids the value must be; ``extra`` lists values allowed besides them.
    """

    name: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None
    extra: tuple[str, ...] = ()


def _c(name: str, kind: str = "text", required: bool = False, **kw) -> Column:
    return Column(name, kind, required, **kw)


SOURCE = _c("source", "sources", True)
REFS = _c("refs", "refs")
REFS_REQUIRED = _c("refs", "refs", True)
ID = _c("id", "id", True)

TABLES: dict[str, tuple[Column, ...]] = {
    "isoforms.tsv": (ID, _c("label_en", required=True), _c("label_es", required=True), _c("gene_symbol", required=True), SOURCE),
    "selectivity_classes.tsv": (ID, _c("label_en", required=True), _c("label_es", required=True),
                                _c("isoforms", "ids", True, ref="isoforms.tsv"), _c("definition", required=True), SOURCE),
    "drugs.tsv": (ID, _c("label_en", required=True), _c("label_es", required=True),
                  _c("role", "choice", True, choices=("jak-inhibitor", "comparator", "concomitant")),
                  _c("inhibits", "ids", ref="isoforms.tsv"), _c("selectivity", "id", ref="selectivity_classes.tsv"),
                  _c("mechanism"), SOURCE, REFS),
    "products.tsv": (ID, _c("drug", "id", True, ref="drugs.tsv"),
                     _c("route", "choice", choices=("oral", "topical", "systemic", "subcutaneous")),
                     _c("formulation", "choice", choices=("cream", "ointment")),
                     _c("label_en", required=True), _c("label_es", required=True), SOURCE),
    "diseases.tsv": (ID, _c("label_en", required=True), _c("label_es", required=True),
                     _c("kind", "choice", True, choices=("group", "disorder")),
                     _c("broader", "ids", ref="diseases.tsv"), _c("counted_as", "id", ref="diseases.tsv"),
                     _c("note"), SOURCE),
    "study_designs.tsv": (ID, _c("label_en", required=True), _c("label_es", required=True), _c("rank", "int", True),
                          _c("definition", required=True), _c("rank_rationale", required=True)),
    "adverse_events.tsv": (ID, _c("label_en", required=True), _c("label_es"), _c("definition", required=True)),
    "outcome_measures.tsv": (ID, _c("abbreviation"), _c("label_en", required=True), _c("definition", required=True)),
    "populations.tsv": (ID, _c("label_en", required=True), _c("label_es"), _c("definition", required=True)),
    "evidence_items.tsv": (
        ID, _c("drug", "id", True, ref="drugs.tsv"), _c("product", "id", True, ref="products.tsv"),
        _c("disease", "id", True, ref="diseases.tsv"), _c("design", "id", True, ref="study_designs.tsv"),
        _c("n_studies", "int"), _c("n_patients", "int"), _c("dose_min", "decimal"), _c("dose_max", "decimal"),
        _c("dose_unit", "choice", choices=("mg", "percent")),
        _c("frequency", "choice", choices=("once-daily", "twice-daily", "once-or-twice-daily")),
        _c("vehicle", "choice", choices=("cream", "ointment")), _c("dose_text"),
        _c("measures", "ids", ref="outcome_measures.tsv"), _c("result", required=True),
        _c("ae_status", "choice", True, choices=("reported", "none-reported", "none-serious", "none-attributable", "not-stated")),
        _c("comparator", "id", ref="products.tsv", extra=("placebo", "vehicle")), _c("comparator_result"),
        _c("switched_from", "id", ref="products.tsv"), _c("concomitant", "ids", ref="products.tsv"),
        _c("population"), SOURCE, REFS_REQUIRED, _c("note")),
    "evidence_adverse_events.tsv": (
        _c("evidence_item", "id", True, ref="evidence_items.tsv"), _c("event", "id", True, ref="adverse_events.tsv"),
        _c("count", "int"), _c("denominator", "int"), _c("percentage", "decimal"), _c("description"), SOURCE),
    "evidence_results.tsv": (
        _c("evidence_item", "id", True, ref="evidence_items.tsv"), _c("measure", "id", ref="outcome_measures.tsv"),
        _c("quantity", required=True), _c("value", "decimal", True), _c("value_max", "decimal"),
        _c("unit", "choice", True, choices=("percent", "points", "score", "count", "lesions", "mm")),
        _c("timepoint", "decimal"), _c("timepoint_unit", "choice", choices=("day", "week", "month")),
        _c("arm"), _c("comparator_value", "decimal"), _c("description"), SOURCE),
    "approvals.tsv": (
        ID, _c("agency", "choice", True, choices=("fda", "ema")), _c("product", "id", True, ref="products.tsv"),
        _c("indication", "id", ref="diseases.tsv"), _c("severity", "choice", choices=("mild-to-moderate", "moderate-to-severe")),
        _c("status", "choice", True, choices=("approved", "none-listed")), _c("population", "id", ref="populations.tsv"),
        SOURCE, _c("note")),
    "safety_analyses.tsv": (
        ID, _c("label_en", required=True), _c("design", "id", True, ref="study_designs.tsv"),
        _c("drugs", "ids", True, ref="drugs.tsv"), _c("population_disease", "id", ref="diseases.tsv"),
        _c("n_studies", "int"), _c("n_patients", "int"), _c("patient_years", "decimal"), _c("n_reports", "int"),
        _c("comparators", "ids", ref="drugs.tsv", extra=("placebo", "vehicle")), _c("description", required=True),
        SOURCE, REFS_REQUIRED),
    "safety_findings.tsv": (
        ID, _c("analysis", "id", True, ref="safety_analyses.tsv"), _c("drug", "id", True, ref="drugs.tsv"),
        _c("dose_mg", "decimal"), _c("event", "id", True, ref="adverse_events.tsv"),
        _c("metric", "choice", True, choices=("rate-per-100py", "count", "percentage", "odds-ratio", "relative-risk", "qualitative")),
        _c("value", "decimal"), _c("value_max", "decimal"), _c("comparator", "id", ref="drugs.tsv", extra=("placebo", "vehicle")),
        _c("comparator_value", "decimal"), _c("direction", "choice", choices=("higher", "lower", "similar", "not-significant")),
        _c("description", required=True), SOURCE, REFS_REQUIRED),
    "recommendations.tsv": (
        ID, _c("body", "choice", True, choices=("jak-task-force", "prac-ema", "ema-smpc", "review-authors")),
        _c("kind", "choice", True, choices=("assessment", "monitoring", "vaccination", "restriction", "recommended-dose", "dose-adjustment")),
        _c("phase", "choice", choices=("before-treatment", "during-treatment")), _c("drug", "id", ref="drugs.tsv"),
        _c("population", "id", ref="populations.tsv"), _c("dose_mg", "decimal"),
        _c("frequency", "choice", choices=("once-daily", "twice-daily", "once-or-twice-daily")),
        _c("action", required=True), SOURCE, REFS),
    "regulatory_events.tsv": (
        ID, _c("date", "date", True), _c("body", "choice", True, choices=("fda", "ema", "prac-ema", "jak-task-force")),
        _c("kind", required=True), _c("drugs", "ids", ref="drugs.tsv"), _c("description", required=True), SOURCE, REFS_REQUIRED),
    "table7_rows.tsv": (
        ID, _c("row_number", "int", True), _c("dermatosis", required=True), _c("group"),
        _c("disease", "id", True, ref="diseases.tsv"), _c("n_studies", "int"), _c("n_patients", "int"),
        _c("drug_refs", "drug_refs"), SOURCE),
    "conflicts.tsv": (
        ID, _c("subject", "id", True), _c("subject_file", "choice", True, choices=()),
        _c("aspect", "choice", True, choices=("n_patients", "n_studies", "design", "refs", "dose", "vehicle", "drugs", "result", "population")),
        _c("reading_a", required=True), _c("source_a", "sources", True), _c("reading_b", required=True),
        _c("source_b", "sources", True), _c("description", required=True)),
}

# conflicts may be about a record of any table that has an ``id`` column
TABLES["conflicts.tsv"] = tuple(
    Column(c.name, c.kind, c.required, tuple(name for name, cols in TABLES.items() if cols[0].name == "id"))
    if c.name == "subject_file" else c
    for c in TABLES["conflicts.tsv"]
)

MAPPINGS_FILE = "mappings.sssom.tsv"
MAPPING_COLUMNS = ("subject_id", "subject_label", "predicate_id", "object_id", "object_label",
                   "mapping_justification", "confidence", "comment")
MAPPING_PREDICATES = ("skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch")
