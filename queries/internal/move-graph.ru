#+ summary: Replace a named graph of a remote store with the complete upload graph in one step, which removes the upload graph (graph/export/push.py); not SILENT, so a missing upload graph fails instead of emptying the target.
MOVE GRAPH ?_upload_iri TO GRAPH ?_graph_iri
