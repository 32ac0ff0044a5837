"""Stored SPARQL questions (``*.rq``) and the code that runs them and formats their answers."""
