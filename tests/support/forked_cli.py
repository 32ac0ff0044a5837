"""Run ``jakgraph`` commands each in a process of its own, forked from one warm interpreter.

A fresh ``python -m jakgraph`` costs 0.15-0.6 s on the 2-core machine, most of it imports (rdflib, pyshacl,
networkx, matplotlib); the tests run some two hundred commands. :class:`ForkedCli` starts one helper process that
imports every command and the libraries they use once (before any store is opened, so it holds no threads), then
forks one child per command. A child runs ``jakgraph.cli.main`` with the command's arguments as ``python -m jakgraph`` does, its standard
output and error going to files of its own, and ends with the command's exit status; an exception that escapes is
printed by ``sys.excepthook`` with exit status 1, as the interpreter does. So each command still has its own process,
memory, exit status and output, and a traceback shows as it would.
"""
from __future__ import annotations

import json
import select
import subprocess
import sys
from pathlib import Path

SERVER = r"""
import json, os, sys
import matplotlib
matplotlib.use("Agg")
import jakgraph.cli, jakgraph.cli.build_command, jakgraph.cli.validate_command, jakgraph.graph.store.build
import jakgraph.graph.store.validate, jakgraph.loaders, pyshacl  # what a build imports, once
import jakgraph.graph.export.rdf, jakgraph.graph.export.kgx, jakgraph.graph.export.network  # exports
import jakgraph.graph.network.view, jakgraph.graph.network.gapmap, matplotlib.pyplot, networkx, rdflib  # views
for name in jakgraph.cli.COMMANDS:
    __import__(f"jakgraph.cli.{name}_command")

def run(argv):
    try:
        return jakgraph.cli.main(argv) or 0
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    except BaseException:
        sys.excepthook(*sys.exc_info())
        return 1

for line in sys.stdin:
    request = json.loads(line)
    pid = os.fork()
    if pid == 0:
        if request.get("env") is not None:
            os.environ.clear()
            os.environ.update(request["env"])
        if request.get("cwd"):
            os.chdir(request["cwd"])
        os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
        for fd, path in ((1, request["stdout"]), (2, request["stderr"])):
            os.dup2(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), fd)
        code = run(request["argv"])
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), flush=True)
"""


class ForkedCli:
    """One warm helper process; :meth:`run` gives each command a forked process of its own."""

    def __init__(self, cwd: Path, timeout: float = 120.0) -> None:
        self.timeout = timeout
        self.process = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, cwd=cwd)

    def run(self, *args: str, output: Path, env: dict[str, str] | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
        """Run ``jakgraph ARGS`` (in ``cwd``, with exactly the environment ``env`` if given); its standard output
        and error go to files in the folder ``output``."""
        output.mkdir(parents=True, exist_ok=True)
        stdout, stderr = output / "stdout", output / "stderr"
        request = {"argv": list(args), "stdout": str(stdout), "stderr": str(stderr), "env": env,
                   "cwd": str(cwd) if cwd else None}
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], self.timeout)
        if not ready:
            self.close()
            raise TimeoutError(f"jakgraph {' '.join(args)} did not end within {self.timeout} s")
        answer = json.loads(self.process.stdout.readline())
        return subprocess.CompletedProcess(["jakgraph", *args], answer["returncode"],
                                           stdout.read_text(encoding="utf-8"), stderr.read_text(encoding="utf-8"))

    def close(self) -> None:
        """Stop the helper (its children have all ended)."""
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()
