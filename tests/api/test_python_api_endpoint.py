"""The Python API on a SPARQL endpoint (Oxigraph server) answers as on the embedded store."""
from __future__ import annotations

import pytest

import jakgraph
from jakgraph.errors import UserError
from jakgraph.graph.export.push import DEFAULT_GRAPH

from conftest import run_cli
from servers import free_port, start_oxigraph
from test_python_api import HEADLINE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, store_path):
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph-api"))
    try:
        pushed = run_cli("push", "--endpoint", server.query_url, "--update-endpoint", server.update_url,
                         "--store", str(store_path))
        assert pushed.returncode == 0, pushed.stderr
        yield server.query_url
    finally:
        server.stop()


def test_an_endpoint_answers_as_the_embedded_store(endpoint, store_path):
    with jakgraph.open(endpoint, graph=DEFAULT_GRAPH, timeout=120) as remote, jakgraph.open(store_path) as local:
        assert remote.ask("selective-drugs-with-design-in-group") == HEADLINE
        assert remote.ask("evidence-for-drug", drug="upadacitinib") == local.ask("evidence-for-drug", drug="upadacitinib")
        assert sorted(remote.network().edges(data=True)) == sorted(local.network().edges(data=True))


def test_an_endpoint_that_does_not_answer_is_refused_at_open():
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(UserError, match=f"cannot reach {url}"):
        jakgraph.open(url, timeout=5)
