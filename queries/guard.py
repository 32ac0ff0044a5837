"""What a query may be before any engine sees it: no federation, no update, bounded nesting and length.

A SPARQL 1.1 tokenizer (the terminals of the grammar, section 19.8) decides, so that escapes, strings, IRIs and
comments cannot hide a keyword from it. The query is read twice, and both readings must pass:

- as the specification reads it: ``\\uXXXX`` and ``\\UXXXXXXXX`` replaced everywhere first (section 19.2);
- as pyoxigraph reads it: pyoxigraph (0.5) does not replace them first, it takes them as escapes inside strings
  and IRIs only. A comment holding ``\\u000A`` ends early in the first reading and not in the second, so a
  ``SERVICE`` can be hidden from either reading alone.

Text that does not tokenize is refused (fail closed). pyoxigraph's parser needs no space after a keyword
(``service:x {…}`` is read as ``SERVICE :x {…}``, ``trueSERVICE`` as ``true SERVICE``), so a bare word that
contains ``service`` and a prefixed name whose prefix contains it count as ``SERVICE``.

Nesting deeper than a few thousand levels, or a chain of a few thousand operators, overflows pyoxigraph's stack
(a segmentation fault, measured on 0.5: 830 nested ``EXISTS``, 950 nested function calls, 2,190 nested groups,
6,900 ``+`` operands, 2,600 ``BIND``\\ s); :data:`DEFAULT_LIMITS` stays far below.

>>> check("SELECT * WHERE { ?s ?p ?o }")
>>> check("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
jakgraph.queries.guard.QueryRefused: the query uses SERVICE (a federated query to another endpoint)
"""
# annotations evaluated as written (no `from __future__ import annotations`): typing.NamedTuple compiles each
# field given as a string on its own, about 0.15 ms a field at every start

import re
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple

from jakgraph.errors import UserError

SERVICE, UPDATE, UNREADABLE, TOO_DEEP, TOO_LONG = "service", "update", "unreadable", "too deep", "too long"
UPDATE_KEYWORDS = frozenset({"insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"})
OPENERS = frozenset({"{", "(", "[", "{|", "<<", "<<("})
CLOSERS = frozenset({"}", ")", "]", "|}", ">>", ")>>"})
PREFIX_OPERATORS = frozenset({"!", "^", "+", "-"})  # a run of them nests like brackets: !!!!x is !(!(!(!x)))


class Limits(NamedTuple):
    """How big a query may be: nesting depth (brackets and chained prefix operators), tokens and characters.

    The deepest stored question is 7 levels deep and the longest 295 tokens. Beyond the stack, depth costs time:
    pyoxigraph parses nested blank nodes and collections in polynomial time (0.3 s at 64 levels, 4 s at 128).
    The cheapest chain that overflows the stack takes about 13,800 tokens (``1+1+…``).
    """

    max_depth: int = 32
    max_tokens: int = 2_000
    max_chars: int = 100_000


DEFAULT_LIMITS = Limits()


class QueryRefused(UserError):
    """A query the guard refuses, with the kind of refusal (``service``, ``update``, ``unreadable`` …)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class Token(NamedTuple):
    """One terminal of the grammar: its kind, its text and where it starts in the text read."""

    kind: str
    text: str
    offset: int


# --- the terminals of the SPARQL 1.1 grammar (section 19.8) ------------------------------------------------------
_PN_CHARS_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
                  "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + "\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_ECHAR = r"""\\[tbnrf\\"']"""
_EXPONENT = r"[eE][+-]?[0-9]+"
_WS = "[ \t\r\n]"

class Names(NamedTuple):
    """The patterns of the grammar's names (prefixed names, variables, blank node labels), whose character classes
    span most of Unicode."""

    pname: re.Pattern[str]
    prefix_run: re.Pattern[str]  # where a prefix starting here could end
    var: re.Pattern[str]
    bnode: re.Pattern[str]


@lru_cache(maxsize=2)
def names(ascii_only: bool) -> Names:
    """The name patterns; with ``ascii_only``, their classes cut to ASCII, which match the same on a line of ASCII
    characters only (every line of a stored question outside its comments). Compiling the full classes costs a cold
    ``jakgraph query`` 25-60 ms, so they are compiled only for a line that holds other characters."""
    base, under, chars, var_extra = _PN_CHARS_BASE, _PN_CHARS_U, _PN_CHARS, "\u00B7\u0300-\u036F\u203F-\u2040"
    if ascii_only:
        base, under, chars, var_extra = "A-Za-z", "A-Za-z_", "A-Za-z_\\-0-9", ""
    prefix = f"[{base}](?:[{chars}.]*[{chars}])?"
    local = f"(?:[{under}:0-9]|{_PLX})(?:(?:[{chars}.:]|{_PLX})*(?:[{chars}:]|{_PLX}))?"
    return Names(re.compile(f"(?P<prefix>{prefix})?:(?P<local>{local})?"), re.compile(f"[{chars}.]*"),
                 re.compile(f"[?$][{under}0-9][{under}0-9{var_extra}]*"),
                 re.compile(f"_:[{under}0-9](?:[{chars}.]*[{chars}])?"))


LANGTAG = re.compile(r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*(?:--[a-zA-Z]+)?")  # SPARQL 1.2's base direction too
NUMBER = re.compile(f"[+-]?(?:[0-9]+\\.[0-9]*{_EXPONENT}|\\.[0-9]+{_EXPONENT}|[0-9]+{_EXPONENT}"
                    f"|[0-9]*\\.[0-9]+|[0-9]+)")
WORD = re.compile("[A-Za-z][A-Za-z0-9_]*")  # keywords and function names: SELECT, GROUP_CONCAT, SHA256, a, true
NIL_OR_ANON = re.compile(f"\\({_WS}*\\)|\\[{_WS}*\\]")
PUNCTUATION = re.compile(r"<<\(|\)>>|<<|>>|\{\||\|\}|\|\||&&|!=|<=|>=|\^\^|[{}()\[\];,.*/|^!=<>+\-?~]")
CODEPOINT_ESCAPE = r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})"  # compiled by re when a text has a backslash
COMMENT_END = re.compile(r"[\r\n]")


