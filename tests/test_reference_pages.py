"""The reference pages in docs/ are what the code writes: every command's help and every stored question's header."""
from __future__ import annotations

import pytest

from jakgraph.reference import PAGES, commands_page, queries_page

from conftest import ROOT


@pytest.mark.parametrize("name", list(PAGES))
def test_the_shipped_page_is_what_the_code_writes(name):
    written = {"commands.md": commands_page, "queries.md": queries_page}[name]()
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == written, (
        f"docs/{name} is out of date: run  python -m jakgraph.reference docs")


def test_every_command_and_every_stored_question_has_its_section():
    from jakgraph.cli import COMMANDS
    from jakgraph.queries.catalog import query_names

    commands, queries = commands_page(), queries_page()
    assert all(f"## `jakgraph {name}`" in commands for name in COMMANDS)
    assert all(f"\n## {name}\n" in queries for name in query_names())
