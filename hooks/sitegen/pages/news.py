"""Pages of the press office's updates: the paginated list, one page per update, a group's timeline
and the home page's latest three. The data for templates/news.j2, update.md.j2 and updates.md.j2."""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup

from sitegen.content.model import Decision, Site, TaskGroup, Update
from sitegen.content.richtext import to_html
from sitegen.content.updates import newest_first
from sitegen.memo import per_object
from sitegen.pages.labels import format_date, label
from sitegen.pages.photos import picture
from sitegen.pages.templating import macros, render
from sitegen.pages.text import RenderedPage, Shown, banner_note, front_matter, plain, shown
from sitegen.pages.urls import (
    SITE_FEED,
    decision_page,
    group_feed_file,
    group_page,
    language_prefix,
    link,
    update_page,
    updates_page,
)

PER_PAGE = 20
LATEST_ON_HOME = 3


@dataclass(frozen=True)
class GroupLink:
    name: str
    href: str
    tip: str = ""  # the link's title: the group's full name


@dataclass(frozen=True)
class Entry:
    """One update as lists and its own page show it."""

    slug: str
    date_iso: str
    date_text: str
    # "Ngày ban hành quyết định" when the update is dated the decision's own day: the announcement of the
    # decision, whose source prints no publication date, must not pass the decision's date off as its own
    date_label: str
    title: Shown
    summary: Shown
    href: str  # from the page the entry is shown on
    groups: tuple[GroupLink, ...]


@dataclass(frozen=True)
class SourceLine:
    publisher: str
    url: str
    shown: str  # the headline, or the address when the update names none
    author: str | None


# -- feed titles ---------------------------------------------------------------------------------


def group_feed_title(group: TaskGroup, lang: str) -> str:
    return label(lang, "feed_title_group", group=group_name(group, lang))


def site_feed_title(lang: str) -> str:
    return label(lang, "feed_title_site", site=label(lang, "home_title"))


def group_name(group: TaskGroup, lang: str) -> str:
    """`Nhóm nhiệm vụ 3: Quản lý ngân sách`: a group's full name."""
    return f"{label(lang, 'group_n', n=group.number)}: {plain(group.title, lang)}"


# -- the data the templates get ------------------------------------------------------------------


def entry(
    decision: Decision, update: Update, from_path: str, lang: str, *, full_names: bool = False, groups: bool = True
) -> Entry:
    """An update seen from `from_path`; lists name its groups short (with the full name as a tip), its own
    page in full, a group's timeline not at all (`groups=False`)."""
    by_number = groups_by_number(decision)
    links = []
    for number in update.groups if groups else ():
        group = by_number[number]
        href = link(from_path, group_page(decision, group))
        if full_names:
            links.append(GroupLink(group_name(group, lang), href))
        else:
            tip = group_name(group, lang).replace('"', "'")  # it goes into a Markdown link title "..."
            links.append(GroupLink(label(lang, "group_short", n=number), href, tip))
    return Entry(
        slug=update.slug,
        date_iso=update.date.isoformat(),
        date_text=format_date(update.date, lang),
        date_label=label(lang, "decision_date") if update.date == decision.date else "",
        title=shown(update.title, lang),
        summary=shown(update.summary, lang),
        href=link(from_path, update_page(decision, update)),
        groups=tuple(links),
    )


# -- pages ---------------------------------------------------------------------------------------


def render_update_pages(decision: Decision, lang: str) -> list[RenderedPage]:
    """The paginated list and one page per update, in one language."""
    updates = decision.updates  # newest first, as validated (model.py)
    total = max(1, math.ceil(len(updates) / PER_PAGE))
    pages = [
        _render_list_page(decision, updates[(n - 1) * PER_PAGE : n * PER_PAGE], n, total, lang)
        for n in range(1, total + 1)
    ]
    pages.extend(render_update(decision, update, lang) for update in updates)
    return pages


