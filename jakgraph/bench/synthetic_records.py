"""Synthetic records of the curated tables, shaped like the review's: skeleton, anchors, then random growth.

- **Skeleton**: the curated reference records themselves (isoforms, selectivity classes, drugs, products,
  diseases, study designs, adverse events, outcome measures, populations), with synthetic prose where they
  carry prose, and synthetic sources and mappings.
- **Anchors**: one synthetic evidence item per curated one, under the same id, and per drug a safety analysis,
  a recommended dose and approvals, so every stored query has answers with its default parameters; the curated
  patient overlaps over the same evidence items (and Table 7 rows).
- **Growth**: one record of a kind at a time, the kind drawn with the weight of how many records of it the
  curated tables hold, until the sink holds ``size`` triples. Closed lists (isoforms, selectivity classes,
  study designs, populations, controlled values) do not grow.

Records are yielded one by one, never held: the generator keeps only ids and labels of the records that
later ones point to.
"""
from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar, get_args

from jakgraph.loaders.curated import Curated
from jakgraph.loaders.records import (AdverseEvent, AdverseEventStatus, Approval, ComparisonDirection, Conflict,
                                      ConflictKind, ConflictReading, Direction, Disease, DiseaseKind, Drug, DrugRefs,
                                      EvidenceAdverseEvent, EvidenceItem, EvidenceResult, Frequency, Isoform, Locator,
                                      Mapping, MappingSet, Metric, OutcomeMeasure, OverlapBasis, OverlapKind,
                                      PatientOverlap, Phase, Population, Product, Recommendation, RecommendationBody,
                                      RecommendationKind, Record, RecordLink, RegulatoryBody, RegulatoryEvent,
                                      RequestedAction, Role, SafetyAnalysis, SafetyFinding, SelectivityClass, Severity,
                                      Significance, StudyDesign, SwitchOutcome, SwitchReason, Table7Row)
from jakgraph.ontology.namespaces import BASE

