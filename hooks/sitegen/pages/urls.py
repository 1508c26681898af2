"""Every page's address, in one place: its generated source file (`*_page`), its address path (`*_path`),
relative links between pages, and absolute URLs. Each page exists in both languages at the same path:
Vietnamese at `/<path>`, English at `/en/<path>`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from sitegen.content.model import DEFAULT_LANGUAGE, Decision, Site, TaskGroup, Update
from sitegen.memo import per_object

HOME_PAGE = "index.md"
ABOUT_PAGE = "about.md"
ACCESSIBILITY_PAGE = "accessibility.md"  # the accessibility statement (issue 15)
STATUS_PAGE = "translations.md"  # the translation status page (translation_pages.py)
UPDATES_FOLDER = "tin-tuc"  # web address of the updates list, the same in both languages like every slug
SITE_FEED = "feed.xml"
DECISION_GROUPS_ANCHOR = "task-groups"  # the decision page's list of its task groups (decision.md.j2)


# -- source files: what Markdown links point to (MkDocs checks and localises them) ---------------


def decision_page(decision: Decision) -> str:
    return f"{decision.slug}/index.md"


def group_page(decision: Decision, group: TaskGroup) -> str:
    return f"{decision.slug}/{group.slug}.md"


def updates_page(decision: Decision, page: int = 1) -> str:
    """Page 1 of the list is `tin-tuc/index.md`, page n `tin-tuc/trang/n.md` (update slugs can't be `trang`)."""
    base = f"{decision.slug}/{UPDATES_FOLDER}"
    return f"{base}/index.md" if page == 1 else f"{base}/trang/{page}.md"


def update_page(decision: Decision, update: Update) -> str:
    return f"{decision.slug}/{UPDATES_FOLDER}/{update.slug}.md"


def group_feed_file(decision: Decision, group: TaskGroup) -> str:
    """Beside the group's page: `/qd-166-2021/<group>/` serves the page, `.../feed.xml` its feed."""
    return f"{decision.slug}/{group.slug}/feed.xml"


def localised_file(path: str, lang: str) -> str:
    """mkdocs-static-i18n's suffix convention, also for files that are not pages: `feed.en.xml`."""
    if lang == DEFAULT_LANGUAGE:
        return path
    stem, dot, ext = path.rpartition(".")
    return f"{stem}.{lang}{dot}{ext}"


def link(from_page: str, to_page: str) -> str:
    """A relative Markdown link between two source files, which MkDocs checks and localises."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


# -- addresses -----------------------------------------------------------------------------------


def page_url_path(path: str) -> str:
    """`qd-166-2021/ngan-sach.md` → `qd-166-2021/ngan-sach/`, `index.md` → `` (MkDocs' directory URLs)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def relative_url(from_page: str, to_page: str, from_lang: str = DEFAULT_LANGUAGE, to_lang: str | None = None) -> str:
    """The href from one page to another in raw HTML, where MkDocs does not rewrite `.md` links; with
    `to_lang`, to a page of the other language (`../en/qd-166-2021/`)."""
    here = language_prefix(from_lang) + page_url_path(from_page)
    there = language_prefix(to_lang or from_lang) + page_url_path(to_page)
    relative = posixpath.relpath(there or ".", here or ".")
    return "./" if relative == "." else f"{relative}/"


def relative_file_url(from_page: str, path: str) -> str:
    """The href from a page to a file beside the pages, e.g. `decision.json` from the decision page."""
    return posixpath.relpath(path, page_url_path(from_page) or ".")


def absolute_url(site_url: str, path: str, lang: str) -> str:
    """The permanent address of a source page in a language, e.g. `https://host/en/qd-166-2021/ngan-sach/`."""
    return absolute_file_url(site_url, page_url_path(path), lang)


def absolute_file_url(site_url: str, path: str, lang: str) -> str:
    """The permanent address of a file in a language's tree, e.g. `https://host/en/feed.xml`."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    return f"{base}{language_prefix(lang)}{path}"


# issue 7: absolute addresses for head metadata, sitemaps, JSON-LD and open data


def site_root(site_url: str | None) -> str:
    """`site_url` with exactly one trailing slash; MkDocs' default when it is unset."""
    return (site_url or "http://127.0.0.1:8000/").rstrip("/") + "/"


def language_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_path(url: str, lang: str) -> str:
    """A page's path without its language prefix: MkDocs' `en/qd-166-2021/` → `qd-166-2021/`."""
    url = url.lstrip("/")
    if url in (".", "./"):
        url = ""
    prefix = language_prefix(lang)
    return url.removeprefix(prefix) if prefix and url.startswith(prefix) else url


def absolute(root: str, path: str, lang: str) -> str:
    return f"{root}{language_prefix(lang)}{path}"


def decision_path(decision: Decision) -> str:
    """`qd-166-2021/`: the address path of the decision's page."""
    return page_url_path(decision_page(decision))


def group_path(decision: Decision, group: TaskGroup) -> str:
    return page_url_path(group_page(decision, group))


def update_path(decision: Decision, update: Update) -> str:
    return page_url_path(update_page(decision, update))


def open_data_path(decision: Decision) -> str:
    return f"{decision.slug}/decision.json"


@dataclass(frozen=True)
class PageRef:
    """What a page shows: a decision, one of its groups, one of its updates, or none (home, about, lists)."""

    path: str
    decision: Decision | None = None
    group: TaskGroup | None = None
    update: Update | None = None


def find_page(site: Site, path: str) -> PageRef:
    """What the page at `path` shows; one dictionary look-up (a scan of every group per page was quadratic)."""
    return _pages_by_path(site).get(path) or PageRef(path)


@per_object
def _pages_by_path(site: Site) -> dict[str, PageRef]:
    index: dict[str, PageRef] = {}
    for decision in site.decisions:
        index.setdefault(decision_path(decision), PageRef(decision_path(decision), decision))
        for group in decision.groups:
            index.setdefault(group_path(decision, group), PageRef(group_path(decision, group), decision, group))
        for update in decision.updates:
            index.setdefault(
                update_path(decision, update), PageRef(update_path(decision, update), decision, update=update)
            )
    return index
