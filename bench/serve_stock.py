"""The stock stack's `mkdocs serve` on a two-page Material site, edited and polled exactly as
bench/serve_rebuild.py edits and polls ours: the floor a rebuild of our site is compared with (issue 17)."""

from __future__ import annotations

import signal
import subprocess
import tempfile
import time
from pathlib import Path

from _common import PYTHON, child_env, median, quick
from serve_rebuild import cpu_seconds, free_port, wait_for

STOCK_CONFIG = """\
site_name: Two pages
theme:
  name: material
  font: false
"""


def run() -> dict:
    runs = 3 if quick() else 7
    with tempfile.TemporaryDirectory(prefix="bench-serve-stock-") as temp:
        root = Path(temp)
        (root / "docs").mkdir()
        (root / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
        (root / "docs" / "index.md").write_text("# Home\n\nA stock page.\n", encoding="utf-8")
        page = root / "docs" / "page.md"
        page.write_text("# A page\n\nIts text.\n", encoding="utf-8")
        port = free_port()
        url = f"http://127.0.0.1:{port}/page/"
        command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(root / "mkdocs.yml")]
        server = subprocess.Popen(
            command, env=child_env(), cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_for(url, "</html>", timeout=120)
            rebuilds, cpu = [], []
            for number in range(runs):
                marker = f"bench-edit-{number}"
                time.sleep(0.5)  # as in serve_rebuild.py: the previous rebuild settles
                before = cpu_seconds(server.pid)
                page.write_text(f"# A page {marker}\n\nIts text.\n", encoding="utf-8")
                rebuilds.append(wait_for(url, marker, timeout=120))
                cpu.append(cpu_seconds(server.pid) - before)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    return {
        "runs": runs,
        "rebuild_seconds_median": round(median(rebuilds), 3),
        "rebuild_seconds_all": [round(s, 3) for s in rebuilds],
        "rebuild_cpu_seconds_median": round(median(cpu), 3),
        "table": {
            "title": "Stock mkdocs serve (two-page Material site): one-line edit until the page is served",
            "columns": ["edits", "wall s median", "wall s all", "CPU s median"],
            "rows": [[runs, f"{median(rebuilds):.2f}", " ".join(f"{s:.2f}" for s in rebuilds), f"{median(cpu):.2f}"]],
        },
    }
