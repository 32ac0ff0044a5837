"""Write a file through a temporary one beside it, so that a failed write never leaves a partial file."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from jakgraph.errors import UserError


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary path next to ``path``, then move it into place; one-line error on failure."""
    temporary = path.with_name(f".{path.name}.partial{path.suffix}")
    try:
        write(temporary)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
