"""Curated records are read once into typed fields; the SSSOM header is YAML; loaders write each triple once."""
from __future__ import annotations

import ast
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from jakgraph.errors import CurationError
from curated_fixtures import curated  # noqa: F401  (fixtures)
from jakgraph.loaders import curated_directory, load_curated, read_curated, review_graph
from jakgraph.loaders.records import DrugRefs, EvidenceItem, Locator, SafetyFinding, Table7Row
from jakgraph.ontology.namespaces import GRAPH_MAPPINGS, GRAPH_ONTOLOGY, GRAPH_REVIEW

LOADERS = Path(__file__).resolve().parents[2] / "loaders"


def test_evidence_item_fields_have_their_types(curated):
    item = curated.by_id(EvidenceItem)["baricitinib--psoriasis--18"]
    assert item.n_patients == 271 and type(item.n_patients) is int
    assert item.n_studies == 1 and type(item.n_studies) is int
    assert (item.dose_min, item.dose_max) == (Decimal("2"), Decimal("10"))
    assert isinstance(item.dose_min, Decimal)
    assert (item.dose_unit, item.frequency, item.comparator, item.ae_status) == ("mg", "once-daily", "placebo", "reported")
    assert item.measures == ("pasi",)
    assert item.refs == (18,)
    assert item.source == (Locator(table=3, row="Psoriasis"), Locator(paragraph=22), Locator(paragraph=92))
    assert item.vehicle is None and item.concomitant == ()
    assert (item.file, item.line) == ("evidence_items.tsv", 40)


def test_decimals_keep_their_curated_digits(curated):
    finding = curated.by_id(SafetyFinding)["upadacitinib-psa-meta-analysis--upadacitinib-30mg--any-adverse-event--vs-placebo"]
    assert str(finding.value) == "1.20"
    assert finding.dose_mg == Decimal(30)


def test_reference_ranges_are_expanded_and_table_7_drug_references_are_pairs(curated):
    row = next(r for r in curated.table7_rows if r.row_number == 1)
    assert isinstance(row, Table7Row)
    assert row.drug_refs == (DrugRefs("baricitinib", (70,)),)
    assert all(type(n) is int for r in curated.table7_rows for pair in r.drug_refs for n in pair.refs)
    assert curated.by_id(EvidenceItem)["upadacitinib--alopecia-areata--78-79-80-81"].refs == (78, 79, 80, 81)


def test_sssom_header_is_read_as_yaml(curated):
    assert curated.mappings.mapping_set_id == "https://w3id.org/jakgraph/mappings.sssom.tsv"
    assert curated.mappings.prefixes == {
        "jakgraph": "https://w3id.org/jakgraph/",
        "MONDO": "http://purl.obolibrary.org/obo/MONDO_",
        "DOID": "http://purl.obolibrary.org/obo/DOID_",
        "HP": "http://purl.obolibrary.org/obo/HP_",
        "OBI": "http://purl.obolibrary.org/obo/OBI_",
        "ECO": "http://purl.obolibrary.org/obo/ECO_",
        "CHEBI": "http://purl.obolibrary.org/obo/CHEBI_",
        "OAE": "http://purl.obolibrary.org/obo/OAE_",
        "MESH": "https://bioregistry.io/mesh:",
        "DRUGBANK": "https://bioregistry.io/drugbank:",
        "CHEMBL.COMPOUND": "https://bioregistry.io/chembl.compound:",
        "PUBCHEM.COMPOUND": "https://bioregistry.io/pubchem.compound:",
        "UniProtKB": "https://bioregistry.io/uniprot:",
        "HGNC": "https://bioregistry.io/hgnc:",
        "NCBIGene": "https://bioregistry.io/ncbigene:",
        "ENSEMBL": "https://bioregistry.io/ensembl:",
        "ICD10CM": "https://bioregistry.io/icd10cm:",
        "ICD10WHO": "https://bioregistry.io/icd10who:",
        "Orphanet": "https://bioregistry.io/orphanet:",
        "semapv": "https://w3id.org/semapv/vocab/",
        "skos": "http://www.w3.org/2004/02/skos/core#",
    }


def test_mapping_confidence_is_a_float(curated):
    confidences = {m.confidence for m in curated.mappings.mappings if m.confidence is not None}
    assert confidences == {0.4, 0.5, 0.6, 0.7, 0.8, 0.9}


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    directory = tmp_path / "curated"
    shutil.copytree(curated_directory(), directory)
    return directory


def test_sssom_file_with_a_header_but_no_rows_is_one_curation_error(copied):
    path = copied / "mappings.sssom.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:26]) + "\n", encoding="utf-8")
    with pytest.raises(CurationError) as raised:
        read_curated(copied)
    assert str(raised.value) == "mappings.sssom.tsv: has a header but no rows"


def test_sssom_file_without_a_jakgraph_prefix_is_refused(copied):
    path = copied / "mappings.sssom.tsv"
    text = path.read_text(encoding="utf-8").replace("#  jakgraph: https://w3id.org/jakgraph/\n", "")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CurationError, match=r"^mappings.sssom.tsv, row 4, field curie_map: has no jakgraph prefix$"):
        read_curated(copied)


@pytest.mark.parametrize("value", ["high", "nan"])
def test_mapping_confidence_must_be_a_number(copied, value):
    path = copied / "mappings.sssom.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    cells = lines[26].split("\t")
    cells[6] = value
    lines[26] = "\t".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CurationError) as raised:
        read_curated(copied)
    assert str(raised.value) == f"mappings.sssom.tsv, row 27, field confidence: {value!r} is not a number"


def test_loader_check_names_the_record_line(copied):
    path = copied / "evidence_items.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    cells = lines[39].split("\t")
    cells[header.index("dose_unit")] = ""
    lines[39] = "\t".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CurationError) as raised:
        load_curated(copied)
    assert str(raised.value) == "evidence_items.tsv, row 40, field dose_unit: is required when a dose is given"


def test_dataset_holds_each_quad_once_in_three_graphs():
    dataset = load_curated()
    assert len(dataset.quads) == len(set(dataset.quads))
    assert dataset.sizes() == {GRAPH_ONTOLOGY: 1195, GRAPH_REVIEW: 10017, GRAPH_MAPPINGS: 4869}


def test_review_graph_is_the_review_data_as_rdflib():
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    graph = review_graph()
    assert len(graph) == 10017
    item = URIRef("https://w3id.org/jakgraph/evidence/baricitinib--psoriasis--18")
    assert graph.value(item, URIRef("https://w3id.org/jakgraph/vocab/numberOfPatients")) == Literal(271, datatype=XSD.integer)


LOADER_MODULES = ["approvals", "conflicts", "evidence", "mappings", "ontology", "overlaps", "recommendations",
                  "review", "safety", "table7", "vocabulary"]


@pytest.mark.parametrize("name", LOADER_MODULES)
def test_loaders_import_only_records_terms_provenance_labels_and_sink(name):
    tree = ast.parse((LOADERS / f"{name}.py").read_text(encoding="utf-8"))
    relative = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
    absolute = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 0}
    assert relative <= {"records", "provenance", "labels", "sink"}
    assert {m for m in absolute if m and m.startswith("jakgraph")} <= {"jakgraph.ontology.terms", "jakgraph.ontology"}
