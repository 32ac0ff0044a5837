"""The IRI check (RFC 3987) refuses what pyoxigraph refuses, in a few words, before pyoxigraph sees the text."""
from __future__ import annotations

import random
import re

import pytest
from pyoxigraph import NamedNode

from jakgraph.ontology.iri import check_iri, iri_problem

VALID = [
    "https://w3id.org/jakgraph/drug/baricitinib", "http://purl.obolibrary.org/obo/MONDO_0005083",
    "https://bioregistry.io/mesh:D003876", "urn:isbn:0451450523", "mailto:a@b.org", "file:///tmp/x", "x:",
    "http://[::1]/", "http://[::1]:8080/a", "http://[::ffff:1.2.3.4]/", "http://[v1.x]/", "http://a:b@x.org:80/",
    "http://x.org:99999/", "http://x.org/a%C3%A9", "http://x.org/é", "http://x.org/?\ue000", "http://x.org/a'b;c",
    "http://x.org?a#b?c/d", "Http://x", "h+.-:x", "http://x.org//a", "http://:80/",
]

INVALID = {
    "": "is empty",
    "https://x.org/a b": "contains a space",
    "https://x.org/a\x00": "contains the control character U+0000",
    "https://x.org/a\x85": "contains the control character U+0085",
    "https://x.org/{a}": "contains the character '{', which no IRI may hold",
    "https://x.org/a\\b": "contains the character '\\\\', which no IRI may hold",
    "https://x.org/%zz": "has a malformed percent-encoding '%zz'",
    "https://x.org/%4": "has a malformed percent-encoding '%4'",
    "//x.org/a": "has no scheme (such as https:)",
    "1http://x": "has no scheme (such as https:)",
    "http://[::1": "has an unclosed '[' in its host",
    "http://[1.2.3.4]/": "has an invalid IP address [1.2.3.4] as its host",
    "http://[::1%25eth0]/": "has an invalid IP address [::1%25eth0] as its host",
    "http://[::1]x/": "has 'x' after the ']' of its host",
    "http://x.org:8a/": "has a port that is not a number ('8a')",
    "http://x@y@z/": "has the character '@' in its user information",
    "http://x]y/": "has the character ']' in its host",
    "http://x.org/a[b]": "has the character '[' in its path",
    "http://x.org/#a#b": "has the character '#' in its fragment",
    "http://x.org/\ue000": "has the character U+E000 in its path",
    "http://x.org/\ufffe": "has the character U+FFFE in its path",
}


@pytest.mark.parametrize("value", VALID)
def test_valid_iris_pass(value):
    assert iri_problem(value) is None
    assert check_iri(value) == value
    NamedNode(value)


@pytest.mark.parametrize("value", list(INVALID))
def test_invalid_iris_are_refused_in_a_few_words_as_pyoxigraph_refuses_them(value):
    assert iri_problem(value) == INVALID[value]
    with pytest.raises(ValueError, match=f"^{re.escape(INVALID[value])}$"):
        check_iri(value)
    with pytest.raises(ValueError):
        NamedNode(value)


def test_the_check_agrees_with_pyoxigraph_on_random_texts():
    """20,000 texts made of IRI delimiters, unsafe characters and non-ASCII: accepted by one iff by the other."""
    draw = random.Random(11)
    alphabet = list("ab:/?#[]@%0123456789AFz.-_~!$&'()*+,;= <>\"{}|\\^`v") + [
        "é", "\ue000", "\ufffe", "\x00", "\u2028", "\U0001fffe", "\U00010000", "\ufdd0", "\x7f", "\xa0"]
    starts = ["http://", "a:", "x://", "http://[", "http://[::", "http://[v1.", "urn:", ""]
    disagree = []
    for _ in range(20_000):
        text = draw.choice(starts) + "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 12)))
        try:
            NamedNode(text)
            accepted = True
        except ValueError:
            accepted = False
        if accepted != (iri_problem(text) is None):
            disagree.append(text)
    assert disagree == []
