"""Shared fixtures: one full build of the real site per session, served on 127.0.0.1, a browser, and a small
fixture site built once per module for the bad-input tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from buildhelpers import run_sitegen
from datafixtures import write_data
from sitehelpers import CHROMIUM, CHROMIUM_ARGS, BuiltSite, build_site, serve_folder


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


# The bad-input and build-folder tests: a site built once per module, then copied beside fresh data
@pytest.fixture(scope="module")
def built_before(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site built once from the valid fixture data, the way `make build` builds it."""
    root = tmp_path_factory.mktemp("built-before")
    data = write_data(root)
    result = run_sitegen("build", "--data", str(data), "--site-dir", str(root / "site"), cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture
def workspace(tmp_path: Path, built_before: Path) -> Path:
    """A fresh valid data folder and a copy of the previously built site side by side in `tmp_path`."""
    write_data(tmp_path)
    shutil.copytree(built_before, tmp_path / "site", symlinks=True)
    return tmp_path
