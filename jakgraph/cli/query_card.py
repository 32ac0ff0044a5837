"""One stored question described for a person: its question, each parameter with its type, default and the
values the graph holds for it, and its SPARQL (``jakgraph queries NAME``, ``jakgraph query NAME --help``)."""
from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jakgraph.queries.catalog import Parameter, StoredQuery
    from jakgraph.queries.values import Choice

SHOWN_VALUES = 8  # a longer list is cut to this many, with a count of the rest
TYPE_TEXT = {"integer": "a whole number", "decimal": "a decimal number", "date": "a date (YYYY-MM-DD)",
             "boolean": "true or false", "string": "text"}


def width() -> int:
    """The width to wrap to: ``$COLUMNS``, else the terminal's, else 100 (a file or a pipe)."""
    from jakgraph.cli import terminal_columns

    return max(40, terminal_columns(fallback=100))


def card(query: "StoredQuery", store: Any | None, store_problem: str = "") -> str:
    """The text of ``query``'s card; without a store that can be read, the parameters' values are left out and
    ``store_problem`` (or the store's own error) says why."""
    from jakgraph.errors import UserError

    wrap = lambda text, indent="  ", first=None: textwrap.fill(
        text, width(), initial_indent=indent if first is None else first, subsequent_indent=indent,
        break_on_hyphens=False)
    out = [query.name, wrap(query.summary), ""]
    if query.parameters:
        out.append("Parameters (-p NAME=VALUE; an IRI value may be a CURIE, an IRI, or a name or label):")
        column = max(len(parameter.name) for parameter in query.parameters) + 4
        for parameter in query.parameters:
            try:
                lines = describe(parameter, store, store_problem, query.name)
            except UserError as problem:  # the store opens on its first query
                store, store_problem = None, f"the graph cannot be read ({problem})"
                lines = describe(parameter, store, store_problem, query.name)
            out.append(wrap(lines[0], " " * column, f"  {parameter.name:<{column - 2}}"))
            out += [wrap(line, " " * column) for line in lines[1:]]
        out.append("")
    else:
        out += ["Parameters: none", ""]
    out.append("SPARQL (each parameter is bound in a VALUES row at the start of the WHERE clause):")
    out += [line for line in query.text.splitlines() if not line.startswith("#+")]
    return "\n".join(out) + "\n"


def describe(parameter: "Parameter", store: Any | None, store_problem: str, query_name: str) -> list[str]:
    """The lines about one parameter: type and default, then its values."""
    from jakgraph.ontology.namespaces import compact

    values: list["Choice"] = []
    if store is not None and (parameter.range is not None or parameter.choices):
        from jakgraph.queries.values import choices

        values = choices(store, parameter)
    noun_word = parameter.name
    if parameter.type != "iri":
        kind = TYPE_TEXT.get(parameter.type, parameter.type)
    elif parameter.range is None and not parameter.choices:
        kind = "the IRI or CURIE of any record (such as drug:baricitinib)"
    else:
        from jakgraph.queries.values import article, noun

        noun_word = noun(store, parameter) if store is not None else parameter.name
        kind = article(noun_word)
    if parameter.default:
        shown = compact(parameter.default) if parameter.type == "iri" else parameter.default
        label = next((choice.label() for choice in values if choice.iri == parameter.default), "")
        first = f"{kind}; default {shown}" + (f" ({label})" if label else "")
    else:
        first = f"{kind}; " + ("required" if parameter.required else f"optional (without it: every {noun_word})")
    if parameter.range is None and not parameter.choices:
        return [first]
    if store is None:
        return [first, f"values: {store_problem}"]
    return [first, values_line(values, query_name, parameter.name)]


def values_line(values: "list[Choice]", query_name: str, parameter_name: str) -> str:
    """``4 values: jak1, jak2, jak3, tyk2``, or the first few and how to list them all."""
    from jakgraph.queries.presentation import plural

    names = [choice.iri.rsplit("/", 1)[-1] for choice in values]
    if len(names) <= SHOWN_VALUES:
        return f"{plural(len(names), 'value')}: {', '.join(names)}"
    return (f"{plural(len(names), 'value')}: {', '.join(names[:SHOWN_VALUES])}, … "
            f"(all with labels: jakgraph queries {query_name} {parameter_name})")
