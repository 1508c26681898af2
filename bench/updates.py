"""Benchmark piece for `make bench` (issue 8's orchestrator calls `run()`): the real site plus N
synthetic updates (invented, in a temp folder), timed through generation and a full strict build."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

import _synthetic  # noqa: E402
from sitegen.pages.generate import generate_docs, generated_dir  # noqa: E402

UPDATES = int(os.environ.get("BENCH_UPDATES", "500"))


def synthetic_data(root: Path, count: int) -> Path:
    """Three invented updates a day from the day after the decision."""
    return _synthetic.with_updates(root, count, lambda i: datetime.date(2021, 1, 16) + datetime.timedelta(days=i // 3))


def run() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        data = synthetic_data(Path(tmp), UPDATES)
        started = time.perf_counter()
        generated = generate_docs(PROJECT, data, PROJECT / "docs")
        generate_seconds = time.perf_counter() - started
        feeds = list(generated.docs_dir.rglob("*.xml"))
        feed_bytes = sum(f.stat().st_size for f in feeds)
        env = {**os.environ, "SITEGEN_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "sitegen.engine.build", "build", "--data", str(data)]  # as `make build`
        started = time.perf_counter()
        subprocess.run([*command, "--site-dir", str(Path(tmp) / "site")], env=env, cwd=PROJECT, check=True)
        build_seconds = time.perf_counter() - started
        site_feed = (Path(tmp) / "site" / "feed.xml").stat().st_size
        shutil.rmtree(generated_dir(PROJECT, data), ignore_errors=True)
    return {
        "updates": UPDATES,
        "pages_generated": generated.pages,
        "generate_seconds": round(generate_seconds, 2),
        "build_seconds": round(build_seconds, 2),
        "feeds": len(feeds),
        "feed_bytes_total": feed_bytes,
        "site_feed_bytes": site_feed,
    }


if __name__ == "__main__":
    print(run())
