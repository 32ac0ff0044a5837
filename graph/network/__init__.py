"""The drug–disorder network: a networkx model of the store, its analyses, and the views that draw it."""
