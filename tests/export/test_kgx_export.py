"""KGX TSV export: the files hold the graph's drugs, isoforms, diseases, adverse events and their links,
and kgx's own TSV reader and validator read them back."""
from __future__ import annotations

import csv
import json
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterator

import pytest

from jakgraph.graph.export.kgx import EDGE_COLUMNS, NODE_COLUMNS, write_kgx
from jakgraph.ontology.namespaces import PREFIXES

# the Biolink names the export uses, checked against the installed Biolink model when kgx is present
NODE_CATEGORIES = {"biolink:Drug", "biolink:Protein", "biolink:Disease", "biolink:DiseaseOrPhenotypicFeature"}
EDGE_KINDS = {  # predicate, category
    ("biolink:treats_or_applied_or_studied_to_treat",
     "biolink:ChemicalOrDrugOrTreatmentToDiseaseOrPhenotypicFeatureAssociation"),
    ("biolink:affects", "biolink:ChemicalAffectsGeneAssociation"),
    ("biolink:subclass_of", "biolink:Association"),
}
ENUM_VALUES = {  # column: (Biolink enum, values used)
    "knowledge_level": ("KnowledgeLevelEnum", {"knowledge_assertion"}),
    "agent_type": ("AgentTypeEnum", {"manual_agent"}),
    "clinical_approval_status": ("ClinicalApprovalStatusEnum",
                                 {"off_label_use", "approved_for_condition", "fda_approved_for_condition"}),
    "object_aspect_qualifier": ("GeneOrGeneProductOrChemicalEntityAspectEnum", {"activity"}),
    "object_direction_qualifier": ("DirectionQualifierEnum", {"decreased"}),
}
ITEM = "evidence:baricitinib--psoriasis--18"

NODE_COUNT = """SELECT (COUNT(DISTINCT ?node) AS ?n) WHERE {
  VALUES ?class { jak:Drug jak:JAKIsoform jak:Disease jak:AdverseEvent } ?node a ?class }"""
EDGE_COUNTS = [
    "SELECT (COUNT(*) AS ?n) WHERE { ?item a jak:EvidenceItem }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?drug jak:inhibits ?isoform }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?narrower skos:broader ?broader }",
    "SELECT (COUNT(*) AS ?n) WHERE { ?approval a jak:RegulatoryApproval ; jak:approvalStatus c:status-approved }",
]


@pytest.fixture(scope="module")
def export(store, tmp_path_factory) -> tuple[Path, tuple[int, int]]:
    directory = tmp_path_factory.mktemp("kgx")
    return directory, write_kgx(store, directory)


@pytest.fixture(scope="module")
def expected_counts(select) -> tuple[int, int]:
    """Nodes and edges the export should hold, counted in the graph itself."""
    return int(select(NODE_COUNT)[0][0]), sum(int(select(query)[0][0]) for query in EDGE_COUNTS)


def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return list(reader.fieldnames or []), list(reader)


def test_files_have_kgx_columns_and_biolink_names(export):
    directory, _ = export
    node_header, nodes = read_tsv(directory / "nodes.tsv")
    edge_header, edges = read_tsv(directory / "edges.tsv")
    assert node_header == NODE_COLUMNS
    assert node_header[:6] == ["id", "category", "name", "description", "xref", "provided_by"]
    assert edge_header == EDGE_COLUMNS
    assert edge_header[:9] == ["id", "subject", "predicate", "object", "category", "knowledge_level", "agent_type",
                               "primary_knowledge_source", "publications"]
    assert {row["category"] for row in nodes} == NODE_CATEGORIES
    assert {(row["predicate"], row["category"]) for row in edges} == EDGE_KINDS
    for column, (_, values) in ENUM_VALUES.items():
        assert {row[column] for row in edges} - {""} == values
    assert {row["primary_knowledge_source"] for row in edges} == {"infores:jakgraph"}


def test_counts_match_the_graph(export, expected_counts):
    directory, counts = export
    assert counts == expected_counts == (147, 114)  # 16 drugs, 4 isoforms, 59 diseases, 68 adverse events
    assert (len(read_tsv(directory / "nodes.tsv")[1]), len(read_tsv(directory / "edges.tsv")[1])) == counts


@pytest.fixture(scope="module")
def kgx_offline() -> Iterator[Any]:
    """Import kgx with the Biolink model and prefix map of the installed biolink-model package.

    kgx builds a Biolink toolkit when imported and downloads the model (and JSON-LD contexts) from GitHub
    by default; pointing bmt at the packaged copy keeps the test offline and pinned to one model version.
    """
    kgx = pytest.importorskip("kgx", reason="kgx is not installed (pip install 'kgx>=2.6,<2.7')")
    import bmt

    schema = str(files("biolink_model") / "schema" / "biolink_model.yaml")
    prefix_map = json.loads((files("biolink_model") / "prefixmaps" / "biolink-model-prefix-map.json").read_text())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bmt.Toolkit.__init__, "__defaults__", (schema, {"predicate mappings": []}))
        import kgx.config

        for name in ("biolink", "monarch_context", "obo_context"):
            patch.setitem(kgx.config.jsonld_context_map, name, prefix_map)
        from kgx.transformer import Transformer  # noqa: F401  (builds kgx's toolkit while patched)

        yield kgx


