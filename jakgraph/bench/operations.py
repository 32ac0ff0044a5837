"""The engine's own operations, timed on raw pyoxigraph beside the stored questions: how much a scan, a hash join,
a row-by-row lookup and a grouping grow from one size to the next on this machine.

A question can scale no better than the operations its plan is made of; these show what the engine and the
machine's caches allow (a store of 10⁶ triples may fit the CPU's last-level cache where one of 5·10⁶ does not).
Each counts its rows inside the engine (``COUNT``), so that reading rows in Python is not timed.
"""
from __future__ import annotations

OPERATIONS: dict[str, tuple[str, str]] = {
    "scan": ("read one property's list in order (every rdfs:label)",
             "SELECT (COUNT(*) AS ?n) WHERE { ?thing rdfs:label ?label }"),
    "hash-join": ("hash-join two property lists (each finding's drug and event)",
                  "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?f ?drug WHERE { ?f jak:drug ?drug } } "
                  "{ SELECT ?f ?event WHERE { ?f jak:event ?event } } }"),
    "lookups": ("look a property up row by row (each evidence item's type, from its design)",
                "SELECT (COUNT(*) AS ?n) WHERE { ?item jak:studyDesign ?design . ?item a jak:EvidenceItem }"),
    "group": ("group one property's list by its value (findings per drug)",
              "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?drug (COUNT(*) AS ?k) WHERE { ?f jak:drug ?drug } "
              "GROUP BY ?drug } }"),
}
