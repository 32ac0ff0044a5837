"""The records of a synthetic graph shaped like the review's: skeleton, anchors, then random growth.

Growth keeps the proportions of the curated tables: each step adds one record of a kind drawn with the weight
of how many records of that kind the curated tables hold (evidence items, safety analyses, recommendations,
conflicts, approvals, regulatory events, diseases, adverse events, outcome measures, drugs, references and
source locations). Closed lists (isoforms, selectivity classes, study designs, populations, controlled
values) do not grow.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from jakgraph.ontology.namespaces import AGENCIES, BASE, REVIEW

from .scale_terms import (ALT, BROADER, COMMENT, CREATOR, DATE, DATE_TYPE, DEFINITION, DERIVED, DOUBLE, IS_PART_OF,
                          LABEL, NOTATION, OWL, PREF, SEMAPV, SKOS, SOURCE, SSSOM, TYPE, XREF, Writer, concept,
                          decimal, en, es, integer, j, local, node, number_text, string)

MATCHES = ("exactMatch", "exactMatch", "exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
Product = tuple[str, str, "str | None"]  # IRI, route, formulation


@dataclass
class Drug:
    """A JAK inhibitor that evidence can be about: its IRI, English label and products."""

    iri: str
    label: str
    products: list[Product] = field(default_factory=list)


class CellView:
    """A typed curated record seen as the text cells this generator reads (``values``, ``ids``, ``refs``)."""

    def __init__(self, record: Any) -> None:
        self.record = record
        self.values = {name: value if isinstance(value, str) else str(value) if isinstance(value, int)
                       else "x" if value else "" for name, value in vars(record).items() if name != "line"}

    def ids(self, name: str) -> list[str]:
        return list(getattr(self.record, name))

    def refs(self) -> list[int]:
        return list(self.record.refs)

    def sources(self, name: str) -> list[Any]:
        return list(getattr(self.record, name))


class Generator:
    """Writes one synthetic graph of at least ``size`` triples to ``out``: ``fixed()`` first, then ``grow()``."""

    def __init__(self, out: Writer, size: int, seed: int) -> None:
        from jakgraph.loaders import read_curated
        from jakgraph.loaders.reading import columns
        from jakgraph.loaders.records import RECORD_TYPES

        self.out, self.add, self.size = out, out.add, size
        self.rng = random.Random(seed)
        curated = read_curated()
        self.tables = {cls.FILE: [CellView(r) for r in curated.records(cls)] for cls in RECORD_TYPES}
        self.choices = {(cls.FILE, c.name): c.choices for cls in RECORD_TYPES for c in columns(cls)}
        self.labels: dict[str, str] = {}
        self.references: list[str] = []
        self.locations: list[str] = []
        self.paragraphs = 0
        self.table_rows = 0
        self.isoforms: dict[str, str] = {}
        self.selectivity: dict[str, list[str]] = {}
        self.drugs: list[Drug] = []
        self.all_drugs: list[str] = []
        self.products: list[str] = []
        self.diseases: list[str] = []
        self.counted: dict[str, str | None] = {}
        self.designs: list[str] = []
        self.events: list[str] = []
        self.measures: list[str] = []
        self.populations: list[str] = []
        self.evidence: list[str] = []
        self.serial = 0
        self.t7_rows = 0
        self.xrefs = 0

    def rows(self, table: str) -> list[CellView]:
        return self.tables[table]

    def next_id(self) -> int:
        self.serial += 1
        return self.serial

    # -- shared parts of records ---------------------------------------------------------------------------
    def provenance(self, subject: str, count: int = 0) -> None:
        for location in self.rng.sample(self.locations, count or (1 if self.rng.random() < 0.8 else 2)):
            self.add(subject, DERIVED, location)

    def cite(self, subject: str, numbers: list[int] | None = None) -> None:
        chosen = numbers or self.rng.sample(range(1, len(self.references) + 1), self.rng.randint(1, 2))
        for number in chosen:
            self.add(subject, j("reference"), self.references[min(number, len(self.references)) - 1])

    def names(self, subject: str, label_en: str, label_es: str | None, ident: str) -> None:
        add = self.add
        add(subject, LABEL, en(label_en))
        add(subject, PREF, en(label_en))
        if label_es:
            add(subject, LABEL, es(label_es))
            add(subject, PREF, es(label_es))
        add(subject, NOTATION, string(ident))
        self.labels[subject] = label_en

    def mappings(self, subject: str, kind: str, count: int) -> None:
        """``count`` SKOS mappings of ``subject`` to synthetic external identifiers, each with its axiom."""
        add, rng = self.add, self.rng
        scheme = "SYN" + kind.replace("-", "").upper()[:5]
        for match in rng.sample(MATCHES, count):
            self.xrefs += 1
            target = f"<{XREF}{scheme}_{self.xrefs}>"
            add(subject, f"<{SKOS}{match}>", target)
            add(target, LABEL, string(f"synthetic identifier {scheme}:{self.xrefs}"))
            add(target, NOTATION, string(f"{scheme}:{self.xrefs}"))
            axiom = f"<{BASE}mapping/{kind}/{local(subject, kind)}/{match}/{scheme}-{self.xrefs}>"
            add(axiom, TYPE, f"<{OWL}Axiom>")
            add(axiom, f"<{OWL}annotatedSource>", subject)
            add(axiom, f"<{OWL}annotatedProperty>", f"<{SKOS}{match}>")
            add(axiom, f"<{OWL}annotatedTarget>", target)
            add(axiom, f"<{SSSOM}mapping_justification>", f"<{SEMAPV}ManualMappingCuration>")
            add(axiom, f"<{SSSOM}confidence>", f'"{rng.choice(("0.9", "0.95", "1.0"))}"^^{DOUBLE}')
            add(axiom, SOURCE, f"<{BASE}synthetic-mappings.sssom.tsv>")

    def grown_mappings(self) -> int:
        return self.rng.randint(2, 4)

    # -- the review and its source locations -----------------------------------------------------------------
    def review(self) -> None:
        add, review = self.add, f"<{REVIEW}>"
        add(review, TYPE, j("Review"))
        add(review, LABEL, en("synthetic review for scale tests"))
        add(review, LABEL, es("revisión sintética para pruebas de escala"))
        for number in range(1, 8):
            table = f"<{REVIEW}/table-{number}>"
            add(table, TYPE, j("ReviewTable"))
            add(table, j("tableNumber"), integer(number))
            add(table, IS_PART_OF, review)
            add(table, LABEL, en(f"Table {number} of the synthetic review"))
        for _ in range(max(n for row in self.rows("evidence_items.tsv") for n in row.refs())):
            self.reference()
        for _ in range(30):
            self.paragraph()
        for _ in range(40):
            self.table_row()

    def reference(self) -> None:
        number = len(self.references) + 1
        reference = f"<{REVIEW}/reference/{number}>"
        self.add(reference, TYPE, j("Reference"))
        self.add(reference, j("referenceNumber"), integer(number))
        self.add(reference, LABEL, en(f"reference {number}"))
        self.references.append(reference)

    def paragraph(self) -> None:
        self.paragraphs += 1
        number, add = self.paragraphs, self.add
        where = f"<{REVIEW}/paragraph/{number}>"
        add(where, j("locator"), string(f"P{number}"))
        add(where, IS_PART_OF, f"<{REVIEW}>")
        add(where, TYPE, j("ParagraphLocation"))
        add(where, j("paragraphNumber"), integer(number))
        add(where, LABEL, en(f"paragraph {number}"))
        self.locations.append(where)

    def table_row(self) -> None:
        self.table_rows += 1
        number, add = self.table_rows, self.add
        table = number % 7 + 1
        where = f"<{REVIEW}/table-{table}/row/row-{number}>"
        add(where, j("locator"), string(f"T{table}/row {number}"))
        add(where, IS_PART_OF, f"<{REVIEW}>")
        add(where, TYPE, j("TableRowLocation"))
        add(where, j("inTable"), f"<{REVIEW}/table-{table}>")
        add(where, j("rowLabel"), string(f"row {number}"))
        add(where, LABEL, en(f"Table {table}, row {number}"))
        self.locations.append(where)

    # -- reference records -----------------------------------------------------------------------------------
    def skeleton(self) -> None:
        """The curated reference records: their ids, names and structure, with synthetic prose."""
        add = self.add
        for row in self.rows("isoforms.tsv"):
            v = row.values
            subject = node("isoform", v["id"])
            add(subject, TYPE, j("JAKIsoform"))
            self.names(subject, v["label_en"], v["label_es"], v["id"])
            add(subject, ALT, string(v["gene_symbol"]))
            add(subject, j("geneSymbol"), string(v["gene_symbol"]))
            self.provenance(subject)
            self.mappings(subject, "isoform", 1)
            self.isoforms[v["id"]] = subject
        for row in self.rows("selectivity_classes.tsv"):
            v = row.values
            subject = node("selectivity", v["id"])
            add(subject, TYPE, j("SelectivityClass"))
            self.names(subject, v["label_en"], v["label_es"], v["id"])
            add(subject, DEFINITION, en(f"synthetic definition of {v['label_en']}"))
            for isoform in row.ids("isoforms"):
                add(subject, j("selectiveFor"), self.isoforms[isoform])
            self.provenance(subject)
            self.selectivity[subject] = [self.isoforms[i] for i in row.ids("isoforms")]
        products: dict[str, list[Product]] = {}
        for row in self.rows("products.tsv"):
            v = row.values
            products.setdefault(v["drug"], []).append((node("product", v["id"]), v["route"] or "oral",
                                                       v["formulation"] or None))
        for row in self.rows("drugs.tsv"):
            v = row.values
            self.drug(v["id"], v["label_en"], v["label_es"], v["role"], [self.isoforms[i] for i in row.ids("inhibits")],
                      node("selectivity", v["selectivity"]) if v["selectivity"] else None, products.get(v["id"], []), 1)
        for row in self.rows("products.tsv"):
            v = row.values
            self.product(node("product", v["id"]), node("drug", v["drug"]), v["route"], v["formulation"],
                         v["label_en"], v["label_es"], v["id"])
        for row in self.rows("study_designs.tsv"):
            v = row.values
            subject = node("design", v["id"])
            add(subject, TYPE, j("StudyDesign"))
            self.names(subject, v["label_en"], v["label_es"], v["id"])
            add(subject, j("evidenceRank"), integer(int(v["rank"])))
            add(subject, DEFINITION, en(f"synthetic definition of {v['label_en']}"))
            add(subject, j("rankRationale"), en(f"synthetic rationale for rank {v['rank']}"))
            self.mappings(subject, "design", 1)
            self.designs.append(subject)
        for row in self.rows("diseases.tsv"):
            v = row.values
            self.disease(v["id"], v["label_en"], v["label_es"], v["kind"] == "group",
                         [node("disease", b) for b in row.ids("broader")],
                         node("disease", v["counted_as"]) if v["counted_as"] else None, 1)
        for table, kind in (("adverse_events.tsv", "adverse-event"), ("outcome_measures.tsv", "measure"),
                            ("populations.tsv", "population")):
            for row in self.rows(table):
                v = row.values
                self.concept_record(kind, v["id"], v["label_en"], v.get("label_es"), v.get("abbreviation"))

    def drug(self, ident: str, label_en: str, label_es: str, role: str, inhibits: list[str], selectivity: str | None,
             products: list[Product], mappings: int) -> None:
        add, subject = self.add, node("drug", ident)
        add(subject, TYPE, j("Drug"))
        if role == "jak-inhibitor":
            add(subject, TYPE, j("JAKInhibitor"))
        add(subject, j("drugRole"), concept(f"role-{role}"))
        self.names(subject, label_en, label_es, ident)
        for isoform in inhibits:
            add(subject, j("inhibits"), isoform)
        if selectivity:
            add(subject, j("selectivity"), selectivity)
        if role == "jak-inhibitor":
            add(subject, j("mechanism"), en(f"synthetic mechanism of {label_en}"))
        self.provenance(subject)
        self.mappings(subject, "drug", mappings)
        self.all_drugs.append(subject)
        self.products.extend(p[0] for p in products)
        if role == "jak-inhibitor" and products:
            self.drugs.append(Drug(subject, label_en, products))

    def product(self, subject: str, drug: str, route: str | None, formulation: str | None, label_en: str,
                label_es: str, ident: str) -> None:
        add = self.add
        add(subject, TYPE, j("DrugProduct"))
        self.names(subject, label_en, label_es, ident)
        add(subject, j("activeIngredient"), drug)
        if route:
            add(subject, j("route"), concept(f"route-{route}"))
        if formulation:
            add(subject, j("formulation"), concept(f"vehicle-{formulation}"))
        self.provenance(subject)

    def grow_drug(self) -> None:
        """A synthetic drug: a JAK inhibitor with an oral (and maybe a topical) product, or a comparator."""
        rng, number = self.rng, len(self.all_drugs) + 1
        if rng.random() < 0.4:
            ident, role = f"synthetic-jak-inhibitor-{number}", "jak-inhibitor"
            label_en, label_es = f"synthetic JAK inhibitor {number}", f"inhibidor de JAK sintético {number}"
            selectivity = rng.choice(sorted(self.selectivity))
            isoforms = sorted(self.isoforms.values())
            inhibits = sorted(set(self.selectivity[selectivity]) | set(rng.sample(isoforms, rng.randint(0, 2))))
            made: list[Product] = [(node("product", f"oral-{ident}"), "oral", None)]
            if rng.random() < 0.3:
                made.append((node("product", f"topical-{ident}"), "topical", "cream"))
        else:
            ident, role = f"synthetic-drug-{number}", rng.choice(("comparator", "concomitant"))
            label_en, label_es = f"synthetic drug {number}", f"fármaco sintético {number}"
            selectivity, inhibits = None, []
            made = [(node("product", f"systemic-{ident}"), "systemic", None)]
        self.drug(ident, label_en, label_es, role, inhibits, selectivity, made, self.grown_mappings())
        for product, route, formulation in made:
            self.product(product, node("drug", ident), route, formulation, f"{route} {label_en}",
                         f"{label_es} ({route})", local(product, "product"))
        if role == "jak-inhibitor":
            self.recommendation("recommended-dose", drug=self.drugs[-1])

    def disease(self, ident: str, label_en: str, label_es: str, group: bool, broader: list[str],
                counted: str | None, mappings: int) -> None:
        add, subject = self.add, node("disease", ident)
        add(subject, TYPE, j("Disease"))
        if group:
            add(subject, TYPE, j("DiseaseGroup"))
        if counted == subject:
            add(subject, TYPE, j("CountedDisorder"))
        self.names(subject, label_en, label_es, ident)
        for parent in broader:
            add(subject, BROADER, parent)
        if counted:
            add(subject, j("countedAs"), counted)
        self.provenance(subject)
        self.mappings(subject, "disease", mappings)
        self.diseases.append(subject)
        self.counted[subject] = counted
        if counted == subject and self.drugs:
            self.table7_row(subject)

    def grow_disease(self) -> None:
        """A synthetic disease below a random one (or at the top), counted as itself or as its parent's disorder."""
        rng, number = self.rng, len(self.diseases) + 1
        parent = rng.choice(self.diseases) if rng.random() < 0.8 else None
        ident = f"synthetic-disorder-{number}"
        inherited = self.counted[parent] if parent else None
        counted = inherited if inherited and rng.random() < 0.4 else node("disease", ident)
        self.disease(ident, f"synthetic disorder {number}", f"trastorno sintético {number}",
                     parent is None and rng.random() < 0.2, [parent] if parent else [], counted,
                     self.grown_mappings())

    def table7_row(self, disorder: str) -> None:
        """The Table 7 row of a counted disorder, with the drugs and references it attributes."""
        add, rng = self.add, self.rng
        self.t7_rows += 1
        row = node("table7-row", f"t7-{local(disorder, 'disease')}")
        add(row, TYPE, j("Table7Row"))
        add(row, LABEL, en(f"Table 7 row: {self.labels[disorder]}"))
        add(row, j("dermatosis"), string(self.labels[disorder]))
        add(row, j("rowNumber"), integer(self.t7_rows))
        add(row, j("summarises"), disorder)
        add(row, j("numberOfStudies"), integer(rng.randint(1, 9)))
        add(row, j("numberOfPatients"), integer(rng.randint(1, 60)))
        references = rng.sample(self.references, 2)
        for position, drug in enumerate(rng.sample(self.drugs, min(len(self.drugs), rng.randint(1, 2))), 1):
            attribution = f"{row[:-1]}/drug/{position}>"
            add(row, j("drugAttribution"), attribution)
            add(attribution, TYPE, j("DrugAttribution"))
            add(attribution, j("drug"), drug.iri)
            add(attribution, j("position"), integer(position))
            add(attribution, LABEL, en(f"{drug.label} (synthetic attribution)"))
            add(attribution, j("reference"), references[position - 1])
            add(row, j("reference"), references[position - 1])
        self.provenance(row, 1)

    def concept_record(self, kind: str, ident: str, label_en: str, label_es: str | None,
                       abbreviation: str | None, mappings: int = 0) -> None:
        """An adverse event, outcome measure or population: names and a definition."""
        cls, target = {"adverse-event": ("AdverseEvent", self.events), "measure": ("OutcomeMeasure", self.measures),
                       "population": ("Population", self.populations)}[kind]
        subject = node(kind, ident)
        self.add(subject, TYPE, j(cls))
        self.names(subject, label_en, label_es, ident)
        self.add(subject, DEFINITION, en(f"synthetic definition of {label_en}"))
        if abbreviation:
            self.add(subject, ALT, string(abbreviation))
        if mappings:
            self.mappings(subject, kind, mappings)
        target.append(subject)

    def grow_concept(self, kind: str) -> None:
        number = len(self.events if kind == "adverse-event" else self.measures) + 1
        name = kind.replace("-", " ")
        self.concept_record(kind, f"synthetic-{kind}-{number}", f"synthetic {name} {number}", None,
                            f"SM{number}" if kind == "measure" else None,
                            self.grown_mappings() if kind == "adverse-event" else 0)

    # -- evidence --------------------------------------------------------------------------------------------
    def evidence_item(self, ident: str, drug: Drug, product: Product, disease: str, design: str,
                      measures: list[str], refs: list[int] | None, anchor: int | None = None) -> None:
        """One off-label evidence item with its dosing, outcome measures, results and adverse events.

        An ``anchor`` (0, 1, 2 …) sets the optional parts on a fixed cycle instead of at random, so that the
        anchors together report every curated adverse event, a result for every curated outcome measure,
        comparators and switches from another JAK inhibitor.
        """
        add, rng = self.add, self.rng
        forced, cycle = anchor is not None, anchor or 0
        subject = node("evidence", ident)
        single = design.endswith("/case-report>")
        patients = 1 if single else int(rng.lognormvariate(3.0, 1.2)) + 2
        add(subject, TYPE, j("EvidenceItem"))
        add(subject, LABEL, en(f"{drug.label} in {self.labels[disease]}: {self.labels[design]}, n={patients}"))
        add(subject, j("drug"), drug.iri)
        add(subject, j("product"), product[0])
        add(subject, j("disease"), disease)
        add(subject, j("studyDesign"), design)
        if rng.random() < 0.8:
            add(subject, j("numberOfStudies"), integer(1 if single else rng.randint(1, 4)))
        if forced or rng.random() < 0.9:
            add(subject, j("numberOfPatients"), integer(patients))
        if rng.random() < 0.85:
            self.dosing(subject, product)
        for measure in measures:
            add(subject, j("outcomeMeasure"), measure)
        add(subject, j("resultSummary"), en(f"synthetic result summary {self.next_id()}"))
        reported = (cycle % 2 == 0) if forced else rng.random() < 0.5
        statuses = self.choices[("evidence_items.tsv", "ae_status")]
        status = "reported" if reported else rng.choice([s for s in statuses if s != "reported"])
        add(subject, j("adverseEventStatus"), concept(f"ae-status-{status}"))
        if reported:
            if forced:
                events = [self.events[(cycle + k) % len(self.events)] for k in (0, 1)]
            else:
                events = rng.sample(self.events, rng.randint(1, 2))
            for number, event in enumerate(events, 1):
                self.adverse_event(subject, number, event, patients)
        for number, measure in enumerate(measures[: 1 if forced else rng.randint(0, 2)], 1):
            self.result(subject, number, measure)
        if (cycle % 4 == 0) if forced else rng.random() < 0.25:
            comparator = rng.choice(self.products + [concept("comparator-placebo"), concept("comparator-vehicle")])
            add(subject, j("comparator"), comparator)
            add(subject, j("comparatorResult"), en(f"synthetic comparison {self.next_id()}"))
        if (cycle % 7 == 0) if forced else rng.random() < 0.05:
            other = rng.choice([d for d in self.drugs if d is not drug] or self.drugs)
            add(subject, j("switchedFrom"), rng.choice(other.products)[0])
        if not forced and rng.random() < 0.05:
            add(subject, j("concomitantTreatment"), rng.choice(self.products))
        if not forced and rng.random() < 0.3:
            add(subject, j("populationDescription"), string(rng.choice(("adult", "paediatric", "refractory disease"))))
        self.cite(subject, refs)
        self.provenance(subject)
        self.evidence.append(subject)

    def grow_evidence(self) -> None:
        rng = self.rng
        drug = rng.choice(self.drugs)
        disease = rng.choice(self.diseases)
        ident = f"{local(drug.iri, 'drug')}--{local(disease, 'disease')}--s{self.next_id()}"
        self.evidence_item(ident, drug, rng.choice(drug.products), disease, rng.choice(self.designs),
                           rng.sample(self.measures, rng.randint(1, 3)), None)

    def dosing(self, item: str, product: Product) -> None:
        add, rng = self.add, self.rng
        dosing = f"{item[:-1]}/dosing>"
        add(item, j("dosing"), dosing)
        add(dosing, TYPE, j("DosingRegimen"))
        if product[1] == "topical":
            low: float | int = rng.choice((0.5, 1.0, 1.5, 2.0))
            add(dosing, j("doseUnit"), concept("unit-percent"))
            if product[2]:
                add(dosing, j("vehicle"), concept(f"vehicle-{product[2]}"))
            unit = "%"
        else:
            low = rng.choice((1, 2, 4, 5, 10, 15, 30))
            add(dosing, j("doseUnit"), concept("unit-mg"))
            unit = " mg"
        high = rng.choice((low, low, low * 2))
        frequency = rng.choice(self.choices[("evidence_items.tsv", "frequency")])
        text = (f"{number_text(low)}–{number_text(high)}" if high != low else number_text(low))
        text += f"{unit} {frequency.replace('-', ' ')}"
        add(dosing, j("frequency"), concept(f"frequency-{frequency}"))
        add(dosing, j("doseMin"), decimal(low))
        add(dosing, j("doseMax"), decimal(high))
        add(dosing, j("doseText"), string(text))
        add(dosing, LABEL, en(text))

    def adverse_event(self, item: str, number: int, event: str, patients: int) -> None:
        add, rng = self.add, self.rng
        observation = f"{item[:-1]}/adverse-event/{number}>"
        add(item, j("adverseEvent"), observation)
        add(observation, TYPE, j("AdverseEventObservation"))
        add(observation, j("event"), event)
        label = self.labels[event]
        if rng.random() < 0.7:
            count = rng.randint(0, patients)
            add(observation, j("count"), integer(count))
            add(observation, j("denominator"), integer(patients))
            add(observation, j("percentage"), decimal(round(100.0 * count / patients, 1)))
            label += f" {count}/{patients}"
        if rng.random() < 0.3:
            add(observation, COMMENT, en(f"synthetic description {self.next_id()}"))
        add(observation, LABEL, en(label))
        self.provenance(observation, 1)

    def result(self, item: str, number: int, measure: str) -> None:
        add, rng = self.add, self.rng
        figure = f"{item[:-1]}/result/{number}>"
        unit = rng.choice(("percent", "points", "score"))
        value = round(rng.uniform(0, 100), 1)
        add(item, j("result"), figure)
        add(figure, TYPE, j("ResultFigure"))
        add(figure, j("outcomeMeasure"), measure)
        add(figure, j("quantity"), string(f"synthetic quantity {rng.randint(1, 40)}"))
        add(figure, j("value"), decimal(value))
        add(figure, j("unit"), concept(f"unit-{unit}"))
        label = f"{value} {unit}"
        if rng.random() < 0.7:
            week = rng.choice((4, 8, 12, 16, 24, 52))
            add(figure, j("timepoint"), decimal(week))
            add(figure, j("timepointUnit"), concept("unit-week"))
            label += f" at week {week}"
        if rng.random() < 0.3:
            add(figure, j("arm"), string(rng.choice(("low dose", "high dose", "active"))))
        if rng.random() < 0.2:
            add(figure, j("comparatorValue"), decimal(round(rng.uniform(0, 100), 1)))
        add(figure, LABEL, en(label))
        self.provenance(figure, 1)

    # -- safety ----------------------------------------------------------------------------------------------
    def safety_analysis(self, drug: Drug, inverted: bool = False) -> None:
        """A safety analysis of one drug and its findings: incidence rates at two doses, and other metrics.

        ``inverted`` makes the first rate pair have the higher rate at the lower dose.
        """
        add, rng = self.add, self.rng
        number = self.next_id()
        analysis = node("safety-analysis", f"synthetic-{number}")
        add(analysis, TYPE, j("SafetyAnalysis"))
        add(analysis, LABEL, en(f"synthetic safety analysis {number} of {drug.label}"))
        add(analysis, j("studyDesign"), rng.choice(self.designs[3:]))
        add(analysis, j("drug"), drug.iri)
        if rng.random() < 0.5:
            add(analysis, j("populationDisease"), rng.choice(self.diseases))
        add(analysis, j("numberOfPatients"), integer(rng.randint(50, 20_000)))
        add(analysis, j("patientYears"), decimal(round(rng.uniform(100, 40_000), 1)))
        add(analysis, COMMENT, en(f"synthetic description {number}"))
        self.cite(analysis)
        self.provenance(analysis)
        dose = rng.choice((2, 4, 15))
        metrics = self.choices[("safety_findings.tsv", "metric")]
        for event in rng.sample(self.events, rng.randint(1, 4)):
            metric = "rate-per-100py" if inverted or rng.random() < 0.6 else rng.choice(metrics)
            if metric == "rate-per-100py":
                low_rate, high_rate = round(rng.uniform(0, 8), 2), round(rng.uniform(0, 8), 2)
                if inverted:
                    low_rate, high_rate, inverted = max(low_rate, high_rate) + 0.1, min(low_rate, high_rate), False
                self.finding(analysis, drug, event, metric, dose, low_rate)
                self.finding(analysis, drug, event, metric, dose * 2, high_rate)
            else:
                self.finding(analysis, drug, event, metric, dose if rng.random() < 0.5 else None,
                             None if metric == "qualitative" else round(rng.uniform(0.1, 30), 2))

    def finding(self, analysis: str, drug: Drug, event: str, metric: str, dose: int | None,
                value: float | None) -> None:
        add, rng = self.add, self.rng
        finding = node("safety-finding", f"synthetic-{self.next_id()}")
        add(finding, TYPE, j("SafetyFinding"))
        add(finding, j("analysis"), analysis)
        add(finding, j("drug"), drug.iri)
        add(finding, j("event"), event)
        add(finding, j("metric"), concept(f"metric-{metric}"))
        label = drug.label
        if dose is not None:
            add(finding, j("doseMg"), decimal(dose))
            label += f" {dose} mg"
        label += f", {self.labels[event]}"
        if value is not None:
            add(finding, j("value"), decimal(value))
            label += f": {number_text(value)}"
        if metric in ("odds-ratio", "relative-risk", "qualitative") and rng.random() < 0.5:
            direction = rng.choice(self.choices[("safety_findings.tsv", "direction")])
            add(finding, j("direction"), concept(f"direction-{direction}"))
        add(finding, COMMENT, en(f"synthetic finding {self.serial}"))
        add(finding, LABEL, en(label))
        self.cite(finding)
        self.provenance(finding, 1)

    # -- recommendations, approvals, regulation, conflicts -----------------------------------------------------
    def recommendation(self, kind: str, phase: str | None = None, population: str | None = None,
                       drug: Drug | None = None) -> None:
        add, rng = self.add, self.rng
        number = self.next_id()
        subject = node("recommendation", f"synthetic-{number}")
        body = f"<{AGENCIES}{rng.choice(self.choices[('recommendations.tsv', 'body')])}>"
        add(subject, TYPE, j("Recommendation"))
        add(subject, j("agency"), body)
        add(subject, CREATOR, body)
        add(subject, j("recommendationKind"), concept(f"kind-{kind}"))
        if phase:
            add(subject, j("treatmentPhase"), concept(f"phase-{phase}"))
        if drug:
            add(subject, j("drug"), drug.iri)
            add(subject, j("doseMg"), decimal(rng.choice((2, 4, 10, 15, 30)) if kind == "dose-adjustment" else 4))
            add(subject, j("frequency"), concept("frequency-once-daily"))
        if population:
            add(subject, j("population"), population)
        action = f"synthetic {kind.replace('-', ' ')} action {number}"
        add(subject, j("action"), en(action))
        add(subject, LABEL, en(action))
        if rng.random() < 0.7:
            self.cite(subject)
        self.provenance(subject)

    def grow_recommendation(self) -> None:
        rng = self.rng
        kinds = [k for k in self.choices[("recommendations.tsv", "kind")] if k != "recommended-dose"]
        kind = rng.choice(kinds)  # one recommended dose per drug, written with the drug
        adjustment = kind == "dose-adjustment"
        self.recommendation(kind, phase=None if adjustment else rng.choice(self.choices[("recommendations.tsv", "phase")]),
                            population=rng.choice(self.populations), drug=rng.choice(self.drugs) if adjustment else None)

    def approval_pair(self, drug: Drug, product: Product, indication: str, both: bool) -> None:
        """An FDA approval of a product for an indication, and the EMA's too when ``both``."""
        add, rng = self.add, self.rng
        for agency in ("fda", "ema") if both else ("fda",):
            subject = node("approval", f"synthetic-{self.next_id()}")
            add(subject, TYPE, j("RegulatoryApproval"))
            add(subject, j("agency"), f"<{AGENCIES}{agency}>")
            add(subject, j("product"), product[0])
            add(subject, j("drug"), drug.iri)
            add(subject, j("approvalStatus"), concept("status-approved"))
            add(subject, j("indication"), indication)
            if rng.random() < 0.5:
                severity = rng.choice(self.choices[("approvals.tsv", "severity")])
                add(subject, j("severity"), concept(f"severity-{severity}"))
            label = f"{agency.upper()} approval of {self.labels[product[0]]} for {self.labels[indication]}"
            add(subject, LABEL, en(label))
            self.provenance(subject, 1)

    def regulatory_event(self) -> None:
        add, rng = self.add, self.rng
        number = self.next_id()
        subject = node("regulatory-event", f"synthetic-{number}")
        date = f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        kind = rng.choice(("safety-communication", "label-update", "boxed-warning", "referral"))
        add(subject, TYPE, j("RegulatoryEvent"))
        add(subject, j("agency"), f"<{AGENCIES}{rng.choice(self.choices[('regulatory_events.tsv', 'body')])}>")
        add(subject, DATE, f'"{date}"^^{DATE_TYPE}')
        add(subject, j("eventKind"), string(kind))
        add(subject, j("drug"), rng.choice(self.drugs).iri)
        add(subject, COMMENT, en(f"synthetic regulatory event {number}"))
        add(subject, LABEL, en(f"{kind} ({date})"))
        self.cite(subject)
        self.provenance(subject)

    def conflict(self) -> None:
        add, rng = self.add, self.rng
        number = self.next_id()
        subject = node("conflict", f"synthetic-{number}")
        about = rng.choice(self.evidence)
        aspect = rng.choice(self.choices[("conflicts.tsv", "aspect")])
        add(subject, TYPE, j("SourceConflict"))
        add(subject, j("conflictAbout"), about)
        add(about, j("hasConflict"), subject)
        add(subject, j("aspect"), string(aspect))
        add(subject, COMMENT, en(f"synthetic conflict {number}"))
        add(subject, LABEL, en(f"conflict on {aspect} ({number})"))
        for position, side in ((1, "a"), (2, "b")):
            reading = f"{subject[:-1]}/reading/{side}>"
            value = string(f"reading {side} of conflict {number}")
            add(subject, j("reading"), reading)
            add(reading, TYPE, j("Reading"))
            add(reading, j("position"), integer(position))
            add(reading, j("statedValue"), value)
            add(reading, LABEL, value)
            self.provenance(reading, 1)

    # -- the whole graph -------------------------------------------------------------------------------------
    def anchors(self) -> None:
        """Records every size holds, so that each stored query with its default parameters has answers."""
        rng = self.rng
        by_drug = {d.iri: d for d in self.drugs}
        for index, row in enumerate(self.rows("evidence_items.tsv")):
            v = row.values
            drug = by_drug[node("drug", v["drug"])]
            product = next(p for p in drug.products if p[0] == node("product", v["product"]))
            first = self.measures[index % len(self.measures)]
            measures = [first] + [m for m in (node("measure", m) for m in row.ids("measures")) if m != first]
            self.evidence_item(v["id"], drug, product, node("disease", v["disease"]), node("design", v["design"]),
                               measures, row.refs(), anchor=index)
        for index, drug in enumerate(self.drugs):
            self.safety_analysis(drug, inverted=index == 0)
            self.recommendation("recommended-dose", drug=drug)
            for product in drug.products:
                self.approval_pair(drug, product, rng.choice(self.diseases), both=index % 2 == 1)
        for kind in ("assessment", "monitoring", "vaccination"):
            for phase in self.choices[("recommendations.tsv", "phase")]:
                self.recommendation(kind, phase=phase)
        for population in self.populations:
            self.recommendation("dose-adjustment", population=population, drug=rng.choice(self.drugs))
            self.recommendation("restriction", population=population)
        for _ in range(3):
            self.regulatory_event()
            self.conflict()

    def growth_weights(self) -> list[tuple[str, int]]:
        """Each kind of record that grows, weighted by how many of it the curated tables hold."""
        rows = self.rows
        locators = [str(s) for table in self.tables for row in rows(table)
                    for name in ("source", "source_a", "source_b") if row.values.get(name) for s in row.sources(name)]
        return [("evidence", len(rows("evidence_items.tsv"))), ("safety", len(rows("safety_analyses.tsv"))),
                ("recommendation", len(rows("recommendations.tsv"))), ("conflict", len(rows("conflicts.tsv"))),
                ("regulatory-event", len(rows("regulatory_events.tsv"))),
                ("approval", len(rows("approvals.tsv")) // 2), ("disease", len(rows("diseases.tsv"))),
                ("adverse-event", len(rows("adverse_events.tsv"))), ("measure", len(rows("outcome_measures.tsv"))),
                ("drug", len(rows("drugs.tsv"))), ("reference", len(self.references)),
                ("paragraph", len({s for s in locators if s.startswith("P")})),
                ("table-row", len({s for s in locators if s.startswith("T")}))]

    def grow(self) -> None:
        """Random records, in the curated tables' proportions, until the graph reaches its size."""
        rng, out = self.rng, self.out
        kinds, weights = zip(*self.growth_weights())
        steps = {
            "evidence": self.grow_evidence, "safety": lambda: self.safety_analysis(rng.choice(self.drugs)),
            "recommendation": self.grow_recommendation, "conflict": self.conflict,
            "regulatory-event": self.regulatory_event, "disease": self.grow_disease,
            "adverse-event": lambda: self.grow_concept("adverse-event"),
            "measure": lambda: self.grow_concept("measure"), "drug": self.grow_drug,
            "reference": self.reference, "paragraph": self.paragraph, "table-row": self.table_row,
            "approval": self.grow_approval,
        }
        while out.count < self.size:
            for kind in rng.choices(kinds, weights, k=64):
                steps[kind]()
                if out.count >= self.size:
                    break

    def grow_approval(self) -> None:
        drug = self.rng.choice(self.drugs)
        self.approval_pair(drug, self.rng.choice(drug.products), self.rng.choice(self.diseases),
                           self.rng.random() < 0.6)

    def fixed(self) -> int:
        """Write the part of the graph every size holds; return its triples."""
        self.review()
        self.skeleton()
        self.anchors()
        return self.out.count
