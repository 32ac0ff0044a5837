"""Nanopublications: one per evidence item, regulatory approval and safety finding, each a TriG file of four graphs.

Following the Nanopublication guidelines, each file holds a head graph (``this: a np:Nanopublication`` with
``np:hasAssertion``, ``np:hasProvenance`` and ``np:hasPublicationInfo``), the assertion (every triple of the
record in the review graph, its parts under its IRI included: an evidence item's dosing, results and adverse
events), the provenance (the assertion ``prov:wasDerivedFrom`` the review's table rows and paragraphs, and
``prov:hadPrimarySource`` the review's references) and the publication info (creation time, licence, the
software that wrote it, the record's label). The nanopublication of ``evidence:x`` is
``https://w3id.org/jakgraph/np/evidence/x``, its graphs ``…/np/evidence/x/assertion`` and so on, written to
``DIR/evidence/x.trig``.

They are unsigned and have no trusty URI unless a private key is given (:mod:`.nanopub_sign`, with the
``nanopub`` package), which signs each one and gives it the trusty URI its signature needs.
"""
from __future__ import annotations

import os
import shutil
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jakgraph.errors import UserError
from jakgraph.graph.export.atomic import staged_folder
from jakgraph.ontology.namespaces import BASE, GRAPH_REVIEW, PREFIXES
from jakgraph.queries.results import rows
from jakgraph.queries.runner import run_internal

if TYPE_CHECKING:
    from pyoxigraph import Quad, Triple

NP = "http://www.nanopub.org/nschema#"
PAV = "http://purl.org/pav/"
NANOPUBS = BASE + "np/"
LICENSE = "http://spdx.org/licenses/MIT"
DERIVED = PREFIXES["prov"] + "wasDerivedFrom"
PRIMARY_SOURCE = PREFIXES["prov"] + "hadPrimarySource"
REFERENCE = PREFIXES["jak"] + "reference"
GRAPHS = ("Head", "assertion", "provenance", "pubinfo")
NANOPUB_PREFIXES = {"np": NP, "pav": PAV, **{p: ns for p, ns in PREFIXES.items() if p != "jakgraph"}}


@dataclass(frozen=True)
class Record:
    """A record published as one nanopublication: its IRI, class, label and assertion triples."""

    iri: str
    cls: str
    label: str | None
    triples: tuple["Triple", ...]

    @property
    def path(self) -> str:
        """``evidence/baricitinib--psoriasis--18``: the record's IRI below the base, the file's and the IRI's path."""
        return self.iri[len(BASE):]

    @property
    def nanopub(self) -> str:
        return NANOPUBS + self.path


@dataclass(frozen=True)
class NanopubExport:
    """What :func:`write_nanopubs` wrote: the folder, how many nanopublications by class, and whether signed."""

    path: Path
    counts: dict[str, int]
    signed: bool

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def records(store: Any) -> list[Record]:
    """The records to publish, each with every triple of the review graph about it or its parts."""
    chosen: dict[str, tuple[str, str | None]] = {}
    for row in rows(run_internal(store, "nanopub-records")):
        chosen.setdefault(row["record"], (row["class"], row["label"]))
    owned: dict[str, list["Triple"]] = defaultdict(list)
    for quad in store.quads():
        if getattr(quad.graph_name, "value", None) != GRAPH_REVIEW:
            continue
        owner = owner_of(quad.subject.value, chosen)
        if owner is not None:
            owned[owner].append(quad.triple)
    return [Record(iri, cls, label, tuple(sorted(owned[iri], key=str))) for iri, (cls, label) in sorted(chosen.items())]


def owner_of(subject: str, chosen: dict[str, Any]) -> str | None:
    """The record ``subject`` is, or is a part of (``evidence:x/dosing`` is part of ``evidence:x``)."""
    candidate = subject
    while candidate.startswith(BASE):
        if candidate in chosen:
            return candidate
        candidate, slash, _ = candidate.rpartition("/")
        if not slash:
            break
    return None


