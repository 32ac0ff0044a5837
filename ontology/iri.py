"""Check that a text is an absolute IRI (RFC 3987) before any library turns it into a node.

pyoxigraph refuses an invalid IRI with a ``ValueError`` deep inside a load or a query; jakgraph checks every IRI
it makes from a user's text (curated cells, the SSSOM header, query parameters) first, so that the fault is one
line naming where the text came from. The grammar is RFC 3987's: a scheme, an authority whose host is a name,
an IPv4 address or a bracketed IPv6 or IPvFuture literal, and path, query and fragment characters, with
well-formed percent-encoding. A test keeps it in step with pyoxigraph's own parser. Only ``re`` and ``ipaddress``
are imported, so a cold ``jakgraph query`` pays for nothing more.

>>> check_iri("https://w3id.org/jakgraph/drug/baricitinib")
'https://w3id.org/jakgraph/drug/baricitinib'
>>> check_iri("https://x.org/%zz")
Traceback (most recent call last):
...
ValueError: has a malformed percent-encoding '%zz'
>>> iri_problem("http://[::1")
"has an unclosed '[' in its host"
"""
from __future__ import annotations

import re

SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")
NEVER = re.compile(r"[<>\"{}|\\^`]")  # ASCII characters no part of an IRI may hold
PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})(.{0,2})", re.DOTALL)

# The ASCII characters each part may hold; beyond ASCII, RFC 3987's ucschar anywhere and iprivate in the query.
# (Kept to ASCII classes: a class spanning the Unicode planes takes a cold start 13 ms to compile.)
UNRESERVED = "-A-Za-z0-9._~"  # "-" first: a literal, not a range
SUB_DELIMS = "!$&'()*+,;="
PCHAR = UNRESERVED + SUB_DELIMS + ":@%"
OUTSIDE = {
    "user information": re.compile(f"[^{UNRESERVED}{SUB_DELIMS}:%]"),
    "host": re.compile(f"[^{UNRESERVED}{SUB_DELIMS}%]"),
    "path": re.compile(f"[^{PCHAR}/]"),
    "query": re.compile(f"[^{PCHAR}/?]"),
    "fragment": re.compile(f"[^{PCHAR}/?]"),
}
UCS = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF),
       *((plane << 16, (plane << 16) + 0xFFFD) for plane in range(1, 14)), (0xE1000, 0xEFFFD))
PRIVATE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
IP_FUTURE = re.compile(r"v[0-9A-Fa-f]+\.[A-Za-z0-9._~!$&'()*+,;=:-]+")
PORT = re.compile(r"[0-9]*")


def iri_problem(value: str) -> str | None:
    """What makes ``value`` not an absolute IRI, in a few words, or None if it is one.

    >>> iri_problem("https://w3id.org/jakgraph/") is None
    True
    >>> iri_problem("drug:baricitinib ") , iri_problem("//x.org/a")
    ('contains a space', 'has no scheme (such as https:)')
    """
    if not value:
        return "is empty"
    control = CONTROL.search(value)
    if control:
        char = control.group()
        return "contains a space" if char == " " else f"contains the control character U+{ord(char):04X}"
    never = NEVER.search(value)
    if never:
        return f"contains the character {never.group()!r}, which no IRI may hold"
    percent = PERCENT.search(value)
    if percent:
        return f"has a malformed percent-encoding '%{percent.group(1)}'"
    scheme = SCHEME.match(value)
    if not scheme:
        return "has no scheme (such as https:)"
    rest, _, fragment = value[scheme.end():].partition("#")
    rest, has_query, query = rest.partition("?")
    if rest.startswith("//"):
        authority, slash, path = rest[2:].partition("/")
        problem = authority_problem(authority)
        if problem:
            return problem
        path = slash + path
    else:
        path = rest
    for part, text in (("path", path), ("query", query if has_query else ""), ("fragment", fragment)):
        problem = part_problem(part, text)
        if problem:
            return problem
    return None


def check_iri(value: str) -> str:
    """``value`` if it is an absolute IRI; else ValueError saying what is wrong with it."""
    problem = iri_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def authority_problem(authority: str) -> str | None:
    """What is wrong with ``[user information @] host [: port]``, if anything."""
    user, at, host_port = authority.rpartition("@")
    if at:
        problem = part_problem("user information", user)
        if problem:
            return problem
    if host_port.startswith("["):
        literal, closed, port = host_port[1:].partition("]")
        if not closed:
            return "has an unclosed '[' in its host"
        if not ip_literal(literal):
            return f"has an invalid IP address [{literal}] as its host"
        if port and not port.startswith(":"):
            return f"has {port[0]!r} after the ']' of its host"
        port = port[1:]
    else:
        host, _, port = host_port.partition(":")
        problem = part_problem("host", host)
        if problem:
            return problem
    if not PORT.fullmatch(port):
        return f"has a port that is not a number ({port!r})"
    return None


def ip_literal(text: str) -> bool:
    """True for the inside of a bracketed host: an IPv6 address (no zone) or an IPvFuture literal."""
    import ipaddress

    if IP_FUTURE.fullmatch(text):
        return True
    if "%" in text:
        return False
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def part_problem(part: str, text: str) -> str | None:
    """The first character of ``text`` that the IRI component ``part`` cannot hold, if any."""
    outside = OUTSIDE[part]
    found = outside.search(text)
    while found:
        char = found.group()
        point = ord(char)
        if not char.isascii() and (any(low <= point <= high for low, high in UCS)
                                   or part == "query" and any(low <= point <= high for low, high in PRIVATE)):
            found = outside.search(text, found.end())
            continue
        shown = repr(char) if char.isascii() else f"U+{point:04X}"
        return f"has the character {shown} in its {part}"
    return None
