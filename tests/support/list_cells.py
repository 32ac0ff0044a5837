"""List cells of stored answers, compared as sorted lists: GROUP_CONCAT joins its values in an order SPARQL 1.1
leaves open, so two engines, or a page and the whole answer, may name them in different orders."""
from __future__ import annotations

LIST_COLUMNS = {"refs": ",", "drugs": ", ", "drug_names": ", ", "about": "; ", "source": "; ", "causes": ", ",
                "measures": ", ", "significance_measures": ", ", "records": ", ", "disorders": ", "}
"""Each list column of the stored questions, with its separator."""


def sorted_cell(column: str, text: str) -> str:
    """``text`` with its items in sorted order when ``column`` is a list column, else as it is.

    >>> sorted_cell("refs", "79,78"), sorted_cell("drug_label", "b,a")
    ('78,79', 'b,a')
    """
    separator = LIST_COLUMNS.get(column)
    return separator.join(sorted(text.split(separator))) if separator else text


def answer_cell(column: str, term) -> str:
    """A term of one engine's answer as that engine writes it; a list cell's items (in a quoted literal) sorted."""
    text = "" if term is None else str(term)
    return sorted_cell(column, text.strip('"')) if column in LIST_COLUMNS else text
