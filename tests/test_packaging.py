"""The wheel maps the card's folders under one package and works from any directory."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import jakgraph
from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the checkout's sources, as the benchmark builds one: nothing an earlier build
    left in the checkout's build folder ships, and the checkout is not written to."""
    from jakgraph.bench.install import copy_sources

    out = tmp_path_factory.mktemp("wheel")
    copy_sources(ROOT, out / "source")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
                             str(out / "source")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return next(out.glob("jakgraph-*.whl"))


def test_wheel_has_one_top_level_package_and_its_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"jakgraph", f"jakgraph-{jakgraph.__version__}.dist-info"}
    for data in ("jakgraph/ontology/jakgraph.ttl", "jakgraph/ontology/shapes.ttl", "jakgraph/ontology/concepts.ttl",
                 "jakgraph/loaders/curated/evidence_items.tsv", "jakgraph/loaders/curated/mappings.sssom.tsv",
                 "jakgraph/graph/store/embedded.py", "jakgraph/graph/server/static/workbench.js",
                 "jakgraph/graph/server/static/yasgui/yasgui.min.js", "jakgraph/graph/server/static/yasgui/LICENSE",
                 "jakgraph/graph/network/static/netview.js", "jakgraph/graph/network/static/netexplore.js",
                 "jakgraph/queries/results.py", "jakgraph/graph/release/write.py",
                 "jakgraph/ontology/borrowed-terms.ttl"):
        assert data in names
    internal = {f"jakgraph/queries/internal/{path.name}" for path in (ROOT / "queries" / "internal").iterdir()}
    assert {name for name in internal if name.endswith(".ru")} and internal <= set(names)
    narrowed = {f"jakgraph/queries/{path.relative_to(ROOT / 'queries').as_posix()}"
                for path in (ROOT / "queries" / "narrowed").glob("*/*.rq")}
    assert "jakgraph/queries/narrowed/long-term-incidence-rates/drug.rq" in narrowed and narrowed <= set(names)
    paged = {f"jakgraph/queries/paged/{path.name}" for path in (ROOT / "queries" / "paged").glob("*.rq")}
    assert "jakgraph/queries/paged/source-conflicts.rq" in paged and paged <= set(names)


def test_installed_wheel_builds_from_another_directory(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = ("import sys; sys.path.insert(0, %r); import jakgraph; assert jakgraph.__file__.startswith(%r), jakgraph.__file__;"
            "from jakgraph.cli import main; sys.exit(main(['build', '--quiet', '--store', 'store']))") % (str(target), str(target))
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "store" / "current").is_symlink()
    # a page of a listing reads the question's paged text (queries/paged/) from the installed package
    code = ("import sys; sys.path.insert(0, %r); from jakgraph.cli import main; "
            "sys.exit(main(['query', 'source-conflicts', '--store', 'store', '--limit', '2', '--format', 'csv']))"
            ) % str(target)
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert [line.split(",")[0] for line in result.stdout.splitlines()[1:]] == ["conflict:c-ach-classification"] * 2
