"""Shared helpers of the benchmark pieces: child processes timed with their peak memory, sizes, medians."""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import brotli

PROJECT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
CONFIG = PROJECT / "mkdocs.yml"


def quick() -> bool:
    """`make bench BENCH_QUICK=1`: fewer runs, smaller sizes, shorter load check."""
    return os.environ.get("BENCH_QUICK", "") not in ("", "0")


def child_env(data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    if data_dir is not None:
        env["SITEGEN_DATA"] = str(data_dir)
    return env


@dataclass(frozen=True)
class ChildRun:
    seconds: float  # wall time: what a person waits, inflated when other work shares the cores
    cpu_seconds: float  # user + system time of the child: what the build costs, much less sensitive to load
    peak_mb: float  # peak resident memory of the child, from its own rusage
    output: str


def run_child(command: list[str], env: dict[str, str], cwd: Path = PROJECT, timeout: float = 900) -> ChildRun:
    """Run one process to its end: wall time, and the child's own peak RSS from os.wait4 (RUSAGE_CHILDREN
    would give the largest of all children so far)."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode(errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{output[-3000:]}")
    return ChildRun(
        seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output
    )  # ru_maxrss is in KiB on Linux


def mkdocs_build(site_dir: Path, env: dict[str, str], config: Path = CONFIG) -> ChildRun:
    """Our site as `make build` builds it (generate, MkDocs, publish); any other config (the plain twin) with MkDocs alone."""
    if config == CONFIG:
        data = env.get("SITEGEN_DATA", str(PROJECT / "data"))
        command = [PYTHON, "-m", "sitegen.engine.build", "build", "--data", data, "--site-dir", str(site_dir)]
        return run_child(command, env, cwd=PROJECT)
    command = [PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site_dir)]
    return run_child(command, env, cwd=config.parent)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def tree_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def html_count(root: Path) -> int:
    return sum(1 for _ in root.rglob("*.html"))


def compressed_sizes(data: bytes) -> dict[str, int]:
    return {
        "raw": len(data),
        "gzip": len(gzip.compress(data, compresslevel=9, mtime=0)),
        "brotli": len(brotli.compress(data, quality=11)),
    }


_dist_cache: list[Path] = []


def real_dist() -> Path:
    """The real site built and finished as `make dist` does, once per benchmark run (in a temp folder)."""
    if not _dist_cache:
        import atexit
        import shutil

        from sitegen.publish.dist import csp_include_path, precompress, write_csp_include

        temp = Path(tempfile.mkdtemp(prefix="bench-dist-"))
        temp.chmod(0o755)  # nginx's workers run as an unprivileged user (tests/nginx_helpers.py)
        atexit.register(shutil.rmtree, temp, True)
        dist = temp / "dist"
        mkdocs_build(dist, child_env(PROJECT / "data"))
        precompress(dist)
        write_csp_include(dist, csp_include_path(dist))
        _dist_cache.append(dist)
    return _dist_cache[0]
