"""push checks its target graph before it sends anything (the round trip to real servers is in test_remote_engines)."""
from __future__ import annotations

import pytest

from conftest import run_cli
from servers import free_port


@pytest.mark.parametrize("graph", ["x> } ; DROP ALL ; #", "not an IRI", "https://example.org/a b"])
def test_a_graph_that_is_not_an_iri_is_refused_in_one_line_before_any_request(store_path, graph):
    url = f"http://127.0.0.1:{free_port()}/sparql"  # nothing listens: a request would fail with 'cannot reach'
    result = run_cli("push", "--endpoint", url, "--graph", graph, "--store", str(store_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"jakgraph push: the graph {graph!r} is not an IRI: ")
    assert "cannot reach" not in result.stderr
