"""Exports: one writer per output format (RDF, KGX, network files), and push to a remote triple store."""
