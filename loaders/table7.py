"""Table 7 as printed: its rows, their counts and the drugs and references they name."""
from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from jakgraph.ontology.terms import JAK, RDF, RDFS

from .catalog import Curated
from .provenance import add_provenance, add_reference, integer, iri, text


def load(curated: Curated, graph: Graph) -> None:
    rows = curated.rows("table7_rows.tsv")
    by_label = {row.values["dermatosis"]: row.values["id"] for row in rows}
    for row in rows:
        v = row.values
        node = iri("table7-row", v["id"])
        graph.add((node, RDF.type, JAK.Table7Row))
        graph.add((node, RDFS.label, text(f"Table 7 row: {v['dermatosis']}")))
        graph.add((node, JAK.dermatosis, Literal(v["dermatosis"])))
        graph.add((node, JAK.rowNumber, integer(row.int("row_number") or 0)))
        graph.add((node, JAK.summarises, iri("disease", v["disease"])))
        if row.text("group"):
            if v["group"] not in by_label:
                raise row.error("group", f"unknown group row {v['group']!r} (no row with that dermatosis)")
            graph.add((node, JAK.groupRow, iri("table7-row", by_label[v["group"]])))
        if row.text("n_studies"):
            graph.add((node, JAK.numberOfStudies, integer(row.int("n_studies") or 0)))
        if row.text("n_patients"):
            graph.add((node, JAK.numberOfPatients, integer(row.int("n_patients") or 0)))
        for position, (drug, refs) in enumerate(row.drug_refs(), 1):
            attribution = URIRef(f"{node}/drug/{position}")
            graph.add((node, JAK.drugAttribution, attribution))
            graph.add((attribution, RDF.type, JAK.DrugAttribution))
            graph.add((attribution, JAK.drug, iri("drug", drug)))
            graph.add((attribution, JAK.position, integer(position)))
            graph.add((attribution, RDFS.label, text(f"{drug} [ref. {','.join(map(str, refs))}]")))
            for number in refs:
                graph.add((attribution, JAK.reference, add_reference(graph, number)))
                graph.add((node, JAK.reference, add_reference(graph, number)))
        add_provenance(graph, node, row, refs_field=None)
