"""``jakgraph serve``: a read-only SPARQL 1.1 endpoint over the embedded store, with a page for every IRI."""
