"""Typed records of the curated tables: one frozen dataclass per file, fields named as its columns.

A record's fields are its table's columns, in order, and their types say how a cell is read: ``str`` (text),
``int``, ``Decimal``, a ``Literal`` of the closed list, ``tuple[str, ...]`` (a ``;`` list of ids),
``tuple[int, ...]`` (reference numbers, ranges expanded) or ``tuple[Locator, ...]`` (places in the review).
A field without a default must be filled in the file; ``| None`` and ``()`` defaults mark optional cells.
Field metadata adds what a type cannot say: that a text is an id (``slug``), points to the ids of another
file (``link``) or is a date, or that a decimal cannot be negative (``amount``). Rules between the cells of one
record (a minimum not above its maximum …) are in :mod:`jakgraph.loaders.rules`. :mod:`jakgraph.loaders.reading` reads files into these records.

>>> Locator(table=3, row="Psoriasis"), Locator(paragraph=92)
(Locator(table=3, row='Psoriasis', paragraph=None), Locator(table=None, row=None, paragraph=92))
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar, Literal

from jakgraph.errors import CurationError
from jakgraph.ontology.namespaces import KIND_PREFIXES

NON_DRUG_COMPARATORS = ("placebo", "vehicle")

Role = Literal["jak-inhibitor", "comparator", "concomitant"]
Route = Literal["oral", "topical", "systemic", "subcutaneous"]
Vehicle = Literal["cream", "ointment"]
DiseaseKind = Literal["group", "disorder"]
DoseUnit = Literal["mg", "percent"]
Frequency = Literal["once-daily", "twice-daily", "once-or-twice-daily"]
AdverseEventStatus = Literal["reported", "none-reported", "none-serious", "none-attributable", "not-stated",
                             "none-leading-to-dose-reduction-or-discontinuation", "no-significant-findings"]
ResultUnit = Literal["percent", "points", "score", "count", "lesions", "mm"]
TimeUnit = Literal["day", "week", "month"]
Agency = Literal["fda", "ema"]
Severity = Literal["mild-to-moderate", "moderate-to-severe"]
ApprovalStatus = Literal["approved", "none-listed"]
Metric = Literal["rate-per-100py", "count", "percentage", "odds-ratio", "relative-risk", "qualitative"]
Direction = Literal["higher", "lower", "similar", "not-significant"]
RecommendationBody = Literal["jak-task-force", "prac-ema", "ema-smpc", "review-authors"]
RecommendationKind = Literal["assessment", "monitoring", "vaccination", "restriction", "recommended-dose",
                             "dose-adjustment"]
Phase = Literal["before-treatment", "during-treatment"]
RegulatoryBody = Literal["fda", "ema", "prac-ema", "jak-task-force"]
ConflictKind = Literal["count", "percentage", "design", "dose", "formulation", "reference", "classification",
                       "omission", "overstatement", "threshold", "placement", "scope", "finding"]
# structured readings of what the review says in words (issue 13): significance, comparison, switches, actions
Significance = Literal["significant", "not-significant", "not-superior"]
ComparisonDirection = Literal["better", "not-different", "worse"]
SwitchReason = Literal["adverse-event", "insufficient-response", "not-stated"]
SwitchOutcome = Literal["improved", "stabilized", "no-improvement", "worsened"]
RequestedAction = Literal["take-history", "examine", "screen", "test", "check-vaccination-status", "vaccinate",
                          "follow-up", "restrict-use", "use-dose", "reduce-dose", "adjust-dose"]
FindingOutcome = Literal["approval-of-off-label-use"]
OverlapKind = Literal["same-patients", "same-study", "same-reference"]
OverlapBasis = Literal["stated", "inferred"]
MappingPredicate = Literal["skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch",
                           "skos:relatedMatch"]


@dataclass(frozen=True)
class Locator:
    """A place in the review: table ``table`` row ``row``, or paragraph ``paragraph``."""

    table: int | None = None
    row: str | None = None
    paragraph: int | None = None

    def __str__(self) -> str:
        return f"T{self.table}/{self.row}" if self.table else f"P{self.paragraph}"


@dataclass(frozen=True)
class RecordLink:
    """A curated record named by its CURIE, as the graph names it: ``evidence:baricitinib--psoriasis--18``."""

    prefix: str
    ident: str

    def __str__(self) -> str:
        return f"{self.prefix}:{self.ident}"

    @property
    def file(self) -> str:
        """The curated file the record lives in."""
        return LINKABLE_FILES[self.prefix]

    @property
    def kind(self) -> str:
        """The path segment of the record's IRI (``evidence``, ``table7-row``)."""
        return KIND_PREFIXES[self.prefix]


