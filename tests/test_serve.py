"""`make serve` (sitegen.engine.serve) rebuilds when a data file changes, also for a data folder outside the project
(SITEGEN_DATA: the serve benchmark's copy, a fixture site), and serves the changed page."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from nginx_helpers import free_port
from sitegen.pages.generate import generated_dir

PROJECT = Path(__file__).resolve().parents[1]


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for_text(url: str, text: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in page_text(url):
            return True
        time.sleep(0.1)
    return False


def test_an_edit_in_a_data_folder_outside_the_project_is_served_after_the_rebuild(tmp_path) -> None:
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    group = data / "decisions" / "qd-166-2021" / "groups" / "03.yaml"
    port = free_port()
    url = f"http://127.0.0.1:{port}/qd-166-2021/ngan-sach-nha-nuoc/"
    env = {**os.environ, "SITEGEN_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "sitegen.engine.serve", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, env=env, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for_text(url, "</html>", timeout=120), "mkdocs serve did not serve the page"
        assert "sửa thử" not in page_text(url)
        text = group.read_text(encoding="utf-8")
        group.write_text(text.replace("title:\n  vi: ", "title:\n  vi: (sửa thử) ", 1), encoding="utf-8")
        assert wait_for_text(url, "(sửa thử)", timeout=60), "the edit never reached the served page"
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(generated_dir(PROJECT, data), ignore_errors=True)
