"""The synthetic benchmark graph: synthetic records through the curated data's own loaders, deterministic,
of the asked size, conforming to the shapes, and answering every stored query with its defaults."""
from __future__ import annotations

import gzip
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jakgraph.bench.synthetic import MIN_SIZE, SIZE_SLACK, generate
from jakgraph.errors import UserError
from jakgraph.graph.store import open_store

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_same_seed_gives_the_same_bytes(tmp_path: Path, synthetic_file: Path) -> None:
    again = generate(tmp_path / "again.nt", MIN_SIZE, seed=7).path
    other = generate(tmp_path / "other.nt", MIN_SIZE, seed=8).path
    assert sha256(again) == sha256(synthetic_file)
    assert sha256(other) != sha256(synthetic_file)


def test_same_seed_gives_the_same_bytes_in_another_process_and_gzipped(tmp_path: Path, synthetic_file: Path) -> None:
    code = "import sys; from pathlib import Path; from jakgraph.bench.synthetic import generate; " \
           f"generate(Path(sys.argv[1]), {MIN_SIZE}, seed=7)"
    for name in ("a.nt.gz", "b.nt.gz"):
        subprocess.run([sys.executable, "-c", code, str(tmp_path / name)], check=True,
                       env={**os.environ, "PYTHONHASHSEED": str(len(name) * 11 + ord(name[0]))})
    assert sha256(tmp_path / "a.nt.gz") == sha256(tmp_path / "b.nt.gz")
    assert gzip.decompress((tmp_path / "a.nt.gz").read_bytes()) == synthetic_file.read_bytes()


@pytest.mark.parametrize("size", [MIN_SIZE, 23_456, 31_013])
def test_size_is_met_within_the_slack_with_distinct_triples(tmp_path: Path, size: int) -> None:
    report = generate(tmp_path / "g.nt", size, seed=1)
    lines = report.path.read_text(encoding="utf-8").splitlines()
    assert size <= report.triples < size + SIZE_SLACK
    assert len(lines) == len(set(lines)) == report.triples


def test_sizes_below_the_minimum_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="out of range"):
        generate(tmp_path / "g.nt", MIN_SIZE - 1)
    with pytest.raises(UserError, match=r"\*\.nt"):
        generate(tmp_path / "g.ttl", MIN_SIZE)


def test_generated_graph_conforms_to_the_shapes(synthetic_file: Path) -> None:
    from rdflib import Graph

    from jakgraph.graph.store.validate import violations

    assert violations(Graph().parse(synthetic_file, format="nt"), add_ontology=False) == []


def test_every_stored_query_has_answers_with_its_defaults(synthetic_store: Path) -> None:
    from jakgraph.queries.catalog import query_names
    from jakgraph.queries.runner import run_query

    store = open_store(synthetic_store)
    empty = [name for name in query_names() if not list(run_query(store, name))]
    assert empty == []


def test_the_default_parameters_name_generated_nodes(synthetic_store: Path) -> None:
    from jakgraph.queries.catalog import all_queries

    defaults = {p.default for q in all_queries() for p in q.parameters if p.type == "iri" and p.default}
    store = open_store(synthetic_store)
    missing = [iri for iri in sorted(defaults) if not store.query(f"ASK {{ <{iri}> ?p ?o }}")]
    assert "https://w3id.org/jakgraph/evidence/baricitinib--psoriasis--18" in defaults
    assert missing == []


def test_every_curated_evidence_item_has_a_synthetic_one_under_its_id(synthetic_store: Path) -> None:
    from jakgraph.loaders import read_curated

    store = open_store(synthetic_store)
    items = {row["item"].value for row in store.query(
        "SELECT ?item WHERE { ?item a <https://w3id.org/jakgraph/vocab/EvidenceItem> }")}
    curated = {f"https://w3id.org/jakgraph/evidence/{item.id}" for item in read_curated().evidence_items}
    assert curated <= items
    assert len(items) > len(curated)


