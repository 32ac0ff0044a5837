"""An endpoint's reply to a query, read into pyoxigraph objects by its content type, or a one-line error.

The content type decides, through pyoxigraph's ``QueryResultsFormat`` and ``RdfFormat``: a web page, an error
text or a body that does not parse is named with the endpoint, not handed to the caller as a parser's traceback.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from jakgraph.errors import UserError, first_line

if TYPE_CHECKING:
    from pyoxigraph import Triple

    from .protocol import QueryResults
    from .sparql_http import Reply

RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
GRAPH_ACCEPT = "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.8"


class NotSparql(UserError):
    """The endpoint answered something other than what the query asks for."""


def results(reply: "Reply") -> "QueryResults":
    """SELECT solutions or an ASK answer, from SPARQL results in JSON, XML or TSV.

    CSV is refused: it does not tell IRIs from literals (and ``text/plain`` reads as CSV).
    """
    from pyoxigraph import QueryResultsFormat, QuerySolutions, parse_query_results

    found = QueryResultsFormat.from_media_type(reply.content_type) if reply.content_type else None
    if found is None or found == QueryResultsFormat.CSV:
        raise not_sparql(reply, "SPARQL query results")
    try:
        parsed = parse_query_results(reply.body, format=found)
        if isinstance(parsed, QuerySolutions):
            for _ in parsed:  # solutions parse lazily: read them all once here, so no caller meets a SyntaxError
                pass
            parsed = parse_query_results(reply.body, format=found)
    except (SyntaxError, ValueError) as error:
        raise unparsable(reply, error) from None
    return parsed


def triples(reply: "Reply") -> "list[Triple]":
    """The triples of a CONSTRUCT or DESCRIBE, from any RDF format pyoxigraph reads."""
    from pyoxigraph import RdfFormat, parse

    found = RdfFormat.from_media_type(reply.content_type) if reply.content_type else None
    if found is None:
        raise not_sparql(reply, "RDF")
    try:
        return [quad.triple for quad in parse(reply.body, format=found)]
    except (SyntaxError, ValueError) as error:
        raise unparsable(reply, error) from None


def not_sparql(reply: "Reply", wanted: str) -> NotSparql:
    answered = f"answered {reply.content_type}" if reply.content_type else "answered without a content type"
    return NotSparql(f"{reply.url} {answered}, not {wanted} (is it a SPARQL endpoint?)")


def unparsable(reply: "Reply", error: Exception) -> NotSparql:
    return NotSparql(f"{reply.url} answered {reply.content_type} that does not parse: {first_line(str(error))}")
