"""Table 1: approvals of each product by the FDA and the EMA, and the cells that list none."""
from __future__ import annotations

from rdflib import Graph

from jakgraph.ontology.terms import AGENCY, CONCEPT, JAK, RDF, RDFS, SKOS

from .catalog import Curated
from .provenance import add_provenance, iri, text


def load(curated: Curated, graph: Graph) -> None:
    for row in curated.rows("approvals.tsv"):
        v = row.values
        node = iri("approval", v["id"])
        graph.add((node, RDF.type, JAK.RegulatoryApproval))
        graph.add((node, JAK.agency, AGENCY[v["agency"]]))
        graph.add((node, JAK.product, iri("product", v["product"])))
        graph.add((node, JAK.drug, iri("drug", curated.by_id("products.tsv")[v["product"]].values["drug"])))
        graph.add((node, JAK.approvalStatus, CONCEPT[f"status-{v['status']}"]))
        product = curated.label("products.tsv", v["product"])
        if row.text("indication"):
            graph.add((node, JAK.indication, iri("disease", v["indication"])))
            label = f"{v['agency'].upper()} approval of {product} for "
            if row.text("severity"):
                label += f"{v['severity']} "
            label += curated.label("diseases.tsv", v["indication"])
        else:
            if v["status"] == "approved":
                raise row.error("indication", "is required for an approved indication")
            label = f"no {v['agency'].upper()} approval listed for {product}"
        if row.text("severity"):
            graph.add((node, JAK.severity, CONCEPT[f"severity-{v['severity']}"]))
        if row.text("population"):
            graph.add((node, JAK.population, iri("population", v["population"])))
        if row.text("note"):
            graph.add((node, SKOS.note, text(v["note"])))
        graph.add((node, RDFS.label, text(label)))
        add_provenance(graph, node, row, refs_field=None)
