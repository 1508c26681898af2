"""Shared fixtures: one full build of the real site per session, served on 127.0.0.1, and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

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
    log: str  # everything MkDocs printed, to assert that a strict build warned about nothing


def build_site(site_dir: Path, data_dir: Path = PROJECT / "data", extra_env: dict[str, str] | None = None) -> BuiltSite:
    """`mkdocs build --strict` of the project's config into `site_dir`, as `make build` runs it."""
    env = {**os.environ, "SITEGEN_DATA": str(data_dir), "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(PROJECT / "mkdocs.yml"),
        "-d",
        str(site_dir),
    ]
    result = subprocess.run(command, env=env, cwd=PROJECT, capture_output=True, text=True)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build failed:\n{log}"
    return BuiltSite(site_dir, log)


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The server's port is chosen before the build, so the site's absolute URLs (canonical,
    hreflang, sitemap, JSON-LD) name the very origin the tests load it from."""
    root = tmp_path_factory.mktemp("site") / "site"
    server, url = serve_folder(root)
    yield root, url
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(_site_server: tuple[Path, str]) -> BuiltSite:
    root, url = _site_server
    return build_site(root, extra_env={"SITE_URL": url + "/"})


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve_folder(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite, _site_server: tuple[Path, str]) -> str:
    """Base URL (no trailing slash) of the built site served over HTTP on 127.0.0.1; also its `site_url`."""
    return _site_server[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's headless Chromium driven by Playwright (installed by scripts/install-browser.sh)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run `make browser`"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator[object]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def site_builder():
    """`build_site`, for module fixtures that build their own data folder: under tests/site/,
    `import conftest` finds tests/site/conftest.py, not this file."""
    return build_site
