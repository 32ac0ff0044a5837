"""The query page of ``jakgraph serve``: ``static/query.html`` with the example queries and the prefixes filled in."""
from __future__ import annotations

from jakgraph.ontology.namespaces import BASE, PREFIXES

from .site import script_json
from .static_files import static_file


def query_page(examples: list[tuple[str, str, str]]) -> bytes:
    """The query page, with the example queries (name, title, text) and the project's prefixes filled in."""
    found = static_file("query.html")
    assert found is not None, "static/query.html is missing from the package"
    template = found.body.decode("utf-8")
    data = {"examples": [{"name": n, "title": t, "text": q} for n, t, q in examples], "prefixes": PREFIXES,
            "base": BASE}
    return template.replace("{{DATA}}", script_json(data)).encode("utf-8")
