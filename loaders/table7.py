"""Table 7 as printed: its rows, their counts and the drugs and references they name."""
from __future__ import annotations

from collections.abc import Mapping

from pyoxigraph import NamedNode

from jakgraph.ontology.terms import JAK, RDF, RDFS, integer, iri, string, text

from .provenance import Provenance
from .records import Table7Row
from .sink import TripleSink


def add_row(sink: TripleSink, sources: Provenance, record: Table7Row, row_ids: Mapping[str, str]) -> None:
    """One row; ``row_ids`` gives the id of each row by its printed dermatosis, to link a row to its group."""
    add, node = sink.add, iri("table7-row", record.id)
    add(node, RDF.type, JAK.Table7Row)
    add(node, RDFS.label, text(f"Table 7 row: {record.dermatosis}"))
    add(node, JAK.dermatosis, string(record.dermatosis))
    add(node, JAK.rowNumber, integer(record.row_number))
    add(node, JAK.summarises, iri("disease", record.disease))
    if record.group:
        if record.group not in row_ids:
            raise record.error("group", f"unknown group row {record.group!r} (no row with that dermatosis)")
        add(node, JAK.groupRow, iri("table7-row", row_ids[record.group]))
    if record.n_studies is not None:
        add(node, JAK.numberOfStudies, integer(record.n_studies))
    if record.n_patients is not None:
        add(node, JAK.numberOfPatients, integer(record.n_patients))
    for position, pair in enumerate(record.drug_refs, 1):
        attribution = NamedNode(f"{node.value}/drug/{position}")
        add(node, JAK.drugAttribution, attribution)
        add(attribution, RDF.type, JAK.DrugAttribution)
        add(attribution, JAK.drug, iri("drug", pair.drug))
        add(attribution, JAK.position, integer(position))
        add(attribution, RDFS.label, text(f"{pair.drug} [ref. {','.join(map(str, pair.refs))}]"))
        sources.cite(attribution, pair.refs)
    sources.cite(node, (number for pair in record.drug_refs for number in pair.refs))
    sources.derive(node, record.source)
