"""Start real SPARQL servers on 127.0.0.1 for the tests (Oxigraph server, Virtuoso) and stop them after: the
benchmark's own way (:mod:`jakgraph.bench.servers`), so that both start them alike."""
from jakgraph.bench.servers import Server, free_port, start_oxigraph, start_virtuoso, wait_until_answering

__all__ = ["Server", "free_port", "start_oxigraph", "start_virtuoso", "wait_until_answering"]
