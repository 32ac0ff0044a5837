"""Nanopublications read back with rdflib (a parser of its own): one per evidence item, approval and safety finding,
each with its four graphs, its assertion the record's own triples; the nanopub package's validation and signing."""
from __future__ import annotations

import warnings
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import Dataset, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from conftest import run_cli

NP = Namespace("http://www.nanopub.org/nschema#")
PAV = Namespace("http://purl.org/pav/")
JAK = "https://w3id.org/jakgraph/vocab/"
REVIEW_GRAPH = "https://w3id.org/jakgraph/graph/review"
CLASSES = ("EvidenceItem", "RegulatoryApproval", "SafetyFinding")


@pytest.fixture(scope="module")
def exported(store_path, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("nanopubs") / "np"
    result = run_cli("export", "--store", str(store_path), "--format", "nanopub", "-o", str(folder))
    assert result.returncode == 0, result.stderr
    count = len(list(folder.rglob("*.trig")))
    assert result.stderr == f"wrote {count} nanopublications to {folder} (unsigned: give --key PEM to sign them)\n"
    return folder


@pytest.fixture(scope="module")
def nanopubs(exported) -> dict[Path, Dataset]:
    read = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for path in sorted(exported.rglob("*.trig")):
            dataset = Dataset()
            dataset.parse(path, format="trig")
            read[path] = dataset
    return read


@pytest.fixture(scope="module")
def source(store) -> dict[str, set]:
    """Each published record's triples in the store's review graph (its own and its parts', ``record/…``)."""
    from rdflib import Literal as RdfLiteral
    from rdflib.term import URIRef as Ref

    from jakgraph.queries.results import rows_of

    def rdflib_term(term):
        if type(term).__name__ == "NamedNode":
            return Ref(term.value)
        plain = term.language or term.datatype.value == "http://www.w3.org/2001/XMLSchema#string"
        return RdfLiteral(term.value, lang=term.language, datatype=None if plain else Ref(term.datatype.value))

    records = set()
    for cls in CLASSES:
        _, found = rows_of(store.query(f"SELECT ?r WHERE {{ ?r a <{JAK}{cls}> }}"))
        records |= {row[0].value for row in found}
    _, triples = rows_of(store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{REVIEW_GRAPH}> {{ ?s ?p ?o }} }}"))
    owned: dict[str, set] = {record: set() for record in records}
    for s, p, o in triples:
        for candidate in (s.value, *[s.value[:i] for i, c in enumerate(s.value) if c == "/"]):
            if candidate in owned:
                owned[candidate].add((Ref(s.value), Ref(p.value), rdflib_term(o)))
                break
    return owned


def parts(dataset: Dataset) -> dict[str, object]:
    """The head, assertion, provenance and pubinfo graphs that a nanopublication's head names."""
    graphs = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    heads = [g for g in graphs.values() if (None, RDF.type, NP.Nanopublication) in g]
    assert len(heads) == 1
    head = heads[0]
    this = head.value(None, RDF.type, NP.Nanopublication)
    return {"this": this, "head": head, "graphs": graphs,
            "assertion": graphs[str(head.value(this, NP.hasAssertion))],
            "provenance": graphs[str(head.value(this, NP.hasProvenance))],
            "pubinfo": graphs[str(head.value(this, NP.hasPublicationInfo))]}


def test_one_nanopublication_per_evidence_item_approval_and_safety_finding(nanopubs, source, select):
    expected = sum(int(select(f"SELECT (COUNT(?r) AS ?n) WHERE {{ ?r a <{JAK}{cls}> }}")[0][0]) for cls in CLASSES)
    assert len(nanopubs) == len(source) == expected
    folders = defaultdict(int)
    for path in nanopubs:
        folders[path.parent.name] += 1
    by_class = {cls: int(select(f"SELECT (COUNT(?r) AS ?n) WHERE {{ ?r a <{JAK}{cls}> }}")[0][0]) for cls in CLASSES}
    assert dict(folders) == {"evidence": by_class["EvidenceItem"], "approval": by_class["RegulatoryApproval"],
                             "safety-finding": by_class["SafetyFinding"]}


