"""Places a SERVICE call to ``url`` can hide in a query, and queries that only mention the word, for the guard tests.

``hiding_places(url)`` are (name, query) pairs that must never reach ``url``; ``listener()`` is a tiny HTTP server
on 127.0.0.1 that counts the requests it gets, to prove that none did.
"""
from __future__ import annotations

import socket
import threading
from typing import Iterator

EMPTY_RESULTS = b'{"head":{"vars":[]},"results":{"bindings":[]}}'


def hiding_places(url: str) -> list[tuple[str, str]]:
    """Queries that call ``url`` with SERVICE (or would federate or load it), each hidden a different way."""
    base = url.rsplit("/", 1)[0] + "/"
    call = f"SERVICE <{url}> {{ ?a ?b ?c }}"
    return [
        ("plain", f"SELECT * WHERE {{ {call} }}"),
        ("lower case", f"select * where {{ service <{url}> {{ ?a ?b ?c }} }}"),
        ("mixed case", f"SeLeCt * WhErE {{ sErViCe <{url}> {{ ?a ?b ?c }} }}"),
        ("SERVICE SILENT", f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?a ?b ?c }} }}"),
        ("variable as endpoint", f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {{ ?a ?b ?c }} }}"),
        ("$variable as endpoint", f"SELECT * WHERE {{ BIND(<{url}> AS $e) SERVICE $e {{ ?a ?b ?c }} }}"),
        ("prefixed name as endpoint", f"PREFIX ep: <{base}> SELECT * WHERE {{ SERVICE ep:{url.rsplit('/', 1)[1]} {{ ?a ?b ?c }} }}"),
        ("relative IRI against BASE", f"BASE <{base}> SELECT * WHERE {{ SERVICE <{url.rsplit('/', 1)[1]}> {{ ?a ?b ?c }} }}"),
        ("\\# in a prefixed name", f"SELECT * WHERE {{ BIND(drug:x\\# AS ?z) {call} }}"),
        ("\\' in a prefixed name", f"SELECT * WHERE {{ BIND(drug:x\\' AS ?z) {call} }}"),
        ("%23 and \\~ in prefixed names", f"SELECT * WHERE {{ BIND(drug:x%23 AS ?z) BIND(drug:y\\~ AS ?y) {call} }}"),
        ("# inside a string", f"SELECT * WHERE {{ BIND(\"not # a comment\" AS ?z) {call} }}"),
        ("escaped quote and # in a string", f"SELECT * WHERE {{ BIND(\"a\\\"# b\" AS ?z) {call} }}"),
        ("long string with quotes and #", f"SELECT * WHERE {{ BIND(\"\"\"a \"\" # b\"\"\" AS ?z) {call} }}"),
        ("long single-quoted string", f"SELECT * WHERE {{ BIND('''it''s # here''' AS ?z) {call} }}"),
        ("# inside an IRI", f"SELECT * WHERE {{ BIND(<http://example.org/#frag> AS ?z) {call} }}"),
        ("comment with quotes before", f"# a comment with \"quotes and 'more\nSELECT * WHERE {{ {call} }} # \"\n"),
        ("comment between SERVICE and IRI", f"SELECT * WHERE {{ SERVICE # where?\n <{url}> {{ ?a ?b ?c }} }}"),
        ("tabs and newlines", f"SELECT * WHERE {{\n\tSERVICE\t\n<{url}>\n{{ ?a ?b ?c }} }}"),
        ("\\u escape of the first letter", f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?a ?b ?c }} }}"),
        ("\\u escape of the last letter", f"SELECT * WHERE {{ SERVIC\\u0045 <{url}> {{ ?a ?b ?c }} }}"),
        ("\\U escape of a letter", f"SELECT * WHERE {{ SER\\U00000056ICE <{url}> {{ ?a ?b ?c }} }}"),
        ("\\u escape inside the IRI", f"SELECT * WHERE {{ SERVICE <{url[:-1]}\\u{ord(url[-1]):04x}> {{ ?a ?b ?c }} }}"),
        ("\\u000A ends a comment early", f"SELECT * WHERE {{ ?x ?y ?z # \\u000A \\u0022\\u0022\\u0022\n{call}\n# \"\"\"\n}}"),
        ("\\u0022 opens a string early", f"SELECT * WHERE {{ BIND(\"a\\u0022 AS ?z) {call} BIND(\" AS ?y) }}"),
        ("nested subquery", f"SELECT * WHERE {{ {{ SELECT * WHERE {{ {{ SELECT ?a WHERE {{ {call} }} }} }} }} }}"),
        ("FILTER EXISTS", f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ {call} }} }} LIMIT 1"),
        ("FILTER NOT EXISTS", f"SELECT * WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ {call} }} }} LIMIT 1"),
        ("EXISTS in BIND", f"SELECT * WHERE {{ BIND(EXISTS {{ {call} }} AS ?b) }}"),
        ("MINUS", f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ {call} }} }} LIMIT 1"),
        ("OPTIONAL", f"SELECT * WHERE {{ OPTIONAL {{ {call} }} }}"),
        ("GRAPH", f"SELECT * WHERE {{ GRAPH ?g {{ {call} }} }}"),
        ("UNION", f"SELECT * WHERE {{ {{ ?s a jak:Drug }} UNION {{ {call} }} }}"),
        ("ASK", f"ASK {{ {call} }}"),
        ("CONSTRUCT", f"CONSTRUCT {{ ?a ?b ?c }} WHERE {{ {call} }}"),
        ("DESCRIBE", f"DESCRIBE ?a WHERE {{ {call} }}"),
        ("no spaces", f"SELECT*WHERE{{SERVICE<{url}>{{?a ?b ?c}}}}"),
        ("glued SILENT", f"SELECT * WHERE {{ SERVICESILENT<{url}> {{ ?a ?b ?c }} }}"),
        ("glued prefixed name", f"PREFIX x: <{base}> SELECT * WHERE {{ SERVICEx:{url.rsplit('/', 1)[1]} {{ ?a ?b ?c }} }}"),
        ("service: read as SERVICE :", f"PREFIX : <{base}> SELECT * WHERE {{ service:{url.rsplit('/', 1)[1]} {{ ?a ?b ?c }} }}"),
        ("glued to a literal", f"SELECT * WHERE {{ ?s ?p trueSERVICE <{url}> {{ ?a ?b ?c }} }}"),
        ("after a prologue", f"PREFIX ex: <http://example.org/> # c\nBASE <http://example.org/>\nSELECT * WHERE {{ {call} }}"),
        ("update with SERVICE", f"INSERT {{ ?a ?b ?c }} WHERE {{ {call} }}"),
        ("LOAD", f"LOAD <{url}>"),
        ("WITH … DELETE", f"WITH <{url}> DELETE {{ ?a ?b ?c }} WHERE {{ {call} }}"),
    ]