def _render_list_page(decision: Decision, updates: tuple[Update, ...], n: int, total: int, lang: str) -> RenderedPage:
    path = updates_page(decision, n)
    title = label(lang, "updates")
    if total > 1:
        title = f"{title} ({label(lang, 'page_n_of', n=n, total=total)})"
    body = render(
        "updates.md.j2",
        lang=lang,
        banner_note=banner_note(lang, decision),
        title=title,
        feed_href=link(path, SITE_FEED),
        entries=[entry(decision, update, path, lang) for update in updates],
        n=n,
        total=total,
        newer_href=link(path, updates_page(decision, n - 1)) if n > 1 else "",
        older_href=link(path, updates_page(decision, n + 1)) if n < total else "",
    )
    return RenderedPage(path, lang, front_matter(title, label(lang, "updates_intro")) + body)


def render_update(decision: Decision, update: Update, lang: str) -> RenderedPage:
    path = update_page(decision, update)
    source = None
    if update.source:
        source = SourceLine(
            publisher=plain(update.source.publisher, lang),
            url=update.source.url,
            shown=plain(update.source.headline, lang) if update.source.headline else update.source.url,
            author=update.source.author,
        )
    body = render(
        "update.md.j2",
        lang=lang,
        banner_note=banner_note(lang, decision),
        draft=update.draft,
        entry=entry(decision, update, path, lang, full_names=True),
        body=shown(update.body, lang),
        untranslated=all(text.best(lang)[1] != lang for text in (update.title, update.summary, update.body)),
        body_html=Markup(to_html(plain(update.body, lang))),  # safe by construction: content/richtext.py
        source=source,
        picture=picture(update, lang),
        back_href=link(path, updates_page(decision)),
        decision_href=link(path, decision_page(decision)),
    )
    return RenderedPage(path, lang, front_matter(plain(update.title, lang), plain(update.summary, lang)) + body)


@per_object
def groups_by_number(decision: Decision) -> dict[int, TaskGroup]:
    """Built once per decision: every entry of every list looks its groups up (groups × updates before)."""
    return {group.number: group for group in decision.groups}


@per_object
def updates_by_group(decision: Decision) -> dict[int, tuple[Update, ...]]:
    """Each group number's updates, newest first like `decision.updates` (model.py); built once per decision,
    where a scan of all updates for every group cost groups × updates."""
    found: dict[int, list[Update]] = {}
    for update in decision.updates:
        for number in dict.fromkeys(update.groups):
            found.setdefault(number, []).append(update)
    return {number: tuple(updates) for number, updates in found.items()}


def render_group_updates(decision: Decision, group: TaskGroup, from_path: str, lang: str) -> Markup:
    """The timeline on a task group's page: the updates concerning it, newest first."""
    concerning = updates_by_group(decision).get(group.number, ())
    entries = [entry(decision, update, from_path, lang, groups=False) for update in concerning]
    return macros("news.j2").group_updates(lang, entries, link(from_path, group_feed_file(decision, group)))


def group_feed_meta(decision: Decision, group: TaskGroup, lang: str) -> list[dict[str, str]]:
    """Front-matter `feeds` of a group page; overrides/partials/feed-links.html turns it into <link>s.

    The path is from the site's root, language folder included: the template's `url` filter makes it
    relative to the page, and English pages live under `en/`."""
    return [{"path": language_prefix(lang) + group_feed_file(decision, group), "title": group_feed_title(group, lang)}]


def render_latest_updates(site: Site, lang: str, from_path: str) -> Markup:
    """The home page's block: the latest three updates of all decisions, and a link to the full list."""
    pairs = ((d, u) for d in site.decisions for u in d.updates)
    latest = newest_first(pairs, lambda pair: pair[1])[:LATEST_ON_HOME]
    if not latest:
        return Markup()
    entries = [entry(decision, update, from_path, lang) for decision, update in latest]
    return macros("news.j2").latest_updates(lang, entries, link(from_path, updates_page(latest[0][0])))