def test_each_nanopublication_has_four_graphs_and_asserts_its_record_exactly(nanopubs, source):
    total = 0
    for path, dataset in nanopubs.items():
        found = parts(dataset)
        assert len(found["graphs"]) == 4, path
        record = "https://w3id.org/jakgraph/" + path.relative_to(path.parents[1]).with_suffix("").as_posix()
        assert str(found["this"]) == record.replace("jakgraph/", "jakgraph/np/", 1)
        assertion = set(found["assertion"])
        assert assertion == source[record], path
        total += len(assertion)
    assert total == sum(len(triples) for triples in source.values())


def test_provenance_and_publication_info(nanopubs, source):
    for path, dataset in nanopubs.items():
        found = parts(dataset)
        record = next(s for s in found["assertion"].subjects(RDF.type, None) if "/" not in
                      str(s)[len("https://w3id.org/jakgraph/"):].split("/", 1)[1])
        assertion = URIRef(found["assertion"].identifier)
        locations = set(found["assertion"].objects(record, PROV.wasDerivedFrom))
        refs = set(found["assertion"].objects(record, URIRef(JAK + "reference")))
        assert locations and set(found["provenance"].objects(assertion, PROV.wasDerivedFrom)) == locations, path
        assert set(found["provenance"].objects(assertion, PROV.hadPrimarySource)) == refs, path
        pubinfo, this = found["pubinfo"], found["this"]
        assert pubinfo.value(this, DCTERMS.created) is not None
        assert pubinfo.value(this, DCTERMS.license) == URIRef("http://spdx.org/licenses/MIT")
        assert pubinfo.value(this, PAV.createdWith) == URIRef("https://w3id.org/jakgraph/")


def test_nanopub_needs_a_folder_and_only_it_is_signed(store_path, tmp_path):
    result = run_cli("export", "--store", str(store_path), "--format", "nanopub")
    assert (result.returncode, result.stderr) == (1, "jakgraph export: --format nanopub writes one TriG file per "
                                                     "record: give a folder with -o\n")
    result = run_cli("export", "--store", str(store_path), "-o", str(tmp_path / "g.ttl"), "--key", "k.pem")
    assert (result.returncode, result.stderr) == (1, "jakgraph export: --key signs nanopublications; --format turtle "
                                                     "is not signed\n")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("x")
    result = run_cli("export", "--store", str(store_path), "--format", "nanopub", "-o", str(tmp_path / "mine"))
    assert result.returncode == 1 and "holds 'notes.txt', which is not a nanopub export" in result.stderr
    (tmp_path / "bad.pem").write_text("not a key")
    result = run_cli("export", "--store", str(store_path), "--format", "nanopub", "-o", str(tmp_path / "np"),
                     "--key", str(tmp_path / "bad.pem"))
    assert result.returncode == 1
    assert result.stderr == f"jakgraph export: --key {tmp_path / 'bad.pem'}: not an unencrypted RSA private key in " \
                            "PEM form\n"
    assert not (tmp_path / "np").exists()


@pytest.mark.slow
def test_the_nanopub_package_finds_every_one_valid(exported):
    from nanopub import Nanopub

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in sorted(exported.rglob("*.trig")):
            assert Nanopub(rdf=path).is_valid, path


@pytest.mark.slow
def test_signed_nanopublications_have_valid_signatures_and_trusty_uris(store_path, tmp_path, nanopubs):
    from Crypto.PublicKey import RSA
    from nanopub import Nanopub

    key = tmp_path / "key.pem"
    key.write_bytes(RSA.generate(2048).export_key())
    folder = tmp_path / "signed"
    result = run_cli("export", "--store", str(store_path), "--format", "nanopub", "-o", str(folder), "--key", str(key))
    assert result.returncode == 0, result.stderr
    assert "(signed, with trusty URIs)" in result.stderr
    signed = sorted(folder.rglob("*.trig"))
    assert len(signed) == len(nanopubs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in signed:
            publication = Nanopub(rdf=path)
            assert publication.is_valid and publication.has_valid_signature and publication.has_valid_trusty, path
            assert "/RA" in publication.source_uri
            unsigned = parts(nanopubs[tuple(p for p in nanopubs if p.relative_to(p.parents[1]) ==
                                            path.relative_to(folder))[0]])["assertion"]
            assert set(publication.assertion) == set(unsigned), path
