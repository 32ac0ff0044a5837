"""Reader leases: a shared ``flock`` on a build's lease file, held for as long as a reader has the build open.

A writer deletes an old build only after taking the exclusive lock on its lease file, which fails while any
reader holds a shared one; it removes the build, then unlinks the lease file, then lets go. A reader that
got its shared lock on a lease file that has meanwhile been unlinked (``st_nlink == 0``) knows the build is
gone and looks again. The kernel drops the locks of a process when it exits, so a killed reader never pins a
build for ever.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path


class Lease:
    """A shared lock on one lease file; :meth:`release` (or the process's exit) gives it back."""

    def __init__(self, fd: int) -> None:
        self._fd: int | None = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    def __del__(self) -> None:
        self.release()


def take_lease(lease_file: Path) -> Lease | None:
    """A shared lease on ``lease_file``, or None when the file is gone or its build is being removed."""
    try:
        fd = os.open(lease_file, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.fstat(fd).st_nlink == 0:  # unlinked by a writer between our open and our lock
            raise BlockingIOError
    except BlockingIOError:
        os.close(fd)
        return None
    return Lease(fd)


def remove_if_unread(build: Path, lease_file: Path) -> bool:
    """Delete ``build`` and its lease file unless a reader holds the lease; whether it was deleted.

    A build without a lease file (left by a writer killed before it made one) is deleted outright: no reader
    can have reached it, since readers only open builds through their lease.
    """
    try:
        fd = os.open(lease_file, os.O_RDONLY | os.O_CLOEXEC)
    except FileNotFoundError:
        from .folder import remove_tree

        remove_tree(build)
        return True
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        from .folder import remove_tree

        remove_tree(build)
        lease_file.unlink(missing_ok=True)
        return True
    finally:
        os.close(fd)
