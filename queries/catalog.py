"""The stored questions: ``*.rq`` files with grlc decorators (``#+ summary:`` …) and BASIL parameters."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files

from jakgraph.errors import UserError

PARAMETER = re.compile(r"\?(__?)([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)")
TYPES = ("iri", "integer", "decimal", "string", "boolean", "date")


@dataclass(frozen=True)
class Parameter:
    """A BASIL parameter: ``?_drug_iri`` is the required parameter ``drug`` of type ``iri``."""

    name: str
    type: str
    required: bool
    variable: str
    default: str | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredQuery:
    name: str
    text: str
    summary: str
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)

    @property
    def title(self) -> str:
        """The summary's first sentence."""
        return re.split(r"(?<=[.?!])\s", self.summary, maxsplit=1)[0]

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise UserError(f"query {self.name} has no parameter {name!r} (its parameters: {known})")


def parse_header(text: str) -> dict[str, object]:
    """The grlc decorators of a query: ``#+ key: value`` lines and ``#+   - item`` list items."""
    header: dict[str, object] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("#+"):
            if line.strip() and not line.startswith("#"):
                break
            continue
        body = line[2:]
        item = re.match(r"\s+-\s*(.*)$", body)
        if item and key:
            value = header.setdefault(key, [])
            if isinstance(value, list):
                value.append(item.group(1).strip())
            continue
        match = re.match(r"\s*([A-Za-z_]+):\s*(.*)$", body)
        if match:
            key = match.group(1)
            header[key] = match.group(2).strip() if match.group(2).strip() else []
    return header


def parse_query(name: str, text: str) -> StoredQuery:
    header = parse_header(text)
    defaults: dict[str, str] = {}
    for entry in header.get("defaults", []) or []:
        key, _, value = str(entry).partition(":")
        defaults[key.strip()] = value.strip()
    enumerated: dict[str, tuple[str, ...]] = {}
    for entry in header.get("enumerate", []) or []:
        key, _, values = str(entry).partition(":")
        enumerated[key.strip()] = tuple(v.strip() for v in values.split(",") if v.strip())
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    parameters: dict[str, Parameter] = {}
    for underscores, full in PARAMETER.findall(body):
        parts = full.split("_")
        kind = parts[-1] if parts[-1] in TYPES and len(parts) > 1 else "string"
        pname = "_".join(parts[:-1]) if kind != "string" or parts[-1] == "string" else full
        if pname not in parameters:
            parameters[pname] = Parameter(pname, kind, underscores == "_", f"{underscores}{full}",
                                          defaults.get(pname), enumerated.get(pname, ()))
    summary = header.get("summary") or name
    tags = tuple(header.get("tags") or ())
    return StoredQuery(name, text, str(summary), tags, tuple(parameters.values()))


def query_names() -> list[str]:
    return sorted(entry.name.removesuffix(".rq") for entry in files(__package__).iterdir() if entry.name.endswith(".rq"))


def load_query(name: str) -> StoredQuery:
    """The stored query ``name`` (file ``queries/NAME.rq``), or a UserError listing the names that exist."""
    names = query_names()
    if name not in names:
        raise UserError(f"unknown query {name!r}; stored queries are: {', '.join(names)}")
    return parse_query(name, files(__package__).joinpath(f"{name}.rq").read_text(encoding="utf-8"))


def all_queries() -> list[StoredQuery]:
    return [load_query(name) for name in query_names()]
