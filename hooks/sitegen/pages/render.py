"""Render the model into one Markdown page per page and language; pure functions, no MkDocs.

Each page is a template in `templates/` given plain data; the templates escape every text from data/,
so Markdown or HTML typed into a YAML file reaches the page as the characters typed, never as markup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from sitegen.content.icons import icon_svg
from sitegen.content.model import LANGUAGES, Decision, Site, TaskGroup
from sitegen.memo import per_object
from sitegen.pages import news
from sitegen.pages.labels import citation, decision_name, format_date, format_percent_range, label
from sitegen.pages.overview import DEFAULT_GROUP_ICON, group_list, highlights
from sitegen.pages.sharing import cite_and_share, print_qr
from sitegen.pages.templating import render
from sitegen.pages.text import RenderedPage, Shown, banner_note, front_matter, plain, shown, text_html
from sitegen.pages.urls import (
    ABOUT_PAGE,
    ACCESSIBILITY_PAGE,
    HOME_PAGE,
    STATUS_PAGE,
    absolute_url,
    decision_page,
    group_page,
    link,
    open_data_path,
    relative_file_url,
    relative_url,
)


@dataclass(frozen=True)
class GroupItem:
    """A task group as the decision page lists it and a group page links to its neighbours."""

    number: int
    title: Shown
    title_html: Markup | None  # the title as raw HTML shows it (text.j2's text_html), where a page needs it
    href: str
    text: Shown | None = None


def render_site(site: Site, site_url: str = "") -> list[RenderedPage]:
    """Every page of the site in every language; `site_url` makes the permanent addresses absolute."""
    pages = []
    for lang in LANGUAGES:
        pages.append(render_home(site, lang))
        pages.append(render_about(site, lang))
        pages.append(render_accessibility(site, lang))
        for decision in site.decisions:
            pages.append(render_decision(decision, lang, site_url))
            pages.extend(render_task_group(decision, group, lang, site_url) for group in decision.groups)
            pages.extend(news.render_update_pages(decision, lang))
    return pages


def newest_decision(site: Site) -> Decision:
    return max(site.decisions, key=lambda d: d.date)


def render_home(site: Site, lang: str) -> RenderedPage:
    """Phone first: the title, one sentence saying what was decided, then the task groups as a compact
    list; the motto and objective after it (beside it on a wide screen), then the updates."""
    path = HOME_PAGE
    decision = newest_decision(site)
    title = label(lang, "home_title")
    lead = label(
        lang,
        "home_lead",
        date=format_date(decision.date, lang),
        issuer=plain(decision.issuer, lang),
        decision=decision_name(decision, lang),
        n=len(decision.groups),
    )
    body = render(
        "home.md.j2",
        lang=lang,
        banner_note=banner_note(lang, decision),
        title=title,
        lead=lead,
        group_list=group_list(decision, path, lang),
        highlights=highlights(decision, lang),
        latest_updates=news.render_latest_updates(site, lang, path),
        summary=shown(decision.summary, lang),
        decision_href=link(path, decision_page(decision)),
    )
    # no table of contents beside the overview: the list and the highlights get the width
    meta = front_matter(title, plain(decision.summary, lang), hide=("toc",), search_priority=1)
    return RenderedPage(path, lang, meta + body)


def render_decision(decision: Decision, lang: str, site_url: str = "") -> RenderedPage:
    path = decision_page(decision)
    name = decision_name(decision, lang)
    url = absolute_url(site_url, path, lang)
    source = decision.source
    target = decision.growth_target
    other_lang = next(other for other in LANGUAGES if other != lang)
    body = render(
        "decision.md.j2",
        lang=lang,
        banner_note=banner_note(lang, decision),
        name=name,
        print_qr=print_qr(url, lang),
        title=shown(decision.title, lang),
        doc_type=plain(decision.doc_type, lang),
        number=decision.number,
        date_iso=decision.date.isoformat(),
        date_text=format_date(decision.date, lang),
        issuer=plain(decision.issuer, lang),
        source={
            "publisher": plain(source.publisher, lang),
            "url": source.url,
            "headline": plain(source.headline, lang),
        },
        other_lang=other_lang,
        other_href=relative_url(path, path, lang, other_lang),
        open_data_href=relative_file_url(path, open_data_path(decision)),
        motto=shown(decision.motto, lang),
        target={
            "indicator": plain(target.indicator, lang),
            "year": target.year,
            "value": format_percent_range(target.low_percent, target.high_percent, lang),
        },
        objective=shown(decision.objective, lang),
        groups=[
            GroupItem(
                group.number,
                shown(group.title, lang),
                None,
                link(path, group_page(decision, group)),
                shown(group.text, lang),
            )
            for group in decision.groups
        ],
        cite_and_share=cite_and_share(citation(decision, lang), url, name, lang),
    )
    return RenderedPage(path, lang, front_matter(name, plain(decision.title, lang), search_priority=1) + body)


_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


# Every group page lists the groups: all of them for a plan of a few dozen (the nine of today), a window
# around the current one beyond that, since a full list on every page makes the build quadratic in groups.
GROUP_NAV_ALL = 25
GROUP_NAV_WINDOW = 10


def neighbouring_groups(decision: Decision, group: TaskGroup) -> tuple[TaskGroup, ...]:
    """The groups a group page lists: all, or up to GROUP_NAV_WINDOW either side of `group` in a large plan."""
    groups = decision.groups
    if len(groups) <= GROUP_NAV_ALL:
        return tuple(groups)
    here = group_positions(decision)[id(group)]
    return tuple(groups[max(0, here - GROUP_NAV_WINDOW) : here + GROUP_NAV_WINDOW + 1])


@per_object
def group_titles(decision: Decision) -> dict[tuple[int, str], tuple[Shown, Markup]]:
    """Each group's title in each language, as shown and as raw HTML shows it, made once: every group page
    lists up to 21 groups, and a macro call per title was a third of rendering them."""
    return {
        (group.number, lang): (shown(group.title, lang), text_html(group.title, lang))
        for group in decision.groups
        for lang in LANGUAGES
    }


@per_object
def group_positions(decision: Decision) -> dict[int, int]:
    """Where each group (by identity) is in its decision's list: a scan per group page was groups × groups."""
    return {id(group): position for position, group in enumerate(decision.groups)}