def mentions() -> list[tuple[str, str]]:
    """Queries that name 'service' only in a string, an IRI, a prefixed name's local part, a variable or a comment."""
    return [
        ("string", 'SELECT ("SERVICE" AS ?word) WHERE {}'),
        ("long string", "SELECT ('''a service''' AS ?word) WHERE {}"),
        ("IRI", "SELECT ?x WHERE { BIND(<http://example.org/SERVICE> AS ?x) }"),
        ("prefixed name", "SELECT ?x WHERE { BIND(drug:service AS ?x) }"),
        ("prefixed name with service inside", "SELECT ?x WHERE { BIND(jak:serviceProvider AS ?x) }"),
        ("variable", "SELECT ?service WHERE { BIND(1 AS ?service) }"),
        ("$variable", "SELECT $SERVICE WHERE { BIND(1 AS $SERVICE) }"),
        ("comment", "SELECT ?x WHERE { BIND(1 AS ?x) } # SERVICE <http://127.0.0.1:9/> { ?a ?b ?c }"),
        ("language tag", 'SELECT ?x WHERE { BIND("x"@en AS ?x) }'),
    ]


class Listener:
    """A tiny HTTP server on 127.0.0.1 that answers every request with empty results and counts them."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.requests: list[bytes] = []
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.socket.accept()
            except OSError:
                return
            with client:
                client.settimeout(5)
                try:
                    self.requests.append(client.recv(65536).split(b"\r\n")[0])
                    client.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                   b"Connection: close\r\nContent-Length: %d\r\n\r\n%s"
                                   % (len(EMPTY_RESULTS), EMPTY_RESULTS))
                except OSError:
                    pass

    def close(self) -> None:
        try:
            self.socket.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread
        except OSError:
            pass
        self.socket.close()


def listener() -> Iterator[Listener]:
    """A fixture body: the listener, closed after."""
    running = Listener()
    yield running
    running.close()
