"""Terms of an answer as Python values (``jakgraph.queries.results.value``): one reading per XSD datatype."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

from jakgraph.ontology.namespaces import PREFIXES
from jakgraph.queries.results import value

XSD = PREFIXES["xsd"]


@pytest.mark.parametrize("text, datatype, expected", [
    ("271", "integer", 271),
    ("-3", "int", -3),
    ("8.73", "decimal", Decimal("8.73")),
    ("0.50", "decimal", Decimal("0.50")),  # the trailing zero the curator wrote is kept
    ("1.5E2", "double", 150.0),
    ("0.25", "float", 0.25),
    ("true", "boolean", True),
    ("0", "boolean", False),
    ("2021-09-01", "date", date(2021, 9, 1)),
    ("2021-09-01T10:30:00+02:00", "dateTime", datetime(2021, 9, 1, 10, 30, tzinfo=timezone(timedelta(hours=2)))),
    ("2021", "gYear", "2021"),  # no Python type fits a year alone: its text
    ("herpes zoster", "string", "herpes zoster"),
])
def test_each_datatype_has_its_python_value(text, datatype, expected):
    found = value(Literal(text, datatype=NamedNode(XSD + datatype)))
    assert found == expected and type(found) is type(expected)


@pytest.mark.parametrize("text, datatype", [("twelve", "integer"), ("1.2.3", "decimal"), ("2021-02-30", "date")])
def test_an_ill_typed_literal_keeps_its_text(text, datatype):
    assert value(Literal(text, datatype=NamedNode(XSD + datatype))) == text


def test_iris_language_strings_blank_nodes_and_unbound():
    assert value(Literal("herpès", language="fr")) == "herpès"
    assert value(NamedNode(PREFIXES["drug"] + "upadacitinib"), compact_iris=True) == "drug:upadacitinib"
    assert value(NamedNode(PREFIXES["drug"] + "upadacitinib")) == PREFIXES["drug"] + "upadacitinib"
    assert value(NamedNode("http://purl.obolibrary.org/obo/MONDO_0005083"), compact_iris=True) == \
        "http://purl.obolibrary.org/obo/MONDO_0005083"  # no project prefix fits: the whole IRI
    assert value(BlankNode("b0")) == "_:b0"
    assert value(None) is None