MATCHES = ("exactMatch", "exactMatch", "exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
MAPPED_KINDS = ("drug", "isoform", "disease", "design", "adverse-event")
CONFIDENCES = (0.9, 0.95, 1.0)
XREF = BASE + "synthetic-xref/"
TOPICAL_DOSES = tuple(Decimal(d) for d in ("0.5", "1.0", "1.5", "2.0"))
ORAL_DOSES = tuple(Decimal(d) for d in (1, 2, 4, 5, 10, 15, 30))
ADJUSTED_DOSES = tuple(Decimal(d) for d in (2, 4, 10, 15, 30))
SAFETY_DOSES = (2, 4, 15)
WEEKS = tuple(Decimal(w) for w in (4, 8, 12, 16, 24, 52))
EVENT_KINDS = ("safety-communication", "label-update", "boxed-warning", "referral")
ARMS = ("low dose", "high dose", "active")
POPULATIONS = ("adult", "paediatric", "refractory disease")
FOUR = Decimal(4)

T = TypeVar("T")


def scheme(kind: str) -> str:
    """The synthetic identifier scheme of a kind of record: ``drug`` → ``SYNDRUG``."""
    return "SYN" + kind.replace("-", "").upper()[:5]


def mapping_set() -> MappingSet:
    """The synthetic SSSOM mapping set: the jakgraph prefix and one synthetic scheme per mapped kind."""
    prefixes = {"jakgraph": BASE, **{scheme(kind): f"{XREF}{scheme(kind)}_" for kind in MAPPED_KINDS}}
    return MappingSet(BASE + "synthetic-mappings.sssom.tsv", prefixes, ())


def decimal(value: float, places: int) -> Decimal:
    """A random float as a decimal of at most ``places`` decimals: ``decimal(4.3449, 2) == Decimal("4.34")``."""
    return Decimal(f"{value:.{places}f}")


def pick(values: Sequence[T], turn: int, rng: "Draws", forced: bool) -> T:
    """The ``turn``-th value in a cycle for anchors (no draw), a random one otherwise."""
    return values[turn % len(values)] if forced else rng.choice(values)


class Draws:
    """Random draws from one seeded generator, indices taken from ``random()``: several times faster than
    :class:`random.Random`'s own ``choice``, ``randint`` and ``sample``, and as deterministic."""

    def __init__(self, seed: int) -> None:
        generator = random.Random(seed)
        self.random = generator.random
        self.lognormvariate = generator.lognormvariate
        self.choices = generator.choices

    def choice(self, seq: Sequence[T]) -> T:
        return seq[int(self.random() * len(seq))]

    def randint(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``, both included."""
        return low + int(self.random() * (high - low + 1))

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def sample(self, seq: Sequence[T], k: int) -> list[T]:
        """``k`` distinct members of ``seq``, in the order drawn."""
        size, random_ = len(seq), self.random
        if k == 1:
            return [seq[int(random_() * size)]]
        if not 0 <= k <= size:
            raise ValueError(f"cannot draw {k} of {size}")
        chosen: dict[int, None] = {}
        while len(chosen) < k:
            chosen[int(random_() * size)] = None
        return [seq[index] for index in chosen]


@dataclass
class DrugInfo:
    """A JAK inhibitor that evidence can be about: its id, English label and products (id, route, vehicle)."""

    id: str
    label: str
    products: list[tuple[str, str, str | None]] = field(default_factory=list)


class SyntheticRecords:
    """Makes the records of one synthetic graph from ``seed``; ``written()`` tells how many triples are out."""

    def __init__(self, curated: Curated, size: int, seed: int, written: Callable[[], int]) -> None:
        self.curated, self.size, self.written = curated, size, written
        self.rng = Draws(seed)
        self.serial = 0
        self.references = max(n for item in curated.evidence_items for n in item.refs)
        self.paragraphs = 0
        self.table_rows = 0
        self.locations: list[Locator] = []
        self.isoform_ids: list[str] = []
        self.selectivity: dict[str, tuple[str, ...]] = {}
        self.drugs: list[DrugInfo] = []
        self.drug_count = 0
        self.products: list[str] = []
        self.diseases: list[str] = []
        self.counted: dict[str, str | None] = {}
        self.designs: list[str] = []
        self.events: list[str] = []
        self.measures: list[str] = []
        self.populations: list[str] = []
        self.evidence: list[str] = []
        self.t7_rows = 0
        self.t7_patients: dict[str, int] = {}  # Table 7 row id → its printed patients, for overlaps to point to
        self.item_patients: dict[str, int] = {}  # anchor evidence item id → its patients
        self.recent: list[tuple[str, int]] = []  # the last grown evidence items that give a number of patients
        self.xrefs = 0
        for _ in range(30):
            self.paragraph()
        for _ in range(40):
            self.table_row()

    def next_id(self) -> int:
        self.serial += 1
        return self.serial

    # -- the review's places and references ---------------------------------------------------------------------
    def paragraph(self) -> None:
        """One more paragraph records may be read from."""
        self.paragraphs += 1
        self.locations.append(Locator(paragraph=self.paragraphs))

    def table_row(self) -> None:
        """One more table row records may be read from."""
        self.table_rows += 1
        self.locations.append(Locator(table=self.table_rows % 7 + 1, row=f"row {self.table_rows}"))

    def reference(self) -> None:
        """One more reference records may cite."""
        self.references += 1

    def sources(self, count: int = 0) -> tuple[Locator, ...]:
        """``count`` random places of the review (one, sometimes two, when ``count`` is 0)."""
        rng = self.rng
        return tuple(rng.sample(self.locations, count or (1 if rng.random() < 0.8 else 2)))

    def refs(self) -> tuple[int, ...]:
        """One or two random reference numbers."""
        rng = self.rng
        return tuple(rng.sample(range(1, self.references + 1), rng.randint(1, 2)))

    def mappings(self, kind: str, ident: str, count: int) -> Iterator[Mapping]:
        """``count`` SKOS mappings of a record to synthetic external identifiers."""
        rng, prefix = self.rng, scheme(kind)
        for match in rng.sample(MATCHES, count):
            self.xrefs += 1
            curie = f"{prefix}:{self.xrefs}"
            yield Mapping(subject_id=f"jakgraph:{kind}/{ident}", predicate_id=f"skos:{match}",  # type: ignore[arg-type]
                          object_id=curie, object_label=f"synthetic identifier {curie}",
                          mapping_justification="semapv:ManualMappingCuration", confidence=rng.choice(CONFIDENCES))

    def grown_mappings(self) -> int:
        return self.rng.randint(2, 4)

    # -- reference records ----------------------------------------------------------------------------------------
    def skeleton(self) -> Iterator[Record]:
        """The curated reference records: their ids, names and structure, with synthetic prose and sources."""
        curated = self.curated
        for isoform in curated.isoforms:
            yield Isoform(id=isoform.id, label_en=isoform.label_en, label_es=isoform.label_es,
                          gene_symbol=isoform.gene_symbol, source=self.sources())
            yield from self.mappings("isoform", isoform.id, 1)
            self.isoform_ids.append(isoform.id)
        for selectivity in curated.selectivity_classes:
            yield SelectivityClass(id=selectivity.id, label_en=selectivity.label_en, label_es=selectivity.label_es,
                                   isoforms=selectivity.isoforms, definition=f"synthetic definition of {selectivity.label_en}",
                                   source=self.sources())
            self.selectivity[selectivity.id] = selectivity.isoforms
        products: dict[str, list[Product]] = {}
        for product in curated.products:
            products.setdefault(product.drug, []).append(product)
        for drug in curated.drugs:
            yield from self.drug(drug.id, drug.label_en, drug.label_es, drug.role, drug.inhibits, drug.selectivity,
                                 [(p.id, p.route or "oral", p.formulation) for p in products.get(drug.id, [])], 1)
            for product in products.get(drug.id, []):
                yield Product(id=product.id, drug=product.drug, route=product.route, formulation=product.formulation,
                              label_en=product.label_en, label_es=product.label_es, source=self.sources())
        for design in curated.study_designs:
            yield StudyDesign(id=design.id, label_en=design.label_en, label_es=design.label_es, rank=design.rank,
                              definition=f"synthetic definition of {design.label_en}",
                              rank_rationale=f"synthetic rationale for rank {design.rank}")
            yield from self.mappings("design", design.id, 1)
            self.designs.append(design.id)
        for disease in curated.diseases:
            yield from self.disease(disease.id, disease.label_en, disease.label_es, disease.kind, disease.broader,
                                    disease.counted_as, 1)
        for event in curated.adverse_events:
            yield AdverseEvent(id=event.id, label_en=event.label_en, label_es=event.label_es,
                               definition=f"synthetic definition of {event.label_en}")
            self.events.append(event.id)
        for measure in curated.outcome_measures:
            yield OutcomeMeasure(id=measure.id, abbreviation=measure.abbreviation, label_en=measure.label_en,
                                 definition=f"synthetic definition of {measure.label_en}")
            self.measures.append(measure.id)
        for population in curated.populations:
            yield Population(id=population.id, label_en=population.label_en, label_es=population.label_es,
                             definition=f"synthetic definition of {population.label_en}")
            self.populations.append(population.id)

    def drug(self, ident: str, label_en: str, label_es: str, role: Role, inhibits: tuple[str, ...],
             selectivity: str | None, products: list[tuple[str, str, str | None]], mappings: int) -> Iterator[Record]:
        self.drug_count += 1
        mechanism = f"synthetic mechanism of {label_en}" if role == "jak-inhibitor" else None
        yield Drug(id=ident, label_en=label_en, label_es=label_es, role=role, inhibits=inhibits,
                   selectivity=selectivity, mechanism=mechanism, source=self.sources())
        yield from self.mappings("drug", ident, mappings)
        self.products.extend(p[0] for p in products)
        if role == "jak-inhibitor" and products:
            self.drugs.append(DrugInfo(ident, label_en, products))

    def grow_drug(self) -> Iterator[Record]:
        """A synthetic drug: a JAK inhibitor with an oral (and maybe a topical) product, or a comparator."""
        rng, number = self.rng, self.drug_count + 1
        role: Role
        if rng.random() < 0.4:
            ident, role = f"synthetic-jak-inhibitor-{number}", "jak-inhibitor"
            label_en, label_es = f"synthetic JAK inhibitor {number}", f"inhibidor de JAK sintético {number}"
            selectivity: str | None = rng.choice(sorted(self.selectivity))
            extra = rng.sample(self.isoform_ids, rng.randint(0, 2))
            inhibits = tuple(sorted(set(self.selectivity[selectivity]) | set(extra)))  # type: ignore[index]
            made: list[tuple[str, str, str | None]] = [(f"oral-{ident}", "oral", None)]
            if rng.random() < 0.3:
                made.append((f"topical-{ident}", "topical", "cream"))
        else:
            ident, role = f"synthetic-drug-{number}", rng.choice(("comparator", "concomitant"))
            label_en, label_es = f"synthetic drug {number}", f"fármaco sintético {number}"
            selectivity, inhibits = None, ()
            made = [(f"systemic-{ident}", "systemic", None)]
        yield from self.drug(ident, label_en, label_es, role, inhibits, selectivity, made, self.grown_mappings())
        for product, route, formulation in made:
            yield Product(id=product, drug=ident, route=route, formulation=formulation,  # type: ignore[arg-type]
                          label_en=f"{route} {label_en}", label_es=f"{label_es} ({route})", source=self.sources())
        if role == "jak-inhibitor":
            yield self.recommendation("recommended-dose", drug=self.drugs[-1])

    def disease(self, ident: str, label_en: str, label_es: str, kind: DiseaseKind, broader: tuple[str, ...],
                counted: str | None, mappings: int) -> Iterator[Record]:
        yield Disease(id=ident, label_en=label_en, label_es=label_es, kind=kind, broader=broader, counted_as=counted,
                      source=self.sources())
        yield from self.mappings("disease", ident, mappings)
        self.diseases.append(ident)
        self.counted[ident] = counted
        if counted == ident and self.drugs:
            yield self.table7_row(ident, label_en)

    def grow_disease(self) -> Iterator[Record]:
        """A synthetic disease below a random one (or at the top), counted as itself or as its parent's disorder."""
        rng, number = self.rng, len(self.diseases) + 1
        parent = rng.choice(self.diseases) if rng.random() < 0.8 else None
        ident = f"synthetic-disorder-{number}"
        inherited = self.counted[parent] if parent else None
        counted = inherited if inherited and rng.random() < 0.4 else ident
        kind: DiseaseKind = "group" if parent is None and rng.random() < 0.2 else "disorder"
        yield from self.disease(ident, f"synthetic disorder {number}", f"trastorno sintético {number}", kind,
                                (parent,) if parent else (), counted, self.grown_mappings())

    def table7_row(self, disorder: str, label: str) -> Table7Row:
        """The Table 7 row of a counted disorder, with the drugs and references it attributes."""
        rng = self.rng
        self.t7_rows += 1
        studies, patients = rng.randint(1, 9), rng.randint(1, 60)
        references = rng.sample(range(1, self.references + 1), 2)
        drugs = rng.sample(self.drugs, min(len(self.drugs), rng.randint(1, 2)))
        self.t7_patients[f"t7-{disorder}"] = patients
        return Table7Row(id=f"t7-{disorder}", row_number=self.t7_rows, dermatosis=label, disease=disorder,
                         n_studies=studies, n_patients=patients,
                         drug_refs=tuple(DrugRefs(drug.id, (references[i],)) for i, drug in enumerate(drugs)),
                         source=self.sources(1))

    def grow_event(self) -> Iterator[Record]:
        number = len(self.events) + 1
        ident = f"synthetic-adverse-event-{number}"
        label = f"synthetic adverse event {number}"
        yield AdverseEvent(id=ident, label_en=label, definition=f"synthetic definition of {label}")
        yield from self.mappings("adverse-event", ident, self.grown_mappings())
        self.events.append(ident)

    def grow_measure(self) -> Iterator[Record]:
        number = len(self.measures) + 1
        label = f"synthetic measure {number}"
        yield OutcomeMeasure(id=f"synthetic-measure-{number}", abbreviation=f"SM{number}", label_en=label,
                             definition=f"synthetic definition of {label}")
        self.measures.append(f"synthetic-measure-{number}")

    # -- evidence -------------------------------------------------------------------------------------------------
    def evidence_item(self, ident: str, drug: DrugInfo, product: tuple[str, str, str | None], disease: str,
                      design: str, measures: list[str], refs: tuple[int, ...] | None,
                      anchor: int | None = None) -> Iterator[Record]:
        """One off-label evidence item with its dosing, outcome measures, results and adverse events.

        An ``anchor`` (0, 1, 2 …) sets the optional parts on a fixed cycle instead of at random, so that the
        anchors together report every curated adverse event, a result for every curated outcome measure,
        comparators and switches from another JAK inhibitor.
        """
        rng = self.rng
        forced, cycle = anchor is not None, anchor or 0
        single = design == "case-report"
        patients = 1 if single else int(rng.lognormvariate(3.0, 1.2)) + 2
        studies = (1 if single else rng.randint(1, 4)) if rng.random() < 0.8 else None
        dose: dict[str, object] = self.dosing(product) if rng.random() < 0.85 else {}
        reported = (cycle % 2 == 0) if forced else rng.random() < 0.5
        status: AdverseEventStatus = "reported" if reported else rng.choice(NOT_REPORTED)
        comparator = comparator_result = switched = None
        readings: dict[str, object] = {}
        if (cycle % 4 == 0) if forced else rng.random() < 0.25:
            comparator = rng.choice(self.products + ["placebo", "vehicle"])
            comparator_result = f"synthetic comparison {self.next_id()}"
            readings["comparator_direction"] = pick(COMPARISONS, cycle // 4, rng, forced)
        if (cycle % 3 == 0) if forced else rng.random() < 0.15:
            readings["significance"] = pick(SIGNIFICANCES, cycle // 3, rng, forced)
            readings["significance_measures"] = tuple(measures[:1])
        if (cycle % 7 == 0) if forced else rng.random() < 0.05:
            other = rng.choice([d for d in self.drugs if d is not drug] or self.drugs)
            switched = rng.choice(other.products)[0]
            reason = readings["switch_reason"] = pick(SWITCH_REASONS, cycle // 7, rng, forced)
            if reason == "adverse-event":
                readings["switch_reason_event"] = rng.choice(self.events)
            readings["switch_outcome"] = pick(SWITCH_OUTCOMES, cycle // 7, rng, forced)
        concomitant = (rng.choice(self.products),) if not forced and rng.random() < 0.05 else ()
        population = rng.choice(POPULATIONS) if not forced and rng.random() < 0.3 else None
        counted = patients if forced or rng.random() < 0.9 else None
        if forced:
            self.item_patients[ident] = patients
        elif counted is not None:
            self.recent = self.recent[-7:] + [(ident, counted)]
        yield EvidenceItem(id=ident, drug=drug.id, product=product[0], disease=disease, design=design,
                           n_studies=studies, n_patients=counted,
                           measures=tuple(measures), result=f"synthetic result summary {self.next_id()}",
                           ae_status=status, comparator=comparator, comparator_result=comparator_result,
                           switched_from=switched, concomitant=concomitant, population=population,
                           source=self.sources(), refs=refs or self.refs(), **dose, **readings)  # type: ignore[arg-type]
        if reported:
            if forced:
                events = [self.events[(cycle + k) % len(self.events)] for k in (0, 1)]
            else:
                events = rng.sample(self.events, rng.randint(1, 2))
            for event in events:
                yield self.adverse_event(ident, event, patients)
        for measure in measures[: 1 if forced else rng.randint(0, 2)]:
            yield self.result(ident, measure)
        self.evidence.append(ident)

    def grow_evidence(self) -> Iterator[Record]:
        rng = self.rng
        drug = rng.choice(self.drugs)
        disease = rng.choice(self.diseases)
        yield from self.evidence_item(f"{drug.id}--{disease}--s{self.next_id()}", drug, rng.choice(drug.products),
                                      disease, rng.choice(self.designs), rng.sample(self.measures, rng.randint(1, 3)),
                                      None)

    def dosing(self, product: tuple[str, str, str | None]) -> dict[str, object]:
        """The dosing cells of an evidence item with ``product``: percent for topical products, mg otherwise."""
        rng = self.rng
        if product[1] == "topical":
            low, unit, vehicle, suffix = rng.choice(TOPICAL_DOSES), "percent", product[2], "%"
        else:
            low, unit, vehicle, suffix = rng.choice(ORAL_DOSES), "mg", None, " mg"
        high = rng.choice((low, low, low * 2))
        frequency = rng.choice(FREQUENCIES)
        text = f"{low}–{high}" if high != low else f"{low}"
        return {"dose_min": low, "dose_max": high, "dose_unit": unit, "frequency": frequency, "vehicle": vehicle,
                "dose_text": f"{text}{suffix} {frequency.replace('-', ' ')}"}

    def adverse_event(self, item: str, event: str, patients: int) -> EvidenceAdverseEvent:
        rng = self.rng
        count = denominator = percentage = None
        if rng.random() < 0.7:
            count, denominator = rng.randint(0, patients), patients
            percentage = decimal(100.0 * count / patients, 1)
        description = f"synthetic description {self.next_id()}" if rng.random() < 0.3 else None
        return EvidenceAdverseEvent(evidence_item=item, event=event, count=count, denominator=denominator,
                                    percentage=percentage, description=description, source=self.sources(1))

    def result(self, item: str, measure: str) -> EvidenceResult:
        rng = self.rng
        unit = rng.choice(("percent", "points", "score"))
        value = decimal(rng.uniform(0, 100), 1)
        quantity = f"synthetic quantity {rng.randint(1, 40)}"
        week = rng.choice(WEEKS) if rng.random() < 0.7 else None
        arm = rng.choice(ARMS) if rng.random() < 0.3 else None
        comparator_value = decimal(rng.uniform(0, 100), 1) if rng.random() < 0.2 else None
        return EvidenceResult(evidence_item=item, measure=measure, quantity=quantity, value=value, unit=unit,
                              timepoint=week, timepoint_unit="week" if week is not None else None, arm=arm,
                              comparator_value=comparator_value, source=self.sources(1))

    # -- safety ---------------------------------------------------------------------------------------------------
    def safety_analysis(self, drug: DrugInfo, inverted: bool = False) -> Iterator[Record]:
        """A safety analysis of one drug and its findings: incidence rates at two doses, and other metrics.

        ``inverted`` makes the first rate pair have the higher rate at the lower dose.
        """
        rng = self.rng
        number = self.next_id()
        analysis = f"synthetic-{number}"
        yield SafetyAnalysis(id=analysis, label_en=f"synthetic safety analysis {number} of {drug.label}",
                             design=rng.choice(self.designs[3:]), drugs=(drug.id,),
                             population_disease=rng.choice(self.diseases) if rng.random() < 0.5 else None,
                             n_patients=rng.randint(50, 20_000), patient_years=decimal(rng.uniform(100, 40_000), 1),
                             description=f"synthetic description {number}", source=self.sources(), refs=self.refs())
        dose = rng.choice(SAFETY_DOSES)
        for event in rng.sample(self.events, rng.randint(1, 4)):
            metric: Metric = "rate-per-100py" if inverted or rng.random() < 0.6 else rng.choice(METRICS)
            if metric == "rate-per-100py":
                low_rate, high_rate = rng.uniform(0, 8), rng.uniform(0, 8)
                if inverted:
                    low_rate, high_rate, inverted = max(low_rate, high_rate) + 0.1, min(low_rate, high_rate), False
                yield self.finding(analysis, drug, event, metric, dose, decimal(low_rate, 2))
                yield self.finding(analysis, drug, event, metric, dose * 2, decimal(high_rate, 2))
            else:
                yield self.finding(analysis, drug, event, metric, dose if rng.random() < 0.5 else None,
                                   None if metric == "qualitative" else decimal(rng.uniform(0.1, 30), 2))

    def finding(self, analysis: str, drug: DrugInfo, event: str, metric: Metric, dose: int | None,
                value: Decimal | None) -> SafetyFinding:
        rng = self.rng
        number = self.next_id()
        direction = None
        if metric in ("odds-ratio", "relative-risk", "qualitative") and rng.random() < 0.5:
            direction = rng.choice(DIRECTIONS)
        return SafetyFinding(id=f"synthetic-{number}", analysis=analysis, drug=drug.id,
                             dose_mg=Decimal(dose) if dose is not None else None, event=event, metric=metric,
                             value=value, direction=direction, description=f"synthetic finding {number}",
                             source=self.sources(1), refs=self.refs())

    # -- recommendations, approvals, regulation, conflicts ----------------------------------------------------------
    def recommendation(self, kind: RecommendationKind, phase: Phase | None = None, population: str | None = None,
                       drug: DrugInfo | None = None, requested: RequestedAction | None = None) -> Recommendation:
        rng = self.rng
        number = self.next_id()
        dose = None
        if drug:
            dose = rng.choice(ADJUSTED_DOSES) if kind == "dose-adjustment" else FOUR
        return Recommendation(id=f"synthetic-{number}", body=rng.choice(BODIES), kind=kind, phase=phase,
                              drug=drug.id if drug else None, population=population, dose_mg=dose,
                              frequency="once-daily" if drug else None,
                              action=f"synthetic {kind.replace('-', ' ')} action {number}",
                              refs=self.refs() if rng.random() < 0.7 else (), source=self.sources(),
                              requested_action=requested or rng.choice(ACTIONS_OF_KIND[kind]))

    def grow_recommendation(self) -> Iterator[Record]:
        rng = self.rng
        kind = rng.choice(GROWN_KINDS)  # one recommended dose per drug, written with the drug
        adjustment = kind == "dose-adjustment"
        yield self.recommendation(kind, phase=None if adjustment else rng.choice(PHASES),
                                  population=rng.choice(self.populations),
                                  drug=rng.choice(self.drugs) if adjustment else None)

    def approvals(self, drug: DrugInfo, product: tuple[str, str, str | None], indication: str,
                  both: bool) -> Iterator[Record]:
        """An FDA approval of a product for an indication, and the EMA's too when ``both``."""
        rng = self.rng
        for agency in ("fda", "ema") if both else ("fda",):
            severity = rng.choice(SEVERITIES) if rng.random() < 0.5 else None
            yield Approval(id=f"synthetic-{self.next_id()}", agency=agency, product=product[0],  # type: ignore[arg-type]
                           indication=indication, severity=severity, status="approved", source=self.sources(1))

    def grow_approval(self) -> Iterator[Record]:
        rng = self.rng
        drug = rng.choice(self.drugs)
        yield from self.approvals(drug, rng.choice(drug.products), rng.choice(self.diseases), rng.random() < 0.6)

    def regulatory_event(self) -> Iterator[Record]:
        rng = self.rng
        number = self.next_id()
        date = f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield RegulatoryEvent(id=f"synthetic-{number}", date=date, body=rng.choice(REGULATORS),
                              kind=rng.choice(EVENT_KINDS), drugs=(rng.choice(self.drugs).id,),
                              description=f"synthetic regulatory event {number}", source=self.sources(),
                              refs=self.refs())

    def conflict(self) -> Iterator[Record]:
        rng = self.rng
        number = self.next_id()
        ident = f"synthetic-{number}"
        subjects = tuple(RecordLink("evidence", item) for item in rng.sample(self.evidence, rng.randint(1, 2)))
        yield Conflict(id=ident, kind=rng.choice(CONFLICT_KINDS), subjects=subjects,
                       explanation=f"synthetic conflict {number}")
        for position in range(1, (3 if rng.random() < 0.4 else 2) + 1):  # as curated: two readings, often three
            yield ConflictReading(conflict=ident, position=position, source=self.sources(1),
                                  stated_value=f"reading {position} of conflict {number}",
                                  refs=self.refs() if rng.random() < 0.8 else ())

    def curated_overlap(self, overlap: PatientOverlap) -> Iterator[Record]:
        """A curated overlap over the synthetic records that share its ids: its evidence items and the Table 7 rows
        the synthetic graph holds (safety analyses have synthetic ids), sharing no more patients than each counts."""
        rows = tuple(r for r in overlap.table7_rows if r in self.t7_patients)
        if len(overlap.evidence_items) + len(rows) < 2:
            return
        shared = overlap.shared_patients
        if shared:
            counts = [self.item_patients[i] for i in overlap.evidence_items] + [self.t7_patients[r] for r in rows]
            shared = min([shared] + counts)
        home = overlap.home_row if overlap.home_row in rows else (rows[0] if shared and len(rows) > 1 else None)
        yield PatientOverlap(id=overlap.id, kind=overlap.kind, evidence_items=overlap.evidence_items, table7_rows=rows,
                             shared_patients=shared, home_row=home, basis=overlap.basis, refs=overlap.refs,
                             source=self.sources(), note=f"synthetic note on {overlap.id}")

    def grow_overlap(self) -> Iterator[Record]:
        """Two of the last grown evidence items that share patients, one study or only a reference."""
        rng = self.rng
        if len(self.recent) < 2:
            return
        (first, first_n), (second, second_n) = rng.sample(self.recent, 2)
        number = self.next_id()
        kind: OverlapKind = rng.choice(OVERLAP_KINDS)
        shared = rng.randint(1, min(first_n, second_n)) if kind == "same-patients" else rng.choice((0, None))
        yield PatientOverlap(id=f"synthetic-{number}", kind=kind, evidence_items=(first, second),
                             shared_patients=shared, basis=None if shared is None else rng.choice(BASES),
                             refs=self.refs(), source=self.sources(), note=f"synthetic overlap {number}")

    # -- the whole graph ------------------------------------------------------------------------------------------
    def anchors(self) -> Iterator[Record]:
        """Records every size holds, so that each stored query with its default parameters has answers."""
        rng = self.rng
        by_drug = {d.id: d for d in self.drugs}
        for index, item in enumerate(self.curated.evidence_items):
            drug = by_drug[item.drug]
            product = next(p for p in drug.products if p[0] == item.product)
            first = self.measures[index % len(self.measures)]
            measures = [first] + [m for m in item.measures if m != first]
            yield from self.evidence_item(item.id, drug, product, item.disease, item.design, measures, item.refs,
                                          anchor=index)
        for index, drug in enumerate(self.drugs):
            yield from self.safety_analysis(drug, inverted=index == 0)
            yield self.recommendation("recommended-dose", drug=drug)
            for product in drug.products:
                yield from self.approvals(drug, product, rng.choice(self.diseases), both=index % 2 == 1)
        for kind in ("assessment", "monitoring", "vaccination"):
            for phase in PHASES:
                first = "screen" if kind == "assessment" and phase == PHASES[0] else None  # the action query's default
                yield self.recommendation(kind, phase=phase, requested=first)  # type: ignore[arg-type]
        for population in self.populations:
            yield self.recommendation("dose-adjustment", population=population, drug=rng.choice(self.drugs))
            yield self.recommendation("restriction", population=population)
        for _ in range(3):
            yield from self.regulatory_event()
            yield from self.conflict()
        for overlap in self.curated.patient_overlaps:
            yield from self.curated_overlap(overlap)

    def fixed(self) -> Iterator[Record]:
        """The part of the graph every size holds."""
        yield from self.skeleton()
        yield from self.anchors()

    def growth_weights(self) -> list[tuple[str, int]]:
        """Each kind of record that grows, weighted by how many of it the curated tables hold."""
        curated = self.curated
        locators = {str(loc) for records in curated.tables().values() for record in records
                    for loc in getattr(record, "source", ())}
        return [("evidence", len(curated.evidence_items)), ("safety", len(curated.safety_analyses)),
                ("recommendation", len(curated.recommendations)), ("conflict", len(curated.conflicts)),
                ("regulatory-event", len(curated.regulatory_events)), ("approval", len(curated.approvals) // 2),
                ("overlap", len(curated.patient_overlaps)),
                ("disease", len(curated.diseases)), ("adverse-event", len(curated.adverse_events)),
                ("measure", len(curated.outcome_measures)), ("drug", len(curated.drugs)),
                ("reference", self.references),
                ("paragraph", len({s for s in locators if s.startswith("P")})),
                ("table-row", len({s for s in locators if s.startswith("T")}))]

    def grow(self) -> Iterator[Record]:
        """Random records, in the curated tables' proportions, until the sink holds ``size`` triples.

        The last step may stop before its last records (an evidence item without its results, say).
        """
        rng, written, size = self.rng, self.written, self.size
        kinds, weights = zip(*self.growth_weights())
        steps: dict[str, Callable[[], Iterator[Record]]] = {
            "evidence": self.grow_evidence, "safety": lambda: self.safety_analysis(rng.choice(self.drugs)),
            "recommendation": self.grow_recommendation, "conflict": self.conflict,
            "regulatory-event": self.regulatory_event, "disease": self.grow_disease,
            "adverse-event": self.grow_event, "measure": self.grow_measure, "drug": self.grow_drug,
            "approval": self.grow_approval, "overlap": self.grow_overlap,
        }
        pools = {"reference": self.reference, "paragraph": self.paragraph, "table-row": self.table_row}
        while True:
            for kind in rng.choices(kinds, weights, k=64):
                if kind in pools:
                    pools[kind]()
                    continue
                for record in steps[kind]():
                    if written() >= size:  # checked before each record: the last one overshoots by its own triples
                        return
                    yield record


NOT_REPORTED = tuple(s for s in get_args(AdverseEventStatus) if s != "reported")
COMPARISONS: tuple[ComparisonDirection, ...] = get_args(ComparisonDirection)
SIGNIFICANCES: tuple[Significance, ...] = get_args(Significance)
SWITCH_REASONS: tuple[SwitchReason, ...] = get_args(SwitchReason)
SWITCH_OUTCOMES: tuple[SwitchOutcome, ...] = get_args(SwitchOutcome)
ACTIONS_OF_KIND: dict[str, tuple[RequestedAction, ...]] = {
    "assessment": ("take-history", "examine", "screen", "test", "check-vaccination-status"),
    "monitoring": ("examine", "test", "follow-up"), "vaccination": ("vaccinate",), "restriction": ("restrict-use",),
    "recommended-dose": ("use-dose",), "dose-adjustment": ("reduce-dose", "adjust-dose")}

FREQUENCIES: tuple[Frequency, ...] = get_args(Frequency)
METRICS: tuple[Metric, ...] = get_args(Metric)
DIRECTIONS: tuple[Direction, ...] = get_args(Direction)
BODIES: tuple[RecommendationBody, ...] = get_args(RecommendationBody)
GROWN_KINDS = tuple(k for k in get_args(RecommendationKind) if k != "recommended-dose")
PHASES: tuple[Phase, ...] = get_args(Phase)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
REGULATORS: tuple[RegulatoryBody, ...] = get_args(RegulatoryBody)
CONFLICT_KINDS: tuple[ConflictKind, ...] = get_args(ConflictKind)
OVERLAP_KINDS: tuple[OverlapKind, ...] = get_args(OverlapKind)
BASES: tuple[OverlapBasis, ...] = get_args(OverlapBasis)
