"""``jakgraph sparql`` refuses in one line what it will not run: updates, and names with a prefix nobody declared."""
from __future__ import annotations

import pytest

from jakgraph.cli.sparql_command import checked
from jakgraph.errors import UserError
from jakgraph.ontology.namespaces import PREFIXES

KNOWN = ", ".join(sorted(PREFIXES))
READS_ONLY = ": refused, jakgraph sparql only reads the store (add data with 'jakgraph load FILE')"
DECLARE = f"known prefixes: {KNOWN}; a query may declare others with PREFIX"


def test_an_update_is_refused_as_an_update_in_one_line(cli, store_path):
    done = cli("sparql", 'INSERT DATA { drug:x rdfs:label "x" }', "--store", str(store_path))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"jakgraph sparql: the query is a SPARQL update (INSERT){READS_ONLY}\n"


@pytest.mark.parametrize(("query", "keyword"), [("DELETE WHERE { ?s ?p ?o }", "DELETE"), ("DROP ALL", "DROP"),
                                                ("LOAD <http://example.org/x>", "LOAD")])
def test_every_update_form_is_refused_as_an_update(query, keyword):
    with pytest.raises(UserError) as refused:
        checked(query, allow_service=False)
    assert str(refused.value) == f"the query is a SPARQL update ({keyword}){READS_ONLY}"


def test_an_unknown_prefix_is_named_in_one_line_with_the_known_ones(cli, store_path):
    done = cli("sparql", "SELECT * WHERE { foo:bar ?p ?o }", "--store", str(store_path))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"jakgraph sparql: unknown prefix 'foo:' in foo:bar; {DECLARE}\n"


@pytest.mark.parametrize(("query", "message"), [
    ("SELECT * WHERE { drugs:baricitinib ?p ?o }", "unknown prefix 'drugs:' in drugs:baricitinib; did you mean drug:? "),
    ('SELECT * WHERE { ?s ?p "foo:bar" . ?s a ex:Thing }', "unknown prefix 'ex:' in ex:Thing; "),  # not in a string
    ("SELECT * WHERE { ?s ?p ?o } # foo:bar\nORDER BY ?s", None),  # nor in a comment
    ("PREFIX ex: <https://example.org/> SELECT ?o WHERE { ex:nothing ?p ?o }", None),  # declared by the query
])
def test_the_prefix_named(query, message):
    if message is None:
        assert checked(query, allow_service=False) == query
        return
    with pytest.raises(UserError) as refused:
        checked(query, allow_service=False)
    assert str(refused.value) == message + DECLARE