def render_task_group(decision: Decision, group: TaskGroup, lang: str, site_url: str = "") -> RenderedPage:
    """Content first: the group's text and what the source says of it, its updates, every task group
    with this one marked, then citing and sharing folded into a disclosure."""
    path = group_page(decision, group)
    title = f"{label(lang, 'group_n', n=group.number)}: {plain(group.title, lang)}"
    url = absolute_url(site_url, path, lang)
    # say honestly how much the source article says of the group: one sentence, for every group today
    one_sentence = len(_SENTENCE_END.findall(group.text.vi.strip())) <= 1
    body = render(
        "group.md.j2",
        lang=lang,
        banner_note=banner_note(lang, decision),
        number=group.number,
        icon=Markup(icon_svg(group.icon or DEFAULT_GROUP_ICON)),  # an SVG file bundled with the theme
        title=shown(group.title, lang),
        print_qr=print_qr(url, lang),
        decision_name=decision_name(decision, lang),
        decision_href=link(path, decision_page(decision)),
        decision_dir=relative_url(path, decision_page(decision)),
        text=shown(group.text, lang),
        source_note="source_note_one_sentence" if one_sentence else "source_note",
        source={"url": decision.source.url, "publisher": shown(decision.source.publisher, lang)},
        group_updates=news.render_group_updates(decision, group, path, lang),
        groups=[
            GroupItem(
                other.number,
                *group_titles(decision)[other.number, lang],
                relative_url(path, group_page(decision, other)),
            )
            for other in neighbouring_groups(decision, group)
        ],
        cite_and_share=cite_and_share(citation(decision, lang, group), url, title, lang),
    )
    feeds = news.group_feed_meta(decision, group, lang)
    # the group's one-line summary, where the data has one, describes the page to search engines and link previews
    description = plain(group.summary or group.text, lang)
    return RenderedPage(path, lang, front_matter(title, description, feeds=feeds, search_priority=1) + body)


def render_about(site: Site, lang: str) -> RenderedPage:
    path = ABOUT_PAGE
    title = label(lang, "about_title")
    decision = newest_decision(site)
    source = decision.source
    body = render(
        "about.md.j2",
        lang=lang,
        banner_note=banner_note(lang, decision),
        title=title,
        decision_name=decision_name(decision, lang),
        decision_href=link(path, decision_page(decision)),
        source={
            "headline": plain(source.headline, lang),
            "publisher": plain(source.publisher, lang),
            "author": source.author,
            "url": source.url,
        },
        translation_note=shown(decision.translation_note, lang),
        status_href=link(path, STATUS_PAGE),
        citation=citation(decision, lang),
    )
    return RenderedPage(path, lang, front_matter(title, label(lang, "about_what_text")) + body)


def render_accessibility(site: Site, lang: str) -> RenderedPage:
    """The accessibility statement: what is tested, the known limits, and where to report a problem."""
    path = ACCESSIBILITY_PAGE
    title = label(lang, "accessibility_title")
    decision = newest_decision(site)
    source = decision.source
    body = render(
        "accessibility.md.j2",
        lang=lang,
        banner_note=banner_note(lang, decision),
        title=title,
        source={
            "url": source.url,
            "publisher": shown(source.publisher, lang),
            "headline": shown(source.headline, lang),
        },
    )
    return RenderedPage(path, lang, front_matter(title, label(lang, "accessibility_intro")) + body)
