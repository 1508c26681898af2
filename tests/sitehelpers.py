"""Build and serve the project's site from tests: plain functions, importable from any test module
(`import conftest` would find tests/site/conftest.py under tests/site/)."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str  # everything the build printed, to assert that a strict build warned about nothing


def build_site(
    site_dir: Path, data_dir: Path = PROJECT / "data", extra_env: dict[str, str] | None = None, engine: str = "mkdocs"
) -> BuiltSite:
    """The project's build command (`make build`: generate, the engine with --strict, publish) into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    env.pop("SITEGEN_DEBUG", None)
    command = [
        sys.executable,
        "-m",
        "sitegen.engine.build",
        "build",
        "--data",
        str(data_dir),
        "--site-dir",
        str(site_dir),
    ]
    result = subprocess.run([*command, "--engine", engine], env=env, cwd=PROJECT, capture_output=True, text=True)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"the build failed:\n{log}"
    return BuiltSite(site_dir, log)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


# issue 7: the test tools and the built site's pages
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"  # installed by scripts/install-node-tools.sh
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # WCAG 2.0, 2.1 and 2.2, levels A and AA


def all_pages(root: Path) -> list[str]:
    """Every content page in both languages (`en/about/index.html`), 404 pages excluded."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.name != "404.html")


def page_path(relative: str) -> str:
    """A page's path without language or file name: `en/about/index.html` → `about/`."""
    return relative.removeprefix("en/").removesuffix("index.html")
