"""One record at a time through its loader: the single path from typed records to triples in a sink.

The curated dataset (:mod:`jakgraph.loaders.dataset`) and the synthetic benchmark graph
(:mod:`jakgraph.bench.synthetic`) both write their records with a :class:`RecordWriter`, so the data model
lives in the loaders alone.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping as MappingType
from typing import Any

from . import approvals, conflicts, evidence, mappings, overlaps, recommendations, safety, table7, vocabulary
from .labels import Labels
from .provenance import Provenance
from .records import (AdverseEvent, Approval, Conflict, ConflictReading, Disease, Drug, EvidenceAdverseEvent,
                      EvidenceItem, EvidenceResult, Isoform, Mapping, MappingSet, OutcomeMeasure, PatientOverlap,
                      Population, Product, Recommendation, Record, RegulatoryEvent, SafetyAnalysis, SafetyFinding,
                      SelectivityClass, StudyDesign, Table7Row)
from .sink import Origin, OriginSink, TripleSink


class RecordWriter:
    """Writes records of any kind to ``sink`` through their loaders, in the order given.

    A record may name only records written before it (their labels go into its own), except a Table 7 row's
    group, looked up in ``table7_groups`` (row id by printed dermatosis). ``mapping_set`` gives the prefixes
    and the set id that mapping records are expanded with. Given ``origins``, the writer notes there the file and
    line of the record that wrote each subject IRI first (see :class:`~jakgraph.loaders.sink.OriginSink`).
    """

    def __init__(self, sink: TripleSink, mapping_set: MappingSet | None = None,
                 table7_groups: MappingType[str, str] | None = None,
                 origins: dict[str, Origin] | None = None) -> None:
        self._tracker = None if origins is None else OriginSink(sink, origins)
        if self._tracker is not None:
            sink = self._tracker
        self.sink = sink
        self.sources = Provenance(sink)
        self.labels = Labels()
        self.mapping_set = mapping_set
        self.table7_groups = table7_groups or {}
        self._numbers: dict[str, Counter[str]] = {"adverse-event": Counter(), "result": Counter()}
        self._write: dict[type[Record], Callable[[Any], None]] = {
            Isoform: lambda r: vocabulary.add_isoform(sink, self.sources, r),
            SelectivityClass: lambda r: vocabulary.add_selectivity_class(sink, self.sources, r),
            Drug: self._reference(vocabulary.add_drug),
            Product: self._reference(vocabulary.add_product),
            Disease: self._reference(vocabulary.add_disease),
            StudyDesign: self._named(vocabulary.add_study_design),
            AdverseEvent: self._named(vocabulary.add_concept),
            OutcomeMeasure: lambda r: vocabulary.add_concept(sink, r),
            Population: lambda r: vocabulary.add_concept(sink, r),
            EvidenceItem: lambda r: evidence.add_item(sink, self.sources, r, self.labels),
            EvidenceAdverseEvent: lambda r: evidence.add_adverse_event(
                sink, self.sources, r, self._number(r.evidence_item, "adverse-event"), self.labels),
            EvidenceResult: lambda r: evidence.add_result(
                sink, self.sources, r, self._number(r.evidence_item, "result")),
            Approval: lambda r: approvals.add_approval(sink, self.sources, r, self.labels),
            SafetyAnalysis: lambda r: safety.add_analysis(sink, self.sources, r),
            SafetyFinding: lambda r: safety.add_finding(sink, self.sources, r, self.labels),
            Recommendation: lambda r: recommendations.add_recommendation(sink, self.sources, r),
            RegulatoryEvent: lambda r: recommendations.add_regulatory_event(sink, self.sources, r),
            Table7Row: lambda r: table7.add_row(sink, self.sources, r, self.table7_groups),
            Conflict: lambda r: conflicts.add_conflict(sink, r),
            ConflictReading: lambda r: conflicts.add_reading(sink, self.sources, r),
            PatientOverlap: lambda r: overlaps.add_overlap(sink, self.sources, r),
            Mapping: self._mapping,
        }

    def write(self, record: Record) -> None:
        """Write one record through its loader."""
        if self._tracker is not None:
            self._tracker.origin = Origin(record.FILE, record.line or None)
        self._write[type(record)](record)

    def write_all(self, records: Iterable[Record]) -> None:
        write = self._write
        if self._tracker is not None:
            for record in records:
                self.write(record)
            return
        for record in records:
            write[type(record)](record)

    def _reference(self, loader: Callable[[TripleSink, Provenance, Any], None]) -> Callable[[Any], None]:
        def write(record: Any) -> None:
            loader(self.sink, self.sources, record)
            self.labels.add(record)
        return write

    def _named(self, loader: Callable[[TripleSink, Any], None]) -> Callable[[Any], None]:
        def write(record: Any) -> None:
            loader(self.sink, record)
            self.labels.add(record)
        return write

    def _number(self, item: str, part: str) -> int:
        """The next number of an evidence item's adverse events or results (1, 2, … in the order written)."""
        numbers = self._numbers[part]
        numbers[item] += 1
        return numbers[item]

    def _mapping(self, record: Mapping) -> None:
        if self.mapping_set is None:
            raise ValueError("a RecordWriter needs the mapping set to write mappings")
        mappings.add_mapping(self.sink, self.sources, record, self.mapping_set)
