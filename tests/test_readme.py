"""The README: short, its two commands first, the CI running the same test command, every link pointing somewhere."""
from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> list[str]:
    """The README's shell blocks, each as one command line (continuation lines joined)."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.DOTALL)
    return [" ".join(block.replace("\\\n", " ").split()) for block in blocks]


def test_the_readme_is_short():
    assert len(README.splitlines()) <= 200


def test_the_readme_opens_with_the_main_job_and_the_test_command():
    main_job, tests = commands()[:2]
    assert main_job.startswith("python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/jakgraph build && "
                               ".venv/bin/jakgraph query selective-drugs-with-design-in-group && ")
    assert "jakgraph export -o out/jakgraph.ttl" in main_job and "jakgraph viz -o out/network.html" in main_job
    assert tests.endswith(".venv/bin/python -m pytest")


def test_ci_runs_the_readme_s_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands()[1] in ci


def test_every_link_of_the_readme_and_the_docs_points_to_a_file():
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    missing = []
    for page in pages:
        for target in re.findall(r"\]\(([^)#\s]+)[^)]*\)", page.read_text(encoding="utf-8")):
            if not target.startswith(("http://", "https://", "mailto:")) and not (page.parent / target).exists():
                missing.append(f"{page.relative_to(ROOT)} → {target}")
    assert missing == []


def test_the_triple_count_the_readme_promises_is_the_build_s(select):
    promised = int(re.search(r"\(([\d,]+) in all\)", README).group(1).replace(",", ""))
    built = select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert promised == int(built[0][0])
