"""A variant of the curated tables in which evidence items share patients, to test that totals count them once.

The shipped data has no two evidence items of one drug or one disorder counting the same patients (its overlaps
that share patients pair an item with a safety analysis or with Table 7 rows). The variant makes two changes:

- the VEXAS study of ref 35 carries the n=4 that Table 3 prints for it on both drugs' items, and its overlap says so
  (``same-patients``, 4): two items of one disorder, of two drugs, counting the same 4 patients;
- a made-up overlap of 1 patient between the two baricitinib granuloma annulare items (refs 53 and 54-55): two items
  of one drug and one disorder.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from jakgraph.loaders import curated_directory, load_curated
from jakgraph.ontology.namespaces import PREFIXES


def set_cells(path: Path, ident: str, **cells: str) -> None:
    """Set cells of the row whose id is ``ident`` in a curated TSV file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for number, line in enumerate(lines):
        row = line.split("\t")
        if row[0] == ident:
            for name, value in cells.items():
                row[header.index(name)] = value
            lines[number] = "\t".join(row)
            break
    else:
        raise AssertionError(f"no row {ident} in {path.name}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class MemoryStore:
    """The dataset in an in-memory pyoxigraph store, queried as the embedded store queries (union of the graphs)."""

    def __init__(self, quads: list[Any]) -> None:
        from pyoxigraph import Store

        self.store = Store()
        self.store.extend(quads)

    def query(self, sparql: str) -> Any:
        return self.store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)


def variant_store(folder: Path) -> MemoryStore:
    """The variant's curated tables written to ``folder``, loaded into a :class:`MemoryStore`."""
    curated = folder / "curated"
    shutil.copytree(curated_directory(), curated)
    set_cells(curated / "evidence_items.tsv", "upadacitinib--vexas-syndrome--35", n_patients="4")
    set_cells(curated / "patient_overlaps.tsv", "ov-vexas-study", kind="same-patients", shared_patients="4")
    with (curated / "patient_overlaps.tsv").open("a", encoding="utf-8") as table:
        table.write("\t".join(["ov-made-up-granuloma-annulare", "same-patients",
                               "baricitinib--granuloma-annulare--53;baricitinib--granuloma-annulare--54-55", "", "",
                               "1", "", "inferred", "53-55", "T3/Granuloma annulare", "made up for a test"]) + "\n")
    return MemoryStore(load_curated(curated).quads)
