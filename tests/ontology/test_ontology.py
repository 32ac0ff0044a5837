"""The vocabulary: every class and property labelled and defined in English; main classes in Spanish too."""
from __future__ import annotations

import pytest
from rdflib import Namespace
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from jakgraph.ontology import ontology_graph, shapes_graph
from jakgraph.ontology.namespaces import VOCAB

JAK = Namespace(VOCAB)

SH_TARGET = "http://www.w3.org/ns/shacl#targetClass"


@pytest.fixture(scope="module")
def ontology():
    return ontology_graph()


def terms(ontology, kind):
    return sorted(s for s in ontology.subjects(RDF.type, kind) if str(s).startswith(str(JAK)))


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_term_has_an_english_label_and_definition(ontology, kind):
    missing = [str(t) for t in terms(ontology, kind)
               if not any(l.language == "en" for l in ontology.objects(t, RDFS.label))
               or not any(d.language == "en" for d in ontology.objects(t, SKOS.definition))]
    assert missing == []


MAIN_CLASSES = ["JAKIsoform", "Drug", "JAKInhibitor", "DrugProduct", "Disease", "DiseaseGroup", "EvidenceItem",
                "StudyDesign", "OutcomeMeasure", "AdverseEvent", "RegulatoryApproval", "SafetyAnalysis",
                "SafetyFinding", "Recommendation", "RegulatoryEvent", "SourceConflict", "Population"]


@pytest.mark.parametrize("name", MAIN_CLASSES)
def test_main_classes_have_a_spanish_label(ontology, name):
    assert any(l.language == "es" for l in ontology.objects(JAK[name], RDFS.label))


def test_every_class_is_the_target_of_a_shape_or_a_subclass_of_one(ontology):
    from rdflib import URIRef

    shapes = shapes_graph()
    targeted = {o for o in shapes.objects(None, URIRef(SH_TARGET))}
    untargeted = []
    for cls in terms(ontology, OWL.Class):
        ancestors = set(ontology.transitive_objects(cls, RDFS.subClassOf))
        if not ancestors & targeted:
            untargeted.append(str(cls))
    assert untargeted == []


def test_the_vocabulary_carries_the_package_s_version_and_licence():
    import tomllib

    from conftest import ROOT
    from rdflib import Graph, URIRef

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    vocabulary = Graph().parse(ROOT / "ontology" / "jakgraph.ttl")
    ontology = URIRef("https://w3id.org/jakgraph/vocab/")
    assert str(vocabulary.value(ontology, URIRef("http://www.w3.org/2002/07/owl#versionInfo"))) == project["version"]
    assert project["license"] in ("MIT", {"text": "MIT"})
    assert vocabulary.value(ontology, URIRef("http://purl.org/dc/terms/license")) == URIRef("http://spdx.org/licenses/MIT")