def nanopub_quads(record: Record, created: str, generator: str) -> list["Quad"]:
    """The four graphs of one record's nanopublication."""
    from pyoxigraph import Literal, NamedNode, Quad

    this = NamedNode(record.nanopub)
    head, assertion, provenance, pubinfo = (NamedNode(f"{record.nanopub}/{name}") for name in GRAPHS)
    quads = [Quad(this, NamedNode(PREFIXES["rdf"] + "type"), NamedNode(NP + "Nanopublication"), head),
             Quad(this, NamedNode(NP + "hasAssertion"), assertion, head),
             Quad(this, NamedNode(NP + "hasProvenance"), provenance, head),
             Quad(this, NamedNode(NP + "hasPublicationInfo"), pubinfo, head)]
    quads += [Quad(t.subject, t.predicate, t.object, assertion) for t in record.triples]
    own = [t for t in record.triples if t.subject.value == record.iri]
    for t in own:
        if t.predicate.value == DERIVED:
            quads.append(Quad(assertion, NamedNode(DERIVED), t.object, provenance))
        elif t.predicate.value == REFERENCE:
            quads.append(Quad(assertion, NamedNode(PRIMARY_SOURCE), t.object, provenance))
    xsd = PREFIXES["xsd"]
    quads += [Quad(this, NamedNode(PREFIXES["dcterms"] + "created"), Literal(created, datatype=NamedNode(xsd + "dateTime")), pubinfo),
              Quad(this, NamedNode(PREFIXES["dcterms"] + "license"), NamedNode(LICENSE), pubinfo),
              Quad(this, NamedNode(PAV + "createdWith"), NamedNode(BASE), pubinfo),
              Quad(this, NamedNode(PREFIXES["rdfs"] + "comment"), Literal(generator, language="en"), pubinfo)]
    if record.label:
        quads.append(Quad(this, NamedNode(PREFIXES["rdfs"] + "label"), Literal(record.label, language="en"), pubinfo))
    return quads


def created_now() -> str:
    """Now in UTC as an xsd:dateTime, or the time of ``$SOURCE_DATE_EPOCH`` for a reproducible export."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(epoch) if epoch and epoch.isdigit() else None))


def write_nanopubs(store: Any, output: Path, key: Path | None = None) -> NanopubExport:
    """Write one nanopublication per record into ``output`` (a new or empty folder, or an earlier nanopub export,
    which is replaced whole); signed with the RSA private key in PEM file ``key`` if given."""
    import jakgraph
    from pyoxigraph import RdfFormat, serialize

    output = Path(output)
    check_target(output)
    signer = None
    if key is not None:
        from .nanopub_sign import Signer

        signer = Signer.from_pem(key)
    created = created_now()
    generator = f"written by jakgraph {jakgraph.__version__} (jakgraph export --format nanopub)"
    counts: dict[str, int] = defaultdict(int)
    with staged_folder(output, f"the nanopublications to {output}") as staging:
        for record in records(store):
            path = staging / f"{record.path}.trig"
            path.parent.mkdir(parents=True, exist_ok=True)
            data = serialize(nanopub_quads(record, created, generator), format=RdfFormat.TRIG,
                             prefixes={"this": record.nanopub, "sub": record.nanopub + "/", **NANOPUB_PREFIXES})
            path.write_bytes(signer.sign(data, NANOPUB_PREFIXES) if signer is not None else data)
            counts[record.cls] += 1
        if not counts:
            raise UserError(f"the store at {store.location} has no evidence items, approvals or safety findings")
        swap_in(staging, output)
    return NanopubExport(output, dict(counts), signer is not None)


def check_target(output: Path) -> None:
    """Refuse a target that is a file, or a folder holding anything but an earlier nanopub export."""
    if not output.exists():
        return
    if not output.is_dir():
        raise UserError(f"{output}: is a file; nanopublications are written to a folder")
    kinds = {iri[len(BASE):].split("/")[0] for iri in (PREFIXES["evidence"], PREFIXES["approval"], PREFIXES["finding"])}
    strangers = sorted(entry.name for entry in output.iterdir() if entry.name not in kinds)
    if strangers:
        raise UserError(f"{output}: holds {strangers[0]!r}, which is not a nanopub export; give a new or empty folder")


def swap_in(staging: Path, output: Path) -> None:
    """Put the staging folder in place of ``output``, removing an earlier export there."""
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.exists():
        old = output.with_name(f".{output.name}.old-{os.getpid()}")
        os.rename(output, old)
        os.rename(staging, output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.rename(staging, output)
