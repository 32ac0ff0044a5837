"""Fixtures the loader tests share: the curated tables as records, and the review's tables as printed."""
from __future__ import annotations

import pytest

from jakgraph.loaders import Curated, read_curated
from review_tables import TableRow, tables


@pytest.fixture(scope="module")
def curated() -> Curated:
    return read_curated()


@pytest.fixture(scope="module")
def review_tables(review_lines) -> dict[int, list[TableRow]]:
    return tables(review_lines)
