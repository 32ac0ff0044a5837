"""The stored questions: ``*.rq`` files with grlc decorators (``#+ summary:`` …) and BASIL parameters."""
# annotations evaluated as written (no `from __future__ import annotations`): typing.NamedTuple compiles each
# field given as a string on its own, about 0.15 ms a field at every start

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable

from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import expand
from jakgraph.package_data import package_files

PARAMETER = re.compile(r"\?(__?)([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)")
TYPES = ("iri", "integer", "decimal", "string", "boolean", "date")
FIRST_ROWS_CUT = re.compile(r"^([ \t]*)# first rows:.*$", re.MULTILINE)
"""The comment line of a stored text where a page of its whole list cuts the leading rows (:func:`paged_text`)."""


class Parameter(NamedTuple):
    """A BASIL parameter: ``?_drug_iri`` is the required parameter ``drug`` of type ``iri``."""

    name: str
    type: str
    required: bool
    variable: str
    default: str | None = None
    choices: tuple[str, ...] = ()
    range: str | None = None
    """IRI of the class the values are instances of (the ``#+ ranges:`` decorator), if the query names one."""


class StoredQuery(NamedTuple):
    """A parsed ``.rq`` file (a NamedTuple rather than a dataclass: ``dataclasses`` costs a cold start 8 ms)."""

    name: str
    text: str
    summary: str
    tags: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()

    @property
    def title(self) -> str:
        """The summary's first sentence."""
        return re.split(r"(?<=[.?!])\s", self.summary, maxsplit=1)[0]

    def column(self, variable: str) -> str:
        """The name a column of the answer goes by: a parameter's own variable (``_drug_iri``) by the
        parameter's name (``drug``), any other variable as it is.

        >>> parsed_query("evidence-for-drug").column("_drug_iri"), parsed_query("evidence-for-drug").column("dose")
        ('drug', 'dose')
        """
        return next((p.name for p in self.parameters if p.variable == variable), variable)

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise UserError(f"query {self.name} has no parameter {name!r} (its parameters: {known})")


def parse_header(text: str) -> dict[str, object]:
    """The grlc decorators of a query, a small subset of YAML behind ``#+``.

    Top-level ``key: value`` pairs; lists of ``- item`` lines; items ``- name: value`` become pairs; an item
    ``- name:`` followed by deeper ``- value`` lines (grlc's ``enumerate``) becomes ``(name, [values])``.
    """
    header: dict[str, object] = {}
    key: str | None = None
    nested: list[str] | None = None
    item_indent = 0
    for line in text.splitlines():
        if not line.startswith("#+"):
            if line.strip() and not line.startswith("#"):
                break
            continue
        body = line[2:]
        indent = len(body) - len(body.lstrip())
        item = re.match(r"\s*-\s*(.*)$", body)
        if item and key is not None:
            value = item.group(1).strip()
            items = header.setdefault(key, [])
            if not isinstance(items, list):
                continue
            if nested is not None and indent > item_indent:
                nested.append(value)
                continue
            item_indent = indent
            name, sep, rest = value.partition(":")
            if sep and not rest.strip() and not value.startswith("http"):
                nested = []
                items.append((name.strip(), nested))
            elif sep and not value.startswith("http"):
                nested = None
                items.append((name.strip(), rest.strip()))
            else:
                nested = None
                items.append(value)
            continue
        match = re.match(r"\s*([A-Za-z_]+):\s*(.*)$", body)
        if match:
            key, nested = match.group(1), None
            header[key] = match.group(2).strip() if match.group(2).strip() else []
    return header


def parse_query(name: str, text: str) -> StoredQuery:
    header = parse_header(text)
    defaults = {name: value for name, value in (e for e in header.get("defaults", []) or [] if isinstance(e, tuple))}
    enumerated = {name: tuple(values) for name, values in (e for e in header.get("enumerate", []) or []
                                                            if isinstance(e, tuple) and isinstance(e[1], list))}
    ranges = {name: expand(value) for name, value in (e for e in header.get("ranges", []) or []
                                                      if isinstance(e, tuple) and isinstance(e[1], str))}
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    parameters: dict[str, Parameter] = {}
    for underscores, full in PARAMETER.findall(body):
        parts = full.split("_")
        kind = parts[-1] if parts[-1] in TYPES and len(parts) > 1 else "string"
        pname = "_".join(parts[:-1]) if kind != "string" or parts[-1] == "string" else full
        if pname not in parameters:
            parameters[pname] = Parameter(pname, kind, underscores == "_", f"{underscores}{full}",
                                          defaults.get(pname), enumerated.get(pname, ()), ranges.get(pname))
    summary = header.get("summary") or name
    tags = tuple(header.get("tags") or ())
    return StoredQuery(name, text, str(summary), tags, tuple(parameters.values()))


def query_names() -> list[str]:
    return list(stored_names())


@lru_cache(maxsize=1)
def stored_names() -> tuple[str, ...]:
    """The names of the ``.rq`` files shipped with the package (read once per process)."""
    return tuple(sorted(entry.name.removesuffix(".rq") for entry in package_files(__package__).iterdir()
                        if entry.name.endswith(".rq")))


