"""Isoforms, selectivity classes, drugs, products, diseases, designs, adverse events, measures, populations."""
from __future__ import annotations

from rdflib import Graph, Literal

from jakgraph.ontology.terms import CONCEPT, JAK, RDF, RDFS, SKOS

from .catalog import Curated
from .provenance import add_provenance, integer, iri, text

ROLE_CLASS = {"jak-inhibitor": JAK.JAKInhibitor, "comparator": JAK.Drug, "concomitant": JAK.Drug}


def _labels(graph: Graph, node, values: dict[str, str]) -> None:
    graph.add((node, RDFS.label, text(values["label_en"])))
    graph.add((node, SKOS.prefLabel, text(values["label_en"])))
    if values.get("label_es"):
        graph.add((node, RDFS.label, text(values["label_es"], "es")))
        graph.add((node, SKOS.prefLabel, text(values["label_es"], "es")))
    graph.add((node, SKOS.notation, Literal(values["id"])))


def load(curated: Curated, graph: Graph) -> None:
    for row in curated.rows("isoforms.tsv"):
        node = iri("isoform", row.values["id"])
        graph.add((node, RDF.type, JAK.JAKIsoform))
        _labels(graph, node, row.values)
        graph.add((node, SKOS.altLabel, Literal(row.values["gene_symbol"])))
        graph.add((node, JAK.geneSymbol, Literal(row.values["gene_symbol"])))
        add_provenance(graph, node, row, refs_field=None)

    for row in curated.rows("selectivity_classes.tsv"):
        node = iri("selectivity", row.values["id"])
        graph.add((node, RDF.type, JAK.SelectivityClass))
        _labels(graph, node, row.values)
        graph.add((node, SKOS.definition, text(row.values["definition"])))
        for isoform in row.ids("isoforms"):
            graph.add((node, JAK.selectiveFor, iri("isoform", isoform)))
        add_provenance(graph, node, row, refs_field=None)

    for row in curated.rows("drugs.tsv"):
        node = iri("drug", row.values["id"])
        graph.add((node, RDF.type, JAK.Drug))
        graph.add((node, RDF.type, ROLE_CLASS[row.values["role"]]))
        graph.add((node, JAK.drugRole, CONCEPT[f"role-{row.values['role']}"]))
        _labels(graph, node, row.values)
        for isoform in row.ids("inhibits"):
            graph.add((node, JAK.inhibits, iri("isoform", isoform)))
        if row.text("selectivity"):
            graph.add((node, JAK.selectivity, iri("selectivity", row.values["selectivity"])))
        if row.text("mechanism"):
            graph.add((node, JAK.mechanism, text(row.values["mechanism"])))
        add_provenance(graph, node, row)

    for row in curated.rows("products.tsv"):
        node = iri("product", row.values["id"])
        graph.add((node, RDF.type, JAK.DrugProduct))
        _labels(graph, node, row.values)
        graph.add((node, JAK.activeIngredient, iri("drug", row.values["drug"])))
        if row.text("route"):
            graph.add((node, JAK.route, CONCEPT[f"route-{row.values['route']}"]))
        if row.text("formulation"):
            graph.add((node, JAK.formulation, CONCEPT[f"vehicle-{row.values['formulation']}"]))
        add_provenance(graph, node, row, refs_field=None)

    for row in curated.rows("diseases.tsv"):
        node = iri("disease", row.values["id"])
        graph.add((node, RDF.type, JAK.Disease))
        if row.values["kind"] == "group":
            graph.add((node, RDF.type, JAK.DiseaseGroup))
        if row.values.get("counted_as") == row.values["id"]:
            graph.add((node, RDF.type, JAK.CountedDisorder))
        _labels(graph, node, row.values)
        for broader in row.ids("broader"):
            graph.add((node, SKOS.broader, iri("disease", broader)))
        if row.text("counted_as"):
            graph.add((node, JAK.countedAs, iri("disease", row.values["counted_as"])))
        if row.text("note"):
            graph.add((node, SKOS.note, text(row.values["note"])))
        add_provenance(graph, node, row, refs_field=None)

    for row in curated.rows("study_designs.tsv"):
        node = iri("design", row.values["id"])
        graph.add((node, RDF.type, JAK.StudyDesign))
        _labels(graph, node, row.values)
        graph.add((node, JAK.evidenceRank, integer(int(row.values["rank"]))))
        graph.add((node, SKOS.definition, text(row.values["definition"])))
        graph.add((node, JAK.rankRationale, text(row.values["rank_rationale"])))

    for name, kind, cls in (("adverse_events.tsv", "adverse-event", JAK.AdverseEvent),
                            ("outcome_measures.tsv", "measure", JAK.OutcomeMeasure),
                            ("populations.tsv", "population", JAK.Population)):
        for row in curated.rows(name):
            node = iri(kind, row.values["id"])
            graph.add((node, RDF.type, cls))
            _labels(graph, node, row.values)
            graph.add((node, SKOS.definition, text(row.values["definition"])))
            if row.text("abbreviation"):
                graph.add((node, SKOS.altLabel, Literal(row.values["abbreviation"])))
