"""Releases: two releases with one curated value changed in between, their change list, version, checksums and
description; ``jakgraph diff`` on the stores and on the releases; a previous release fetched over HTTP.

The changed value is derived from the shipped tables (the first evidence item with a number of patients, plus one),
so the tests hold whatever else the curators change.
"""
from __future__ import annotations

import gzip
import http.server
import shutil
import socket
import subprocess
import threading
from functools import partial
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from conftest import run_cli
from jakgraph.graph.release.version import Version, package_version
from jakgraph.loaders import curated_directory

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
RELEASE = "https://w3id.org/jakgraph/release/"


def change_one_patient_count(folder: Path) -> tuple[str, int, int]:
    """Add one to the first evidence item's n_patients in ``folder``'s evidence_items.tsv: (id, before, after)."""
    path = folder / "evidence_items.tsv"
    lines = path.read_text(encoding="utf-8").split("\n")
    column = lines[0].split("\t").index("n_patients")
    for number, line in enumerate(lines[1:], 1):
        cells = line.split("\t")
        if len(cells) > column and cells[column].isdigit():
            before = int(cells[column])
            cells[column] = str(before + 1)
            lines[number] = "\t".join(cells)
            path.write_text("\n".join(lines), encoding="utf-8")
            return cells[0], before, before + 1
    raise AssertionError("no evidence item has a number of patients")


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> dict:
    """A store built from a copy of the curated tables with one n_patients changed, and what changed."""
    from jakgraph.graph.store.build import build

    curated = tmp_path_factory.mktemp("curated") / "curated"
    shutil.copytree(curated_directory(), curated)
    item, before, after = change_one_patient_count(curated)
    location = tmp_path_factory.mktemp("changed-store")
    build(location, curated)
    return {"store": location, "item": item, "before": before, "after": after}


@pytest.fixture(scope="module")
def releases(store_path, changed, tmp_path_factory) -> dict:
    """The first release (the shipped data) and the second (one value changed), written by the command."""
    folder = tmp_path_factory.mktemp("releases")
    first = run_cli("release", "--store", str(store_path), "-o", str(folder / "first"), "--date", "2025-01-02")
    assert first.returncode == 0, first.stderr
    second = run_cli("release", "--store", str(changed["store"]), "-o", str(folder / "second"),
                     "--previous", str(folder / "first"))
    assert second.returncode == 0, second.stderr
    return {"first": folder / "first", "second": folder / "second", "first_out": first.stdout,
            "second_out": second.stdout, "second_err": second.stderr}


def change_lines(text: str) -> list[str]:
    """The bullet lines of a change list."""
    return [line for line in text.splitlines() if line.startswith("- ")]


def expected_line(changed: dict, before: int | None = None, after: int | None = None) -> str:
    before = changed["before"] if before is None else before
    after = changed["after"] if after is None else after
    return f"- evidence:{changed['item']} number of patients {before} → {after}"


def test_changes_md_names_exactly_the_one_changed_value(releases, changed):
    text = (releases["second"] / "CHANGES.md").read_text(encoding="utf-8")
    assert change_lines(text) == [expected_line(changed)]
    assert text.startswith(f"# jakgraph {package_version().bump('minor')}\n")
    assert f"Changes since {package_version()}: 1 record changed, 0 added, 0 removed (minor:" in text


def test_the_first_release_takes_the_package_version_and_the_second_a_minor_bump(releases):
    first, second = package_version(), package_version().bump("minor")
    assert f"release {first} written to" in releases["first_out"]
    assert "the first release" in releases["first_out"]
    assert f"release {second} written to" in releases["second_out"]
    assert f"minor release after {first}" in releases["second_out"]
    assert f'set version = "{second}" in pyproject.toml' in releases["second_err"]
    assert change_lines((releases["first"] / "CHANGES.md").read_text(encoding="utf-8")) == []


def test_diff_of_the_two_releases_prints_the_same_change(releases, changed):
    result = run_cli("diff", str(releases["first"]), str(releases["second"]))
    assert result.returncode == 0, result.stderr
    assert change_lines(result.stdout) == [expected_line(changed)]
    assert result.stdout.splitlines()[0] == (f"From {releases['first']} to {releases['second']}: 1 record changed, "
                                             "0 added, 0 removed (minor: facts were added, removed or changed).")


