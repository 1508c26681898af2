"""The entries of `sitemap.xml`: every page with its vi, en and x-default alternates, from data.

The root sitemap lists both languages; `/en/sitemap.xml` lists the English pages only, since a
sitemap may only list addresses under its own folder. `<lastmod>` is when the data a page is made from
last changed: the latest commit date of those data files (sitegen/content/githistory.py), the same for every
build of a commit and never the build's clock or the decision's date. A page made from a file that is not
committed has no `<lastmod>`: nobody knows when it will be published.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sitegen.content.model import DEFAULT_LANGUAGE, LANGUAGES, Site
from sitegen.pages.news import groups_by_number, updates_by_group
from sitegen.pages.urls import absolute, find_page
from sitegen.publish.headmeta import Alternate, alternates


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: tuple[Alternate, ...]
    lastmod: datetime.date | None = None


def sitemap_entries(
    paths: tuple[str, ...],
    root: str,
    lang: str,
    lastmod: datetime.date | Callable[[str], datetime.date | None] | None = None,
) -> list[SitemapEntry]:
    """The entries of the sitemap the build of `lang` writes at its own root; `paths` are the pages'
    address paths (`qd-166-2021/`), each published in every language. `lastmod` is one date for every page,
    or a function of the page's path (`page_last_changed`)."""
    languages = LANGUAGES if lang == DEFAULT_LANGUAGE else (lang,)
    dated = lastmod if callable(lastmod) else (lambda path: lastmod)
    return [
        SitemapEntry(absolute(root, path, entry_lang), alternates(root, path), dated(path))
        for entry_lang in languages
        for path in paths
    ]


def page_sources(site: Site, path: str) -> tuple[str, ...]:
    """The data files a page is made from (`data/decisions/…`): a group page from its decision, its group and
    the updates that concern it; an update from itself, its decision and its groups; the decision page from
    its decision and groups; any other page (home, about, lists) from everything."""
    page = find_page(site, path)
    decision = page.decision
    if decision is None:
        return tuple(
            file
            for d in site.decisions
            for file in (d.data_file, *(g.data_file for g in d.groups), *(u.data_file for u in d.updates))
        )
    if page.update is not None:
        by_number = groups_by_number(decision)
        groups = [by_number[n].data_file for n in sorted(set(page.update.groups)) if n in by_number]
        return (page.update.data_file, decision.data_file, *groups)
    if page.group is not None:
        concerning = [u.data_file for u in updates_by_group(decision).get(page.group.number, ())]
        return (decision.data_file, page.group.data_file, *concerning)
    return (decision.data_file, *(g.data_file for g in decision.groups))


def page_last_changed(site: Site, committed: Mapping[str, datetime.datetime]) -> Callable[[str], datetime.date | None]:
    """`path` → the day (UTC) its data last changed in git, or None when one of its files is not committed."""

    def last_changed(path: str) -> datetime.date | None:
        dates = [committed.get(file) for file in page_sources(site, path)]
        if not dates or None in dates:
            return None
        return max(dates).astimezone(datetime.UTC).date()

    return last_changed
