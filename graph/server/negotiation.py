"""Content negotiation of ``jakgraph serve``: the Accept header and the ``format`` parameter."""
from __future__ import annotations

# media types a client may ask for, per format name; the first format of each table is the default
RESULT_ACCEPT = {"json": ("application/sparql-results+json", "application/json"),
                 "xml": ("application/sparql-results+xml",),
                 "csv": ("text/csv",), "tsv": ("text/tab-separated-values",)}
GRAPH_ACCEPT = {"turtle": ("text/turtle", "application/turtle", "application/x-turtle"),
                "ntriples": ("application/n-triples",), "jsonld": ("application/ld+json", "application/json"),
                "rdfxml": ("application/rdf+xml",)}
PAGE_ACCEPT = {**GRAPH_ACCEPT, "html": ("text/html", "application/xhtml+xml")}  # Turtle unless HTML is asked for
# names the ``format`` parameter takes: (results format, graph format); None where the name does not apply
FORMAT_NAMES = {"json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
                "turtle": (None, "turtle"), "ttl": (None, "turtle"), "ntriples": (None, "ntriples"),
                "nt": (None, "ntriples"), "jsonld": (None, "jsonld"), "json-ld": (None, "jsonld"),
                "rdfxml": (None, "rdfxml"), "rdf+xml": (None, "rdfxml"), "srj": ("json", None), "srx": ("xml", None)}
# errors: a line of text unless JSON or HTML is asked for by name (``*/*`` and ``text/*`` get text)
ERROR_ACCEPT = {"text": ("text/plain",), "json": ("application/json", "application/sparql-results+json",
                                              "application/ld+json"),
                "html": ("text/html", "application/xhtml+xml")}
# answers of a stored question at /api/NAME
API_ACCEPT = {"json": ("application/sparql-results+json", "application/json"), "csv": ("text/csv",),
              "html": ("text/html", "application/xhtml+xml")}


def accept_ranges(header: str) -> list[tuple[str, float, int]]:
    """Media ranges of an Accept header with their q-values and positions."""
    ranges = []
    for position, part in enumerate(header.split(",")):
        fields = part.split(";")
        media = fields[0].strip().lower()
        if not media:
            continue
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value.strip())
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality, position))
    return ranges


def negotiate(header: str | None, offers: dict[str, tuple[str, ...]]) -> str:
    """The offer the Accept header prefers: highest q, then the most specific range, then the header's order.

    The first offer is the default, for a missing header, ``*/*``, or a header that accepts none of the offers.
    """
    default = next(iter(offers))
    if not header:
        return default
    ranges = accept_ranges(header)
    best: tuple[float, int, int, int] | None = None
    choice = default
    for rank, (name, types) in enumerate(offers.items()):
        for media in types:
            matches = [(3 if r == media else 2 if r == media.split("/")[0] + "/*" else 1, q, position)
                       for r, q, position in ranges if r in (media, media.split("/")[0] + "/*", "*/*")]
            if not matches:
                continue
            specificity, quality, position = max(matches)
            key = (quality, specificity, -position, -rank)
            if quality > 0 and (best is None or key > best):
                best, choice = key, name
    return choice


def format_parameter(values: list[str], allowed: tuple[str, ...] = ()) -> tuple[str | None, str | None] | None:
    """(results format, graph format) named by the first known ``format`` value (a name or a media type)."""
    for value in values:
        value = value.strip().lower()
        if value in FORMAT_NAMES:
            return FORMAT_NAMES[value]
        if value in allowed:
            return (value, value)
        media = value.split(";")[0].strip()
        results = next((name for name, types in RESULT_ACCEPT.items() if media in types), None)
        graph = next((name for name, types in GRAPH_ACCEPT.items() if media in types), None)
        if results or graph:
            return results, graph
    return None
