"""``SHA256SUMS``: one line per file, ``HEX  PATH``, as ``sha256sum`` writes it and ``sha256sum -c`` checks it."""
from __future__ import annotations

import hashlib
from pathlib import Path

from jakgraph.errors import UserError


def digest(data: bytes) -> str:
    """The SHA-256 of ``data`` in hex."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a file in hex, read in blocks."""
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def sums_text(folder: Path, exclude: str) -> str:
    """``SHA256SUMS`` for every file under ``folder`` but ``exclude``, sorted by path (``/`` separated)."""
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).as_posix() != exclude)
    return "".join(f"{file_digest(p)}  {p.relative_to(folder).as_posix()}\n" for p in paths)


def parse_sums(text: str, where: str) -> dict[str, str]:
    """The digests of a ``SHA256SUMS`` text by path; a UserError naming ``where`` and the line at fault."""
    digests = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        hexdigest, separator, name = line.partition("  ")
        if not separator or len(hexdigest) != 64 or not name:
            raise UserError(f"{where}, line {number}: not a 'SHA256  FILE' line")
        digests[name.lstrip("*")] = hexdigest.lower()
    return digests


def check(data: bytes, name: str, digests: dict[str, str], where: str) -> None:
    """Refuse ``data`` when ``digests`` (a release's sums) give ``name`` another SHA-256."""
    expected = digests.get(name)
    if expected is not None and expected != digest(data):
        raise UserError(f"{where}: {name} does not match its SHA-256 in SHA256SUMS (damaged or changed)")
