"""The store folder and its one owner, :class:`StoreFolder`: the only module that knows the folder's layout.

Layout::

    STORE/
      lock                      writers' lock; its holder writes who it is (see lock.py)
      current -> builds/NAME    the build readers open: always a complete one
      builds/NAME/              a committed build (an Oxigraph database)
      builds/NAME.lease         its reader lease file (see lease.py)
      builds/NAME.partial/      a build being written; NAME ends in the writer's process id

Rules:

* **One writer at a time.** ``build``, ``load`` and anything else that changes the store take the lock
  (:meth:`StoreFolder.writer`); a second writer waits up to ``wait`` seconds or stops at once with one line
  naming the process that holds the store and since when.
* **All or nothing.** A writer fills a ``.partial`` folder; committing renames it, makes its lease file, and
  then swaps ``current`` to it in one atomic rename. Until that rename, readers see the previous build; a
  writer that fails, is interrupted or is killed at any moment leaves the previous store as it was.
* **Clean-up removes only what is provably dead**, and only while holding the lock: the writer's own staging
  folder when it fails; ``.partial`` folders of other process ids that no longer run (writers killed
  midway); committed builds that ``current`` no longer names and that no reader holds a lease on. A build a
  reader has open survives until a later writer finds it unread.
* **Readers never see a deleted build.** A reader resolves ``current``, takes a shared lease on that build,
  checks the lease is still live, and only then opens it; if a writer swapped and removed the build in
  between, it resolves again (:meth:`StoreFolder.open_current`).
"""
from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from jakgraph.errors import UserError, first_line

from .lease import Lease, remove_if_unread, take_lease
from .location import resolve_location
from .lock import LockBusy, WriterLock

if TYPE_CHECKING:
    from pyoxigraph import Store as OxigraphStore

CURRENT = "current"
BUILDS = "builds"
LOCK = "lock"
PARTIAL = ".partial"
LEASE = ".lease"
OPEN_ATTEMPTS = 200


def remove_tree(path: Path) -> None:
    """Delete a folder and what it holds, whatever fails (``shutil`` is imported here: readers never need it)."""
    import shutil

    shutil.rmtree(path, ignore_errors=True)


class OpenBuild:
    """A committed build opened read-only, with the lease that keeps writers from removing it.

    (Plain classes here, not dataclasses: ``dataclasses`` costs a cold ``jakgraph query`` about 10 ms to import.)"""

    def __init__(self, name: str, store: "OxigraphStore", lease: Lease | None) -> None:
        self.name, self.store, self.lease = name, store, lease

    def __repr__(self) -> str:
        return f"OpenBuild({self.name!r})"

    def close(self) -> None:
        """Drop the database handle, then the lease."""
        self.store = None  # type: ignore[assignment]
        if self.lease is not None:
            self.lease.release()


