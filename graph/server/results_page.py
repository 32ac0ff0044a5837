"""A stored question's answer as an HTML page (``/api/NAME`` for browsers): its question, the values it was asked
with, the rows as a table whose IRIs link to their pages, and links to the same answer as JSON and CSV."""
from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import urlencode

from jakgraph.ontology.namespaces import compact
from jakgraph.queries.catalog import StoredQuery

from .site import layout, link


def cell_html(term: dict[str, Any] | None) -> str:
    """One SPARQL results JSON term as a table cell's content."""
    if term is None:
        return ""
    if term["type"] == "uri":
        return link(term["value"], compact(term["value"]), term["value"])
    if term["type"] == "bnode":
        return f'<span class="curie">_:{escape(term["value"])}</span>'
    lang = f' <span class="lang">{escape(term["xml:lang"])}</span>' if term.get("xml:lang") else ""
    return f'<span class="literal">{escape(term["value"])}</span>{lang}'


def results_page(query: StoredQuery, given: dict[str, str], answer: dict[str, Any], truncated: bool,
                 following: str | None = None) -> str:
    """The page; the columns that echo a parameter (``?_drug_iri``) are shown once, above the table."""
    echoed = {parameter.variable for parameter in query.parameters}
    variables = [name for name in answer["head"]["vars"] if name not in echoed]
    bindings = answer["results"]["bindings"]
    first = bindings[0] if bindings else {}
    asked = [(parameter.name, cell_html(first.get(parameter.variable)) if parameter.variable in first
              else escape(given.get(parameter.name, parameter.default or "")))
             for parameter in query.parameters]
    suffix = ("?" + urlencode(given)) if given else ""
    rest = query.summary[len(query.title):].strip()
    parts = [f"<h1>{escape(query.title)}</h1>"] + ([f'<p class="summary">{escape(rest)}</p>'] if rest else [])
    if asked:
        parts.append('<table class="asked">' + "".join(f"<tr><th>{escape(name)}</th><td>{value}</td></tr>"
                                                     for name, value in asked) + "</table>")
    count = f"{len(bindings)} row{'' if len(bindings) == 1 else 's'}"
    cut = " (cut at the server's result limit)" if truncated and not following else ""
    if following:
        cut = f' · <a rel="next" href="{escape(following)}">next page</a>'
    parts.append(f'<p class="note">{count}{cut} · as <a href="/api/{escape(query.name)}.json{escape(suffix)}">JSON</a>,'
                 f' <a href="/api/{escape(query.name)}.csv{escape(suffix)}">CSV</a> ·'
                 f' <a href="/?question={escape(query.name)}">open in the workbench</a></p>')
    head = "".join(f"<th>{escape(name)}</th>" for name in variables)
    rows = "".join("<tr>" + "".join(f"<td>{cell_html(binding.get(name))}</td>" for name in variables) + "</tr>"
                   for binding in bindings)
    parts.append(f'<table class="results"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
    return layout(query.title, "".join(parts), current="/api")
