"""What the commands print: tables that fit the terminal and progress bars, drawn by ``rich`` on a terminal only.

On a terminal a table is drawn by ``rich`` to the terminal's width (``$COLUMNS`` if set): long cells wrap at
spaces, words longer than their column fold onto the next line, numbers are right-aligned, and a blank line
separates rows when some of them take several lines. No colours or box-drawing characters: a line is as long as it
looks, and reads the same in any terminal. When standard output is a file or a pipe, the table is the plain text
of :func:`jakgraph.queries.results.table`, whole, one line per row (what scripts and tests read), and ``rich`` is
not imported: a cold ``jakgraph query`` into a pipe costs no more than before it.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from jakgraph.queries.presentation import TableText, View

COLUMN_GAP = 2  # between two columns: the cell's right padding and the box's blank divider


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (a closed or replaced stream is not)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def console(stream: TextIO | None = None) -> "Console":
    """A rich console on ``stream`` (standard output by default) that prints text as given: no markup, emoji
    codes or highlighting of numbers."""
    from rich.console import Console

    return Console(file=stream or sys.stdout, markup=False, emoji=False, highlight=False)


def fitted_widths(natural: list[int], least: list[int], room: int) -> list[int]:
    """Column widths (without the gaps) that fit in ``room``: the natural widths if they fit; else the widest
    columns cut down to one common width, never below a column's ``least`` width while those still fit.

    >>> fitted_widths([10, 40, 4], [4, 5, 4], 60), fitted_widths([30, 40, 4], [8, 5, 4], 30)
    ([10, 40, 4], [13, 13, 4])
    """
    if sum(natural) <= room:
        return natural
    least = [min(low, high) for low, high in zip(least, natural)]
    if sum(least) > room:  # even the titles' words cannot all fit: let them fold too
        least = [1] * len(natural)
    fits = lambda cap: sum(max(low, min(high, cap)) for low, high in zip(least, natural)) <= room
    low_cap, high_cap = 1, max(natural)
    while low_cap < high_cap:  # the widest common cap that fits
        middle = (low_cap + high_cap + 1) // 2
        low_cap, high_cap = (middle, high_cap) if fits(middle) else (low_cap, middle - 1)
    widths = [max(low, min(high, low_cap)) for low, high in zip(least, natural)]
    for index in sorted(range(len(widths)), key=lambda i: -natural[i]):  # what is left, to the widest columns
        if sum(widths) < room and widths[index] < natural[index]:
            widths[index] += 1
    return widths


def draw_table(text: "TableText", out: "Console | None" = None) -> None:
    """``text`` as a rich table that fits the console's width, with its row count under it."""
    from rich.box import Box
    from rich.table import Table
    from rich.text import Text

    from jakgraph.queries.presentation import plural

    out = out or console()
    natural = [max([len(title)] + [len(row[i]) for row in text.rows]) for i, title in enumerate(text.header)]
    least = [max(len(word) for word in title.split() or [""]) for title in text.header]  # titles keep whole words
    room = max(len(natural), out.width - COLUMN_GAP * (len(natural) - 1))
    widths = fitted_widths(natural, least, room)
    # a rule of hyphens under the titles, as in the plain table, and no styles: a line is as long as it looks
    rule_under_header = Box("    \n    \n -  \n    \n    \n    \n    \n    \n", ascii=True)
    table = Table(box=rule_under_header, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0),
                  show_lines=widths != natural, header_style="")
    for title, numeric, width in zip(text.header, text.numeric, widths):
        table.add_column(title, justify="right" if numeric else "left", overflow="fold", width=width)
    for row in text.rows:
        table.add_row(*(Text(cell) for cell in row))
    out.print(table)
    out.print(Text(f"({plural(len(text.rows), 'row')})"))


def print_results(results: Any, fmt: str, view: "View | None" = None, wide: bool = False,
                  nothing: str | None = None) -> None:
    """Write a query's results in ``fmt``: a fitted rich table on a terminal (unless ``wide``), else
    :func:`~jakgraph.queries.results.render`'s text. ``nothing`` is what a terminal shows for an answer without
    rows, in words."""
    from jakgraph.queries.results import render

    if fmt != "table" or wide or not is_terminal(sys.stdout) or not hasattr(results, "variables"):
        sys.stdout.write(render(results, fmt, view))
        return
    from jakgraph.queries.presentation import View, table_text
    from jakgraph.queries.results import rows_of

    text = table_text(*rows_of(results), view or View())
    if not text.rows and nothing:
        print(nothing)
        return
    draw_table(text)


def print_table(header: list[str], rows: list[list[str]], numeric: list[bool] | None = None, end: str = "\n") -> None:
    """A table of ready-made cells (``queries``, ``stats``, ``network``): fitted by rich on a terminal, plain text
    otherwise; ``end`` follows it."""
    from jakgraph.queries.presentation import TableText
    from jakgraph.queries.results import table

    numeric = numeric or [False] * len(header)
    if is_terminal(sys.stdout):
        draw_table(TableText(header, rows, numeric))
        if end:
            print(end, end="")
        return
    print(table(header, rows, numeric), end=end)


@contextmanager
def progress_bar(what: str, unit: str, stream: TextIO | None = None,
                 silent: bool = False) -> Iterator[Callable[..., None]]:
    """A rich progress bar on ``stream`` (standard error by default) while the block runs; nothing when the
    stream is not a terminal or ``silent``. Yields ``advance(done, total, step="")`` for the work's callbacks.

    ``unit`` is ``bytes`` (sizes and a transfer rate) or a noun counted (``triples``).
    """
    stream = stream or sys.stderr
    if silent or not is_terminal(stream):
        yield lambda done, total, step="": None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, DownloadColumn, MofNCompleteColumn, Progress, TaskProgressColumn,
                               TextColumn, TimeElapsedColumn, TransferSpeedColumn)

    counted = [DownloadColumn(), TransferSpeedColumn()] if unit == "bytes" else [MofNCompleteColumn(),
                                                                                 TextColumn(unit)]
    columns = [TextColumn(what), BarColumn(), TaskProgressColumn(), *counted, TimeElapsedColumn(),
               TextColumn("{task.fields[step]}")]
    with Progress(*columns, console=Console(file=stream), transient=False) as progress:
        task = progress.add_task(what, total=None, step="")

        def advance(done: int, total: int, step: str = "") -> None:
            progress.update(task, completed=done, total=total, step=step)

        yield advance
