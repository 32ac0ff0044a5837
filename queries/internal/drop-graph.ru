#+ summary: Remove a named graph, if there is one, from a remote store: push clears its upload graph before the upload and after a failure (graph/export/push.py).
DROP SILENT GRAPH ?_graph_iri
