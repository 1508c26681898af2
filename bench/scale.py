"""Scale: synthetic sites of 10 to 5,000 task groups per language, built by our pipeline and, in the same
run, as plain Markdown without our hooks. Build time, peak memory, output size, cost per page."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import time
from pathlib import Path

import _synthetic
from _common import PROJECT, child_env, compressed_sizes, html_count, median, mkdocs_build, quick, tree_bytes

SIZES = (10, 100, 1000, 5000)
QUICK_SIZES = (10, 100, 1000)
HUGO_1000_SECONDS = 2.7  # measured in the issue: Hugo, same 1,000 pages per language, cached partials
OVERHEAD_TARGET = 1.10
UPDATES = 1000


def sizes() -> tuple[int, ...]:
    """BENCH_SIZES=10,100 overrides the sizes (for a bounded run)."""
    chosen = os.environ.get("BENCH_SIZES")
    if chosen:
        return tuple(int(s) for s in chosen.split(","))
    return QUICK_SIZES if quick() else SIZES


def runs_for(groups: int) -> int:
    if groups >= 5000:
        return 1  # about a minute per build on 2 shared cores: one pair bounds the run
    return 1 if quick() and groups >= 1000 else (2 if quick() else 3)


def search_index_bytes(site: Path) -> dict[str, int]:
    """Gzip size of every search index the build wrote (one merged file today; per language later)."""
    found = {}
    for index in sorted(site.glob("**/search/*.json")):
        found[index.relative_to(site).as_posix()] = compressed_sizes(index.read_bytes())["gzip"]
    return found


def measure(groups: int) -> dict:
    from sitegen.pages.generate import generate_docs, generated_dir

    runs = runs_for(groups)
    with tempfile.TemporaryDirectory(prefix=f"bench-scale-{groups}-") as temp:
        root = Path(temp)
        data = _synthetic.write_data(root, groups, updates=UPDATES if _synthetic.write_updates else 0)
        plain_config = _synthetic.write_plain_twin(data, root / "plain")
        ours, plain, ours_cpu, plain_cpu, peaks, plain_peaks = [], [], [], [], [], []
        try:
            # The plain twin's Markdown files exist before its builds; ours are written here, once, so the
            # timed builds compare like with like. This first write is what a build after `make clean`
            # (or the first build of new data) pays on top, reported apart.
            cold_wall, cold_cpu = time.perf_counter(), time.process_time()
            generate_docs(PROJECT, data, PROJECT / "docs")
            cold_wall, cold_cpu = time.perf_counter() - cold_wall, time.process_time() - cold_cpu
            for _ in range(runs):  # interleaved, so both see the same machine load
                result = mkdocs_build(root / "site", child_env(data))
                ours.append(result.seconds)
                ours_cpu.append(result.cpu_seconds)
                peaks.append(result.peak_mb)
                result = mkdocs_build(root / "plain-site", child_env(), plain_config)
                plain.append(result.seconds)
                plain_cpu.append(result.cpu_seconds)
                plain_peaks.append(result.peak_mb)
        finally:
            shutil.rmtree(generated_dir(PROJECT, data), ignore_errors=True)
        site = root / "site"
        pages = html_count(site)
        return {
            "groups_per_language": groups,
            "updates": UPDATES if _synthetic.write_updates else 0,
            "runs": runs,
            "html_pages": pages,
            "ours_seconds": round(median(ours), 3),
            "ours_seconds_all": [round(s, 3) for s in ours],
            "plain_seconds": round(median(plain), 3),
            "plain_seconds_all": [round(s, 3) for s in plain],
            "ours_cpu_seconds": round(median(ours_cpu), 3),
            "plain_cpu_seconds": round(median(plain_cpu), 3),
            # CPU time: the ratio and the cost per page are what the build costs, not how busy the machine was
            "overhead_ratio": round(median(ours_cpu) / median(plain_cpu), 3),
            "first_generation_wall_seconds": round(cold_wall, 3),
            "first_generation_cpu_seconds": round(cold_cpu, 3),
            "wall_ratio": round(median(ours) / median(plain), 3),
            "ms_per_page": round(1000 * median(ours_cpu) / pages, 2),
            "peak_mb": round(max(peaks), 1),
            "plain_peak_mb": round(max(plain_peaks), 1),
            "output_bytes": tree_bytes(site),
            "html_bytes": sum(p.stat().st_size for p in site.rglob("*.html")),
            "search_index_gzip_bytes": search_index_bytes(site),
        }


def run() -> dict:
    rows = [measure(groups) for groups in sizes()]
    for before, after in itertools.pairwise(rows):
        # the cost of each page added since the size before: constant when the build is linear
        added = after["html_pages"] - before["html_pages"]
        after["marginal_ms_per_page"] = round(
            1000 * (after["ours_cpu_seconds"] - before["ours_cpu_seconds"]) / added, 2
        )
    by_size = {r["groups_per_language"]: r for r in rows}
    summary: dict = {"sizes": rows}
    if 1000 in by_size:
        at_1000 = by_size[1000]
        summary["target_1000_seconds"] = 2 * HUGO_1000_SECONDS
        summary["target_1000_met"] = at_1000["ours_cpu_seconds"] <= 2 * HUGO_1000_SECONDS
        summary["overhead_ratio_1000"] = at_1000["overhead_ratio"]
        summary["overhead_target_met"] = at_1000["overhead_ratio"] <= OVERHEAD_TARGET
    if 1000 in by_size and 5000 in by_size:
        # linear: a page costs the same at 5,000 groups as at 1,000 (within noise)
        summary["linearity_ratio"] = round(by_size[5000]["ms_per_page"] / by_size[1000]["ms_per_page"], 2)
    if not _synthetic.write_updates:
        summary["updates_note"] = (
            "updates not generated: this branch has no updates model (issue 5); "
            "plug its generator into bench/_synthetic.write_updates"
        )
    summary["table"] = {
        "title": "Scale (synthetic data, both languages; ours = YAML + hooks, plain = same pages as Markdown)",
        "columns": [
            "groups/lang",
            "pages",
            "runs",
            "ours wall s",
            "plain wall s",
            "ours CPU s",
            "plain CPU s",
            "ours/plain (CPU)",
            "CPU ms/page",
            "marginal CPU ms/page",
            "peak MB",
            "output MB",
            "first generation CPU s",
            "search index gz KB",
        ],
        "rows": [
            [
                r["groups_per_language"],
                r["html_pages"],
                r["runs"],
                f"{r['ours_seconds']:.2f}",
                f"{r['plain_seconds']:.2f}",
                f"{r['ours_cpu_seconds']:.2f}",
                f"{r['plain_cpu_seconds']:.2f}",
                f"{r['overhead_ratio']:.2f}",
                f"{r['ms_per_page']:.2f}",
                f"{r['marginal_ms_per_page']:.2f}" if "marginal_ms_per_page" in r else "",
                f"{r['peak_mb']:.0f}",
                f"{r['output_bytes'] / 1e6:.1f}",
                f"{r['first_generation_cpu_seconds']:.2f}",
                " + ".join(f"{v / 1000:.0f}" for v in r["search_index_gzip_bytes"].values()),
            ]
            for r in rows
        ],
    }
    return summary
