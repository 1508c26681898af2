"""Paths of the built site's pages, for tests that walk every page in both languages."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def all_pages(root: Path) -> list[str]:
    """Every content page in both languages (`en/about/index.html`), 404 pages excluded."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.name != "404.html")


def page_path(relative: str) -> str:
    """A page's path without language or file name: `en/about/index.html` → `about/`."""
    return relative.removeprefix("en/").removesuffix("index.html")
