"""A regular install of the running checkout, for timing a cold start as a user of the built package runs it.

In an editable install (the README's) every Python process of the environment loads setuptools' editable finder
at start, the floor script's included; a regular install has no such finder. The benchmark builds a wheel of the
checkout, installs it alone into a fresh virtual environment under its work folder, and lets that environment read
every other package (pyoxigraph among them) from the running one through a ``.pth`` line: a line names a folder,
so the running environment's own ``.pth`` files, the editable finder's among them, are not run. The wheel is built
from a copy of what a build reads (:func:`copy_sources`), so that no file an earlier build left in the checkout ships
and the checkout is not written to.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import jakgraph


def source_tree() -> Path | None:
    """The checkout the running jakgraph is imported from (an editable install), or None for a regular install."""
    root = Path(jakgraph.__file__).resolve().parent.parent
    installed = {"site-packages", "dist-packages"} & set(root.parts)
    return root if not installed and (root / "pyproject.toml").is_file() else None


def regular_install(folder: Path) -> Path:
    """Install a wheel of the running checkout into a new virtual environment in ``folder``; return its Python.

    Raises RuntimeError with the failing step's last line when a step fails, and ValueError when the running
    jakgraph is not a checkout (it is then a regular install itself).
    """
    root = source_tree()
    if root is None:
        raise ValueError("the running jakgraph is not an editable checkout")
    source, wheels, venv = folder / "source", folder / "wheel", folder / "venv"
    copy_sources(root, source)
    step("build a wheel", [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)])
    step("create a virtual environment", [sys.executable, "-m", "venv", str(venv)])
    python = venv / "bin" / "python"
    wheel = next(wheels.glob("jakgraph-*.whl"), None)
    if wheel is None:
        raise RuntimeError(f"could not build a wheel: pip wrote none to {wheels}")
    step("install the wheel", [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)])
    site = step("find its site-packages", [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    running = dict.fromkeys(sysconfig.get_path(name) for name in ("purelib", "platlib"))
    (Path(site) / "jakgraph-bench-dependencies.pth").write_text("".join(f"{path}\n" for path in running),
                                                                 encoding="utf-8")
    return python


def copy_sources(root: Path, target: Path) -> None:
    """Copy what a build of the checkout reads: the files at its top (``pyproject.toml``, the README, the licence)
    and its package folders (those holding an ``__init__.py``), without compiled bytecode."""
    target.mkdir(parents=True)
    for entry in root.iterdir():
        if entry.is_file():
            shutil.copy2(entry, target / entry.name)
        elif (entry / "__init__.py").is_file():
            shutil.copytree(entry, target / entry.name, ignore=shutil.ignore_patterns("__pycache__"))


def step(what: str, command: list[str]) -> str:
    """Run one step of the install; its standard output, or RuntimeError naming the step and its last error line."""
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise RuntimeError(f"could not {what}: {last}")
    return done.stdout.strip()
