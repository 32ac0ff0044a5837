"""The query guard: a SPARQL 1.1 tokenizer decides on SERVICE, updates, nesting and length before pyoxigraph runs."""
from __future__ import annotations

import subprocess
import sys
from importlib.resources import files
from typing import Iterator

import pytest
from service_corpus import Listener, hiding_places, mentions

from jakgraph.queries.guard import (DEFAULT_LIMITS, PYOXIGRAPH, SERVICE, TOO_DEEP, TOO_LONG,
                                    UNREADABLE, UPDATE, QueryRefused, check, check_size, decode_escapes,
                                    specification)

NOT_A_URL = "http://127.0.0.1:9/sparql"


def kinds(text: str, escapes: bool = False) -> list[tuple[str, str]]:
    return [(token.kind, token.text) for token in (PYOXIGRAPH if escapes else specification()).tokens(text)]


def refusal(text: str, **options: bool) -> str | None:
    try:
        check(text, **options)
    except QueryRefused as refused:
        return refused.kind
    return None


@pytest.fixture
def listener() -> Iterator[Listener]:
    running = Listener()
    yield running
    running.close()


# --- the tokenizer --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("drug:x\\# SERVICE", [("pname", "drug:x\\#"), ("keyword", "SERVICE")]),
    ("drug:x\\' SERVICE", [("pname", "drug:x\\'"), ("keyword", "SERVICE")]),
    ("ex:a%23b.c ex:d.", [("pname", "ex:a%23b.c"), ("pname", "ex:d"), ("punct", ".")]),
    ("a.b-c:x:y", [("pname", "a.b-c:x:y")]),
    (": :x", [("pname", ":"), ("pname", ":x")]),
    ("<http://a/#b> # c\n?x", [("iri", "<http://a/#b>"), ("var", "?x")]),
    ("'''a '' ' # b''' \"\"\"x\"\"\"", [("string", "'''a '' ' # b'''"), ("string", '"""x"""')]),
    ('"a\\"# b" \'c\\\'\'', [("string", '"a\\"# b"'), ("string", "'c\\''")]),
    ('"x"@en-GB "y"^^xsd:string', [("string", '"x"'), ("langtag", "@en-GB"), ("string", '"y"'), ("punct", "^^"),
                                  ("pname", "xsd:string")]),
    ("_:b1 [] ( ) [ ]", [("bnode", "_:b1"), ("nil", "[]"), ("nil", "( )"), ("nil", "[ ]")]),
    ("?a+1 - -2.5e3 .5 1.", [("var", "?a"), ("number", "+1"), ("punct", "-"), ("number", "-2.5e3"),
                             ("number", ".5"), ("number", "1"), ("punct", ".")]),
    ("$x?y", [("var", "$x"), ("var", "?y")]),
    ("SELECT*WHERE{?s<p>?o}", [("keyword", "SELECT"), ("punct", "*"), ("keyword", "WHERE"), ("punct", "{"),
                               ("var", "?s"), ("iri", "<p>"), ("var", "?o"), ("punct", "}")]),
    ("?a<=?b&&!(?c!=?d)||?e>=1", [("var", "?a"), ("punct", "<="), ("var", "?b"), ("punct", "&&"), ("punct", "!"),
                                  ("punct", "("), ("var", "?c"), ("punct", "!="), ("var", "?d"), ("punct", ")"),
                                  ("punct", "||"), ("var", "?e"), ("punct", ">="), ("number", "1")]),
    ("GROUP_CONCAT SHA256 a", [("keyword", "GROUP_CONCAT"), ("keyword", "SHA256"), ("keyword", "a")]),
    ("# only a comment", []),
])
def test_tokens(text, expected):
    assert kinds(text) == expected


def test_pyoxigraph_reading_takes_u_escapes_inside_strings_and_iris_only():
    assert kinds('"\\u0041" <http://a/\\u0042>', escapes=True) == [("string", '"\\u0041"'), ("iri", "<http://a/\\u0042>")]
    assert decode_escapes("\\u0053ERVICE \\U0001F600") == "SERVICE \U0001F600"
    with pytest.raises(QueryRefused, match="cannot be read at line 1, column 3"):
        list(specification().tokens('? "x'))


