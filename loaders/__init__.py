"""Loaders: turn the curated tables of ``loaders/curated`` into RDF triples."""
from __future__ import annotations

from .catalog import curated_directory, load_curated

__all__ = ["curated_directory", "load_curated"]