@pytest.mark.slow
def test_diff_of_the_stores_the_other_way_and_of_a_release_and_a_store(releases, changed, store_path):
    for before, after in ((store_path, changed["store"]), (releases["first"], changed["store"])):
        result = run_cli("diff", str(before), str(after))
        assert result.returncode == 0, result.stderr
        assert change_lines(result.stdout) == [expected_line(changed)]
    backwards = run_cli("diff", str(releases["second"]), str(releases["first"]))
    assert change_lines(backwards.stdout) == [expected_line(changed, changed["after"], changed["before"])]
    same = run_cli("diff", str(store_path), str(releases["first"]))
    assert same.stdout.splitlines() == [f"From {store_path} to {releases['first']}: No fact changed (patch)."]


@pytest.mark.slow
def test_an_unchanged_graph_is_a_patch_release(releases, store_path, tmp_path):
    result = run_cli("release", "--store", str(store_path), "-o", str(tmp_path / "again"),
                     "--previous", str(releases["first"]))
    assert result.returncode == 0, result.stderr
    assert f"release {package_version().bump('patch')} written" in result.stdout
    assert "No fact changed (patch)." in (tmp_path / "again" / "CHANGES.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["first", "second"])
def test_checksums_verify_with_sha256sum(releases, which):
    folder = releases[which]
    result = subprocess.run(["sha256sum", "--check", "--strict", "SHA256SUMS"], cwd=folder, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    listed = {line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text().splitlines()}
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert listed == on_disk
    assert {"jakgraph.nq.gz", "jakgraph.trig", "void.ttl", "shapes.ttl", "CHANGES.md"} <= listed


@pytest.fixture(scope="module")
def second_quads(releases) -> Dataset:
    dataset = Dataset()
    dataset.parse(data=gzip.decompress((releases["second"] / "jakgraph.nq.gz").read_bytes()).decode("utf-8"),
                  format="nquads")
    return dataset


def test_void_and_dcat_parse_and_their_counts_match_the_nquads(releases, second_quads):
    nquads = gzip.decompress((releases["second"] / "jakgraph.nq.gz").read_bytes()).decode("utf-8")
    lines = [line for line in nquads.splitlines() if line.strip()]
    description = Graph().parse(releases["second"] / "void.ttl", format="turtle")
    version = str(package_version().bump("minor"))
    dataset = URIRef(RELEASE + version)
    assert {dataset} == set(description.subjects(DCAT.version, None))
    assert description.value(dataset, DCAT.version) == Literal(version)
    assert (dataset, RDF.type, VOID.Dataset) in description and (dataset, RDF.type, DCAT.Dataset) in description
    assert description.value(dataset, DCAT.previousVersion) == URIRef(RELEASE + str(package_version()))
    assert description.value(dataset, DCTERMS.license) == URIRef("http://spdx.org/licenses/MIT")
    assert description.value(dataset, DCTERMS.source) == URIRef("https://w3id.org/jakgraph/review")
    assert description.value(dataset, DCTERMS.issued).datatype == XSD.date

    quads = list(second_quads.quads((None, None, None, None)))
    assert int(description.value(dataset, VOID.triples)) == len(lines) == len(quads)
    typed = {s for s, p, o, g in quads if p == RDF.type and isinstance(s, URIRef)}
    assert int(description.value(dataset, VOID.entities)) == len(typed)
    assert int(description.value(dataset, VOID.distinctSubjects)) == len({s for s, p, o, g in quads})
    assert int(description.value(dataset, VOID.properties)) == len({p for s, p, o, g in quads})
    assert int(description.value(dataset, VOID.classes)) == len({o for s, p, o, g in quads if p == RDF.type})
    per_graph = {}
    for s, p, o, g in quads:
        per_graph[str(g)] = per_graph.get(str(g), 0) + 1
    subsets = {str(description.value(subset, SD.name)): int(description.value(subset, VOID.triples))
               for subset in description.objects(dataset, VOID.subset)}
    assert subsets == per_graph


def test_the_description_lists_the_shapes_and_the_stored_questions_as_parts(releases):
    folder = releases["second"]
    description = Graph().parse(folder / "void.ttl", format="turtle")
    dataset = URIRef(RELEASE + str(package_version().bump("minor")))
    parts = {str(description.value(part, DCTERMS.title)): part for part in description.objects(dataset, DCTERMS.hasPart)}
    assert set(parts) == {"SHACL shapes the graph was validated with", "stored questions, one SPARQL query per file"}
    queries = parts["stored questions, one SPARQL query per file"]
    files = {str(description.value(d, DCTERMS.title)) for d in description.objects(queries, DCAT.distribution)}
    assert files == {f"queries/{p.name}" for p in (folder / "queries").glob("*.rq")}
    from jakgraph.queries.catalog import stored_names

    assert files == {f"queries/{name}.rq" for name in stored_names()}
    sums = dict(reversed(line.split("  ", 1)) for line in (folder / "SHA256SUMS").read_text().splitlines())
    spdx = Namespace("http://spdx.org/rdf/terms#")
    for distribution in description.subjects(RDF.type, DCAT.Distribution):
        name = str(description.value(distribution, DCTERMS.title))
        checksum = description.value(distribution, spdx.checksum)
        assert str(description.value(checksum, spdx.checksumValue)) == sums[name], name
        assert int(description.value(distribution, DCAT.byteSize)) == (folder / name).stat().st_size


@pytest.mark.slow
def test_trig_holds_the_same_quads_as_the_nquads(releases, second_quads):
    trig = Dataset()
    trig.parse(releases["second"] / "jakgraph.trig", format="trig")
    assert set(trig.quads((None, None, None, None))) == set(second_quads.quads((None, None, None, None)))


def test_a_release_is_written_whole_or_not_at_all(store_path, tmp_path, monkeypatch):
    from jakgraph.errors import UserError
    from jakgraph.graph.release import write
    from jakgraph.graph.store import open_store

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write, "describe", broken)
    store = open_store(store_path)
    with pytest.raises(UserError, match="cannot write the release at .*: No space left on device"):
        write.write_release(store, tmp_path / "release")
    store.close()
    assert list(tmp_path.iterdir()) == []

    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    result = run_cli("release", "--store", str(store_path), "-o", str(tmp_path / "taken"))
    assert result.returncode == 1
    assert result.stderr == f"jakgraph release: {tmp_path / 'taken'}: already exists and is not an empty folder; " \
                            "give a new folder for the release\n"
    assert [p.name for p in (tmp_path / "taken").iterdir()] == ["notes.txt"]


@pytest.mark.slow
def test_previous_must_be_a_release(store_path, tmp_path):
    result = run_cli("release", "--store", str(store_path), "-o", str(tmp_path / "r"), "--previous", str(store_path))
    assert result.returncode == 1
    assert "a store has no version; give the folder or URL of a release" in result.stderr
    assert not (tmp_path / "r").exists()


@pytest.fixture
def served(releases):
    """The first release served over HTTP on 127.0.0.1, as a published release would be."""
    handler = partial(QuietHandler, directory=str(releases["first"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/first/"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path: str) -> str:
        return super().translate_path(path.replace("/first/", "/", 1))

    def log_message(self, *args) -> None:
        pass


@pytest.mark.slow
def test_previous_can_be_the_url_of_a_published_release(served, changed, tmp_path):
    result = run_cli("release", "--store", str(changed["store"]), "-o", str(tmp_path / "r"), "--previous", served)
    assert result.returncode == 0, result.stderr
    assert change_lines((tmp_path / "r" / "CHANGES.md").read_text(encoding="utf-8")) == [expected_line(changed)]
    diff = run_cli("diff", served, str(changed["store"]))
    assert change_lines(diff.stdout) == [expected_line(changed)]


def test_an_unreachable_previous_release_is_one_line(store_path, tmp_path):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/release/"
    result = run_cli("release", "--store", str(store_path), "-o", str(tmp_path / "r"), "--previous", url)
    assert result.returncode == 1
    assert result.stderr.startswith(f"jakgraph release: {url}SHA256SUMS: cannot be fetched: ")
    assert result.stderr.count("\n") == 1
    assert not (tmp_path / "r").exists()


def test_version_comes_from_the_package_metadata():
    from importlib.metadata import version

    result = run_cli("--version")
    assert result.stdout == f"jakgraph {version('jakgraph')}\n"
    assert str(package_version()) == version("jakgraph")


# -- the scheme on small graphs ------------------------------------------------------------------------------------

JAK = "https://w3id.org/jakgraph/vocab/"
ONTOLOGY = "https://w3id.org/jakgraph/graph/ontology"
REVIEW = "https://w3id.org/jakgraph/graph/review"


def snapshot(*quads: tuple[str, str, object, str]):
    from pyoxigraph import Literal as OxLiteral, NamedNode, Quad

    from jakgraph.graph.release.snapshot import Snapshot

    def term(value):
        if isinstance(value, str) and value.startswith("http"):
            return NamedNode(value)
        return OxLiteral(str(value), language="en") if isinstance(value, str) else OxLiteral(value)

    return Snapshot("test", frozenset(Quad(NamedNode(s), NamedNode(p), term(o), NamedNode(g)) for s, p, o, g in quads))


CLASS = (JAK + "Thing", str(RDF.type), "http://www.w3.org/2002/07/owl#Class", ONTOLOGY)
LABEL = (JAK + "Thing", "http://www.w3.org/2000/01/rdf-schema#label", "thing", ONTOLOGY)
FACT = ("https://w3id.org/jakgraph/drug/x", JAK + "count", 3, REVIEW)


@pytest.mark.parametrize(("before", "after", "level"), [
    ((CLASS, LABEL, FACT), (FACT,), "major"),                                       # a class removed
    ((CLASS, FACT), (CLASS, FACT[:2] + (4, REVIEW)), "minor"),                       # a fact changed
    ((CLASS,), (CLASS, FACT), "minor"),                                             # a fact added
    ((CLASS, LABEL), (CLASS, LABEL[:2] + ("a thing", ONTOLOGY)), "patch"),           # only a label
    ((CLASS, FACT), (CLASS, FACT), "patch"),                                        # nothing
])
def test_the_level_of_a_release(before, after, level):
    from jakgraph.graph.release.changes import compare

    assert compare(snapshot(*before), snapshot(*after)).level == level


def test_versions_bump_by_level():
    assert str(Version.parse("0.1.0").bump("minor")) == "0.2.0"
    assert str(Version.parse("0.2.3").bump("patch")) == "0.2.4"
    assert str(Version.parse("1.2.3").bump("major")) == "2.0.0"
    with pytest.raises(Exception, match="not a version"):
        Version.parse("1.2")


def test_records_added_and_removed_are_listed_with_their_parts_in_words():
    from jakgraph.graph.release.changes import compare
    from jakgraph.graph.release.report import change_lines
    from jakgraph.graph.release.words import Words

    item = "https://w3id.org/jakgraph/evidence/x--y--1"
    kind = (JAK + "EvidenceItem", "http://www.w3.org/2000/01/rdf-schema#label", "evidence item", ONTOLOGY)
    added = [(item, str(RDF.type), JAK + "EvidenceItem", REVIEW), (item, "http://www.w3.org/2000/01/rdf-schema#label",
             "x in y", REVIEW), (item + "/dosing", JAK + "doseMin", 2, REVIEW), (item + "/result/1", JAK + "value", 5, REVIEW)]
    measure = ("https://w3id.org/jakgraph/drug/x", JAK + "outcomeMeasure", "https://w3id.org/jakgraph/measure/pasi", REVIEW)
    before, after = snapshot(kind, FACT), snapshot(kind, *added, measure)
    lines = change_lines(compare(before, after), Words(after.quads))
    assert [line for line in lines if line.startswith("- ")] == [
        "- drug:x jak:count removed 3",                      # no label in this small ontology: the CURIE
        "- drug:x jak:outcomeMeasure added measure:pasi",
        '- evidence:x--y--1 (evidence item) "x in y", with its dosing, result/1',
    ]
    assert lines.index("## Changed") < lines.index("## Added")
