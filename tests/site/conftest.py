"""Helpers to read pages of the built site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitehelpers import AXE, AXE_TAGS


def html_pages(root: Path) -> list[str]:
    """Site-relative paths of every content page (`qd-166-2021/index.html`), 404 pages excluded."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.name != "404.html")


@pytest.fixture(scope="session")
def soup_of(built_site):
    cache: dict[str, BeautifulSoup] = {}

    def load(relative: str) -> BeautifulSoup:
        if relative not in cache:
            cache[relative] = BeautifulSoup((built_site.root / relative).read_text(encoding="utf-8"), "html.parser")
        return cache[relative]

    return load


@pytest.fixture(scope="session")
def vietnamese_pages(built_site) -> list[str]:
    return [p for p in html_pages(built_site.root) if not p.startswith("en/")]


@pytest.fixture(scope="session")
def page_visits(browser, built_site, site_url) -> dict[str, dict]:
    """Every page of both languages (404 pages too) opened once in Chromium: what it requested, which
    requests failed, and what axe-core found. One visit serves several tests, to keep them fast."""
    assert AXE.is_file(), "axe-core is missing: run `make node-tools`"
    script = AXE.read_text(encoding="utf-8")
    visits: dict[str, dict] = {}
    context = browser.new_context()
    try:
        for relative in [*html_pages(built_site.root), "404.html", "en/404.html"]:
            visit: dict = {"requests": [], "failed": []}
            page = context.new_page()
            page.on("request", lambda request, visit=visit: visit["requests"].append(request.url))
            page.on("response", lambda response, visit=visit: response.ok or visit["failed"].append(response.url))
            page.on("requestfailed", lambda request, visit=visit: visit["failed"].append(request.url))
            page.goto(f"{site_url}/{relative.removesuffix('index.html')}", wait_until="networkidle")
            page.add_script_tag(content=script)
            visit["violations"] = page.evaluate(
                """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}}))
                    .violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)""",
                AXE_TAGS,
            )
            page.close()
            visits[relative] = visit
    finally:
        context.close()
    return visits
