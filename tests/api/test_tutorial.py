"""``docs/python.md`` runs as written: its examples are doctests against the graph built for the session."""
from __future__ import annotations

import doctest

from conftest import ROOT


def test_the_python_tutorial_runs(store_path, monkeypatch):
    monkeypatch.setenv("JAKGRAPH_STORE", str(store_path))  # the page's jakgraph.open() opens the session's graph
    failed, tried = doctest.testfile(str(ROOT / "docs" / "python.md"), module_relative=False,
                                     optionflags=doctest.ELLIPSIS, verbose=False, report=True)
    assert tried > 20 and failed == 0
