"""Parameter values are checked before pyoxigraph sees them: one line naming the query, the parameter and the value."""
from __future__ import annotations

import pytest

from jakgraph.errors import UserError
from jakgraph.queries.binding import check, resolve
from jakgraph.queries.catalog import Parameter, load_query

from conftest import run_cli

BAD = [
    # IRIs: RFC 3987 shape, percent-encoding, host syntax
    ("evidence-for-drug", "drug", "https://x.org/%zz",
     "'https://x.org/%zz' is not a valid IRI: it has a malformed percent-encoding '%zz'"),
    ("evidence-for-drug", "drug", "https://x.org/a%4",
     "'https://x.org/a%4' is not a valid IRI: it has a malformed percent-encoding '%4'"),
    ("evidence-for-drug", "drug", "http://[::1", "'http://[::1' is not a valid IRI: it has an unclosed '[' in its host"),
    ("evidence-for-drug", "drug", "http://[::1]x/",
     "'http://[::1]x/' is not a valid IRI: it has 'x' after the ']' of its host"),
    ("evidence-for-drug", "drug", "http://[fe80::1%25eth0]/",
     "'http://[fe80::1%25eth0]/' is not a valid IRI: it has an invalid IP address [fe80::1%25eth0] as its host"),
    ("evidence-for-drug", "drug", "http://x.org:8o/", "'http://x.org:8o/' is not a valid IRI: it has a port that is not a number ('8o')"),
    ("evidence-for-drug", "drug", "http://a@b@x.org/",
     "'http://a@b@x.org/' is not a valid IRI: it has the character '@' in its user information"),
    ("evidence-for-drug", "drug", "https://x.org/a[1]", "'https://x.org/a[1]' is not a valid IRI: it has the character '[' in its path"),
    ("evidence-for-drug", "drug", "https://x.org/#a#b", "'https://x.org/#a#b' is not a valid IRI: it has the character '#' in its fragment"),
    ("evidence-for-drug", "drug", "https://x.org/\x01", "'https://x.org/\\x01' is not a valid IRI: it contains the control character U+0001"),
    ("evidence-for-drug", "drug", "https://x.org/\ufffe", "'https://x.org/\\ufffe' is not a valid IRI: it has the character U+FFFE in its path"),
    ("evidence-for-drug", "drug", "https://x.org/a b", "'https://x.org/a b' contains characters that cannot be in an IRI"),
    ("evidence-for-drug", "drug", "ftp://x.org/a",
     "'ftp://x.org/a' is not an IRI (give a full http(s) IRI or a CURIE such as drug:baricitinib)"),
    # integers: ASCII digits only (Python's \d takes these too, and the query answered 0 rows)
    ("studies-above-size", "min_n", "١٢", "'١٢' is not a whole number (digits 0-9)"),
    ("studies-above-size", "min_n", "１２", "'１２' is not a whole number (digits 0-9)"),
    ("studies-above-size", "min_n", "1٢", "'1٢' is not a whole number (digits 0-9)"),
    ("studies-above-size", "min_n", "12.5", "'12.5' is not a whole number (digits 0-9)"),
    ("studies-above-size", "min_n", "1" * 19, f"'{'1' * 19}' is not a whole number (digits 0-9)"),
]


@pytest.mark.parametrize(("query", "name", "value", "message"), BAD, ids=[case[2] for case in BAD])
def test_a_bad_value_is_one_user_error_naming_query_parameter_and_value(query, name, value, message):
    with pytest.raises(UserError) as raised:
        resolve(load_query(query), {name: value})
    assert str(raised.value) == f"query {query}, parameter {name}: {message}"


@pytest.mark.parametrize(("kind", "value", "message"), [
    ("decimal", "٢.٥", "is not a decimal number (digits 0-9 and a point)"),
    ("decimal", "2.５", "is not a decimal number (digits 0-9 and a point)"),
    ("decimal", "1e3", "is not a decimal number (digits 0-9 and a point)"),
    ("date", "2021-02-29", "is not a date of the calendar"),
    ("date", "2021-13-01", "is not a date of the calendar"),
    ("date", "２０２１-09-01", "is not a date (YYYY-MM-DD)"),
    ("boolean", "yes", "is not true or false"),
])
def test_decimals_and_dates_are_ascii_and_of_the_calendar(kind, value, message):
    parameter = Parameter("x", kind, True, f"_x_{kind}")
    with pytest.raises(ValueError) as raised:
        check(parameter, value)
    assert str(raised.value) == message


@pytest.mark.parametrize(("kind", "value"), [("decimal", "-2.5"), ("date", "2024-02-29"), ("integer", "+12"),
                                             ("iri", "http://[::1]:7878/x"), ("iri", "https://x.org/caf%C3%A9"),
                                             ("iri", "https://x.org/café")])
def test_good_values_pass(kind, value):
    assert check(Parameter("x", kind, True, f"_x_{kind}"), value) == value


@pytest.mark.parametrize(("query", "param", "expected"), [
    ("evidence-for-drug", "drug=https://x.org/%zz",
     "jakgraph query: query evidence-for-drug, parameter drug: 'https://x.org/%zz' is not a valid IRI: "
     "it has a malformed percent-encoding '%zz'"),
    ("evidence-for-drug", "drug=http://[::1",
     "jakgraph query: query evidence-for-drug, parameter drug: 'http://[::1' is not a valid IRI: "
     "it has an unclosed '[' in its host"),
    ("studies-above-size", "min_n=١٢",
     "jakgraph query: query studies-above-size, parameter min_n: '١٢' is not a whole number (digits 0-9)"),
], ids=["percent-encoding", "unclosed-ipv6", "arabic-indic-digits"])
def test_the_command_line_says_it_in_one_line_and_exits_1(store_path, query, param, expected):
    result = run_cli("query", query, "-p", param, "--store", str(store_path))
    assert (result.returncode, result.stdout, result.stderr) == (1, "", expected + "\n")


PLAIN = ["https://w3id.org/jakgraph/drug/baricitinib", "http://example.org", "https://x.org:8080/a/b~c/_d.e-f/",
         "https://a..b/", "https://x.org:/", "http:///a"]
NOT_PLAIN = ["https://x.org/%41", "https://x.org/a?b", "https://x.org/a#b", "https://x.org/ä", "https://x.org/a b",
             "https://x.org/a|b", "https://[::1]/a", "https://u@x.org/", "https://x.org/a%zz"]


@pytest.mark.parametrize("value", PLAIN + NOT_PLAIN)
def test_the_plain_iri_shortcut_takes_only_what_the_full_check_accepts(value):
    from jakgraph.ontology.iri import iri_problem
    from jakgraph.queries.binding import PLAIN_IRI, expand_iri

    assert bool(PLAIN_IRI.fullmatch(value)) == (value in PLAIN)
    if value in PLAIN:
        assert iri_problem(value) is None and expand_iri(value) == value
    elif iri_problem(value):  # the rest go through the full check, which refuses what it refused before
        with pytest.raises(ValueError):
            expand_iri(value)


def test_the_plain_iri_shortcut_takes_the_stored_questions_defaults():
    from jakgraph.queries.binding import PLAIN_IRI
    from jakgraph.queries.catalog import all_queries

    defaults = [p.default for q in all_queries() for p in q.parameters if p.type == "iri" and p.default]
    assert len(defaults) > 10 and all(PLAIN_IRI.fullmatch(value) for value in defaults)
