"""Both languages at once (sitegen/engine/parallel.py): the same bytes as one language after the other."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from buildhelpers import tree_digest

PROJECT = Path(__file__).resolve().parents[1]

# mkdocs build with os.fork counted: the parent reports how many children it started
COUNTING_BUILD = """
import atexit, os, runpy, sys
parent, started, fork = os.getpid(), [], os.fork
def counted():
    pid = fork()
    if pid:
        started.append(pid)
    return pid
os.fork = counted
atexit.register(lambda: os.getpid() == parent and print(f"forked {len(started)}", file=sys.stderr))
sys.argv = ["mkdocs", "build", "--strict", "--quiet", "-f", sys.argv[1], "-d", sys.argv[2]]
runpy.run_module("mkdocs", run_name="__main__")
"""


def build(site_dir: Path, jobs: str) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITEGEN_JOBS": jobs, "SITEGEN_DATA": str(PROJECT / "data")}
    command = [sys.executable, "-c", COUNTING_BUILD, str(PROJECT / "mkdocs.yml"), str(site_dir)]
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stderr


def test_parallel_build_forks_english_and_writes_the_same_bytes_as_the_serial_one(tmp_path: Path) -> None:
    serial = build(tmp_path / "serial", "1")
    parallel = build(tmp_path / "parallel", "2")
    assert "forked 0" in serial
    assert "forked 1" in parallel  # English in a child, Vietnamese in the parent
    one, two = tree_digest(tmp_path / "serial"), tree_digest(tmp_path / "parallel")
    assert len(one) > 50 and any(name.startswith("en/") for name in one)
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    # the child's own folder is merged in and removed: nothing is left beside the site
    assert sorted(p.name for p in tmp_path.iterdir()) == ["parallel", "serial"]
