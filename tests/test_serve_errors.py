"""`make serve` with broken data and on a busy port, run as typed (`make serve PORT=...` on a made-up data folder).

Broken data never stops the preview: every page keeps answering with the last good site and shows the problems at
the top, in the page's language, until the data is valid again. A busy port is one line saying what to type.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from datafixtures import write_data
from nginx_helpers import free_port
from sitegen.pages.generate import generated_dir

PROJECT = Path(__file__).resolve().parents[1]
GROUP_2 = "decisions/qd-1-2030/groups/02.yaml"
PROBLEM = "data/decisions/qd-1-2030/groups/02.yaml:3:1: titel: unknown key; did you mean 'title'?"


def make_serve(data: Path, port: int, **pipes) -> subprocess.Popen[str]:
    env = {**os.environ, "SITEGEN_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    for name in ("HOST", "DRAFTS", "ENGINE", "SITE_URL"):
        env.pop(name, None)
    command = ["make", "--no-print-directory", "-C", str(PROJECT), "serve", f"PORT={port}"]
    return subprocess.Popen(command, env=env, text=True, start_new_session=True, **pipes)


def get(url: str) -> tuple[int, str]:
    """One request; it must be answered within 10 s (broken data used to hold every request until fixed)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def wait_until(condition, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def alert_of(html: str) -> str:
    alert = BeautifulSoup(html, "html.parser").select_one("[role=alert]")
    return alert.get_text("\n") if alert else ""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    data = write_data(tmp_path)
    port = free_port()
    server = make_serve(data, port, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: "<h1" in get(f"{base}/qd-1-2030/nhom-thu-2/")[1])  # built, not "Building…"
        yield data, base
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        shutil.rmtree(generated_dir(PROJECT, data.resolve()), ignore_errors=True)


def build_number(base: str) -> str:
    return get(f"{base}/__sitegen_build__")[1]


def test_broken_data_keeps_the_last_good_site_and_shows_the_problem_on_every_page(served) -> None:
    data, base = served
    good_title = BeautifulSoup(get(f"{base}/qd-1-2030/nhom-thu-2/")[1], "html.parser").h1.get_text(" ", strip=True)
    assert alert_of(get(f"{base}/")[1]) == ""
    before = build_number(base)
    group = data / GROUP_2
    good = group.read_text(encoding="utf-8")
    group.write_text(good.replace("title:", "titel:"), encoding="utf-8")
    wait_until(lambda: build_number(base) != before)

    for path, heading in (
        ("/", "Lỗi dữ liệu"),
        ("/qd-1-2030/nhom-thu-2/", "Lỗi dữ liệu"),
        ("/en/", "Data problem"),
        ("/en/qd-1-2030/nhom-thu-1/", "Data problem"),
    ):
        status, html = get(base + path)
        assert status == 200, path
        alert = alert_of(html)
        assert alert.startswith(heading), (path, alert)
        assert PROBLEM in alert.splitlines(), alert
        assert "Traceback" not in alert and "The site in" not in alert
    page = BeautifulSoup(get(f"{base}/qd-1-2030/nhom-thu-2/")[1], "html.parser")
    assert page.h1.get_text(" ", strip=True) == good_title  # the last good build, still there

    fixed_at = build_number(base)
    group.write_text(good, encoding="utf-8")
    wait_until(lambda: build_number(base) != fixed_at)
    for path in ("/", "/en/qd-1-2030/nhom-thu-1/"):
        assert alert_of(get(base + path)[1]) == "", path


def test_a_busy_port_is_one_line_naming_port(tmp_path: Path) -> None:
    data = write_data(tmp_path)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = make_serve(data, port, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, err = server.communicate(timeout=120)
    assert server.returncode != 0
    assert "Traceback" not in err and 'File "' not in err, err
    ours = [line for line in err.splitlines() if not line.startswith("make")]
    assert ours == [
        f"Port {port} on 127.0.0.1 is in use (another `make serve`?); pick another: `make serve PORT={port + 1}`."
    ], err
    shutil.rmtree(generated_dir(PROJECT, data.resolve()), ignore_errors=True)


def test_a_port_that_is_no_number_is_one_line(tmp_path: Path) -> None:
    data = write_data(tmp_path)
    server = make_serve(data, "80; touch ran", stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # type: ignore[arg-type]
    _, err = server.communicate(timeout=120)
    assert server.returncode != 0
    ours = [line for line in err.splitlines() if not line.startswith("make")]
    assert ours == ["PORT must be a number from 1 to 65535, like `make serve PORT=8001`; got '80; touch ran'."], err
    assert not (PROJECT / "ran").exists()
