"""Write a file (or a folder) through a temporary one beside it, so that a failed write never leaves a partial one."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterator

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


def staging_folder(output: Path, what: str) -> Path:
    """A fresh staging folder beside ``output``, after removing those of writers that no longer run; ``what`` names
    the folder in the one-line error (``the release at …``)."""
    from jakgraph.graph.store.folder import process_alive

    parent = output.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        for stale in parent.glob(f".{output.name}.partial-*"):
            pid = stale.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not process_alive(int(pid)):
                shutil.rmtree(stale, ignore_errors=True)
        staging = parent / f".{output.name}.partial-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
    except OSError as exc:
        raise UserError(f"cannot write {what}: {exc.strerror or exc}") from None
    return staging


@contextmanager
def staged_folder(output: Path, what: str) -> Iterator[Path]:
    """A :func:`staging_folder` for the body to fill and move into place; removed if the body fails, a failure to
    write being one line naming ``what``."""
    staging = staging_folder(output, what)
    try:
        yield staging
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise UserError(f"cannot write {what}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