def _iriref(escapes: bool) -> re.Pattern[str]:
    body = r"""[^<>"{}|^`\\\x00-\x20]"""
    return re.compile(f"<(?:{body}|{_UCHAR})*>" if escapes else f"<{body}*>")


def _strings(escapes: bool) -> tuple[re.Pattern[str], ...]:
    """The short strings' patterns: '…' and "…"."""
    escape = f"(?:{_ECHAR}|{_UCHAR})" if escapes else _ECHAR
    return (re.compile(f"'(?:[^'\\\\\\n\\r]|{escape})*'"),
            re.compile(f'"(?:[^"\\\\\\n\\r]|{escape})*"'))


@lru_cache(maxsize=2)
def _long_strings(escapes: bool) -> tuple[re.Pattern[str], ...]:
    """The long strings' patterns, '''…''' and \"\"\"…\"\"\", compiled for the first text that holds one."""
    escape = f"(?:{_ECHAR}|{_UCHAR})" if escapes else _ECHAR
    return (re.compile(f"'''(?:(?:'|'')?(?:[^'\\\\]|{escape}))*'''"),
            re.compile(f'"""(?:(?:"|"")?(?:[^"\\\\]|{escape}))*"""'))


class Tokenizer:
    """The terminals of a query text; ``escapes=True`` reads ``\\u`` escapes inside strings and IRIs (pyoxigraph's
    reading of a text whose escapes were not replaced first)."""

    def __init__(self, escapes: bool = False) -> None:
        self.iriref = _iriref(escapes)
        self.escapes = escapes
        self.strings = _strings(escapes)

    def tokens(self, text: str) -> Iterator[Token]:
        """Every token of ``text`` in order, skipping white space and comments; QueryRefused where none fits."""
        position, end = 0, len(text)
        grammar, line_end = names(True), -1
        no_prefix_until = 0  # no prefixed name starts before here: keeps ``a.a.a.a…`` linear, not quadratic
        while position < end:
            char = text[position]
            if char in " \t\r\n":
                position += 1
                continue
            if char == "#":
                found = COMMENT_END.search(text, position)
                position = found.start() if found else end
                continue
            if position > line_end:  # names never span lines: the full patterns only where a line needs them
                line_start, line_end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
                line_end = end if line_end < 0 else line_end
                grammar = names(text[line_start:line_end].isascii())
            prefixed = char == ":"
            if position >= no_prefix_until and (char.isalpha() or not char.isascii()):
                run = grammar.prefix_run.match(text, position).end()  # type: ignore[union-attr]
                prefixed = text.startswith(":", run) and text[run - 1] != "."
                if not prefixed:
                    no_prefix_until = run
            token = self._token(text, position, char, prefixed, grammar)
            if token is None:
                raise QueryRefused(UNREADABLE, f"the query cannot be read at {place(text, position)}: "
                                               f"unexpected {text[position:position + 12]!r}")
            yield token
            position += len(token.text)

    def _token(self, text: str, position: int, char: str, prefixed: bool, grammar: Names) -> Token | None:
        """The longest terminal that starts at ``position`` (the grammar's rule), or None; ``prefixed``: whether a
        prefixed name can start here."""
        candidates: list[tuple[str, re.Match[str] | None]] = []
        if char == "<":
            candidates.append(("iri", self.iriref.match(text, position)))
        elif char in "\"'":
            long = text.startswith(char * 3, position)
            for pattern in (*_long_strings(self.escapes), *self.strings) if long else self.strings:
                candidates.append(("string", pattern.match(text, position)))
            if not any(match for _, match in candidates):
                return None  # an unterminated string is no other token
        elif char in "?$":
            candidates.append(("var", grammar.var.match(text, position)))
        elif char == "@":
            candidates.append(("langtag", LANGTAG.match(text, position)))
        elif char == "_":
            candidates.append(("bnode", grammar.bnode.match(text, position)))
        elif char in "([":
            candidates.append(("nil", NIL_OR_ANON.match(text, position)))
        if char in "+-.0123456789":
            candidates.append(("number", NUMBER.match(text, position)))
        if prefixed:
            candidates.append(("pname", grammar.pname.match(text, position)))
        if char.isascii() and char.isalpha():
            candidates.append(("keyword", WORD.match(text, position)))
        candidates.append(("punct", PUNCTUATION.match(text, position)))
        best: Token | None = None
        for kind, match in candidates:
            if match and match.end() > position and (best is None or len(match.group()) > len(best.text)):
                best = Token(kind, match.group(), position)
        return best


