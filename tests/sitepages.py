"""Paths of the built site's pages and of the test tools, for tests that walk every page in both languages."""

from __future__ import annotations

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"  # installed by scripts/install-node-tools.sh
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]  # WCAG 2.0, 2.1 and 2.2, levels A and AA


def all_pages(root: Path) -> list[str]:
    """Every content page in both languages (`en/about/index.html`), 404 pages excluded."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.name != "404.html")


def page_path(relative: str) -> str:
    """A page's path without language or file name: `en/about/index.html` → `about/`."""
    return relative.removeprefix("en/").removesuffix("index.html")
