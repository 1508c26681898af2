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


def start_server(data: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "SITEGEN_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "sitegen.engine.serve", "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(command, env=env, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop_server(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def test_broken_data_keeps_the_last_good_site_with_the_problem_on_every_page(tmp_path) -> None:
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    group = data / "decisions" / "qd-166-2021" / "groups" / "03.yaml"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(data, port)
    try:
        assert wait_for_text(f"{base}/qd-166-2021/ngan-sach-nha-nuoc/", "</html>", timeout=120)
        text = group.read_text(encoding="utf-8")
        group.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")
        problem = "03.yaml:3:1: titel: unknown key; did you mean &#x27;title&#x27;?"
        assert wait_for_text(f"{base}/en/", problem, timeout=60), "the problem is not shown"
        page = page_text(f"{base}/qd-166-2021/ngan-sach-nha-nuoc/")
        assert problem in page and "ngân sách nhà nước" in page  # the last good page, under the problem
        group.write_text(text, encoding="utf-8")
        deadline = time.monotonic() + 60
        while problem in page_text(f"{base}/en/") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert problem not in page_text(f"{base}/en/"), "the problem stays after the data was fixed"
    finally:
        stop_server(server)
        shutil.rmtree(generated_dir(PROJECT, data), ignore_errors=True)


def test_a_port_in_use_is_one_line_saying_how_to_pick_another(tmp_path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = start_server(PROJECT / "data", port)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 1
    assert output.strip().splitlines() == [
        f"Port {port} on 127.0.0.1 is in use (another `make serve`?); pick another: `make serve PORT={port + 1}`."
    ]
