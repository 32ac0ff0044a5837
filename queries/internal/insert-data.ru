#+ summary: Add one chunk of N-Triples lines to a named graph of a remote store: push fills its upload graph this way (graph/export/push.py).
INSERT DATA {
  GRAPH ?_graph_iri {
?_triples
  }
}
