"""The filters of the network view: which drugs, which disease group, which lowest level, approved indications or not.

The command line (``--drug``, ``--group``, ``--min-level``) sets the state the page opens with; the page's
controls change it without re-running the command. The page's script (``static/netexplore.js``) applies the
same rule as :func:`passes`: a line is shown when its drug is chosen, when it lies within the chosen group (its
disorder or the disease of one of its items is the group or a disease under it), when its highest level reaches
the chosen rank (evidence only; approvals have no level) and, for approvals, when approved indications are on.
A node is shown when one of its lines is; a line between two disorders when both are.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping


@dataclass(frozen=True)
class FilterState:
    """Chosen drugs and groups (CURIEs, empty for all), the lowest rank of evidence shown, approvals on or off."""

    drugs: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    min_level: int = 0
    approved: bool = True

    def as_json(self) -> dict[str, Any]:
        return {"drugs": list(self.drugs), "groups": list(self.groups), "minLevel": self.min_level,
                "approved": self.approved}


def within(broader: Mapping[str, list[str]], diseases: Iterable[str]) -> tuple[str, ...]:
    """The diseases given and every disease or group above them, sorted: what a group filter matches a line by.

    >>> within({"disease:a": ["disease:b"], "disease:b": ["disease:g"]}, ["disease:a"])
    ('disease:a', 'disease:b', 'disease:g')
    """
    seen: set[str] = set()
    todo = list(diseases)
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo += broader.get(node, [])
    return tuple(sorted(seen))


def passes(edge: Any, state: FilterState) -> bool:
    """Whether a drug's line (``off_label`` or ``approved``, drawn from ``edge.source``) is shown in ``state``."""
    if state.drugs and edge.source not in state.drugs:
        return False
    if state.groups and not set(state.groups) & set(edge.within):
        return False
    if edge.kind == "approved":
        return state.approved
    return edge.level >= state.min_level
