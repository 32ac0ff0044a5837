"""The benchmark behind ``jakgraph bench``: it drives the graph room (load, store) and the queries room alike."""
