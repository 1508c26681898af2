"""The same data built with MkDocs and with Zensical (`make build ENGINE=zensical`) publishes the same
site, page by page: the same pages, article text and heading anchors, the same head metadata, and
byte for byte the same search indexes, sitemaps, open data and robots.txt. Only the theme's chrome
(header, language switcher, the engine's own assets) may differ; README.md says how."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from sitehelpers import BuiltSite, build_site

SITE = "http://127.0.0.1:8000/"  # never served: only written into the pages
PUBLISHED_FILES = (
    "search/vi.json",
    "search/en.json",
    "sitemap.xml",
    "sitemap.xml.gz",
    "en/sitemap.xml",
    "en/sitemap.xml.gz",
    "qd-166-2021/decision.json",
    "en/qd-166-2021/decision.json",
    "robots.txt",
    "feed.xml",
    "en/feed.xml",
)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    root = tmp_path_factory.mktemp("engines")
    return {
        engine: build_site(root / engine / "site", extra_env={"SITE_URL": SITE}, engine=engine)
        for engine in ("mkdocs", "zensical")
    }


def html_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if "assets" not in p.parts)


def soup(site: BuiltSite, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site.root / relative).read_text(encoding="utf-8"), "html.parser")


def article_text(page: BeautifulSoup) -> str:
    return " ".join(page.select_one("article").get_text(" ").split())


def head_facts(page: BeautifulSoup) -> dict:
    head = page.head
    return {
        "lang": page.html["lang"],
        "canonical": [link["href"] for link in head.select("link[rel=canonical]")],
        "hreflang": sorted((link["hreflang"], link["href"]) for link in head.select("link[hreflang]")),
        "open_graph": [(m["property"], m["content"]) for m in head.select("meta[property^='og:']")],
        "json_ld": [json.loads(s.string) for s in head.select('script[type="application/ld+json"]')],
        "description": [m["content"] for m in head.select("meta[name=description]")],
    }


def test_both_engines_publish_the_same_pages(sites) -> None:
    pages = html_files(sites["mkdocs"].root)
    assert len(pages) >= 26 and "404.html" in pages and "en/404.html" in pages
    assert html_files(sites["zensical"].root) == pages


def test_each_page_has_the_same_article_anchors_and_head_in_both_engines(sites) -> None:
    for relative in html_files(sites["mkdocs"].root):
        mkdocs, zensical = soup(sites["mkdocs"], relative), soup(sites["zensical"], relative)
        assert article_text(zensical) == article_text(mkdocs), relative
        # ids of the theme's own (`__skip`: Zensical's skip-link target) are chrome, not content
        anchors = [
            [t["id"] for t in page.select("article [id]") if not t["id"].startswith("__")]
            for page in (mkdocs, zensical)
        ]
        assert anchors[1] == anchors[0], relative
        assert head_facts(zensical) == head_facts(mkdocs), relative


def test_search_indexes_sitemaps_open_data_and_feeds_are_byte_identical(sites) -> None:
    for relative in PUBLISHED_FILES:
        mkdocs, zensical = (sites[engine].root / relative for engine in ("mkdocs", "zensical"))
        assert mkdocs.is_file(), relative
        assert zensical.read_bytes() == mkdocs.read_bytes(), relative


def test_the_menu_leads_to_the_same_task_groups_in_both_engines(sites) -> None:
    """The menu's task groups (overrides/partials/nav.html) are chrome, but both engines must render them
    and lead to the same pages, the current group marked, from each language's pages."""
    for relative in html_files(sites["mkdocs"].root):
        menus = []
        for engine in ("mkdocs", "zensical"):
            links = soup(sites[engine], relative).select(".md-sidebar--primary .site-drawer-groups a")
            menus.append(
                [
                    (urljoin(f"/{relative}", a["href"]), a.get("aria-current"), a.get_text(" ", strip=True))
                    for a in links
                ]
            )
        assert len(menus[0]) == 9 and menus[1] == menus[0], relative


def test_the_footer_leads_to_the_same_existing_pages_in_both_engines(sites) -> None:
    """About, accessibility, open data and the feed, from every page of each language: Zensical writes English
    addresses from its own root, so a footer address with `en/` in it led to /en/en/about/ there."""
    for relative in html_files(sites["mkdocs"].root):
        footers = []
        for engine in ("mkdocs", "zensical"):
            links = soup(sites[engine], relative).select(".site-footer__links a")
            targets = [urljoin(f"/{relative}", a["href"]) for a in links]
            for target in targets:
                file = sites[engine].root / target.lstrip("/")
                assert (file / "index.html" if target.endswith("/") else file).is_file(), (engine, relative, target)
            footers.append(targets)
        assert len(footers[0]) == 4 and footers[1] == footers[0], relative
