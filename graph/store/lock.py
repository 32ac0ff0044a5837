"""The writer lock of a store folder: an exclusive ``flock`` on one file, which also says who holds it.

The kernel drops a ``flock`` when its holder exits, however it exits (SIGKILL included), so a lock is never
left behind by a dead process. The holder writes one JSON line into the file (its process id, command and
start time) so that a second writer can say who is in the way.
"""
# annotations evaluated as written (no `from __future__ import annotations`): typing.NamedTuple compiles each
# field given as a string on its own, about 0.15 ms a field at every start

import fcntl
import os
import time
from pathlib import Path
from typing import NamedTuple

POLL_SECONDS = 0.05


class Holder(NamedTuple):
    """Who holds a lock, as its holder wrote it: process id, command and the time it took the lock."""

    pid: int | None
    command: str
    since: float | None

    def describe(self) -> str:
        """``process 4242 (jakgraph load, since 14:03:07)``, or what is known of it."""
        if self.pid is None:
            return "another process (just starting)"
        details = [f"jakgraph {self.command}"] if self.command else []
        if self.since is not None:
            details.append("since " + time.strftime("%H:%M:%S", time.localtime(self.since)))
        return f"process {self.pid}" + (f" ({', '.join(details)})" if details else "")


class LockBusy(Exception):
    """The lock is held by another process; ``holder`` says which, as far as it wrote."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(holder.describe())
        self.holder = holder


class WriterLock:
    """An exclusive lock on ``path``, taken by :meth:`acquire` and given back by :meth:`release` or by exiting."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, command: str, wait: float = 0.0) -> None:
        """Take the lock, waiting up to ``wait`` seconds for another holder; raise LockBusy if it stays taken."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        deadline = time.monotonic() + max(wait, 0.0)
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LockBusy(read_holder(self.path)) from None
                    time.sleep(POLL_SECONDS)
            import json

            record = json.dumps({"pid": os.getpid(), "command": command, "since": time.time()})
            os.ftruncate(fd, 0)
            os.pwrite(fd, (record + "\n").encode("utf-8"), 0)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        """Clear the holder record and give the lock back."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
        finally:
            os.close(fd)  # closing the last descriptor drops the flock


def read_holder(path: Path) -> Holder:
    """What the holder of the lock at ``path`` wrote about itself (nothing yet if it has only just taken it)."""
    try:
        import json

        record = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        record = {}
    pid = record.get("pid")
    since = record.get("since")
    return Holder(pid if isinstance(pid, int) else None, str(record.get("command") or ""),
                  float(since) if isinstance(since, (int, float)) else None)