@pytest.fixture(scope="module")
def kgx_records(kgx_offline, export) -> tuple[dict[str, dict], list[dict]]:
    """Nodes by id and edge records as kgx's TSV source yields them (no merging of parallel edges)."""
    from kgx.transformer import Transformer

    directory, _ = export
    source = Transformer().get_source("tsv")
    nodes: dict[str, dict] = {}
    edges: list[dict] = []
    for name in ("nodes.tsv", "edges.tsv"):
        for record in source.parse(str(directory / name), format="tsv"):
            if record and len(record) == 2:
                nodes[record[0]] = record[1]
            elif record:
                edges.append(record[3])
    return nodes, edges


def test_kgx_reads_baricitinib_with_its_identifiers(kgx_records):
    nodes, _ = kgx_records
    node = nodes["drug:baricitinib"]
    assert node["category"] == ["biolink:Drug"]
    assert node["name"] == "baricitinib"
    assert {"CHEBI:95341", "DRUGBANK:DB11817"} <= set(node["xref"])
    assert nodes["isoform:jak1"]["category"] == ["biolink:Protein"]
    assert nodes["isoform:jak1"]["xref"] == ["UniProtKB:P23458"]
    assert nodes["disease:autoinflammatory-disorders"]["category"] == ["biolink:Disease"]


def test_kgx_reads_one_edge_per_evidence_item(kgx_records, expected_counts):
    nodes, edges = kgx_records
    assert (len(nodes), len(edges)) == expected_counts
    assert len({edge["id"] for edge in edges}) == len(edges)
    [edge] = [edge for edge in edges if edge.get("evidence_item") == ITEM]
    assert (edge["id"], edge["subject"], edge["predicate"], edge["object"]) == (
        ITEM, "drug:baricitinib", "biolink:treats_or_applied_or_studied_to_treat", "disease:psoriasis")
    assert edge["number_of_patients"] == "271"  # kgx reads TSV cells as text
    assert edge["publications"] == ["ref:18"]
    assert edge["study_design"] == "design:randomized-controlled-trial"
    assert (edge["knowledge_level"], edge["agent_type"]) == ("knowledge_assertion", "manual_agent")
    assert edge["evidence_type"] == "off_label_evidence"
    several = next(edge for edge in edges if edge["id"] == "evidence:upadacitinib--alopecia-areata--78-79-80-81")
    assert several["publications"] == ["ref:78", "ref:79", "ref:80", "ref:81"]


def test_kgx_reads_approvals_inhibitions_and_hierarchy(kgx_records):
    _, edges = kgx_records
    approvals = {(e["subject"], e["object"], e["agency"], e["clinical_approval_status"])
                 for e in edges if e.get("evidence_type") == "regulatory_approval"}
    assert ("drug:baricitinib", "disease:alopecia-areata", "agency:fda", "fda_approved_for_condition") in approvals
    assert ("drug:baricitinib", "disease:alopecia-areata", "agency:ema", "approved_for_condition") in approvals
    # Table 1 lists no EMA approval of topical ruxolitinib: no edge for that dash
    assert {a for a in approvals if a[0] == "drug:ruxolitinib" and a[2] == "agency:ema"} == set()
    assert len(approvals) == 9
    inhibited = {e["object"] for e in edges
                 if e["subject"] == "drug:baricitinib" and e["predicate"] == "biolink:affects"}
    assert inhibited == {"isoform:jak1", "isoform:jak2"}
    inhibition = next(e for e in edges if e["id"] == "jakgraph:association/inhibits/baricitinib--jak1")
    assert (inhibition["qualified_predicate"], inhibition["object_aspect_qualifier"],
            inhibition["object_direction_qualifier"]) == ("biolink:causes", "activity", "decreased")
    parents = {e["object"] for e in edges
               if e["subject"] == "disease:non-segmental-vitiligo" and e["predicate"] == "biolink:subclass_of"}
    assert parents == {"disease:vitiligo"}


def test_biolink_names_exist_in_the_installed_model(kgx_offline):
    from kgx.utils.kgx_utils import get_toolkit

    toolkit = get_toolkit()
    assert all(toolkit.is_category(category) for category in NODE_CATEGORIES)
    for predicate, category in EDGE_KINDS:
        assert toolkit.is_predicate(predicate), predicate
        assert toolkit.get_element(category) is not None, category
    assert toolkit.is_predicate("biolink:causes")
    for enum, values in ENUM_VALUES.values():
        assert values <= set(toolkit.view.get_enum(enum).permissible_values), enum


def test_kgx_validator_finds_nothing_but_project_prefixes(kgx_offline, export):
    """kgx validates a graph loaded into its store; our prefixes are not in Biolink's context, so add them."""
    from kgx.transformer import Transformer
    from kgx.validator import Validator

    directory, (_, edge_count) = export
    transformer = Transformer()
    transformer.transform({"filename": [str(directory / "nodes.tsv"), str(directory / "edges.tsv")], "format": "tsv"})
    graph = transformer.store.graph
    validator = Validator()
    validator.prefixes |= set(PREFIXES)
    validator.validate(graph)
    assert validator.get_errors() == {}
    # kgx keys edges of its in-memory graph by subject-predicate-object, so evidence items and approvals
    # for the same drug and disease merge there; the TSV keeps one row per item (read above)
    _, edges = read_tsv(directory / "edges.tsv")
    assert graph.number_of_edges() == len({(e["subject"], e["predicate"], e["object"]) for e in edges}) < edge_count