@dataclass(frozen=True)
class DrugRefs:
    """One drug of a Table 7 cell and the reference numbers printed after it."""

    drug: str
    refs: tuple[int, ...]


def slug(default: Any = ..., *, extra: tuple[str, ...] = ()) -> Any:
    """A field holding identifiers (lower-case words joined by ``-``), or one of ``extra``."""
    return _field(default, kind="id", extra=extra)


def link(file: str, default: Any = ..., *, extra: tuple[str, ...] = ()) -> Any:
    """A field holding ids of records of ``file`` (or one of ``extra``), checked once all files are read."""
    return _field(default, kind="id", ref=file, extra=extra)


def date() -> Any:
    """A required date field: YYYY, YYYY-MM or YYYY-MM-DD."""
    return _field(..., kind="date")


def amount() -> Any:
    """An optional decimal that cannot be negative (a dose, a time point, a percentage, patient-years)."""
    return _field(None, nonnegative=True)


def table_name() -> Any:
    """A required field naming a curated file whose records have ids."""
    return _field(..., kind="table")


def _field(default: Any, **metadata: Any) -> Any:
    if default is ...:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True, kw_only=True, slots=True)
class Record:
    """A row of a curated file; ``line`` is its 1-based line in the file (the header is line 1 or later)."""

    FILE: ClassVar[str] = ""
    NOUN: ClassVar[str] = ""

    line: int = 0

    @property
    def file(self) -> str:
        return self.FILE

    def error(self, field: str | None, message: str) -> CurationError:
        """A one-line error naming this record's file, line and ``field``."""
        return CurationError(self.FILE, self.line or None, field, message)


@dataclass(frozen=True, kw_only=True, slots=True)
class Identified(Record):
    """A record with an ``id``, unique in its file; other records point to it by that id."""

    id: str = slug()


