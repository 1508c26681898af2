"""Both languages at once (sitegen/engine/parallel.py): the same bytes as one language after the other."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from buildhelpers import run_sitegen, tree_digest
from sitegen.pages.generate import generate_docs

PROJECT = Path(__file__).resolve().parents[1]

# the engine step with os.fork counted: the parent reports how many children it started
COUNTING_ENGINE = """
import atexit, os, sys
parent, started, fork = os.getpid(), [], os.fork
def counted():
    pid = fork()
    if pid:
        started.append(pid)
    return pid
os.fork = counted
atexit.register(lambda: os.getpid() == parent and print(f"forked {len(started)}", file=sys.stderr))
from sitegen.engine import parallel
sys.exit(parallel.main(["build", "--strict", "--quiet", "-f", sys.argv[1], "-d", sys.argv[2]]))
"""


def engine(config: Path, site_dir: Path, jobs: str) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITEGEN_JOBS": jobs}
    command = [sys.executable, "-c", COUNTING_ENGINE, str(config), str(site_dir)]
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stderr


# Files i18n writes at the root for whichever language it builds last (English), from state the serial
# build carries over from Vietnamese (the sitemap's list of both languages' pages, the last page's switch
# links): the publish step writes all three afresh from the manifest, so `make build`'s output is identical.
REWRITTEN_BY_PUBLISH = {"404.html", "sitemap.xml", "sitemap.xml.gz"}


def differing_files(one: Path, two: Path) -> set[str]:
    first, second = tree_digest(one), tree_digest(two)
    assert len(first) > 50 and any(name.startswith("en/") for name in first)
    assert sorted(first) == sorted(second)
    return {name for name in first if first[name] != second[name]}


def test_engine_forks_english_and_writes_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    generated = generate_docs(PROJECT, PROJECT / "data", PROJECT / "docs", config_file=PROJECT / "mkdocs.yml")
    assert "forked 0" in engine(generated.engine_config, tmp_path / "serial", "1")
    assert "forked 1" in engine(generated.engine_config, tmp_path / "parallel", "2")  # English in a child
    assert differing_files(tmp_path / "serial", tmp_path / "parallel") <= REWRITTEN_BY_PUBLISH
    # the child's own folder is merged in and removed: nothing is left beside the site
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parallel", "serial"]


def test_make_build_on_two_cores_equals_make_build_on_one(tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        result = run_sitegen(
            "build", "--site-dir", str(tmp_path / f"jobs-{jobs}"), cwd=PROJECT, env={"SITEGEN_JOBS": jobs}
        )
        assert result.returncode == 0, result.stderr
    assert differing_files(tmp_path / "jobs-1", tmp_path / "jobs-2") == set()