class Staging:
    """A writer's new build in the making: an empty or copied Oxigraph database in a ``.partial`` folder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._store: "OxigraphStore | None" = None

    def __repr__(self) -> str:
        return f"Staging({str(self.path)!r})"

    @property
    def name(self) -> str:
        """The name the build will have once committed."""
        return self.path.name.removesuffix(PARTIAL)

    @property
    def store(self) -> "OxigraphStore":
        """The writable database of this build, opened on first use (empty unless :meth:`copy_of` filled it)."""
        if self._store is None:
            from pyoxigraph import Store

            self._store = Store(str(self.path))
        return self._store

    def close(self) -> None:
        """Flush and close the database, so that its folder can be renamed."""
        if self._store is not None:
            self._store.flush()
            self._store = None

    def discard(self) -> None:
        """Close the database without flushing and delete the folder: the build is abandoned."""
        self._store = None
        remove_tree(self.path)


class StoreFolder:
    """The store at one folder: resolves it, opens its current build, and lets one writer at a time change it.

    >>> folder = StoreFolder.at("/tmp/jakgraph-store")          # doctest: +SKIP
    >>> with folder.writer("load") as staging:                   # doctest: +SKIP
    ...     folder.copy_current_into(staging)
    ...     staging.store.bulk_load(path="more.nt", format=RdfFormat.N_TRIPLES)
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def at(cls, location: str | os.PathLike[str] | None = None) -> "StoreFolder":
        """The folder named by ``location``, else ``$JAKGRAPH_STORE``, else the user's data folder."""
        if isinstance(location, str) and location.startswith(("http://", "https://")):
            from .protocol import Unsupported

            raise Unsupported(f"--store {location}: this command needs an embedded store folder, not a remote SPARQL"
                            " endpoint (to publish the graph to an endpoint, use 'jakgraph push')")
        return cls(resolve_location(location))

    def __repr__(self) -> str:
        return f"StoreFolder({str(self.path)!r})"

    @property
    def _builds(self) -> Path:
        return self.path / BUILDS

    @property
    def _current(self) -> Path:
        return self.path / CURRENT

    # --- reading -------------------------------------------------------------------------------------------
    def current_name(self) -> str | None:
        """Name of the build ``current`` points to, or None before the first build."""
        try:
            return Path(os.readlink(self._current)).name
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            raise UserError(f"the store at {self.path} cannot be read: {exc.strerror or exc}") from None

    def require_current(self) -> str:
        """Name of the current build, or a UserError saying to build first."""
        name = self.current_name()
        if name is None:
            raise UserError(f"no graph has been built at {self.path}: run 'jakgraph build' first"
                            " (or pass --store / set JAKGRAPH_STORE to where it was built)")
        return name

    def open_current(self) -> OpenBuild:
        """Open the current build read-only under a lease; a writer's swap in between makes it look again."""
        from pyoxigraph import Store

        for _ in range(OPEN_ATTEMPTS):
            name = self.require_current()
            build = self._builds / name
            lease = take_lease(self._builds / (name + LEASE))
            if lease is None:
                if self.current_name() == name and build.is_dir() and not (self._builds / (name + LEASE)).exists():
                    lease_free = True  # a build made before leases existed: nothing will remove it while current
                else:
                    time.sleep(0.005)  # swapped and being removed: look again
                    continue
            else:
                lease_free = False
                if not build.is_dir():
                    lease.release()
                    continue
            try:
                store = Store.read_only(str(build))
            except OSError as exc:
                if lease is not None:
                    lease.release()
                raise UserError(f"the store at {self.path} cannot be opened: {first_line(str(exc))}") from None
            return OpenBuild(name, store, None if lease_free else lease)
        raise UserError(f"the store at {self.path} kept changing while it was being opened; try again")

    # --- writing -------------------------------------------------------------------------------------------
    @contextmanager
    def writer(self, command: str, wait: float = 0.0) -> Iterator[Staging]:
        """Hold the lock, give a fresh staging build, and commit it when the block ends without an exception.

        On any exception (KeyboardInterrupt included) the staging folder is removed and the store is as it
        was; a block that never opened ``staging.store`` commits nothing. The lock is released either way.
        """
        try:
            self._builds.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot create the store folder {self._builds}: {exc.strerror or exc}") from None
        lock = WriterLock(self.path / LOCK)
        try:
            lock.acquire(command, wait)
        except LockBusy as busy:
            waited = f" after waiting {wait:g} s" if wait > 0 else ""
            raise UserError(f"the store at {self.path} is being changed by {busy.holder.describe()}{waited};"
                            " try again when it is done, or pass --wait SECONDS") from None
        except OSError as exc:
            raise UserError(f"cannot lock the store at {self.path}: {exc.strerror or exc}") from None
        import secrets

        staging = Staging(self._builds / f"{time.strftime('%Y%m%dT%H%M%S')}-{secrets.token_hex(4)}-{os.getpid()}{PARTIAL}")
        committed = False
        try:
            self._remove_dead()
            yield staging
            staging.close()
            if staging.path.exists():
                self._commit(staging)
            committed = True
        finally:
            if not committed:
                staging.discard()
            lock.release()

    def copy_current_into(self, staging: Staging) -> bool:
        """Fill ``staging`` with a copy of the current build (hard links, so quick at any size); False if none."""
        if staging._store is not None or staging.path.exists():
            raise RuntimeError("copy_current_into needs an untouched staging build")
        name = self.current_name()
        if name is None:
            return False
        from pyoxigraph import Store

        try:
            Store.read_only(str(self._builds / name)).backup(str(staging.path))
        except OSError as exc:
            remove_tree(staging.path)
            raise UserError(f"the store at {self.path} cannot be copied: {first_line(str(exc))}") from None
        return True

    def _commit(self, staging: Staging) -> None:
        """Rename the staging build, give it a lease file, swap ``current`` to it, and remove what is dead."""
        final = staging.path.with_name(staging.path.name.removesuffix(PARTIAL))
        (self._builds / (final.name + LEASE)).touch()
        staging.path.rename(final)
        fsync_folder(self._builds)
        link = self._current
        temporary = self.path / f".{CURRENT}.{os.getpid()}"
        temporary.unlink(missing_ok=True)
        temporary.symlink_to(Path(BUILDS) / final.name)
        os.replace(temporary, link)  # the one atomic step: readers now open the new build
        fsync_folder(self.path)
        self._remove_dead()

    def _remove_dead(self) -> None:
        """Remove, under the lock, what no live process uses: see the module's rules."""
        current = self.current_name()
        for entry in sorted(self.path.glob(f".{CURRENT}.*")):
            if entry.is_symlink():
                entry.unlink(missing_ok=True)
        for entry in sorted(self._builds.iterdir()):
            name = entry.name
            if name.endswith(PARTIAL):
                pid = owner_pid(name)
                if pid == os.getpid() or not process_alive(pid):  # ours from an earlier writer, or a dead writer's
                    remove_tree(entry)
            elif name.endswith(LEASE):
                if not (self._builds / name.removesuffix(LEASE)).exists():
                    remove_if_unread(self._builds / name.removesuffix(LEASE), entry)
            elif entry.is_dir() and name != current:
                remove_if_unread(entry, self._builds / (name + LEASE))

    def builds(self) -> list[str]:
        """Names of the committed builds in the folder (the current one and any a reader still holds)."""
        if not self._builds.is_dir():
            return []
        return sorted(e.name for e in self._builds.iterdir() if e.is_dir() and not e.name.endswith(PARTIAL))

    def partial_builds(self) -> list[str]:
        """Names of unfinished builds (a writer at work, or one killed that the next writer will remove)."""
        if not self._builds.is_dir():
            return []
        return sorted(e.name for e in self._builds.iterdir() if e.name.endswith(PARTIAL))


def owner_pid(partial_name: str) -> int | None:
    """The process id a ``.partial`` build's name ends in, if it has one."""
    tail = partial_name.removesuffix(PARTIAL).rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


def process_alive(pid: int | None) -> bool:
    """Whether a process with this id runs (one of another user counts as running)."""
    if pid is None or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def fsync_folder(path: Path) -> None:
    """Make a rename or new entry in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