@pytest.mark.parametrize("text", ['SELECT * WHERE { ?s ?p "abc }', "SELECT * WHERE { ?s ?p ?o } `",
                                  "SELECT * WHERE { ?s ?p '\\uD800' }", "SELECT * WHERE { ?s ?p \\u0022 }",
                                  "SELECT * WHERE { ?s ?p 'a\\qb' }", "SELECT * { _ }"])
def test_text_that_does_not_tokenize_is_refused(text):
    assert refusal(text) == UNREADABLE


# --- SERVICE and updates --------------------------------------------------------------------------------------

EXPECTED_KIND = {"\\u0022 opens a string early": UNREADABLE, "update with SERVICE": UPDATE, "LOAD": UPDATE,
                 "WITH … DELETE": UPDATE}


@pytest.mark.parametrize(("name", "query"), hiding_places(NOT_A_URL), ids=[name for name, _ in hiding_places(NOT_A_URL)])
def test_every_hiding_place_is_refused(name, query):
    assert refusal(query) == EXPECTED_KIND.get(name, SERVICE)


def test_the_corpus_has_at_least_thirty_hiding_places():
    assert len(hiding_places(NOT_A_URL)) >= 30


@pytest.mark.parametrize(("name", "query"), mentions(), ids=[name for name, _ in mentions()])
def test_mentions_of_service_are_not_refused(name, query):
    assert refusal(query) is None


def test_service_is_allowed_when_asked_and_updates_when_asked():
    assert refusal(f"SELECT * WHERE {{ SERVICE <{NOT_A_URL}> {{ ?a ?b ?c }} }}", allow_service=True) is None
    assert refusal("INSERT DATA { <http://a/b> <http://a/c> 1 }", allow_update=True) is None
    assert refusal("PREFIX ex: <http://example.org/> BASE <http://x/> DROP ALL") == UPDATE


def test_pyoxigraph_needs_no_space_after_a_keyword(listener):
    """Measured on pyoxigraph 0.5: each of these calls the listener, so the guard counts them as SERVICE."""
    from pyoxigraph import Literal, NamedNode, Quad, Store

    store = Store()
    store.add(Quad(NamedNode("http://x/s"), NamedNode("http://x/p"), Literal(True)))
    base, name = listener.url.rsplit("/", 1)
    for query in (f"SELECT * WHERE {{ ?s ?p trueSERVICE <{listener.url}> {{ ?a ?b ?c }} }}",
                  f"PREFIX : <{base}/> SELECT * WHERE {{ service:{name} {{ ?a ?b ?c }} }}",
                  f"PREFIX x: <{base}/> SELECT * WHERE {{ SERVICEx:{name} {{ ?a ?b ?c }} }}"):
        before = len(listener.requests)
        list(store.query(query))
        assert len(listener.requests) == before + 1
        assert refusal(query) == SERVICE


def test_pyoxigraph_does_not_replace_u_escapes_first(listener):
    """Why the guard reads a query both ways: each reading alone misses one of these."""
    from pyoxigraph import Store

    store = Store()
    with pytest.raises(SyntaxError):
        store.query(f"SELECT * WHERE {{ \\u0053ERVICE <{listener.url}> {{ ?a ?b ?c }} }}")
    hidden_by_decoding = (f"SELECT * WHERE {{ # \\u000A \\u0022\\u0022\\u0022\n SERVICE <{listener.url}> {{ ?a ?b ?c }}"
                          f"\n# \"\"\"\n}}")
    list(store.query(hidden_by_decoding))
    assert len(listener.requests) == 1
    assert [token.text for token in specification().tokens(decode_escapes(hidden_by_decoding))
            if token.kind == "keyword"] == ["SELECT", "WHERE"]
    assert refusal(hidden_by_decoding) == SERVICE


# --- nesting and length ---------------------------------------------------------------------------------------

