"""`make serve` against the stock stack's `mkdocs serve` on a two-page Material site (issue 17): the time from
a one-line edit's write until the changed page is served, edits alternating between the two, medians.

Ours gets two kinds of edit in a temporary copy of data/ (SITEGEN_DATA; never data/ itself): a group's
Vietnamese title (in every page's menu, so every page is rendered again) and a sentence of its text (a
dozen pages: its own, the translation status, the navigation's). Both servers poll for edits every 0.5 s and wait 0.1 s for more before they
rebuild, so the floor is the same idle wait for both.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml
from _common import PROJECT, PYTHON, child_env, median, quick

GROUP_FILE = Path("decisions/qd-166-2021/groups/03.yaml")
STOCK_CONFIG = """\
site_name: Two pages
theme:
  name: material
  font: false
"""


def free_port() -> int:
    from nginx_helpers import free_port as port

    return port()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:  # not up yet, restarting, or slow under load: poll again
        return ""


def wait_for(url: str, marker: str, timeout: float) -> float:
    """Seconds until the page at `url` contains `marker`, polled every 10 ms."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if marker in fetch(url):
            return time.perf_counter() - started
        time.sleep(0.01)
    raise TimeoutError(f"{url} did not show {marker!r} within {timeout} s")


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, its finished children and its live ones (our warm build process
    lives as long as the server), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = " ".join(task.read_text() for task in Path(f"/proc/{pid}/task").glob("*/children")).split()
    except OSError:  # ended while we looked
        return 0.0
    own = sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")
    return own + sum(tree_cpu_seconds(int(child)) for child in children)


def replace_line(path: Path, starts: str, after: str, marker: str) -> None:
    """The first line starting with `starts` right after a line starting with `after` gets `marker` appended."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith(starts) and lines[index - 1].startswith(after):
            lines[index] = f"{lines[index].rstrip()} {marker}\n"
            break
    else:
        raise ValueError(f"no line starting {starts!r} after {after!r} in {path}")
    path.write_text("".join(lines), encoding="utf-8")


def start(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGINT)  # as Ctrl-C does
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def timed_edit(server: subprocess.Popen, edit, url: str, marker: str) -> tuple[float, float]:
    time.sleep(0.5)  # the previous rebuild settles, as between a person's edits
    before = tree_cpu_seconds(server.pid)
    edit(marker)
    seconds = wait_for(url, marker, timeout=120)
    time.sleep(0.2)  # the server's own work after the page is served (removing the previous folder) counts too
    return seconds, tree_cpu_seconds(server.pid) - before


def run() -> dict:
    from sitegen.pages.generate import generated_dir

    runs = 3 if quick() else 7
    kinds = ("ours: a group's title", "ours: a group's text", "stock two-page site")
    seconds: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as temp:
        root = Path(temp)
        data = root / "data"
        shutil.copytree(PROJECT / "data", data)
        group_file = data / GROUP_FILE
        slug = yaml.safe_load(group_file.read_text(encoding="utf-8"))["slug"]
        stock = root / "stock"
        (stock / "docs").mkdir(parents=True)
        (stock / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
        (stock / "docs" / "index.md").write_text("# Home\n\nA stock page.\n", encoding="utf-8")
        stock_page = stock / "docs" / "page.md"
        stock_page.write_text("# A page\n\nIts text.\n", encoding="utf-8")
        ours_port, stock_port = free_port(), free_port()
        ours_url = f"http://127.0.0.1:{ours_port}/qd-166-2021/{slug}/"
        stock_url = f"http://127.0.0.1:{stock_port}/page/"
        ours = start([PYTHON, "-m", "sitegen.engine.serve", "--port", str(ours_port)], child_env(data), PROJECT)
        stock_command = [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{stock_port}"]
        stock_server = start([*stock_command, "-f", str(stock / "mkdocs.yml")], child_env(), stock)
        edits = {
            kinds[0]: (ours, lambda marker: replace_line(group_file, "  vi: ", "title:", marker), ours_url),
            kinds[1]: (ours, lambda marker: replace_line(group_file, "  vi: ", "text:", marker), ours_url),
            kinds[2]: (
                stock_server,
                lambda marker: stock_page.write_text(f"# A page {marker}\n\nIts text.\n", encoding="utf-8"),
                stock_url,
            ),
        }
        try:
            first = wait_for(ours_url, "</html>", timeout=180)
            wait_for(stock_url, "</html>", timeout=120)
            for number in range(runs):  # alternating: both see the same machine
                for kind, (server, edit, url) in edits.items():
                    wall, used = timed_edit(server, edit, url, f"bench-edit-{number}-{kinds.index(kind)}")
                    seconds[kind].append(wall)
                    cpu[kind].append(used)
        finally:
            stop(ours)
            stop(stock_server)
            shutil.rmtree(generated_dir(PROJECT, data), ignore_errors=True)
    medians = {kind: median(values) for kind, values in seconds.items()}
    stock_median = medians[kinds[2]]
    ratios = {kind: round(medians[kind] / stock_median, 3) for kind in kinds[:2]}
    return {
        "runs": runs,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "first_build_served_seconds": round(first, 3),
        "seconds_median": {kind: round(value, 3) for kind, value in medians.items()},
        "seconds_all": {kind: [round(s, 3) for s in values] for kind, values in seconds.items()},
        "cpu_seconds_median": {kind: round(median(values), 3) for kind, values in cpu.items()},
        "ratio_to_stock": ratios,
        "target": "ours / stock ≤ 1.0 (issue 17)",
        "target_met": {kind: ratio <= 1.0 for kind, ratio in ratios.items()},
        "table": {
            "title": (
                f"Edit until the changed page is served, {runs} alternating edits each; make serve (warm, only the "
                "changed pages) against stock mkdocs serve on a two-page site"
            ),
            "columns": ["edit", "wall s median", "wall s all", "CPU s median", "ratio to stock (target ≤ 1.0)"],
            "rows": [
                [
                    kind,
                    f"{medians[kind]:.2f}",
                    " ".join(f"{s:.2f}" for s in seconds[kind]),
                    f"{median(cpu[kind]):.2f}",
                    ratios.get(kind, "1"),
                ]
                for kind in kinds
            ],
        },
    }
