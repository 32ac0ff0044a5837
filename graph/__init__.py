"""The graph room: the store and everything that reads it, one subpackage per job.

* :mod:`jakgraph.graph.store` — the store: its folder, builds and loads, the embedded and remote backends
* :mod:`jakgraph.graph.export` — writers of the graph in other formats, and push to another triple store
* :mod:`jakgraph.graph.network` — the drug–disorder network: its model, analyses and drawings
* :mod:`jakgraph.graph.server` — ``jakgraph serve``, the read-only SPARQL endpoint
"""
