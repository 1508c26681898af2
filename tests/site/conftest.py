"""Helpers to read pages of the built site."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup


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
