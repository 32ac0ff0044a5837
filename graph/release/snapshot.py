"""A version of the graph to compare: the quads of a store, of a release folder, or of a release at a URL."""
from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from jakgraph.errors import UserError, first_line

from . import layout
from .checksums import check, parse_sums
from .version import Version

if TYPE_CHECKING:
    from pyoxigraph import Quad

    from jakgraph.graph.store.protocol import Store

DCAT_VERSION = "http://www.w3.org/ns/dcat#version"


@dataclass(frozen=True)
class Snapshot:
    """The quads of one version of the graph, where they were read, and, for a release, its version and the SHA-256
    of its other parts (shapes and stored questions) by file name."""

    origin: str
    quads: frozenset["Quad"]
    version: Version | None = None
    parts: dict[str, str] = field(default_factory=dict)


def from_store(store: "Store") -> Snapshot:
    """Every quad of ``store`` (a folder or an endpoint)."""
    return Snapshot(store.location, frozenset(store.quads()))


def open_snapshot(location: str) -> Snapshot:
    """A release folder, a release at an ``http(s)://`` URL, or a store folder, by what ``location`` is."""
    if location.startswith(("http://", "https://")):
        return from_release(location)
    path = Path(location).expanduser()
    if layout.is_release(path):
        return from_release(location)
    if not path.exists():
        raise UserError(f"{location}: no such release or store folder")
    from jakgraph.graph.store import StoreFolder
    from jakgraph.graph.store.embedded import EmbeddedStore

    folder = StoreFolder.at(path)
    if folder.current_name() is None:
        raise UserError(f"{location}: neither a release folder (no {layout.DESCRIPTION} and {layout.NQUADS}) "
                        "nor a built store")
    store = EmbeddedStore(folder)
    try:
        return from_store(store)
    finally:
        store.close()


def from_release(location: str) -> Snapshot:
    """The release at a folder or URL: its quads (checked against its SHA256SUMS), version and parts."""
    read = release_reader(location)
    sums = parse_sums(read(layout.SUMS).decode("utf-8"), f"{location}/{layout.SUMS}")
    description = read(layout.DESCRIPTION)
    check(description, layout.DESCRIPTION, sums, location)
    packed = read(layout.NQUADS)
    check(packed, layout.NQUADS, sums, location)
    quads = parse_nquads(packed, f"{location}/{layout.NQUADS}")
    version = release_version(description, f"{location}/{layout.DESCRIPTION}")
    parts = {name: hexdigest for name, hexdigest in sums.items() if layout.is_part(name)}
    return Snapshot(location, quads, version, parts)


def release_reader(location: str) -> Callable[[str], bytes]:
    """A function reading one file of the release at ``location`` (a folder or a URL) as bytes."""
    if location.startswith(("http://", "https://")):
        from .fetch import fetch, release_url

        return lambda name: fetch(release_url(location, name))
    folder = Path(location).expanduser()

    def read(name: str) -> bytes:
        try:
            return (folder / name).read_bytes()
        except OSError as exc:
            raise UserError(f"{folder / name}: cannot be read: {exc.strerror or exc}") from None

    return read


def parse_nquads(packed: bytes, where: str) -> frozenset["Quad"]:
    """The quads of a gzipped N-Quads file."""
    from pyoxigraph import RdfFormat, parse

    try:
        return frozenset(parse(gzip.decompress(packed), RdfFormat.N_QUADS))
    except (OSError, EOFError, zlib.error) as exc:
        raise UserError(f"{where}: not a gzip file ({first_line(str(exc))})") from None
    except SyntaxError as exc:
        raise UserError(f"{where}: {first_line(str(exc))}") from None


def release_version(description: bytes, where: str) -> Version:
    """The ``dcat:version`` a release's ``void.ttl`` gives its dataset."""
    from pyoxigraph import RdfFormat, parse

    try:
        triples = list(parse(description, RdfFormat.TURTLE, base_iri="https://w3id.org/jakgraph/release/"))
    except SyntaxError as exc:
        raise UserError(f"{where}: {first_line(str(exc))}") from None
    versions = {t.object.value for t in triples if t.predicate.value == DCAT_VERSION}
    if len(versions) != 1:
        raise UserError(f"{where}: expected one dcat:version, found {len(versions)}")
    return Version.parse(versions.pop(), where)
