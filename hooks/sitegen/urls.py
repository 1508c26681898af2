"""Absolute addresses of the published pages and files, from `site_url`: one place for the URL scheme.

Every page exists in both languages at the same path: Vietnamese at `/<path>`, English at `/en/<path>`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import DEFAULT_LANGUAGE, Decision, Site, TaskGroup


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
    return f"{decision.slug}/"


def group_path(decision: Decision, group: TaskGroup) -> str:
    return f"{decision.slug}/{group.slug}/"


def open_data_path(decision: Decision) -> str:
    return f"{decision.slug}/decision.json"


@dataclass(frozen=True)
class PageRef:
    """What a page shows: a decision, one of its groups, or neither (home, about)."""

    path: str
    decision: Decision | None = None
    group: TaskGroup | None = None


def find_page(site: Site, path: str) -> PageRef:
    for decision in site.decisions:
        if path == decision_path(decision):
            return PageRef(path, decision)
        for group in decision.groups:
            if path == group_path(decision, group):
                return PageRef(path, decision, group)
    return PageRef(path)


def all_page_paths(site: Site) -> list[str]:
    """Every page's path, in the order the sitemap lists them (the same in both languages)."""
    paths = ["", "about/"]
    for decision in site.decisions:
        paths.append(decision_path(decision))
        paths.extend(group_path(decision, group) for group in decision.groups)
    return paths
