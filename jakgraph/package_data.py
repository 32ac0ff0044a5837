"""The package's data files (``.rq``, ``.ttl``, curated tables, static pages), as ``importlib.resources`` finds them.

In the usual install a package is a folder on disk, and its folder is what ``importlib.resources.files`` returns; it
is taken from the package's import spec here, because importing ``importlib.resources`` costs every cold command
about 11 ms (it pulls in ``tempfile``, ``zipfile`` and ``threading``). A package that is not a single folder (a zip
import) goes through ``importlib.resources`` itself.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable


def package_files(package: str) -> "Traversable":
    """What ``importlib.resources.files(package)`` returns: the package's folder, or a resource reader's root.

    >>> package_files("jakgraph.queries").joinpath("table-7.rq").is_file()
    True
    """
    spec = importlib.import_module(package).__spec__
    locations = list(getattr(spec, "submodule_search_locations", None) or ())
    if len(locations) == 1 and Path(locations[0]).is_dir():
        return Path(locations[0])
    from importlib.resources import files

    return files(package)
