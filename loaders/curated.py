"""All curated records, file by file, read and checked once: :func:`read_curated` and the :class:`Curated` it gives.

>>> curated = read_curated()                                        # doctest: +SKIP
>>> curated.by_id(EvidenceItem)["baricitinib--psoriasis--18"].n_patients  # doctest: +SKIP
271
"""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import TypeVar

from jakgraph.errors import CurationError
from jakgraph.package_data import package_files

from .reading import check_readings, check_references, check_shared_patients, read_table
from .records import (MAPPINGS_FILE, RECORD_TYPES, AdverseEvent, Approval, Conflict, ConflictReading, Disease, Drug,
                      EvidenceAdverseEvent, EvidenceItem, EvidenceResult, Identified, Isoform, MappingSet,
                      OutcomeMeasure, PatientOverlap, Population, Product, Recommendation, Record, RegulatoryEvent,
                      SafetyAnalysis, SafetyFinding, SelectivityClass, StudyDesign, Table7Row)
from .sssom import read_mapping_set

R = TypeVar("R", bound=Record)
I = TypeVar("I", bound=Identified)


def curated_directory() -> Path:
    """The folder of curated tables shipped with the package (found as every package data file is)."""
    return Path(str(package_files("jakgraph.loaders").joinpath("curated")))


@dataclass(frozen=True)
class Curated:
    """The records of every curated file (an attribute per file, named as the file) and the SSSOM mappings."""

    isoforms: tuple[Isoform, ...]
    selectivity_classes: tuple[SelectivityClass, ...]
    drugs: tuple[Drug, ...]
    products: tuple[Product, ...]
    diseases: tuple[Disease, ...]
    study_designs: tuple[StudyDesign, ...]
    adverse_events: tuple[AdverseEvent, ...]
    outcome_measures: tuple[OutcomeMeasure, ...]
    populations: tuple[Population, ...]
    evidence_items: tuple[EvidenceItem, ...]
    evidence_adverse_events: tuple[EvidenceAdverseEvent, ...]
    evidence_results: tuple[EvidenceResult, ...]
    approvals: tuple[Approval, ...]
    safety_analyses: tuple[SafetyAnalysis, ...]
    safety_findings: tuple[SafetyFinding, ...]
    recommendations: tuple[Recommendation, ...]
    regulatory_events: tuple[RegulatoryEvent, ...]
    table7_rows: tuple[Table7Row, ...]
    conflicts: tuple[Conflict, ...]
    conflict_readings: tuple[ConflictReading, ...]
    patient_overlaps: tuple[PatientOverlap, ...]
    mappings: MappingSet

    def records(self, cls: type[R]) -> tuple[R, ...]:
        """The records of one kind: ``curated.records(Drug) is curated.drugs``."""
        return getattr(self, Path(cls.FILE).stem)

    def tables(self) -> dict[str, tuple[Record, ...]]:
        """Every file's records by file name, the mapping file's too."""
        found: dict[str, tuple[Record, ...]] = {cls.FILE: self.records(cls) for cls in RECORD_TYPES}
        found[MAPPINGS_FILE] = self.mappings.mappings
        return found

    def by_id(self, cls: type[I]) -> dict[str, I]:
        """The records of one kind by id."""
        return {record.id: record for record in self.records(cls)}


def read_curated(directory: Path | None = None) -> Curated:
    """Read and check every file of ``directory`` (default: the shipped curated data)."""
    directory = directory or curated_directory()
    tables: dict[str, tuple[Record, ...]] = {}
    for cls in RECORD_TYPES:
        path = directory / cls.FILE
        if not path.exists():
            raise CurationError(cls.FILE, None, None, f"is missing from {directory}")
        tables[cls.FILE] = read_table(path, cls)
    ids = {name: {r.id for r in records if isinstance(r, Identified)} for name, records in tables.items()}
    check_references(tables, ids)
    check_readings(tables[Conflict.FILE], tables[ConflictReading.FILE])  # type: ignore[arg-type]
    check_shared_patients(tables)
    mappings = read_mapping_set(directory / MAPPINGS_FILE, ids)
    by_name = {Path(name).stem: records for name, records in tables.items()}
    assert set(by_name) | {"mappings"} == {f.name for f in fields(Curated)}
    return Curated(**by_name, mappings=mappings)  # type: ignore[arg-type]