def predicates_and_classes(lines: list[str]) -> tuple[set[str], set[str]]:
    triples = [line.split(" ", 2) for line in lines if line]
    return {p for _, p, _ in triples}, {o.rstrip(" .") for _, p, o in triples if p == RDF_TYPE}


def test_one_data_model_with_the_curated_graph(synthetic_file: Path) -> None:
    """The synthetic graph uses the curated graph's properties and classes, and all of its main ones."""
    from pyoxigraph import RdfFormat, serialize

    from jakgraph.loaders import load_curated

    curated_lines = (serialize([q.triple for q in load_curated().quads], format=RdfFormat.N_TRIPLES) or b"")
    curated_predicates, curated_classes = predicates_and_classes(curated_lines.decode("utf-8").splitlines())
    predicates, classes = predicates_and_classes(synthetic_file.read_text(encoding="utf-8").splitlines())
    assert predicates <= curated_predicates
    assert classes <= curated_classes
    jak = "<https://w3id.org/jakgraph/vocab/"
    # data classes only: the vocabulary itself (owl:Class and so on) is in both graphs as the same triples
    assert {c for c in curated_classes if c.startswith(jak)} <= classes


def test_the_generator_makes_typed_records_of_the_curated_tables() -> None:
    from jakgraph.bench.synthetic_records import SyntheticRecords
    from jakgraph.loaders import read_curated
    from jakgraph.loaders.records import RECORD_TYPES, Mapping

    made = SyntheticRecords(read_curated(), MIN_SIZE, 3, written=lambda: 0)
    kinds = {type(record) for record in made.fixed()}
    assert kinds == set(RECORD_TYPES) | {Mapping}


def test_generated_overlaps_keep_the_rules_of_the_curated_ones() -> None:
    """Synthetic overlaps pass the checks a curated row must: two records, a kind that fits the shared patients,
    and no more shared patients than each record counts."""
    import itertools

    from jakgraph.bench.synthetic_records import SyntheticRecords
    from jakgraph.loaders import read_curated
    from jakgraph.loaders.records import EvidenceItem, PatientOverlap, Table7Row
    from jakgraph.loaders.rules import check_record

    written = [0]
    made = SyntheticRecords(read_curated(), 60_000, 5, written=lambda: written[0])
    counts: dict[str, int | None] = {}
    overlaps = []
    for record in itertools.chain(made.fixed(), made.grow()):
        written[0] += 6  # about the triples a record writes
        if isinstance(record, (EvidenceItem, Table7Row)):
            counts[record.id] = record.n_patients
        elif isinstance(record, PatientOverlap):
            check_record(record)
            overlaps.append(record)
    grown = [o for o in overlaps if o.id.startswith("synthetic-")]
    assert len(overlaps) > len(grown) > 0 and {o.kind for o in grown} == {"same-patients", "same-study",
                                                                          "same-reference"}
    too_many = [(o.id, m) for o in overlaps if o.shared_patients for m in o.evidence_items + o.table7_rows
                if (counts[m] or 0) < o.shared_patients]
    assert too_many == []



def test_a_loaded_store_without_named_graphs_is_read_as_its_default_graph(synthetic_store: Path, store) -> None:
    """A ``jakgraph load``ed store holds only its default graph, which queries then read alone (one index lookup
    per pattern); a built store keeps its graphs apart and is read as their union. The answers are the same."""
    from jakgraph.graph.store import open_store
    from jakgraph.ontology.namespaces import PREFIXES
    from jakgraph.queries.runner import query_text, run_query

    loaded = open_store(synthetic_store)
    assert loaded._reads_union(loaded.database) is False
    assert store._reads_union(store.database) is True
    alone = [tuple(map(str, row)) for row in run_query(loaded, "highest-evidence-per-pair")]
    union = loaded.database.query(query_text("highest-evidence-per-pair", ()), use_default_graph_as_union=True,
                                  prefixes=PREFIXES)
    assert alone and alone == [tuple(map(str, row)) for row in union]
