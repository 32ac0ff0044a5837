"""The version scheme: semantic versioning of the data, shared by the package and its releases.

A release that removes a class or a property of the vocabulary is a major one; one that adds, removes or changes a
fact (or adds vocabulary) a minor one; one that changes only descriptions (labels, notes, definitions), the SHACL
shapes or the stored queries, or nothing at all, a patch. ``docs/releases.md`` says it for users.
"""
from __future__ import annotations

import re
from typing import Literal, NamedTuple

from jakgraph.errors import UserError

Level = Literal["major", "minor", "patch"]
LEVELS: tuple[Level, ...] = ("major", "minor", "patch")
SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")


class Version(NamedTuple):
    """A release version ``MAJOR.MINOR.PATCH``.

    >>> Version.parse("0.1.0").bump("minor")
    Version(major=0, minor=2, patch=0)
    >>> str(Version.parse("1.4.2").bump("major"))
    '2.0.0'
    """

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str, where: str = "version") -> "Version":
        """``MAJOR.MINOR.PATCH`` (no pre-release or build part); a UserError naming ``where`` otherwise."""
        match = SEMVER.match(text.strip())
        if match is None:
            raise UserError(f"{where}: {text!r} is not a version MAJOR.MINOR.PATCH")
        return cls(*(int(part) for part in match.groups()))

    def bump(self, level: Level) -> "Version":
        """The next version after a release of ``level``."""
        if level == "major":
            return Version(self.major + 1, 0, 0)
        if level == "minor":
            return Version(self.major, self.minor + 1, 0)
        return Version(self.major, self.minor, self.patch + 1)

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def package_version() -> Version:
    """The installed package's version (from its metadata, read only when asked)."""
    import jakgraph

    return Version.parse(jakgraph.__version__, "the package version (pyproject.toml)")
