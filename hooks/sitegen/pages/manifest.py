"""The page manifest: what `generate` tells `publish` about every page it wrote (address, language,
counterpart, title, description, search priority, kind), as JSON beside the generated folder."""

from __future__ import annotations

import datetime
import html
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from sitegen.content.model import DEFAULT_LANGUAGE, LANGUAGES, Site
from sitegen.pages.urls import HOME_PAGE, UPDATES_FOLDER, find_page, language_prefix, page_url_path

MANIFEST_VERSION = 1
NOT_FOUND_SOURCE = "404.md"  # built like any page at /404/; publish turns it into the language's 404.html


@dataclass(frozen=True)
class PageEntry:
    path: str  # address without language: "" (home), "qd-166-2021/", "about/"
    lang: str
    url: str  # site-relative address in this language: "", "en/", "en/qd-166-2021/"
    counterpart: str  # the same page in the other language (every page exists in both)
    title: str  # plain text
    description: str  # plain text; "" when the page has none (the theme then shows the site's)
    search_priority: int
    kind: str  # home, decision, group, updates, update, not_found, or the page's name (about, translations)


@dataclass(frozen=True)
class Manifest:
    site_url: str  # with one trailing slash
    data_dir: str  # where the model came from (publish reloads it when run on its own)
    drafts: bool
    lastmod: str | None  # ISO date: the latest date in the data (the build date of sitemap.xml.gz and the theme)
    site_names: dict[str, str]
    site_descriptions: dict[str, str]
    pages: tuple[PageEntry, ...] = field(default_factory=tuple)
    version: int = MANIFEST_VERSION

    def published_pages(self) -> list[PageEntry]:
        """The pages search engines and readers find: all but the not-found page."""
        return [page for page in self.pages if page.kind != "not_found"]

    @property
    def lastmod_date(self) -> datetime.date | None:
        return datetime.date.fromisoformat(self.lastmod) if self.lastmod else None


def front_matter(markdown: str) -> dict:
    """The YAML front matter the renderer wrote at the top of a page (JSON strings, HTML-escaped text)."""
    if not markdown.startswith("---\n"):
        return {}
    end = markdown.find("\n---\n", 4)
    # libyaml's loader: the pure-Python one took a third of generate at 4,000 pages (same results)
    return (yaml.load(markdown[4:end], Loader=yaml.CSafeLoader) or {}) if end != -1 else {}


def page_kind(site: Site, path: str) -> str:
    """What a source path (`qd-166-2021/ngan-sach.md`) shows, from the model and the site's layout."""
    if path == HOME_PAGE:
        return "home"
    if path == NOT_FOUND_SOURCE:
        return "not_found"
    parts = path.split("/")
    if len(parts) > 2 and parts[1] == UPDATES_FOLDER:
        return "updates" if parts[2] in ("index.md", "trang") else "update"
    found = find_page(site, page_url_path(path))
    if found.group is not None:
        return "group"
    if found.decision is not None:
        return "decision"
    return path.removesuffix(".md").rsplit("/", 1)[-1]


def page_entry(site: Site, source_path: str, lang: str, markdown: str) -> PageEntry:
    meta = front_matter(markdown)
    path = page_url_path(source_path)
    other = next(other for other in LANGUAGES if other != lang)
    return PageEntry(
        path=path,
        lang=lang,
        url=language_prefix(lang) + path,
        counterpart=language_prefix(other) + path,
        title=html.unescape(str(meta.get("title") or "")),
        description=html.unescape(str(meta.get("description") or "")),
        search_priority=int(meta.get("search_priority") or 0),
        kind=page_kind(site, source_path),
    )


def write_manifest(manifest: Manifest, target: Path) -> Path:
    text = json.dumps(asdict(manifest), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return target


def read_manifest(source: Path) -> Manifest:
    data = json.loads(source.read_text(encoding="utf-8"))
    if data.get("version") != MANIFEST_VERSION:
        raise ValueError(f"{source}: page manifest version {data.get('version')}, expected {MANIFEST_VERSION}")
    pages = tuple(PageEntry(**page) for page in data.pop("pages"))
    return Manifest(**data, pages=pages)


def default_language_first(pages: list[PageEntry]) -> list[PageEntry]:
    return sorted(pages, key=lambda page: (page.lang != DEFAULT_LANGUAGE, page.lang, page.url))