def load_query(name: str) -> StoredQuery:
    """The stored query ``name`` (file ``queries/NAME.rq``), or a one-line UserError naming the closest names.

    >>> load_query("table7")
    Traceback (most recent call last):
    ...
    jakgraph.errors.UserError: unknown query 'table7'; did you mean table-7?
    """
    if name not in stored_names():
        raise UserError(f"unknown query {name!r}; " + suggestion(name, stored_names()))
    return parsed_query(name)


def suggestion(name: str, names: tuple[str, ...], most: int = 3) -> str:
    """``did you mean a, b or c?``: the names nearest ``name`` (by spelling, or holding it), else how to list them."""
    import difflib

    near = difflib.get_close_matches(name, names, n=most, cutoff=0.6)
    near += [known for known in names if name and name.casefold() in known and known not in near]
    near = near[:most]
    if not near:
        return f"no stored query is named like it ('jakgraph queries' lists all {len(names)})"
    return "did you mean " + (near[0] if len(near) == 1 else ", ".join(near[:-1]) + " or " + near[-1]) + "?"


@lru_cache(maxsize=None)
def parsed_query(name: str) -> StoredQuery:
    """A stored query read and parsed once per process; the package's files do not change while it runs."""
    return parse_query(name, package_files(__package__).joinpath(f"{name}.rq").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def narrowed_texts(name: str) -> tuple[tuple[str, str], ...]:
    """The texts stored question ``name`` ships for one given parameter, by parameter name, each in
    ``queries/narrowed/NAME/PARAMETER.rq``.

    A question that must list every record fast (hash-joined lists) may be slow for one value of a parameter
    (Oxigraph evaluates each list in full whatever the value); the narrowed text looks the records up from the
    value instead. It asks the same question: same columns, rows and order with or without the value (a test
    checks both on the review graph), so the runner may use it whenever that parameter is given. Neither
    ``jakgraph queries`` nor docs/queries.md lists it: the stored question is the one text people read.
    """
    folder = package_files(__package__).joinpath("narrowed", name)
    if not folder.is_dir():
        return ()
    return tuple(sorted((entry.name.removesuffix(".rq"), entry.read_text(encoding="utf-8"))
                        for entry in folder.iterdir() if entry.name.endswith(".rq")))


def narrowed_text(name: str, given: "Iterable[str]") -> str | None:
    """The text of stored question ``name`` narrowed by the first of its narrowed parameters among ``given``
    (parameter names), if it ships one (:func:`narrowed_texts`).

    >>> narrowed_text("long-term-incidence-rates", ["drug"]).startswith("# long-term-incidence-rates for one drug")
    True
    >>> narrowed_text("long-term-incidence-rates", []) is None, narrowed_text("table-7", ["drug"]) is None
    (True, True)
    """
    names = set(given)
    if not names:
        return None  # no folder to look for: what most runs, and every cold start without a parameter, skip
    return next((text for parameter, text in narrowed_texts(name) if parameter in names), None)


@lru_cache(maxsize=None)
def paged_text(name: str) -> str | None:
    """The text stored question ``name`` gives for the first rows of its whole answer, if any: its own
    ``queries/paged/NAME.rq``, or its stored text cut where it says ``# first rows:`` (:data:`FIRST_ROWS_CUT`).

    A listing whose stored text hash-joins whole lists pays for every row, whatever the page asked for. Its paged
    text finds the leading records of the answer's order first, in a subquery cut by the text's one ``LIMIT``, and
    looks the rest up from them; the runner sets that ``LIMIT`` to the page's end (offset + limit) and uses the text
    for a page when no parameter is given. A stored text whose leading rows come from one subquery in the answer's
    order needs no file of its own: the comment line that closes that subquery's ``ORDER BY`` becomes the ``LIMIT``.
    A test checks that every page a paged text gives is that slice of the stored question's answer (a list cell may
    name its values in another order: GROUP_CONCAT leaves the order open).

    >>> paged_text("source-conflicts").startswith("# source-conflicts, first rows only")
    True
    >>> [line.strip() for line in paged_text("table-7").splitlines() if "LIMIT" in line], paged_text("provenance")
    (['LIMIT 1000'], None)
    """
    entry = package_files(__package__).joinpath("paged", f"{name}.rq")
    if entry.is_file():
        return entry.read_text(encoding="utf-8")
    text = load_query(name).text  # an unknown name is the one-line error it is for the whole answer
    if FIRST_ROWS_CUT.search(text) is None:
        return None
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#+"))  # the header is the stored one
    return FIRST_ROWS_CUT.sub(r"\1LIMIT 1000", body, count=1)


@lru_cache(maxsize=None)
def internal_query(name: str) -> str:
    """The text of ``queries/internal/NAME.rq``: a query the package itself runs (exports, network, statistics).

    Internal queries are not stored questions: ``jakgraph queries`` does not list them. Their parameters are
    bound as a stored query's are, with :func:`jakgraph.queries.binding.bind_values`.
    """
    return package_files(__package__).joinpath("internal", f"{name}.rq").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def internal_update(name: str) -> str:
    """The text of ``queries/internal/NAME.ru``: a SPARQL Update the package sends (push to a remote store).

    Its placeholders are filled with :func:`jakgraph.queries.binding.fill_update`.
    """
    return package_files(__package__).joinpath("internal", f"{name}.ru").read_text(encoding="utf-8")


def all_queries() -> list[StoredQuery]:
    return [load_query(name) for name in query_names()]