def stored_and_internal_queries() -> list[tuple[str, str]]:
    from jakgraph.queries.catalog import all_queries, narrowed_texts

    internal = files("jakgraph.queries").joinpath("internal")
    return ([(query.name, query.text) for query in all_queries()]
            + [(f"internal/{item.name}", item.read_text(encoding="utf-8")) for item in internal.iterdir()
               if item.name.endswith(".rq")]
            + [(f"narrowed/{query.name}/{parameter}.rq", text) for query in all_queries()
               for parameter, text in narrowed_texts(query.name)])


@pytest.mark.parametrize(("name", "text"), stored_and_internal_queries(),
                         ids=[name for name, _ in stored_and_internal_queries()])
def test_every_stored_and_internal_query_passes(name, text):
    check(text)


# shapes that overflow pyoxigraph 0.5's stack (8 MB), measured: nesting, and chains of operators or patterns
CRASHING = {
    "5,000 nested groups": "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
    "960 nested calls": "SELECT * WHERE { ?s ?p ?o FILTER(" + "STR(" * 960 + "?o" + ")" * 960 + ") }",
    "835 nested EXISTS": "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o " * 835 + "}" * 835 + " }",
    "9,343 negations": "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 9343 + "true) }",
    "6,937 additions": "SELECT * WHERE { ?s ?p ?o FILTER(" + "+".join(["1"] * 6937) + " > 0) }",
    "2,625 BINDs": "SELECT * WHERE { ?s ?p ?o " + " ".join(f"BIND(1 AS ?b{i})" for i in range(2625)) + " }",
    "2,625 MINUS": "SELECT * WHERE { ?s ?p ?o " + " MINUS { ?s ?p 2 }" * 2625 + " }",
}


@pytest.mark.parametrize("name", CRASHING)
def test_shapes_that_crash_pyoxigraph_are_refused(name):
    with pytest.raises(QueryRefused) as refused:
        check_size(CRASHING[name])
    assert refused.value.kind in (TOO_DEEP, TOO_LONG)
    assert "\n" not in str(refused.value)


