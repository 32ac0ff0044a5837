"""Loaders: read the curated tables of ``loaders/curated`` into typed records, and write them as RDF triples.

Public API: :func:`load_curated` (the dataset of the three named graphs as pyoxigraph quads),
:func:`review_graph` (the review data as an rdflib graph), :func:`read_curated` (the checked records) and
:func:`curated_directory` (the shipped folder).
"""
from __future__ import annotations

from .curated import Curated, curated_directory, read_curated
from .dataset import CuratedDataset, load_curated, review_graph

__all__ = ["Curated", "CuratedDataset", "curated_directory", "load_curated", "read_curated", "review_graph"]
