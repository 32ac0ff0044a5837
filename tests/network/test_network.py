"""The drug–disorder network: its analyses, its exports read back, and the views written by the commands.

Expected values are read from the review: Tables 2–5 (one row per drug and disorder), Table 7 and the
prose beside them, and Table 1 for the approved indications.
"""
from __future__ import annotations

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from conftest import run_cli

ABRO, BARI, RUXO, UPA = "drug:abrocitinib", "drug:baricitinib", "drug:ruxolitinib", "drug:upadacitinib"

# Tables 2–5: abrocitinib 2 disorders, baricitinib 31 (Table 3 and its prose), upadacitinib 5 in Table 4 plus
# VEXAS syndrome (the prose names it beside baricitinib), topical ruxolitinib 7 (Table 5).
DRUG_DEGREE = {BARI: 31, RUXO: 7, UPA: 6, ABRO: 2}

# Disorders with evidence for more than one drug, and which drugs.
SEVERAL_DRUGS = {
    "disease:alopecia-areata": {ABRO, UPA, RUXO},
    "disease:lichen-planus": {BARI, UPA, RUXO},
    "disease:granuloma-annulare": {BARI, UPA},
    "disease:vexas-syndrome": {BARI, UPA},
    "disease:psoriasis": {BARI, RUXO},
    "disease:chronic-graft-versus-host-disease": {BARI, RUXO},
    "disease:cutaneous-lupus-erythematosus": {BARI, RUXO},
}

# Pairs of disorders sharing two drugs; no pair shares three (alopecia areata has no baricitinib off-label).
TWO_SHARED = {
    frozenset({"disease:alopecia-areata", "disease:lichen-planus"}),
    frozenset({"disease:granuloma-annulare", "disease:lichen-planus"}),
    frozenset({"disease:granuloma-annulare", "disease:vexas-syndrome"}),
    frozenset({"disease:lichen-planus", "disease:vexas-syndrome"}),
    frozenset({"disease:lichen-planus", "disease:psoriasis"}),
    frozenset({"disease:lichen-planus", "disease:chronic-graft-versus-host-disease"}),
    frozenset({"disease:lichen-planus", "disease:cutaneous-lupus-erythematosus"}),
    frozenset({"disease:psoriasis", "disease:chronic-graft-versus-host-disease"}),
    frozenset({"disease:psoriasis", "disease:cutaneous-lupus-erythematosus"}),
    frozenset({"disease:chronic-graft-versus-host-disease", "disease:cutaneous-lupus-erythematosus"}),
}

# One drug and nothing above a case series. Left out although single-drug: dermatomyositis (open-label and
# prospective studies), frontal fibrosing alopecia (retrospective study) and hidradenitis suppurativa
# (retrospective study of upadacitinib).
WEAK = {
    "disease:contact-dermatitis": ABRO,
    "disease:erythema-multiforme": UPA,
    "disease:necrobiosis-lipoidica": RUXO,
    "disease:seborrheic-dermatitis": RUXO,
    **{f"disease:{d}": BARI for d in (
        "acrodermatitis-continua-of-hallopeau", "adult-onset-still-disease", "aicardi-goutieres-syndrome",
        "blau-syndrome", "candle-syndrome", "candle-like-syndrome", "stat1-gain-of-function-syndrome", "savi",
        "systemic-juvenile-idiopathic-arthritis", "bullous-pemphigoid", "epidermolysis-bullosa-pruriginosa",
        "lichen-planus-pemphigoides", "ocular-mucous-membrane-pemphigoid", "chronic-hand-eczema",
        "chronic-nodular-prurigo", "eosinophilic-fasciitis", "generalized-morphea", "hypereosinophilic-syndrome",
        "livedoid-vasculopathy", "pyoderma-gangrenosum", "sweet-syndrome", "systemic-sclerosis", "vitiligo")},
}

