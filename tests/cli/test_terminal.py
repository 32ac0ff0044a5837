"""On a terminal, tables fit its width and progress bars move (drawn by rich); elsewhere rich is not even imported."""
from __future__ import annotations

import io
import os
import pty
import re
import subprocess
import sys

import pytest

from conftest import ROOT
from jakgraph.cli.terminal import draw_table, fitted_widths, progress_bar
from jakgraph.queries.presentation import TableText

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


class Screen(io.StringIO):
    """A terminal that keeps what is written to it."""

    def isatty(self) -> bool:
        return True


def rich_console(width: int):
    from rich.console import Console

    screen = io.StringIO()
    return screen, Console(file=screen, width=width, force_terminal=True, color_system=None, markup=False,
                           emoji=False, highlight=False)


def in_terminal(*args: str, columns: int) -> list[str]:
    """The lines ``python -m jakgraph ARGS`` writes to a pseudo-terminal ``columns`` wide."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "jakgraph", *args], stdin=subprocess.DEVNULL, stdout=follower,
                               stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "COLUMNS": str(columns)})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=60) == 0, process.stderr.read()
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n").split("\n")[:-1]


def test_source_conflicts_fit_in_100_columns_of_a_terminal(store_path):
    lines = in_terminal("query", "source-conflicts", "--store", str(store_path), columns=100)
    assert max(len(line) for line in lines) == 100 and not any(ANSI.search(line) for line in lines)
    assert lines[0].split() == ["conflict", "kind", "drug", "disease", "about", "reading", "stated", "source", "refs",
                                "explanation"]  # every title whole
    assert lines[2].startswith("conflict:  c:confli                 baricitin        1  one case   T3/Psoria  18, 70")
    assert lines[-1] == "(104 rows)"


def test_a_table_that_fits_is_drawn_whole_with_numbers_right_aligned():
    screen, console = rich_console(60)
    draw_table(TableText(["drug", "patients"], [["baricitinib", "428"], ["abrocitinib", "2"]], [False, True]),
                console)
    assert screen.getvalue().splitlines() == ["drug         patients", "------------ --------",
                                              "baricitinib       428", "abrocitinib         2", "(2 rows)"]


def test_a_wide_table_wraps_its_cells_and_rules_its_rows():
    screen, console = rich_console(30)
    draw_table(TableText(["n", "disorder", "drugs"], [["7", "alopecia-areata", "abrocitinib, ruxolitinib"],
                                                       ["1", "VEXAS", "baricitinib"]], [True, False, False]), console)
    assert [line.rstrip() for line in screen.getvalue().splitlines()] == [
        "n  disorder      drugs", "-- ------------- -------------",
        "7  alopecia-are  abrocitinib,", "   ata           ruxolitinib",
        "", "1  VEXAS         baricitinib", "(2 rows)"]
    assert max(len(line) for line in screen.getvalue().splitlines()) == 30


@pytest.mark.parametrize(("natural", "least", "room", "widths"), [
    ([10, 40, 4], [4, 5, 4], 60, [10, 40, 4]),    # fits: as it is
    ([30, 40, 4], [8, 5, 4], 30, [13, 13, 4]),    # the widest cut to one width, the narrow one whole
    ([30, 40, 4], [20, 5, 4], 30, [20, 6, 4]),    # a title's word keeps its column wide enough
    ([30, 40], [20, 20], 10, [5, 5]),             # nothing fits: titles fold too
])
def test_fitted_widths(natural, least, room, widths):
    assert fitted_widths(natural, least, room) == widths
    assert sum(widths) <= max(room, len(widths))


def test_an_answer_without_rows_says_so_in_words(store_path, monkeypatch):
    from jakgraph.cli import main

    screen = Screen()
    monkeypatch.setattr(sys, "stdout", screen)
    assert main(["query", "selective-drugs-with-design-in-group", "-p", "design=case report",
                 "--store", str(store_path)]) == 0
    assert screen.getvalue() == ("No answer: the graph holds nothing for selective-drugs-with-design-in-group with "
                                 "selectivity=selectivity:jak1-selective (default), design=case report, "
                                 "group=disease:autoinflammatory-disorders (default).\n")


def test_wide_prints_the_plain_table_on_a_terminal_too(store_path, monkeypatch, cli):
    from jakgraph.cli import main

    screen = Screen()
    monkeypatch.setattr(sys, "stdout", screen)
    assert main(["query", "source-conflicts", "--wide", "--store", str(store_path)]) == 0
    assert screen.getvalue() == cli("query", "source-conflicts", "--store", str(store_path)).stdout
    assert max(len(line) for line in screen.getvalue().splitlines()) > 700


@pytest.mark.parametrize(("what", "unit", "calls", "last"), [
    ("loading", "bytes", [(500_000, 2_000_000, "reading"), (2_000_000, 2_000_000, "compacting")],
     r"loading -+ 100% 2\.0/2\.0 MB .* compacting"),
    ("pushing", "triples", [(2000, 14744), (14744, 14744)], r"pushing -+ 100% 14744/14744 triples 0:00:00"),
])
def test_progress_bars_on_a_terminal(monkeypatch, what, unit, calls, last):
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    screen = Screen()
    with progress_bar(what, unit, stream=screen) as advance:
        for call in calls:
            advance(*call)
    final = ANSI.sub("", screen.getvalue()).replace("━", "-").split("\r")[-1].strip()
    assert re.fullmatch(last, final), final


def test_no_progress_bar_off_a_terminal():
    stream = io.StringIO()
    with progress_bar("loading", "bytes", stream=stream) as advance:
        advance(1, 2, "reading")
    assert stream.getvalue() == ""


def test_rich_is_imported_only_for_a_terminal(store_path):
    code = ("import sys; from jakgraph.cli import main; main(['query', 'external-identifiers', '--store', %r]);"
            "print('rich' in sys.modules, sorted(m for m in ('networkx', 'pyshacl', 'matplotlib', 'rdflib') "
            "if m in sys.modules))") % str(store_path)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.splitlines()[-1] == "False []", done.stderr
