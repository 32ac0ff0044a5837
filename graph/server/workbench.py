"""The home page of ``jakgraph serve``: YASGUI (vendored, served from ``/static/yasgui/``) on the local ``/sparql``,
beside the library of stored questions, each with a form whose fields take the parameter's valid values from
``/api/NAME/values/PARAM`` (filled by ``static/workbench.js`` when the question is opened)."""
from __future__ import annotations

from html import escape

from jakgraph.ontology.namespaces import BASE, PREFIXES, compact
from jakgraph.queries.catalog import Parameter, StoredQuery

from .site import layout, script_json
from .static_files import static_file

INPUT_TYPES = {"integer": 'type="number" step="1"', "decimal": 'type="number" step="any"', "date": 'type="date"',
               "boolean": 'type="text" pattern="true|false"'}


def sparql(name: str) -> str:
    """The text of ``static/NAME.rq``: the starter query, and the queries that list classes and properties for
    completion."""
    found = static_file(f"{name}.rq")
    assert found is not None, f"static/{name}.rq is missing from the package"
    return found.body.decode("utf-8")


def field_html(query: StoredQuery, parameter: Parameter) -> str:
    """One parameter's field: a list of the graph's values for IRIs of a class or an ``#+ enumerate`` list, else
    an input of the parameter's type; the default is chosen."""
    name = escape(parameter.name)
    field_id = f"p-{escape(query.name)}-{name}"
    need = "" if parameter.required else ' <span class="note">optional</span>'
    label = f'<label for="{field_id}">{name} <span class="note">{escape(parameter.type)}</span>{need}</label>'
    default = parameter.default or ""
    if parameter.range is not None or parameter.choices:
        shown = compact(default) if default else "(any)"
        source = f"/api/{query.name}/values/{parameter.name}"
        return (f'{label}<select id="{field_id}" name="{name}" data-values="{escape(source)}" '
                f'data-default="{escape(default)}"><option value="{escape(default)}" selected>{escape(shown)}'
                "</option></select>")
    kind = INPUT_TYPES.get(parameter.type, 'type="text"')
    hint = "a CURIE, IRI or label" if parameter.type == "iri" else parameter.type
    return (f'{label}<input id="{field_id}" name="{name}" {kind} value="{escape(compact(default) if parameter.type == "iri" and default else default)}"'
            f' placeholder="{escape(hint)}">')


def question_html(query: StoredQuery) -> str:
    """A question of the library: its title, summary and form."""
    fields = "".join(f'<div class="field">{field_html(query, parameter)}</div>' for parameter in query.parameters)
    tags = " ".join(f'<span class="tag">{escape(tag)}</span>' for tag in query.tags)
    return (f'<details class="question" id="q-{escape(query.name)}" data-name="{escape(query.name)}" '
            f'data-title="{escape(query.title)}"><summary>{escape(query.title)} <code>{escape(query.name)}</code></summary>'
            f'<p class="summary">{escape(query.summary)}</p><p class="tags">{tags}</p>'
            f'<form class="question-form" data-name="{escape(query.name)}">{fields}'
            '<div class="actions"><button type="submit">Run</button>'
            f' <a class="api-link" href="/api/{escape(query.name)}">/api/{escape(query.name)}</a></div>'
            '<p class="form-status" role="status"></p></form></details>')


def workbench_page(queries: list[StoredQuery]) -> bytes:
    """The whole page, with what the script needs: the project's prefixes (the endpoint and the editor know them
    without PREFIX lines), the starter query and the completion queries."""
    library = "".join(question_html(query) for query in queries)
    body = ('<div class="workbench"><aside class="library" aria-label="Stored questions">'
            f'<h2>Stored questions <span class="count">{len(queries)}</span></h2>'
            '<input type="search" id="library-filter" placeholder="Filter the questions" aria-label="Filter the questions">'
            f'<div id="questions">{library}</div></aside>'
            '<section class="editor" aria-label="SPARQL editor"><h1>Ask the graph</h1>'
            '<p class="note">SPARQL on this server&#8217;s read-only endpoint <code>/sparql</code>; the project&#8217;s '
            'prefixes are known without declaring them. Ctrl+Space completes prefixes, classes and properties; '
            'Ctrl+Enter runs; the share button gives a link to this query.</p>'
            '<div id="yasgui"></div></section></div>')
    data = {"prefixes": PREFIXES, "base": BASE, "starter": sparql("starter"),
            "classes": sparql("completion-classes"), "properties": sparql("completion-properties")}
    scripts = (f'<script type="application/json" id="page-data">{script_json(data)}</script>'
               '<script src="/static/yasgui/yasgui.min.js"></script><script src="/static/workbench.js"></script>')
    head = '<link rel="stylesheet" href="/static/yasgui/yasgui.min.css">'
    return layout("Workbench", body, current="/", head=head, scripts=scripts, wide=True).encode("utf-8")

