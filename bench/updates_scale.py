"""Benchmark piece for `make bench`: the real site plus 1,000 and 10,000 invented press updates (in a temp folder),
each built once with `make build`'s command: wall and CPU time, peak memory (of the build and every process it
ran), and how memory grows with the updates.

`BENCH_UPDATE_SIZES=100,1000` picks the sizes; `BENCH_QUICK=1` uses 100 and 1,000.
"""

from __future__ import annotations

import datetime
import os
import shutil
import tempfile
from pathlib import Path

import _synthetic
from _common import PROJECT, PYTHON, child_env, html_count, quick, run_child
from sitegen.pages.generate import generated_dir

FIRST_DAY = datetime.date(2021, 1, 16)  # the day after the decision
LAST_DAY = datetime.date(2025, 12, 31)  # in the past, so no update needs `draft: true`


def synthetic_data(root: Path, count: int) -> Path:
    """The real data plus `count` invented updates spread evenly over five years (several a day at 10,000), every
    other one without English, each concerning two task groups."""
    days = (LAST_DAY - FIRST_DAY).days
    return _synthetic.with_updates(root, count, lambda i: FIRST_DAY + datetime.timedelta(days=i * days // count))


def sizes() -> list[int]:
    chosen = os.environ.get("BENCH_UPDATE_SIZES", "")
    if chosen:
        return [int(n) for n in chosen.split(",")]
    return [100, 1_000] if quick() else [1_000, 10_000]


def run() -> dict:
    rows = []
    figures = []
    for count in sizes():
        with tempfile.TemporaryDirectory(prefix=f"bench-updates-{count}-") as temp:
            data = synthetic_data(Path(temp), count)
            site = Path(temp) / "site"
            command = [PYTHON, "-m", "sitegen.engine.build", "build", "--data", str(data), "--site-dir", str(site)]
            built = run_child(command, child_env(data), timeout=3600)
            pages = html_count(site)
            shutil.rmtree(generated_dir(PROJECT, data), ignore_errors=True)
        figures.append({"updates": count, "pages": pages, **_rounded(built)})
    first = figures[0]
    for figure in figures:
        growth = figure["peak_mb"] / first["peak_mb"]
        updates_growth = figure["updates"] / first["updates"]
        figure["memory_growth"] = round(growth, 2)
        figure["updates_growth"] = round(updates_growth, 2)
        rows.append(
            [
                f"{figure['updates']:,}",
                f"{figure['pages']:,}",
                figure["seconds"],
                figure["cpu_seconds"],
                figure["peak_mb"],
                f"×{growth:.2f} for ×{updates_growth:g} updates",
            ]
        )
    last = figures[-1]
    return {
        "runs": figures,
        "table": {
            "title": "Press updates at scale (real site + N invented updates; one `make build` each)",
            "columns": ["updates", "pages", "wall s", "CPU s", "peak MB", "memory growth"],
            "rows": rows,
        },
        "memory_note": (
            f"peak memory grew ×{last['memory_growth']} while the updates grew ×{last['updates_growth']:g}: "
            + ("slower than the updates" if last["memory_growth"] < last["updates_growth"] else "NOT slower")
        ),
    }


def _rounded(built) -> dict:
    return {
        "seconds": round(built.seconds, 1),
        "cpu_seconds": round(built.cpu_seconds, 1),
        "peak_mb": round(built.peak_mb),
    }


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(PROJECT / "hooks"))
    print(run())
