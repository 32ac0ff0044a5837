"""The OpenAPI 3 description of ``/api``, generated from the stored questions' grlc headers: one ``GET`` route per
question (summary, tags, parameters with their type, default and ``#+ enumerate`` values), and the routes that list
a parameter's valid values and give a question's bound SPARQL."""
from __future__ import annotations

from typing import Any

from jakgraph.queries.catalog import Parameter, StoredQuery

OPENAPI_VERSION = "3.0.3"
SCHEMAS = {"iri": {"type": "string", "format": "iri"}, "string": {"type": "string"}, "integer": {"type": "integer"},
           "decimal": {"type": "number"}, "boolean": {"type": "boolean"}, "date": {"type": "string", "format": "date"}}
IRI_VALUES = ("a CURIE (drug:upadacitinib), a full IRI, or the record's id or English or Spanish label "
              "(upadacitinib), resolved through the graph")
ERROR = {"description": "one line: `text/plain`, or `{\"status\", \"error\"}` when Accept asks for JSON",
         "content": {"text/plain": {"schema": {"type": "string"}},
                     "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def typed(parameter: Parameter, value: str) -> Any:
    """A header value (a default or an enumerated value) as the JSON type of the parameter's schema."""
    try:
        if parameter.type == "integer":
            return int(value)
        if parameter.type == "decimal":
            return float(value)
    except ValueError:
        return value
    if parameter.type == "boolean":
        return value == "true"
    return value


def parameter_object(query: StoredQuery, parameter: Parameter) -> dict[str, Any]:
    """The OpenAPI parameter of a BASIL parameter: by its name, in the query string."""
    schema: dict[str, Any] = dict(SCHEMAS.get(parameter.type, SCHEMAS["string"]))
    if parameter.default is not None:
        schema["default"] = typed(parameter, parameter.default)
    if parameter.choices:
        schema["enum"] = [typed(parameter, choice) for choice in parameter.choices]
    description = f"`?{parameter.variable}` ({parameter.type})"
    if parameter.type == "iri":
        description += f"; {IRI_VALUES}; its valid values: `/api/{query.name}/values/{parameter.name}`"
    return {"name": parameter.name, "in": "query", "required": parameter.required and parameter.default is None,
            "description": description, "schema": schema}


PAGING_PARAMETERS = [
    {"name": "page", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1},
     "description": "answer one page of the rows, in the question's order: 1 for the first"},
    {"name": "per_page", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "default": 1000},
     "description": "rows per page, at most the server's result limit"},
]


def question_operation(query: StoredQuery) -> dict[str, Any]:
    """The ``GET`` operation of one stored question."""
    return {
        "operationId": query.name,
        "summary": query.title,
        "description": query.summary + "\n\nAnswered as SPARQL results JSON, CSV or an HTML table by `Accept`; "
                       f"`/api/{query.name}.json` and `/api/{query.name}.csv` pick the format in the path.",
        "tags": list(query.tags),
        "parameters": [parameter_object(query, parameter) for parameter in query.parameters] + PAGING_PARAMETERS,
        "responses": {
            "200": {"description": "the answer (the header X-JAKGRAPH-Truncated: true says it was cut at the "
                                   "server's result limit), or one page of it; while more rows follow, the header "
                                   "Link: <…>; rel=\"next\" gives the next page's URL",
                    "content": {"application/sparql-results+json": {"schema": {"$ref": "#/components/schemas/SparqlResults"}},
                                "text/csv": {"schema": {"type": "string"}},
                                "text/html": {"schema": {"type": "string"}}}},
            "400": {**ERROR, "description": "a parameter the question does not have, or a value that does not fit "
                                            "it or names nothing in the graph"},
            "503": {**ERROR, "description": "the query timed out, or every worker is busy"},
        },
    }


def helper_paths(queries: list[StoredQuery]) -> dict[str, Any]:
    """The routes that serve the forms: a parameter's valid values, and a question's bound SPARQL."""
    names = [query.name for query in queries]
    name = {"name": "name", "in": "path", "required": True, "description": "a stored question",
            "schema": {"type": "string", "enum": names}}
    parameter = {"name": "parameter", "in": "path", "required": True,
                 "description": "one of the question's parameters", "schema": {"type": "string"}}
    return {
        "/{name}/values/{parameter}": {"get": {
            "operationId": "parameter-values", "summary": "The values a parameter takes in the graph",
            "description": "Instances of the parameter's class (`#+ ranges`) or its `#+ enumerate` list, sorted by "
                           "English label; an empty list for a free parameter.",
            "tags": ["forms"], "parameters": [name, parameter],
            "responses": {"200": {"description": "the values",
                                  "content": {"application/json": {"schema": {"type": "array", "items": {
                                      "$ref": "#/components/schemas/Choice"}}}}},
                          "404": {**ERROR, "description": "no such question or parameter"}}}},
        "/{name}/sparql": {"get": {
            "operationId": "bound-sparql", "summary": "A question's SPARQL with its parameters bound",
            "description": "Takes the same parameters as `/api/{name}` and answers the query text that route runs.",
            "tags": ["forms"], "parameters": [name],
            "responses": {"200": {"description": "the query",
                                  "content": {"application/sparql-query": {"schema": {"type": "string"}}}},
                          "400": {**ERROR, "description": "a bad parameter"},
                          "404": {**ERROR, "description": "no such question"}}}},
    }


def components() -> dict[str, Any]:
    term = {"type": "object", "required": ["type", "value"],
            "properties": {"type": {"type": "string", "enum": ["uri", "literal", "bnode"]}, "value": {"type": "string"},
                           "xml:lang": {"type": "string"}, "datatype": {"type": "string"}}}
    return {"schemas": {
        "SparqlResults": {"type": "object", "required": ["head", "results"], "properties": {
            "head": {"type": "object", "properties": {"vars": {"type": "array", "items": {"type": "string"}}}},
            "results": {"type": "object", "properties": {"bindings": {"type": "array", "items": {
                "type": "object", "additionalProperties": {"$ref": "#/components/schemas/Term"}}}}}}},
        "Term": term,
        "Choice": {"type": "object", "required": ["iri", "curie", "label_en", "label_es"], "properties": {
            "iri": {"type": "string"}, "curie": {"type": "string"}, "label_en": {"type": "string"},
            "label_es": {"type": "string"}}},
        "Error": {"type": "object", "required": ["status", "error"], "properties": {
            "status": {"type": "integer"}, "error": {"type": "string"}}},
    }}


def openapi_document(queries: list[StoredQuery], version: str) -> dict[str, Any]:
    """The OpenAPI 3 document of every ``/api`` route (server-relative, so it holds on any host and port)."""
    tags = sorted({tag for query in queries for tag in query.tags} | {"forms"})
    paths: dict[str, Any] = {f"/{query.name}": {"get": question_operation(query)} for query in queries}
    paths.update(helper_paths(queries))
    return {
        "openapi": OPENAPI_VERSION,
        "info": {"title": "jakgraph stored questions", "version": version,
                 "description": "Each stored question of jakgraph (a `.rq` file with a grlc header) as a route, in "
                                "grlc's convention: parameters by name, answers by content negotiation.",
                 "license": {"name": "MIT"}},
        "servers": [{"url": "/api"}],
        "tags": [{"name": tag} for tag in tags],
        "paths": paths,
        "components": components(),
    }
