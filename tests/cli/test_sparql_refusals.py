"""``jakgraph sparql`` refuses in one line what it will not run: updates, and names with a prefix nobody declared."""
from __future__ import annotations

import pytest

from jakgraph.ontology.namespaces import PREFIXES

KNOWN = ", ".join(sorted(PREFIXES))


@pytest.mark.parametrize(("query", "message"), [
    ('INSERT DATA { drug:x rdfs:label "x" }', "the query is a SPARQL update (INSERT)"),
    ("DELETE WHERE { ?s ?p ?o }", "the query is a SPARQL update (DELETE)"),
    ("DROP ALL", "the query is a SPARQL update (DROP)"),
])
def test_an_update_is_refused_as_an_update(cli, store_path, query, message):
    done = cli("sparql", query, "--store", str(store_path))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (f"jakgraph sparql: {message}: refused, jakgraph sparql only reads the store "
                           "(add data with 'jakgraph load FILE')\n")


@pytest.mark.parametrize(("query", "message"), [
    ("SELECT * WHERE { foo:bar ?p ?o }", "unknown prefix 'foo:' in foo:bar; "),
    ("SELECT * WHERE { drugs:baricitinib ?p ?o }", "unknown prefix 'drugs:' in drugs:baricitinib; did you mean drug:? "),
    ('SELECT * WHERE { ?s ?p "foo:bar" . ?s a ex:Thing }', "unknown prefix 'ex:' in ex:Thing; "),  # not in a string
])
def test_an_unknown_prefix_is_named_with_the_known_ones(cli, store_path, query, message):
    done = cli("sparql", query, "--store", str(store_path))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"jakgraph sparql: {message}known prefixes: {KNOWN}; a query may declare others with PREFIX\n"


def test_a_prefix_the_query_declares_is_known(cli, store_path):
    done = cli("sparql", "PREFIX ex: <https://example.org/> SELECT ?o WHERE { ex:nothing ?p ?o }",
               "--store", str(store_path), "--format", "csv")
    assert (done.returncode, done.stdout, done.stderr) == (0, "o\n", "")