# Table 1, mapped onto the drawn disorders: non-segmental vitiligo is drawn as vitiligo; atopic dermatitis
# is approved for all four drugs but is not one of the 37 counted off-label disorders.
APPROVED_PAIRS = {(BARI, "disease:alopecia-areata"), (RUXO, "disease:vitiligo"), (ABRO, "disease:atopic-dermatitis"),
                  (BARI, "disease:atopic-dermatitis"), (UPA, "disease:atopic-dermatitis"), (RUXO, "disease:atopic-dermatitis")}


@pytest.fixture(scope="module")
def network(store):
    from jakgraph.graph.network.model import evidence_network

    return evidence_network(store)


@pytest.fixture(scope="module")
def summary(network):
    from jakgraph.graph.network.model import summary_network

    return summary_network(network)


@pytest.fixture(scope="module")
def scale(store):
    from jakgraph.graph.network.analysis import evidence_scale

    return evidence_scale(store)


# ----------------------------------------------------------------------------- analyses


def test_summary_has_the_46_pairs_of_4_drugs_and_37_disorders(summary):
    from jakgraph.graph.network.analysis import disorders_of, drugs_of

    assert summary.number_of_edges() == 46
    assert drugs_of(summary) == sorted(DRUG_DEGREE)
    assert len(disorders_of(summary)) == 37


def test_most_connected_drugs(summary):
    from jakgraph.graph.network.analysis import most_connected

    ranked = most_connected(summary, "drug")
    assert [(c.node, c.degree) for c in ranked] == sorted(DRUG_DEGREE.items(), key=lambda kv: -kv[1])
    assert [c.node for c in most_connected(summary, "drug", top=2)] == [BARI, RUXO]


def test_most_connected_disorders(summary):
    from jakgraph.graph.network.analysis import most_connected

    ranked = most_connected(summary, "disorder")
    several = {c.node: set(c.partners) for c in ranked if c.degree > 1}
    assert several == SEVERAL_DRUGS
    assert {c.node for c in ranked[:2]} == {"disease:alopecia-areata", "disease:lichen-planus"}
    assert all(c.degree == 1 for c in ranked[len(SEVERAL_DRUGS):])


def test_baricitinib_psoriasis_pair_sums_its_evidence(summary, scale):
    from jakgraph.graph.network.analysis import design_rank

    pair = summary.edges[BARI, "disease:psoriasis"]
    assert (pair["items"], pair["patients"], pair["refs"]) == (2, 271, "18,69")
    assert pair["level"] == design_rank(scale, "network-meta-analysis")


def test_projection_links_disorders_that_share_a_drug(summary):
    from jakgraph.graph.network.analysis import disorder_projection, disorders_sharing_drugs

    projection = disorder_projection(summary)
    assert projection.number_of_nodes() == 37
    # every pair inside each drug's set of disorders, counted once: C(31,2)+C(7,2)+C(6,2)+C(2,2) less 10 repeats
    assert projection.number_of_edges() == 465 + 21 + 15 + 1 - len(TWO_SHARED)
    assert projection.degree("disease:lichen-planus") == 35
    assert projection.degree("disease:alopecia-areata") == 11
    assert set(projection["disease:contact-dermatitis"]) == {"disease:alopecia-areata"}
    shared = disorders_sharing_drugs(summary, min_shared=2)
    assert {frozenset({p.disorder, p.other}) for p in shared} == TWO_SHARED
    assert disorders_sharing_drugs(summary, min_shared=3) == []
    first = disorders_sharing_drugs(summary)[0]
    assert (first.disorder, first.other, first.drugs) == ("disease:alopecia-areata", "disease:lichen-planus", (RUXO, UPA))


def test_single_drug_low_level_disorders(summary, scale):
    from jakgraph.graph.network.analysis import LOW_LEVEL_DESIGN, design_rank, single_drug_low_evidence

    weak = single_drug_low_evidence(summary, design_rank(scale, LOW_LEVEL_DESIGN))
    assert {w.disorder: w.drug for w in weak} == WEAK
    assert {w.design for w in weak} == {"case report", "case series"}
    savi = next(w for w in weak if w.disorder == "disease:savi")
    assert (savi.design, savi.patients, savi.refs) == ("case series", 4, "32")
    retrospective = {w.disorder for w in single_drug_low_evidence(summary, design_rank(scale, "retrospective-study"))}
    assert retrospective - set(WEAK) == {"disease:hidradenitis-suppurativa", "disease:frontal-fibrosing-alopecia"}