def at_the_limits() -> dict[str, str]:
    """The worst shapes that still pass the guard: as deep and as long as it allows."""
    depth, tokens = DEFAULT_LIMITS.max_depth, DEFAULT_LIMITS.max_tokens
    calls = depth - 3  # WHERE { … FILTER( … ) } takes three levels
    exists = (depth - 1) // 2
    shapes = {
        "nested calls": "SELECT * WHERE { ?s ?p ?o FILTER(" + "STR(" * calls + "?o" + ")" * calls + ") }",
        "nested EXISTS": "SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o " * exists + "}" * exists + " }",
        "nested groups": "SELECT * WHERE " + "{" * depth + " ?s ?p ?o " + "}" * depth,
        "nested blank nodes": "SELECT * WHERE { ?s ?p " + "[ ?p " * (depth - 1) + "1" + " ]" * (depth - 1) + " }",
        "nested collections": "SELECT * WHERE { ?s ?p " + "( " * (depth - 1) + "1" + " )" * (depth - 1) + " }",
        "negations": "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * (depth - 2) + "true) }",
        "additions": "SELECT * WHERE { ?s ?p ?o FILTER(" + "+".join(["1"] * ((tokens - 20) // 2)) + " > 0) }",
        "BINDs": "SELECT * WHERE { ?s ?p ?o " + " ".join(f"BIND(1 AS ?b{i})" for i in range((tokens - 10) // 6)) + " }",
        "MINUS": "SELECT * WHERE { ?s ?p ?o " + " MINUS { ?s ?p 2 }" * ((tokens - 10) // 7) + " }",
        "UNION": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * ((tokens - 10) // 6)) + " }",
    }
    deep_and_long = ("SELECT * WHERE { ?s ?p ?o " + "FILTER EXISTS { ?s ?p ?o " * (exists - 1)
                     + "FILTER(" + "+".join(["1"] * ((tokens - 7 * exists - 20) // 2)) + " > 0)" + "}" * (exists - 1)
                     + " }")
    shapes["deep and long"] = deep_and_long
    return shapes


def test_the_worst_queries_within_the_limits_run_in_pyoxigraph():
    """Each shape at the guard's limits passes it and runs in a fresh pyoxigraph process without a crash."""
    shapes = at_the_limits()
    for text in shapes.values():
        check_size(text)
    script = ("import sys, json, pyoxigraph\nstore = pyoxigraph.Store()\n"
              "for text in json.load(sys.stdin):\n    list(store.query(text))\nprint('ran', len(sys.argv))")
    import json

    done = subprocess.run([sys.executable, "-c", script], input=json.dumps(list(shapes.values())), text=True,
                          capture_output=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "ran 1\n"), done.stderr[-500:]


def test_too_many_characters_are_refused_before_tokenizing():
    with pytest.raises(QueryRefused, match=f"more than {DEFAULT_LIMITS.max_chars} characters"):
        check_size("#" * (DEFAULT_LIMITS.max_chars + 1))


# --- the command line -----------------------------------------------------------------------------------------

def test_sparql_command_refuses_service_in_one_line(cli, store_path):
    done = cli("sparql", f"SELECT * WHERE {{ SERVICE <{NOT_A_URL}> {{ ?a ?b ?c }} }}", "--store", str(store_path))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == ("jakgraph sparql: the query uses SERVICE (a federated query to another endpoint): refused"
                           " unless you pass --allow-service\n")


def test_a_query_5000_deep_is_one_line_on_the_command_line(cli, store_path):
    done = cli("sparql", CRASHING["5,000 nested groups"], "--store", str(store_path))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == ("jakgraph sparql: the query is nested too deeply: more than 32 levels"
                           " (at line 1, column 48)\n")


def test_the_embedded_store_checks_every_query(store):
    with pytest.raises(QueryRefused, match="nested too deeply"):
        store.query(CRASHING["960 nested calls"])


@pytest.mark.slow  # a stress test: 100,000 characters each, about 0.6 s
@pytest.mark.parametrize("text", ["a." * 50_000, "ab" + ".b" * 49_990, "ex:a" + "." * 99_990, '"""' + 'a"' * 49_990,
                                  "<a" * 49_990, "?a" * 49_990])
def test_reading_does_not_hang_on_text_made_to_backtrack(text):
    """A guard against catastrophic backtracking, not a speed measure: 100,000 characters built to make a regular
    expression backtrack took 107 s before the tokenizer read in linear time; now about 0.6 s, far below the bound."""
    import time

    from jakgraph.queries.guard import Limits

    started = time.monotonic()
    try:
        check(text, limits=Limits(max_depth=10**6, max_tokens=10**6))
    except QueryRefused:
        pass
    assert time.monotonic() - started < 2


def test_names_with_other_characters_than_ascii_read_whole_on_their_own_lines():
    """The tokenizer reads names with ASCII patterns on lines of ASCII only, and with the grammar's full classes on
    a line that holds other characters: the same tokens either way."""
    from jakgraph.queries.guard import PYOXIGRAPH

    text = "# résumé …\nSELECT ?x ?café_·2\nWHERE { ex:café.ü ?p _:bé . ex:a.b ?p ?x }"
    names = [(token.kind, token.text) for token in PYOXIGRAPH.tokens(text) if token.kind in ("var", "pname", "bnode")]
    assert names == [("var", "?x"), ("var", "?café_·2"), ("pname", "ex:café.ü"), ("var", "?p"), ("bnode", "_:bé"),
                     ("pname", "ex:a.b"), ("var", "?p"), ("var", "?x")]


def test_a_text_without_backslash_reads_the_same_both_ways() -> None:
    """What lets check() read a text without a backslash once: no escape, so both readings give the same tokens
    (every stored question, with its comments, is such a text)."""
    from jakgraph.queries.catalog import load_query, query_names

    for name in query_names():
        text = load_query(name).text
        assert "\\" not in text, name
        assert list(specification().tokens(decode_escapes(text))) == list(PYOXIGRAPH.tokens(text)), name
