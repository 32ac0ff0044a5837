"""The ontology's Turtle files are read through one checked parser: a fault is one OntologyError naming file and line."""
from __future__ import annotations

import shutil
from importlib.resources import files
from pathlib import Path

import pytest
from pyoxigraph import BlankNode

from jakgraph.errors import OntologyError
from jakgraph.ontology import ONTOLOGY_FILES, SHAPES_FILE, ontology_graph, parse_turtle, shapes_graph
from jakgraph.ontology.namespaces import VOCAB


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """A folder of copies of the three Turtle files."""
    for name in (*ONTOLOGY_FILES, SHAPES_FILE):
        shutil.copy(Path(str(files("jakgraph.ontology").joinpath(name))), tmp_path / name)
    return tmp_path


def replace_line(path: Path, number: int, change) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[number - 1] = change(lines[number - 1])
    path.write_text("\n".join(lines), encoding="utf-8")


def named(triples) -> set:
    """The triples without blank nodes (each parse names its blank nodes anew)."""
    return {t for t in triples if not isinstance(t.subject, BlankNode) and not isinstance(t.object, BlankNode)}


def test_a_copied_folder_reads_as_the_shipped_files(copied):
    for name in (*ONTOLOGY_FILES, SHAPES_FILE):
        mine, shipped = parse_turtle(name, copied), parse_turtle(name)
        assert len(mine) == len(shipped) and named(mine) == named(shipped)


def test_a_syntax_error_names_file_line_and_column(copied):
    replace_line(copied / "concepts.ttl", 20, lambda line: line.removesuffix(" ."))
    with pytest.raises(OntologyError) as raised:
        parse_turtle("concepts.ttl", copied)
    assert str(raised.value) == "concepts.ttl, line 21, column 1: invalid Turtle: a dot is expected at the end of statements"


def test_an_iri_with_a_space_names_file_line_and_column(copied):
    replace_line(copied / "concepts.ttl", 52, lambda line: line.replace("c:status-approved", "<https://w3id.org/x y>"))
    with pytest.raises(OntologyError) as raised:
        parse_turtle("concepts.ttl", copied)
    assert str(raised.value) == "concepts.ttl, line 52, column 1: invalid Turtle: invalid IRI code point ' '"


def test_a_missing_or_undecodable_file_is_one_error(copied):
    (copied / "jakgraph.ttl").unlink()
    with pytest.raises(OntologyError, match=f"^jakgraph.ttl: is missing from {copied}$"):
        parse_turtle("jakgraph.ttl", copied)
    (copied / "concepts.ttl").write_bytes("# \u00e9\nx".encode("latin-1"))
    with pytest.raises(OntologyError, match=r"^concepts.ttl, line 1: is not UTF-8 \(byte 0xe9\)$"):
        parse_turtle("concepts.ttl", copied)


def test_shapes_read_with_rdflib_are_checked_by_pyoxigraph_first(copied):
    """rdflib would warn and go on (an IRI with a space) or raise without the file's name: pyoxigraph reads first."""
    replace_line(copied / SHAPES_FILE, 12, lambda line: line.replace("shape:Labelled", "<https://w3id.org/x y>"))
    with pytest.raises(OntologyError) as raised:
        shapes_graph(copied)
    assert str(raised.value) == "shapes.ttl, line 12, column 1: invalid Turtle: invalid IRI code point ' '"
    replace_line(copied / "jakgraph.ttl", 3, lambda line: line + " ;;")
    with pytest.raises(OntologyError, match=r"^jakgraph.ttl, line 3, column \d+: invalid Turtle: "):
        ontology_graph(copied)


def test_a_shape_pyshacl_cannot_use_is_one_error_naming_the_shapes_file(copied, capfd):
    from rdflib import RDF, Graph, URIRef

    from jakgraph.graph.store.validate import violations

    lines = (copied / SHAPES_FILE).read_text(encoding="utf-8").split("\n")
    gene_symbol = next(number for number, line in enumerate(lines, 1) if "sh:path jak:geneSymbol" in line)
    replace_line(copied / SHAPES_FILE, gene_symbol, lambda line: line.replace("sh:minCount 1 ;", 'sh:minCount "one" ;'))
    isoform = Graph()
    isoform.add((URIRef("https://w3id.org/jakgraph/isoform/jak1"), RDF.type, URIRef(VOCAB + "JAKIsoform")))
    with pytest.raises(OntologyError) as raised:
        violations(isoform, ontology=copied)
    assert str(raised.value) == ("shapes.ttl: is not valid SHACL: MinCountConstraintComponent sh:minCount must be a "
                                 "literal with datatype xsd:integer.")
    assert capfd.readouterr().err == ""  # pyshacl's own logging of the same fault stays quiet