@pytest.mark.parametrize("name, rank", [("case-series", 2), ("case series", 2), ("design:case-series", 2),
                                        ("Randomized controlled trial", 9), ("7", 7), (0, 0)])
def test_design_rank_reads_names_labels_and_numbers(scale, name, rank):
    from jakgraph.graph.network.analysis import design_rank

    assert design_rank(scale, name) == rank


def test_design_rank_refuses_unknown_designs(scale):
    from jakgraph.errors import UserError
    from jakgraph.graph.network.analysis import design_rank

    assert [s.rank for s in scale] == list(range(13))
    with pytest.raises(UserError, match="unknown study design 'cohort'"):
        design_rank(scale, "cohort")


def test_network_command_prints_the_analyses(store_path, cli):
    result = cli("network", "--top", "3", "--store", str(store_path))
    assert result.returncode == 0, result.stderr
    rows = {tuple(re.split(r"\s{2,}", line.strip())) for line in result.stdout.splitlines()}
    drugs = [row[:2] for row in rows if row and row[0] in ("baricitinib", "ruxolitinib", "upadacitinib", "abrocitinib")]
    assert sorted(drugs) == [("baricitinib", "31"), ("ruxolitinib", "7"), ("upadacitinib", "6")]
    assert "37 disorders, 492 linked pairs" in result.stdout
    assert ("alopecia areata", "lichen planus", "2", "ruxolitinib, upadacitinib") in rows
    weak_part = result.stdout.split("Disorders reached by one drug")[1]
    assert weak_part.rstrip().endswith("(27 rows)")
    assert "hidradenitis suppurativa" not in weak_part and "erythema multiforme" in weak_part


# ----------------------------------------------------------------------------- exports


@pytest.fixture(scope="module")
def exports(store, tmp_path_factory) -> dict[str, Path]:
    from jakgraph.graph.export.network import NETWORK_FORMATS, write_network

    folder = tmp_path_factory.mktemp("network")
    files = {}
    for fmt in NETWORK_FORMATS:
        files[fmt] = folder / f"network.{fmt}"
        write_network(store, fmt, files[fmt])
    return files


NODE_LOOK = {"x", "y", "size", "r", "g", "b", "color"}
EDGE_LOOK = {"r", "g", "b", "color", "weight", "width"}


def without(data: dict[str, Any], keys: set[str]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in keys}


def test_graphml_reads_back_with_every_node_edge_and_attribute(network, exports):
    from jakgraph.graph.export.network import scalar_network

    expected = scalar_network(network)
    graph = nx.read_graphml(exports["graphml"])
    assert graph.is_multigraph() and graph.is_directed()
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (network.number_of_nodes(), network.number_of_edges())
    # beside the network's own attributes, how the view draws each node and edge (tests/network/test_exports.py)
    assert {n: without(d, NODE_LOOK) for n, d in graph.nodes(data=True)} == dict(expected.nodes(data=True))
    assert {(s, t, k): without(d, EDGE_LOOK) for s, t, k, d in graph.edges(keys=True, data=True)} == \
           {(s, t, k): d for s, t, k, d in expected.edges(keys=True, data=True)}
    item = graph.edges[BARI, "disease:psoriasis", "evidence:baricitinib--psoriasis--18"]
    assert (item["kind"], item["design"], item["patients"], item["refs"]) == \
           ("off_label", "design:randomized-controlled-trial", 271, "18")


def test_gexf_reads_back_with_every_node_edge_and_attribute(network, exports):
    from jakgraph.graph.export.network import scalar_network

    expected = scalar_network(network)
    graph = nx.read_gexf(exports["gexf"])
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (network.number_of_nodes(), network.number_of_edges())
    assert {n: without(d, {"viz"}) for n, d in graph.nodes(data=True)} == dict(expected.nodes(data=True))
    assert {(s, t, k): without(d, {"weight"}) for s, t, k, d in graph.edges(keys=True, data=True)} == \
           {(s, t, k): {**d, "id": k} for s, t, k, d in expected.edges(keys=True, data=True)}
    assert graph.nodes["disease:autoinflammatory-disorders"]["type"] == "disease_group"


