"""networkx views of the store: the typed drug–disease evidence network and its drug–disorder summary."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jakgraph.ontology.namespaces import compact

NODES = """
PREFIX jak: <https://w3id.org/jakgraph/vocab/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?node ?type ?label ?label_es ?counted ?xrefs WHERE {
  VALUES (?class ?type) { (jak:Drug "drug") (jak:JAKIsoform "isoform") (jak:Disease "disease") (jak:AdverseEvent "adverse_event") }
  ?node a ?class ; rdfs:label ?label .
  FILTER(LANG(?label) = "en")
  OPTIONAL { ?node rdfs:label ?label_es FILTER(LANG(?label_es) = "es") }
  BIND(IF(EXISTS { ?node a jak:CountedDisorder }, "yes", "no") AS ?counted)
  OPTIONAL { SELECT ?node (GROUP_CONCAT(DISTINCT STR(?curie); SEPARATOR="|") AS ?xrefs)
             WHERE { ?node skos:exactMatch/skos:notation ?curie } GROUP BY ?node }
}"""

GROUPS = """
PREFIX jak: <https://w3id.org/jakgraph/vocab/>
SELECT ?group WHERE { ?group a jak:DiseaseGroup FILTER NOT EXISTS { ?group a jak:CountedDisorder } }"""

EVIDENCE = """
PREFIX jak: <https://w3id.org/jakgraph/vocab/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?evidence ?drug ?disease ?disorder ?design ?design_label ?level ?n ?dose ?route ?result ?refs WHERE {
  ?evidence a jak:EvidenceItem ; jak:drug ?drug ; jak:disease ?disease ; jak:studyDesign ?design ;
            jak:resultSummary ?result ; jak:product/jak:route/skos:notation ?route .
  ?design jak:evidenceRank ?level ; rdfs:label ?design_label . FILTER(LANG(?design_label) = "en")
  OPTIONAL { ?disease jak:countedAs ?disorder }
  OPTIONAL { ?evidence jak:numberOfPatients ?n }
  OPTIONAL { ?evidence jak:dosing/jak:doseText ?dose }
  { SELECT ?evidence (GROUP_CONCAT(STR(?r); SEPARATOR=",") AS ?refs)
    WHERE { ?evidence jak:reference/jak:referenceNumber ?r } GROUP BY ?evidence }
}"""

APPROVALS = """
PREFIX jak: <https://w3id.org/jakgraph/vocab/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?approval ?drug ?disease ?agency ?severity WHERE {
  ?approval a jak:RegulatoryApproval ; jak:drug ?drug ; jak:indication ?disease ; jak:agency/skos:notation ?agency .
  OPTIONAL { ?approval jak:severity/skos:notation ?severity }
}"""

LINKS = """
PREFIX jak: <https://w3id.org/jakgraph/vocab/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?source ?target ?kind WHERE {
  { ?source jak:inhibits ?target . BIND("inhibits" AS ?kind) }
  UNION { ?source skos:broader ?target . BIND("subclass_of" AS ?kind) }
}"""

ADVERSE_EVENTS = """
PREFIX jak: <https://w3id.org/jakgraph/vocab/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?drug ?event ?record ?key ?kind ?label WHERE {
  { ?record a jak:EvidenceItem ; jak:drug ?drug ; jak:adverseEvent ?key . ?key jak:event ?event ; rdfs:label ?label .
    BIND("evidence_adverse_event" AS ?kind) }
  UNION
  { ?record a jak:SafetyFinding ; jak:drug ?drug ; jak:event ?event ; rdfs:label ?label .
    BIND(?record AS ?key) BIND("safety_finding" AS ?kind) }
  FILTER(LANG(?label) = "en")
}"""


def _value(term: Any) -> Any:
    if term is None:
        return None
    kind = type(term).__name__
    if kind == "NamedNode":
        return compact(term.value)
    datatype = term.datatype.value if getattr(term, "datatype", None) else ""
    if datatype.endswith(("#integer", "#int", "#long")):
        return int(term.value)
    if datatype.endswith(("#decimal", "#double", "#float")):
        return float(term.value)
    return term.value


def _rows(store: Any, query: str) -> list[dict[str, Any]]:
    results = store.query(query)
    names = [v.value for v in results.variables]
    return [{n: _value(s[n]) for n in names} for s in results]


def evidence_network(store: Any) -> "Any":
    """A networkx MultiDiGraph: typed nodes and one edge per evidence item, approval, inhibition, subclass link and adverse event.

    Every drug→disease edge carries ``kind`` = ``off_label`` or ``approved``, so the two never mix.
    """
    import networkx as nx

    graph = nx.MultiDiGraph(name="jakgraph evidence network")
    groups = {row["group"] for row in _rows(store, GROUPS)}
    for row in _rows(store, NODES):
        node_type = "disease_group" if row["node"] in groups else row["type"]
        graph.add_node(row["node"], type=node_type, label=row["label"], label_es=row["label_es"] or "",
                       counted=row["counted"] == "yes", xrefs=row["xrefs"] or "")
    for row in _rows(store, EVIDENCE):
        graph.add_edge(row["drug"], row["disease"], key=row["evidence"], kind="off_label", evidence=row["evidence"],
                       design=row["design"], design_label=row["design_label"], level=row["level"],
                       patients=row["n"] if row["n"] is not None else 0, dose=row["dose"] or "",
                       route=row["route"], refs=",".join(sorted(row["refs"].split(","), key=int)),
                       result=row["result"], disorder=row["disorder"] or row["disease"])
    for row in _rows(store, APPROVALS):
        graph.add_edge(row["drug"], row["disease"], key=row["approval"], kind="approved", approval=row["approval"],
                       agency=row["agency"], severity=row["severity"] or "")
    for row in _rows(store, LINKS):
        if row["source"] in graph and row["target"] in graph:
            graph.add_edge(row["source"], row["target"], key=f"{row['kind']}:{row['target']}", kind=row["kind"])
    for row in _rows(store, ADVERSE_EVENTS):
        graph.add_edge(row["drug"], row["event"], key=row["key"], kind=row["kind"], record=row["record"],
                       detail=row["label"])
    return graph


@dataclass(frozen=True)
class PairSummary:
    drug: str
    disorder: str
    items: int
    patients: int
    level: int
    design: str
    refs: str
    approved: bool


def summary_network(network: Any) -> "Any":
    """A networkx Graph of drugs and counted disorders: one edge per pair with items, patients and highest level."""
    import networkx as nx

    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for drug, _disease, data in network.edges(data=True):
        if data["kind"] != "off_label":
            continue
        key = (drug, data["disorder"])
        pair = pairs.setdefault(key, {"items": 0, "patients": 0, "level": -1, "design": "", "refs": set()})
        pair["items"] += 1
        pair["patients"] += data["patients"]
        if data["level"] > pair["level"]:
            pair["level"], pair["design"] = data["level"], data["design_label"]
        pair["refs"].update(data["refs"].split(","))
    approved = {(d, t) for d, t, data in network.edges(data=True) if data["kind"] == "approved"}
    summary = nx.Graph(name="jakgraph drug–disorder summary")
    for (drug, disorder), pair in pairs.items():
        for node in (drug, disorder):
            summary.add_node(node, **network.nodes[node])
        summary.add_edge(drug, disorder, kind="off_label", items=pair["items"], patients=pair["patients"],
                         level=pair["level"], design=pair["design"],
                         refs=",".join(sorted(pair["refs"], key=int)), approved=(drug, disorder) in approved)
    return summary