PYOXIGRAPH = Tokenizer(escapes=True)


@lru_cache(maxsize=1)
def specification() -> Tokenizer:
    """The reading of the specification, built when a text first needs it (one with a backslash)."""
    return Tokenizer(escapes=False)


def decode_escapes(text: str) -> str:
    """Replace ``\\uXXXX`` and ``\\UXXXXXXXX`` by the characters they name, as SPARQL 1.1 section 19.2 says.

    >>> decode_escapes("\\\\u0053ERVICE")
    'SERVICE'
    """
    def character(match: re.Match[str]) -> str:
        value = int(match.group(1) or match.group(2), 16)
        if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
            raise QueryRefused(UNREADABLE, f"the query cannot be read at {place(text, match.start())}: "
                                           f"{match.group()} names no character")
        return chr(value)

    return re.sub(CODEPOINT_ESCAPE, character, text)


def place(text: str, offset: int) -> str:
    """``line L, column C`` of an offset (both from 1)."""
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def names_service(token: Token) -> bool:
    """Whether pyoxigraph may read ``SERVICE`` in this token (it needs no space after a keyword)."""
    if token.kind == "keyword":
        return "service" in token.text.lower()
    if token.kind == "pname":
        return "service" in token.text.partition(":")[0].lower()
    return False


def read(text: str, tokenizer: Tokenizer, limits: Limits) -> list[Token]:
    """The tokens of one reading, refused when deeper or longer than ``limits``."""
    found: list[Token] = []
    depth = run = 0
    for token in tokenizer.tokens(text):
        found.append(token)
        if len(found) > limits.max_tokens:
            raise QueryRefused(TOO_LONG, f"the query is too long: more than {limits.max_tokens} tokens")
        punct = token.text if token.kind == "punct" else ""
        run = run + 1 if punct in PREFIX_OPERATORS else 0
        if punct in OPENERS:
            depth += 1
        elif punct in CLOSERS:
            depth = max(0, depth - 1)
        if depth + run > limits.max_depth:
            raise QueryRefused(TOO_DEEP, f"the query is nested too deeply: more than {limits.max_depth} levels"
                                         f" (at {place(text, token.offset)})")
    return found


def check(text: str, allow_service: bool = False, allow_update: bool = False,
          limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse ``text`` (QueryRefused, one line) if it federates, updates, or is too deep, too long or unreadable."""
    if len(text) > limits.max_chars:
        raise QueryRefused(TOO_LONG, f"the query is too long: more than {limits.max_chars} characters")
    problems: list[QueryRefused] = []
    # without a backslash there is no escape to read, and both readings are the same: the text is read once
    readings = [(decode_escapes(text), specification())] if "\\" in text else []
    for reading, tokenizer in readings + [(text, PYOXIGRAPH)]:
        try:
            tokens = read(reading, tokenizer, limits)
        except QueryRefused as refused:
            problems.append(refused)  # a SERVICE the other reading shows is the better reason to give
            continue
        for token in tokens:
            if not allow_service and names_service(token):
                raise QueryRefused(SERVICE, "the query uses SERVICE (a federated query to another endpoint)")
            if not allow_update and token.kind == "keyword" and token.text.lower() in UPDATE_KEYWORDS:
                raise QueryRefused(UPDATE, f"the query is a SPARQL update ({token.text.upper()})")
    if problems:
        raise problems[0]


def check_size(text: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse ``text`` only if it is too deep, too long or unreadable: what every query the engine runs must pass."""
    check(text, allow_service=True, allow_update=True, limits=limits)


def undeclared_prefixes(text: str, known: Iterable[str]) -> list[Token]:
    """The prefixed names of ``text`` whose prefix neither ``known`` nor a ``PREFIX`` of the text declares, in order
    (read as pyoxigraph reads the text; strings, IRIs and comments cannot hold one).

    >>> [token.text for token in undeclared_prefixes("PREFIX ex: <http://e/> SELECT * { ex:a foo:b drug:c }", ["drug"])]
    ['foo:b']
    """
    tokens = list(PYOXIGRAPH.tokens(text))
    declared = set(known)
    declared |= {tokens[i + 1].text[:-1] for i, token in enumerate(tokens[:-1])
                 if token.kind == "keyword" and token.text.upper() == "PREFIX" and tokens[i + 1].kind == "pname"}
    return [token for token in tokens if token.kind == "pname" and token.text.partition(":")[0] not in declared]