SCALAR = {"type": ["string", "number", "boolean"]}
CYJS_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["data", "directed", "multigraph", "elements"],
    "properties": {
        "data": {"type": "object", "required": ["name"]},
        "directed": {"const": True},
        "multigraph": {"const": True},
        "elements": {
            "type": "object",
            "required": ["nodes", "edges"],
            "properties": {
                "nodes": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["data"], "properties": {"data": {
                        "type": "object", "required": ["id", "name", "type", "label"],
                        "properties": {"id": {"type": "string", "minLength": 1}, "name": {"type": "string", "minLength": 1},
                                       "type": {"enum": ["drug", "isoform", "disease", "disease_group", "adverse_event"]}},
                        "additionalProperties": SCALAR}}}},
                "edges": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["data"], "properties": {"data": {
                        "type": "object", "required": ["id", "source", "target", "kind"],
                        "properties": {"id": {"type": "string", "minLength": 1}, "source": {"type": "string"},
                                       "target": {"type": "string"},
                                       "kind": {"enum": ["off_label", "approved", "inhibits", "subclass_of",
                                                         "evidence_adverse_event", "safety_finding"]}},
                        "additionalProperties": SCALAR}}}},
            },
        },
    },
}


def check_schema(instance: Any, schema: dict[str, Any], where: str = "$") -> None:
    """Validate with jsonschema when it is installed, else with a check of the keywords the schema above uses."""
    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    if jsonschema is not None and where == "$":
        jsonschema.validate(instance, schema)
        return
    kinds = {"object": dict, "array": list, "string": str, "number": (int, float), "boolean": bool}
    types = schema.get("type")
    if types:
        allowed = tuple(kinds[t] for t in ([types] if isinstance(types, str) else types))
        assert isinstance(instance, allowed), f"{where}: {instance!r} is not {types}"
    assert "const" not in schema or instance == schema["const"], f"{where}: {instance!r} != {schema['const']!r}"
    assert "enum" not in schema or instance in schema["enum"], f"{where}: {instance!r} not in {schema['enum']}"
    assert len(instance) >= schema.get("minLength", schema.get("minItems", 0)) if isinstance(instance, (str, list)) else True
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            assert key in instance, f"{where}: {key} is missing"
        for key, value in instance.items():
            sub = schema.get("properties", {}).get(key, schema.get("additionalProperties"))
            if isinstance(sub, dict):
                check_schema(value, sub, f"{where}.{key}")
    if isinstance(instance, list) and "items" in schema:
        for index, value in enumerate(instance):
            check_schema(value, schema["items"], f"{where}[{index}]")


def test_cytoscape_json_is_valid_and_complete(network, exports, select):
    data = json.loads(exports["cyjs"].read_text(encoding="utf-8"))
    check_schema(data, CYJS_SCHEMA)
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    assert (len(nodes), len(edges)) == (network.number_of_nodes(), network.number_of_edges())
    ids = [n["data"]["id"] for n in nodes]
    assert len(set(ids)) == len(ids)
    assert all(e["data"]["source"] in ids and e["data"]["target"] in ids for e in edges)
    assert len({e["data"]["id"] for e in edges}) == len(edges)
    kinds = [e["data"]["kind"] for e in edges]
    [(items,)] = select("SELECT (COUNT(?e) AS ?n) WHERE { ?e a jak:EvidenceItem }")
    assert kinds.count("off_label") == int(items)
    assert kinds.count("approved") == 9  # Table 1: 2 + 3 + 2 + 2 cells with an approval
    assert {n["data"]["name"] for n in nodes if n["data"]["type"] == "disease_group"} == \
           {"autoinflammatory disorders with cutaneous manifestations", "immunobullous disorders"}
    edge = next(e["data"] for e in edges if e["data"]["id"] == "evidence:baricitinib--psoriasis--69")
    assert (edge["source"], edge["target"], edge["design"], edge["refs"]) == \
           (BARI, "disease:psoriasis", "design:network-meta-analysis", "69")