# -- reference records ---------------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, slots=True)
class Isoform(Identified):
    FILE: ClassVar[str] = "isoforms.tsv"
    NOUN: ClassVar[str] = "isoform"

    label_en: str
    label_es: str
    gene_symbol: str
    source: tuple[Locator, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class SelectivityClass(Identified):
    FILE: ClassVar[str] = "selectivity_classes.tsv"
    NOUN: ClassVar[str] = "selectivity class"

    label_en: str
    label_es: str
    isoforms: tuple[str, ...] = link("isoforms.tsv")
    definition: str
    source: tuple[Locator, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Drug(Identified):
    FILE: ClassVar[str] = "drugs.tsv"
    NOUN: ClassVar[str] = "drug"

    label_en: str
    label_es: str
    role: Role
    inhibits: tuple[str, ...] = link("isoforms.tsv", ())
    selectivity: str | None = link("selectivity_classes.tsv", None)
    mechanism: str | None = None
    source: tuple[Locator, ...]
    refs: tuple[int, ...] = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Product(Identified):
    FILE: ClassVar[str] = "products.tsv"
    NOUN: ClassVar[str] = "product"

    drug: str = link("drugs.tsv")
    route: Route | None = None
    formulation: Vehicle | None = None
    label_en: str
    label_es: str
    source: tuple[Locator, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Disease(Identified):
    FILE: ClassVar[str] = "diseases.tsv"
    NOUN: ClassVar[str] = "disease"

    label_en: str
    label_es: str
    kind: DiseaseKind
    broader: tuple[str, ...] = link("diseases.tsv", ())
    counted_as: str | None = link("diseases.tsv", None)
    note: str | None = None
    source: tuple[Locator, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class StudyDesign(Identified):
    FILE: ClassVar[str] = "study_designs.tsv"
    NOUN: ClassVar[str] = "study design"

    label_en: str
    label_es: str
    rank: int
    definition: str
    rank_rationale: str


@dataclass(frozen=True, kw_only=True, slots=True)
class AdverseEvent(Identified):
    FILE: ClassVar[str] = "adverse_events.tsv"
    NOUN: ClassVar[str] = "adverse event"

    label_en: str
    label_es: str | None = None
    definition: str


@dataclass(frozen=True, kw_only=True, slots=True)
class OutcomeMeasure(Identified):
    FILE: ClassVar[str] = "outcome_measures.tsv"
    NOUN: ClassVar[str] = "outcome measure"

    abbreviation: str | None = None
    label_en: str
    definition: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Population(Identified):
    FILE: ClassVar[str] = "populations.tsv"
    NOUN: ClassVar[str] = "population"

    label_en: str
    label_es: str | None = None
    definition: str


# -- evidence ------------------------------------------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, slots=True)
class EvidenceItem(Identified):
    """An off-label evidence item: one study, or studies the review reports together."""

    FILE: ClassVar[str] = "evidence_items.tsv"
    NOUN: ClassVar[str] = "evidence item"

    drug: str = link("drugs.tsv")
    product: str = link("products.tsv")
    disease: str = link("diseases.tsv")
    design: str = link("study_designs.tsv")
    n_studies: int | None = None
    n_patients: int | None = None
    dose_min: Decimal | None = amount()
    dose_max: Decimal | None = amount()
    dose_unit: DoseUnit | None = None
    frequency: Frequency | None = None
    vehicle: Vehicle | None = None
    dose_text: str | None = None
    measures: tuple[str, ...] = link("outcome_measures.tsv", ())
    result: str
    ae_status: AdverseEventStatus
    comparator: str | None = link("products.tsv", None, extra=NON_DRUG_COMPARATORS)
    comparator_result: str | None = None
    switched_from: str | None = link("products.tsv", None)
    concomitant: tuple[str, ...] = link("products.tsv", ())
    population: str | None = None
    source: tuple[Locator, ...]
    refs: tuple[int, ...]
    note: str | None = None
    significance: Significance | None = None
    significance_measures: tuple[str, ...] = link("outcome_measures.tsv", ())
    comparator_direction: ComparisonDirection | None = None
    switch_reason: SwitchReason | None = None
    switch_reason_event: str | None = link("adverse_events.tsv", None)
    switch_outcome: SwitchOutcome | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class EvidenceAdverseEvent(Record):
    """An adverse event an evidence item reports, with its count where the review gives one."""

    FILE: ClassVar[str] = "evidence_adverse_events.tsv"
    NOUN: ClassVar[str] = "adverse event of an evidence item"

    evidence_item: str = link("evidence_items.tsv")
    event: str = link("adverse_events.tsv")
    count: int | None = None
    denominator: int | None = None
    percentage: Decimal | None = amount()
    description: str | None = None
    source: tuple[Locator, ...]
    causes_of_death: tuple[str, ...] = link("adverse_events.tsv", ())


@dataclass(frozen=True, kw_only=True, slots=True)
class EvidenceResult(Record):
    """A figure an evidence item reports as its result."""

    FILE: ClassVar[str] = "evidence_results.tsv"
    NOUN: ClassVar[str] = "result of an evidence item"

    evidence_item: str = link("evidence_items.tsv")
    measure: str | None = link("outcome_measures.tsv", None)
    quantity: str
    value: Decimal
    value_max: Decimal | None = None
    unit: ResultUnit
    timepoint: Decimal | None = amount()
    timepoint_unit: TimeUnit | None = None
    arm: str | None = None
    comparator_value: Decimal | None = None
    description: str | None = None
    source: tuple[Locator, ...]


# -- approvals, safety, recommendations, regulation --------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, slots=True)
class Approval(Identified):
    """A cell of Table 1: one agency, one product, one indication (or none listed)."""

    FILE: ClassVar[str] = "approvals.tsv"
    NOUN: ClassVar[str] = "approval"

    agency: Agency
    product: str = link("products.tsv")
    indication: str | None = link("diseases.tsv", None)
    severity: Severity | None = None
    status: ApprovalStatus
    population: str | None = link("populations.tsv", None)
    source: tuple[Locator, ...]
    note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class SafetyAnalysis(Identified):
    FILE: ClassVar[str] = "safety_analyses.tsv"
    NOUN: ClassVar[str] = "safety analysis"

    label_en: str
    design: str = link("study_designs.tsv")
    drugs: tuple[str, ...] = link("drugs.tsv")
    population_disease: str | None = link("diseases.tsv", None)
    n_studies: int | None = None
    n_patients: int | None = None
    patient_years: Decimal | None = amount()
    n_reports: int | None = None
    comparators: tuple[str, ...] = link("drugs.tsv", (), extra=NON_DRUG_COMPARATORS)
    description: str
    source: tuple[Locator, ...]
    refs: tuple[int, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class SafetyFinding(Identified):
    FILE: ClassVar[str] = "safety_findings.tsv"
    NOUN: ClassVar[str] = "safety finding"

    analysis: str = link("safety_analyses.tsv")
    drug: str = link("drugs.tsv")
    dose_mg: Decimal | None = amount()
    event: str | None = link("adverse_events.tsv", None)  # or an outcome that is not an adverse event
    metric: Metric
    value: Decimal | None = None
    value_max: Decimal | None = None
    comparator: str | None = link("drugs.tsv", None, extra=NON_DRUG_COMPARATORS)
    comparator_value: Decimal | None = None
    direction: Direction | None = None
    description: str
    source: tuple[Locator, ...]
    refs: tuple[int, ...]
    outcome: FindingOutcome | None = None
    causes_of_death: tuple[str, ...] = link("adverse_events.tsv", ())


@dataclass(frozen=True, kw_only=True, slots=True)
class Recommendation(Identified):
    FILE: ClassVar[str] = "recommendations.tsv"
    NOUN: ClassVar[str] = "recommendation"

    body: RecommendationBody
    kind: RecommendationKind
    phase: Phase | None = None
    drug: str | None = link("drugs.tsv", None)
    population: str | None = link("populations.tsv", None)
    dose_mg: Decimal | None = amount()
    frequency: Frequency | None = None
    action: str
    source: tuple[Locator, ...]
    refs: tuple[int, ...] = ()
    requested_action: RequestedAction | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class RegulatoryEvent(Identified):
    FILE: ClassVar[str] = "regulatory_events.tsv"
    NOUN: ClassVar[str] = "regulatory event"

    date: str = date()
    body: RegulatoryBody
    kind: str
    drugs: tuple[str, ...] = link("drugs.tsv", ())
    description: str
    source: tuple[Locator, ...]
    refs: tuple[int, ...]


# -- the review's Table 7 and its contradictions ---------------------------------------------------------------
@dataclass(frozen=True, kw_only=True, slots=True)
class Table7Row(Identified):
    FILE: ClassVar[str] = "table7_rows.tsv"
    NOUN: ClassVar[str] = "Table 7 row"

    row_number: int
    dermatosis: str
    group: str | None = None
    disease: str = link("diseases.tsv")
    n_studies: int | None = None
    n_patients: int | None = None
    drug_refs: tuple[DrugRefs, ...] = ()
    source: tuple[Locator, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Conflict(Identified):
    """A place where the review contradicts itself; its readings are in ``conflict_readings.tsv``."""

    FILE: ClassVar[str] = "conflicts.tsv"
    NOUN: ClassVar[str] = "conflict"

    kind: ConflictKind
    subjects: tuple[RecordLink, ...]
    explanation: str


@dataclass(frozen=True, kw_only=True, slots=True)
class ConflictReading(Record):
    """One side of a conflict: what one place of the review states, where, and with which references."""

    FILE: ClassVar[str] = "conflict_readings.tsv"
    NOUN: ClassVar[str] = "reading of a conflict"

    conflict: str = link("conflicts.tsv")
    position: int
    stated_value: str
    source: tuple[Locator, ...]
    refs: tuple[int, ...] = ()


# -- patients the review reports in more than one record ---------------------------------------------------------
@dataclass(frozen=True, kw_only=True, slots=True)
class PatientOverlap(Identified):
    """Records that report the same study or count the same patients: evidence items, Table 7 rows, safety analyses.

    ``shared_patients`` is how many patients two or more of the members each count in their own number of patients
    (what a sum of their counts counts more than once); empty when the review does not let one tell. ``home_row``
    is the Table 7 member whose disorder the shared patients are filed under; the other Table 7 members count them a
    second time.
    """

    FILE: ClassVar[str] = "patient_overlaps.tsv"
    NOUN: ClassVar[str] = "patient overlap"

    kind: OverlapKind
    evidence_items: tuple[str, ...] = link("evidence_items.tsv", ())
    table7_rows: tuple[str, ...] = link("table7_rows.tsv", ())
    safety_analyses: tuple[str, ...] = link("safety_analyses.tsv", ())
    shared_patients: int | None = None
    home_row: str | None = link("table7_rows.tsv", None)
    basis: OverlapBasis | None = None
    refs: tuple[int, ...]
    source: tuple[Locator, ...]
    note: str

    @property
    def members(self) -> tuple[tuple[str, str], ...]:
        """Every member as (file, id)."""
        return (tuple(("evidence_items.tsv", m) for m in self.evidence_items)
                + tuple(("table7_rows.tsv", m) for m in self.table7_rows)
                + tuple(("safety_analyses.tsv", m) for m in self.safety_analyses))


# the curated files in reading order (a file is read after those its ids point into, except self-links)
RECORD_TYPES: tuple[type[Record], ...] = (
    Isoform, SelectivityClass, Drug, Product, Disease, StudyDesign, AdverseEvent, OutcomeMeasure, Population,
    EvidenceItem, EvidenceAdverseEvent, EvidenceResult, Approval, SafetyAnalysis, SafetyFinding, Recommendation,
    RegulatoryEvent, Table7Row, Conflict, ConflictReading, PatientOverlap,
)
RECORD_TYPE = {cls.FILE: cls for cls in RECORD_TYPES}

# the files a conflict's subjects may live in, by the CURIE prefix of their records' IRIs
LINKABLE_FILES: dict[str, str] = {
    "drug": Drug.FILE, "product": Product.FILE, "isoform": Isoform.FILE, "selectivity": SelectivityClass.FILE,
    "disease": Disease.FILE, "design": StudyDesign.FILE, "evidence": EvidenceItem.FILE, "ae": AdverseEvent.FILE,
    "measure": OutcomeMeasure.FILE, "population": Population.FILE, "approval": Approval.FILE,
    "analysis": SafetyAnalysis.FILE, "finding": SafetyFinding.FILE, "recommendation": Recommendation.FILE,
    "regulatory": RegulatoryEvent.FILE, "t7row": Table7Row.FILE,
}


# -- mappings ----------------------------------------------------------------------------------------------------
MAPPINGS_FILE = "mappings.sssom.tsv"

# the kinds of jakgraph record a mapping's subject may be, and the file of their ids
MAPPED_KINDS = {"drug": Drug, "isoform": Isoform, "disease": Disease, "design": StudyDesign,
                "adverse-event": AdverseEvent}


@dataclass(frozen=True, kw_only=True, slots=True)
class Mapping(Record):
    """A row of the SSSOM mapping file: a jakgraph record, a SKOS predicate and an external identifier."""

    FILE: ClassVar[str] = MAPPINGS_FILE
    NOUN: ClassVar[str] = "mapping"

    subject_id: str
    subject_label: str | None = None
    predicate_id: MappingPredicate
    object_id: str
    object_label: str | None = None
    mapping_justification: str
    confidence: float | None = None
    comment: str | None = None

    @property
    def subject_kind(self) -> str:
        """The kind of jakgraph record of the subject: ``jakgraph:disease/psoriasis`` → ``disease``."""
        return self.subject_id.removeprefix("jakgraph:").partition("/")[0]

    @property
    def subject_ident(self) -> str:
        return self.subject_id.partition("/")[2]


@dataclass(frozen=True)
class MappingSet:
    """The SSSOM file: its metadata (``mapping_set_id``, the ``curie_map`` prefixes) and its mappings.

    ``shared_objects`` are the external identifiers that more than one mapping points to: their label and
    notation are written once.
    """

    mapping_set_id: str
    prefixes: dict[str, str]
    mappings: tuple[Mapping, ...]
    shared_objects: frozenset[str] = frozenset()

    def expand(self, curie: str) -> str:
        """The IRI a CURIE of the ``curie_map`` stands for (checked on reading)."""
        prefix, _, local = curie.partition(":")
        return self.prefixes[prefix] + local

    def axiom_iri(self, mapping: Mapping) -> str:
        """The IRI of the node that annotates ``mapping`` (its justification, confidence, set)."""
        return (f"{self.prefixes['jakgraph']}mapping/{mapping.subject_kind}/{mapping.subject_ident}/"
                f"{mapping.predicate_id.removeprefix('skos:')}/{mapping.object_id.replace(':', '-')}")
