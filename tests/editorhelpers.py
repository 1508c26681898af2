"""Start `make edit` on a data folder for tests, and poll the live preview (importable from any test module)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from sitehelpers import PROJECT


@dataclass
class EditorRun:
    url: str
    data_dir: Path
    process: subprocess.Popen
    log: Path

    @property
    def updates_dir(self) -> Path:
        return self.data_dir / "decisions" / "qd-166-2021" / "updates"

    def stop(self) -> None:
        """Ends `make edit` and everything it started: they share the process group the test created."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_editor(data_dir: Path, seconds: float = 180) -> EditorRun:
    """`make edit PORT=<free>` with SITEGEN_DATA pointing at `data_dir`, once both the editor and the preview answer."""
    port = free_port()
    log = data_dir.parent / "make-edit.log"
    env = {**os.environ, "SITEGEN_DATA": str(data_dir)}
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["make", "-s", "edit", f"PORT={port}"],
            cwd=PROJECT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    run = EditorRun(f"http://127.0.0.1:{port}", data_dir, process, log)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"make edit stopped:\n{log.read_text(errors='replace')}")
        try:
            for path in ("/admin/", "/"):
                with urllib.request.urlopen(run.url + path, timeout=5) as response:
                    assert response.status == 200
            return run
        except (OSError, urllib.error.URLError):
            time.sleep(0.5)
    run.stop()
    raise AssertionError(f"make edit did not answer within {seconds:.0f} s:\n{log.read_text(errors='replace')}")


def wait_for_page(url: str, text: str, absent: str | None = None, seconds: float = 90) -> str:
    """The preview page at `url` once it holds `text` (and no longer `absent`): the preview rebuilds after a save."""
    deadline = time.monotonic() + seconds
    html = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                html = response.read().decode("utf-8")
        except (OSError, urllib.error.URLError):
            html = ""
        if text in html and (absent is None or absent not in html):
            return html
        time.sleep(0.5)
    raise AssertionError(f"{url} did not show {text!r} (without {absent!r}) within {seconds:.0f} s:\n{html[:2000]}")
