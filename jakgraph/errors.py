"""Errors a user can cause: each prints as one line naming what is at fault, and exits non-zero."""
from __future__ import annotations


class UserError(Exception):
    """A fault in the user's input, command or environment; the command line prints it without a traceback."""


class CurationError(UserError):
    """A fault in a curated table, located by file, row and field."""

    def __init__(self, file: str, row: int | str | None, field: str | None, message: str) -> None:
        self.file, self.row, self.field, self.message = file, row, field, message
        place = file
        if row is not None:
            place += f", row {row}"
        if field:
            place += f", field {field}"
        super().__init__(f"{place}: {message}")


class OntologyError(UserError):
    """A fault in an ontology Turtle file (``jakgraph.ttl``, ``concepts.ttl``, ``shapes.ttl``), located by file,
    line and column."""

    def __init__(self, file: str, line: int | None, column: int | None, message: str) -> None:
        self.file, self.line, self.column, self.message = file, line, column, message
        place = file
        if line is not None:
            place += f", line {line}"
        if column is not None:
            place += f", column {column}"
        super().__init__(f"{place}: {message}")


class ValidationError(UserError):
    """The built graph breaks a SHACL shape."""


def first_line(message: str, limit: int = 160) -> str:
    """The first line of an engine's message, cut to ``limit`` characters: what a one-line error can show."""
    text = message.strip()
    first = text.splitlines()[0] if text else message
    return first if len(first) <= limit else first[: limit - 1] + "…"
