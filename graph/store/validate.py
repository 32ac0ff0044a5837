"""SHACL validation of a built dataset with pyshacl; a failure names the curated file and row, the node and the
constraint."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

from jakgraph.errors import OntologyError, ValidationError, first_line
from jakgraph.ontology import SHAPES_FILE, ontology_graph, shapes_graph
from jakgraph.ontology.namespaces import GRAPH_ONTOLOGY, GRAPH_REVIEW

if TYPE_CHECKING:
    from jakgraph.loaders import CuratedDataset

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    constraint: str
    shape: str
    message: str

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"node <{self.focus}>{path} breaks {self.constraint} of shape <{self.shape}>: {self.message}"


def violations(data: Graph, add_ontology: bool = True, ontology: Path | None = None) -> list[Violation]:
    """Every SHACL violation of ``data`` (the curated review graph), read from pyshacl's report.

    The shapes check classes the ontology declares (controlled values), so the ontology is validated with the
    data; ``add_ontology=False`` when ``data`` holds it already. ``ontology`` is the folder of the ontology files
    (default: the shipped ones).
    """
    from pyshacl import validate
    from pyshacl.errors import ReportableRuntimeError

    shapes = shapes_graph(ontology)
    combined = data
    if add_ontology:
        combined = Graph()
        combined += data
        combined += ontology_graph(ontology)
    # pyshacl logs to stderr what it also raises or reports: its logger stays quiet, so a fault is one line
    log = logging.getLogger("pyshacl-validate")
    quiet, log.disabled = log.disabled, True
    # the shapes use SHACL Core and SHACL-SPARQL constraints only, none of the advanced features (rules, custom targets)
    try:
        conforms, report, _text = validate(combined, shacl_graph=shapes, inference="none", advanced=False,
                                           allow_warnings=True)
    except ReportableRuntimeError as exc:  # a shape pyshacl cannot use: the shapes file is at fault
        raise OntologyError(SHAPES_FILE, None, None, f"is not valid SHACL: {first_line(str(exc))}") from None
    finally:
        log.disabled = quiet
    if conforms:
        return []
    found = []
    for result in report.subjects(URIRef(SH + "resultSeverity"), URIRef(SH + "Violation")):
        def value(name: str) -> str:
            term = report.value(result, URIRef(SH + name))
            return "" if term is None else str(term)
        constraint = value("sourceConstraintComponent").removeprefix(SH)
        shape = report.value(result, URIRef(SH + "sourceShape"))
        owner = shapes.value(predicate=URIRef(SH + "property"), object=shape) if shape is not None else None
        found.append(Violation(value("focusNode"), value("resultPath"), f"sh:{constraint}",
                               str(owner or shape), value("resultMessage")))
    return sorted(found, key=lambda v: (v.focus, v.constraint))


def check(dataset: "CuratedDataset") -> int:
    """Raise ValidationError on the first violation (with a count of the rest), naming the curated file and row the
    node was read from; return the triples checked."""
    found = violations(dataset.rdflib_graph(GRAPH_REVIEW, GRAPH_ONTOLOGY), add_ontology=False,
                       ontology=dataset.ontology)
    if found:
        more = f" (and {len(found) - 1} more violation(s))" if len(found) > 1 else ""
        origin = dataset.origin(found[0].focus)
        place = f"{origin}: " if origin is not None else ""
        raise ValidationError(f"{place}SHACL validation failed: {found[0]}{more}")
    return dataset.sizes()[GRAPH_REVIEW]
