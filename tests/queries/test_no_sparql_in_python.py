"""SPARQL lives in ``.rq`` and ``.ru`` files: no Python file of the package holds a query or update text."""
from __future__ import annotations

import ast
import re
from pathlib import Path

from conftest import ROOT

PACKAGE_FOLDERS = ("graph", "loaders", "queries", "ontology", "jakgraph")
KNOWN_EXCEPTIONS: tuple[str, ...] = ()

# Query forms need their pattern's brace, update forms their graph or data keyword, so prose does not match.
SPARQL = re.compile(r"""
      (?i:\b(?:SELECT|CONSTRUCT|DESCRIBE)\b.*?\bWHERE\s*\{)
    | (?i:\bASK\s*(?:WHERE\s*)?\{)
    | (?i:\b(?:INSERT|DELETE)\s+(?:DATA|WHERE)\s*\{)
    | (?i:\b(?:DROP|CLEAR|CREATE|LOAD|MOVE|COPY|ADD)\s+(?:SILENT\s+)?(?:GRAPH|INTO\s+GRAPH)\s*[<?{$…])
    | \b(?:DROP|CLEAR|MOVE|COPY|ADD)\s+(?:SILENT\s+)?(?:DEFAULT|NAMED|ALL)\b
    | (?i:\bPREFIX\s+[A-Za-z0-9_.…-]*:\s*<)
""", re.VERBOSE | re.DOTALL)


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the string nodes that are docstrings (of the module, its classes and functions)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def sparql_strings(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    """(line, text) of each string constant, other than a docstring, that holds SPARQL; an f-string counts as one
    string, its replacement fields read as ``…``."""
    tree = ast.parse(source, filename)
    skip = docstrings(tree)
    hits = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value if isinstance(part, ast.Constant) else "…" for part in node.values)
            skip.update(id(part) for part in node.values)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
        else:
            continue
        match = SPARQL.search(text)
        if match:
            hits.append((node.lineno, " ".join(match.group(0).split())[:60]))
    return sorted(hits)


def package_files() -> list[Path]:
    return sorted(path for folder in PACKAGE_FOLDERS for path in (ROOT / folder).rglob("*.py"))


def test_no_python_file_of_the_package_holds_sparql():
    found = []
    for path in package_files():
        name = path.relative_to(ROOT).as_posix()
        if name.startswith(KNOWN_EXCEPTIONS):
            continue
        found += [f"{name}:{line}: {text}" for line, text in sparql_strings(path.read_text(encoding="utf-8"), name)]
    assert found == [], "SPARQL in Python strings; move it to queries/internal/*.rq or *.ru:\n" + "\n".join(found)


def test_the_scan_reads_every_package_folder():
    folders = {path.relative_to(ROOT).parts[0] for path in package_files()}
    assert folders == set(PACKAGE_FOLDERS)


SAMPLE = '''"""Module doc: SELECT ?s WHERE { ?s ?p ?o } is only an example here."""
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LIST = 'SELECT ?s (GROUP_CONCAT(?x; SEPARATOR=",") AS ?xs) WHERE { ?s ?p ?x } GROUP BY ?s'
NODES = """
prefix jak: <https://w3id.org/jakgraph/vocab/>
select ?node
where { ?node a jak:Drug }"""


def push(remote, graph, block):
    """Push: DROP SILENT GRAPH <g> first, as a docstring may say."""
    remote.update(f"DROP SILENT GRAPH <{graph}>")
    remote.update(f"INSERT DATA {{ GRAPH <{graph}> {{ {block} }} }}")
    remote.update("MOVE SILENT GRAPH <a> TO GRAPH <b>")
    remote.update("CLEAR ALL")
    ask = "ASK { ?s ?p ?o }"
    return f"{len(block)} triples; select the graph where {graph} is; add all files; drop the graph, move on"
'''


def test_the_scan_finds_query_texts_and_skips_docstrings_and_prose():
    assert [line for line, _ in sparql_strings(SAMPLE)] == [2, 3, 4, 12, 13, 14, 15, 16]
