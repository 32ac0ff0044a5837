"""The look shared by every HTML page of ``jakgraph serve``: the frame (header, navigation, search box), terms as
links, and the error page."""
from __future__ import annotations

import json
from html import escape
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

from jakgraph.ontology.namespaces import BASE, compact

NAVIGATION = (("/", "Workbench"), ("/api", "API"), ("/viz", "Network"), ("/gapmap", "Gap map"))
SEARCH_HINT = "Search by label (English or Spanish)"


def local_path(iri: str) -> str | None:
    """The server path that dereferences a project IRI, or None for IRIs outside the project."""
    if not iri.startswith(BASE) or iri == BASE:
        return None
    return "/" + quote(iri[len(BASE):], safe="/:@!$&'()*+,;=-._~%")


def link(iri: str, text: str, title: str = "") -> str:
    """``text`` linked to ``iri``: to its page here for a project IRI, to the web for an http(s) IRI."""
    shown = escape(text)
    hover = f' title="{escape(title)}"' if title else ""
    path = local_path(iri)
    if path is not None:
        return f'<a href="{escape(path)}"{hover}>{shown}</a>'
    if iri.startswith(("http://", "https://")):
        return f'<a class="external" href="{escape(iri)}"{hover} rel="external noopener">{shown}</a>'
    return f"<span{hover}>{shown}</span>"


def search_form(value: str = "") -> str:
    """The search box: a GET form to ``/search``."""
    return ('<form class="search" action="/search" method="get" role="search">'
            f'<input type="search" name="q" value="{escape(value)}" placeholder="{SEARCH_HINT}"'
            f' aria-label="{SEARCH_HINT}"><button type="submit">Search</button></form>')


def layout(title: str, body: str, current: str = "", query: str = "", head: str = "", scripts: str = "",
           wide: bool = False) -> str:
    """A whole page in the site's frame: header with the navigation and the search box, then ``body``."""
    items = "".join(f'<a href="{href}"{" aria-current=page" if href == current else ""}>{name}</a>'
                    for href, name in NAVIGATION)
    main_class = ' class="wide"' if wide else ""
    return ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(title)} · jakgraph</title><link rel="stylesheet" href="/static/jakgraph.css">{head}</head>'
            '<body><header class="site"><a class="home" href="/">jakgraph</a>'
            f'<nav>{items}</nav>{search_form(query)}</header>'
            f"<main{main_class}>{body}</main>{scripts}</body></html>\n")


def error_page(status: int, message: str) -> str:
    """The HTML page of an error, for clients that ask for HTML: the message, a way home and the search box."""
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    hint = ("The page may have moved, or the address may hold a typo. Search the graph by label, or start again "
            "from the workbench.") if status == 404 else "Try again, or start again from the workbench."
    body = (f'<section class="error"><p class="status">{status}</p><h1>{escape(phrase)}</h1>'
            f'<p class="message">{escape(message)}</p><p>{hint}</p>{search_form()}'
            '<p><a class="back" href="/">Back to the workbench</a></p></section>')
    return layout(phrase, body)


def script_json(value: Any) -> str:
    """JSON safe to place inside a ``<script>`` element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def curie_html(iri: str) -> str:
    return f'<span class="curie">{escape(compact(iri))}</span>'