def test_edge_list_csv_has_one_row_per_edge(network, exports):
    with exports["edges-csv"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == network.number_of_edges()
    row = next(r for r in rows if r["id"] == "evidence:baricitinib--psoriasis--18")
    assert (row["source_label"], row["target_label"], row["kind"], row["patients"], row["refs"]) == \
           ("baricitinib", "psoriasis", "off_label", "271", "18")
    inhibits = [r for r in rows if r["kind"] == "inhibits" and r["source"] == BARI]
    assert {r["target"] for r in inhibits} == {"isoform:jak1", "isoform:jak2"}
    assert len({r["id"] for r in rows}) == len(rows)


def test_unknown_network_format_is_one_line(store, tmp_path):
    from jakgraph.errors import UserError
    from jakgraph.graph.export.network import write_network

    with pytest.raises(UserError, match="unknown network format 'dot'"):
        write_network(store, "dot", tmp_path / "x.dot")
    assert list(tmp_path.iterdir()) == []


# ----------------------------------------------------------------------------- views


def drawn_pairs(html: str, kind: str = "off_label") -> set[tuple[str, ...]]:
    """The pairs of ``kind`` the page opens with shown (the page holds every pair; the filters hide some)."""
    return {tuple(ends.split("|")) for hidden, ends in
            re.findall(rf'class="edge {kind}( off)?" data-edge="([^"]+)" data-kind="{kind}"', html) if not hidden}


@pytest.fixture(scope="module")
def network_html(store_path, tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("viz") / "net.html"
    result = run_cli("viz", "-o", str(path), "--store", str(store_path))
    assert result.returncode == 0, result.stderr
    return path.read_text(encoding="utf-8")


def test_network_page_draws_every_pair_and_approval(network_html, summary):
    assert drawn_pairs(network_html) == {tuple(sorted((a, b), key=lambda n: not n.startswith("drug:")))
                                         for a, b in summary.edges()}
    assert drawn_pairs(network_html, "approved") == APPROVED_PAIRS
    assert drawn_pairs(network_html, "subclass_of") == {("disease:acrodermatitis-continua-of-hallopeau", "disease:psoriasis")}
    assert network_html.count('class="node group"') == 2


def test_network_page_is_self_contained(network_html):
    assert not re.search(r"<link\b|<script[^>]*\bsrc=|<img\b|@import|url\(\s*['\"]?(?!#)", network_html)
    assert "http://" not in network_html and "https://" not in network_html
    data = re.search(r'<script type="application/json" id="view-data">(.*?)</script>', network_html, re.S).group(1)
    tips = json.loads(data)["tips"]
    edge = re.search(r'data-edge="drug:baricitinib\|disease:psoriasis" data-kind="off_label" [^>]*data-tip="([^"]+)"',
                     network_html).group(1)
    assert [item["refs"] for item in tips[edge]["items"]] == ["69", "18"]


@pytest.mark.parametrize("options, expected", [
    (["--drug", "ruxolitinib"], {(RUXO, d) for d in ("disease:alopecia-areata", "disease:psoriasis",
                                                      "disease:seborrheic-dermatitis", "disease:lichen-planus",
                                                      "disease:chronic-graft-versus-host-disease",
                                                      "disease:cutaneous-lupus-erythematosus",
                                                      "disease:necrobiosis-lipoidica")}),
    (["--group", "autoinflammatory-disorders"], {(BARI, d) for d in (
        "disease:adult-onset-still-disease", "disease:aicardi-goutieres-syndrome", "disease:blau-syndrome",
        "disease:candle-syndrome", "disease:candle-like-syndrome", "disease:stat1-gain-of-function-syndrome",
        "disease:savi", "disease:systemic-juvenile-idiopathic-arthritis", "disease:vexas-syndrome")}
     | {(UPA, "disease:vexas-syndrome")}),
    (["--min-level", "randomized-controlled-trial"], {(BARI, "disease:chronic-graft-versus-host-disease"),
                                                      (BARI, "disease:psoriasis"), (RUXO, "disease:alopecia-areata"),
                                                      (RUXO, "disease:psoriasis")}),
    (["--group", "Psoriasis", "--drug", "drug:baricitinib", "--min-level", "2"], {(BARI, "disease:psoriasis")}),
])
def test_viz_filters_restrict_the_drawing(store_path, tmp_path, options, expected):
    path = tmp_path / "net.html"
    result = run_cli("viz", "-o", str(path), *options, "--store", str(store_path))
    assert result.returncode == 0, result.stderr
    assert drawn_pairs(path.read_text(encoding="utf-8")) == expected


@pytest.mark.slow
def test_viz_writes_static_pictures(store_path, store, tmp_path):
    from jakgraph.graph.network.view import write_viz

    png, svg = tmp_path / "net.png", tmp_path / "net.svg"
    result = run_cli("viz", "-o", str(png), "--store", str(store_path))
    assert result.returncode == 0, result.stderr
    write_viz(store, svg)  # the same drawing in-process: one matplotlib start-up less
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    root = ET.parse(svg).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = "".join(root.itertext())
    assert "baricitinib" in text and "VEXAS syndrome" in text


@pytest.mark.parametrize("options, message", [
    (["-o", "net.pdf"], "jakgraph viz: cannot draw into net.pdf: the file name must end in .html, .png or .svg"),
    (["-o", "net.html", "--drug", "tofu"], "jakgraph viz: unknown drug 'tofu'"),
    (["-o", "net.html", "--min-level", "cohort"], "jakgraph viz: unknown study design 'cohort'"),
])
def test_viz_errors_are_one_line(store_path, tmp_path, options, message):
    result = run_cli("viz", *options, "--store", str(store_path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_gap_map_cells(store, scale):
    from jakgraph.graph.network.gapmap import UNCOUNTED, gap_map
    from jakgraph.graph.network.model import evidence_network
    from jakgraph.graph.network.view import select

    gaps = gap_map(select(evidence_network(store)), scale)
    assert [d for d, _label, _route in gaps.drugs] == [ABRO, BARI, RUXO, UPA]
    assert [route for _d, _label, route in gaps.drugs] == ["oral", "oral", "topical", "oral"]
    counted = gaps.counted_cells()
    assert (len(counted), sum(not c.gap for c in counted), sum(c.gap for c in counted)) == (4 * 37, 46, 102)
    assert {(c.drug, c.disorder) for c in gaps.cells if c.approvals} == APPROVED_PAIRS
    assert [s.heading for s in gaps.sections] == ["autoinflammatory disorders with cutaneous manifestations",
                                                 "immunobullous disorders", "other disorders", UNCOUNTED]
    assert [len(s.rows) for s in gaps.sections] == [9, 4, 24, 1]
    cell = next(c for c in gaps.cells if (c.drug, c.disorder) == (RUXO, "disease:vitiligo"))
    assert cell.gap and cell.approvals == ["FDA: non-segmental vitiligo"]


def test_gapmap_command_writes_html_and_png(store_path, tmp_path):
    html_path, png = tmp_path / "gap.html", tmp_path / "gap.png"
    for path in (html_path, png):
        result = run_cli("gapmap", "-o", str(path), "--store", str(store_path))
        assert result.returncode == 0, result.stderr
        assert "46 pairs with off-label evidence, 102 gaps" in result.stderr
    page = html_path.read_text(encoding="utf-8")
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert page.count('<td class="cell') == 4 * 38
    assert page.count('class="cell gap') == 102 + 4  # the gaps, and atopic dermatitis with no off-label evidence
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_commands_import_no_heavy_library_until_they_run():
    code = ("import sys, jakgraph.cli as c; c.parser(); "
            "print(sorted(m for m in ('networkx', 'matplotlib', 'pyshacl') if m in sys.modules))")
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
