"""The HTML page of a search by label: the records found, each with its English name, the name that matched
(its language marked when it is not English) and its kinds."""
from __future__ import annotations

from html import escape
from typing import Any

from .site import curie_html, layout, link


def hit_html(hit: dict[str, Any]) -> str:
    matched = ""
    if hit["matched"] != hit["label"]:
        lang = f' <span class="lang">{escape(hit["lang"])}</span>' if hit["lang"] else ""
        matched = f' <span class="matched" lang="{escape(hit["lang"] or "und")}">{escape(hit["matched"])}</span>{lang}'
    kinds = f' <span class="note">{escape(", ".join(hit["kinds"]))}</span>' if hit["kinds"] else ""
    return f'<li>{link(hit["iri"], hit["label"], hit["iri"])}{matched} {curie_html(hit["iri"])}{kinds}</li>'


def search_page(text: str, hits: list[dict[str, Any]]) -> str:
    """The page for ``/search?q=text``."""
    if not text.strip():
        body = ("<h1>Search</h1><p>Type a name in English or Spanish above, such as <code>baricitinib</code>, "
                "<code>psoriasis</code> or <code>síndrome VEXAS</code>.</p>")
        return layout("Search", body)
    count = f"{len(hits)} record{'' if len(hits) == 1 else 's'}"
    found = f'<ul class="hits">{"".join(hit_html(hit) for hit in hits)}</ul>' if hits else (
        "<p>No record has a name containing these words. Try fewer letters, or the other language.</p>")
    body = f'<h1>Search: {escape(text)}</h1><p class="note">{count}</p>{found}'
    return layout(f"Search: {text}", body, query=text)
