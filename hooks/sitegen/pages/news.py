"""Pages of the press office's updates: the paginated list, one page per update, a group's timeline
and the home page's latest three. Pure functions from the model to Markdown, like render.py."""

from __future__ import annotations

import math

from sitegen.content.model import Decision, Site, TaskGroup, Text, Update
from sitegen.content.richtext import to_html
from sitegen.content.updates import newest_first
from sitegen.pages.escape import h
from sitegen.pages.labels import format_date, label
from sitegen.pages.text import RenderedPage, block, front_matter, md, plain, translation_banner
from sitegen.pages.urls import (
    SITE_FEED,
    decision_page,
    group_feed_file,
    group_page,
    link,
    update_page,
    updates_page,
)

PER_PAGE = 20
LATEST_ON_HOME = 3

# -- feed titles -------------------------------------------------------------------------------


def group_feed_title(group: TaskGroup, lang: str) -> str:
    return label(
        lang, "feed_title_group", group=f"{label(lang, 'group_n', n=group.number)}: {plain(group.title, lang)}"
    )


def site_feed_title(lang: str) -> str:
    return label(lang, "feed_title_site", site=label(lang, "home_title"))


# -- small pieces --------------------------------------------------------------------------------


def _time(update: Update, lang: str, decision: Decision) -> str:
    """The update's date; on the decision's own date it is labelled so: an update dated the day the decision was
    issued (its announcement, whose source prints no publication date) must not pass it off as its own."""
    stamp = f'<time datetime="{update.date.isoformat()}">{h(format_date(update.date, lang))}</time>'
    if update.date == decision.date:
        return f"{h(label(lang, 'decision_date'))}: {stamp}"
    return stamp


def _title_inline(text: Text, lang: str) -> str:
    """A title for Markdown link text; an untranslated one is marked as Vietnamese."""
    value, actual = text.best(lang)
    return md(value) if actual == lang else f'<span lang="vi">{md(value)}</span>'


def rich_block(text: Text, lang: str) -> str:
    """An update's body as safe HTML; untranslated, the Vietnamese under the same notice `render.block` uses."""
    value, actual = text.best(lang)
    body = to_html(value)
    if actual == lang:
        return f'<div class="update-body">\n{body}\n</div>\n\n'
    notice = h(label(lang, "not_translated"))
    return (
        f'<div class="update-body untranslated" lang="vi">\n'
        f'<p class="untranslated__notice" lang="{lang}">{notice}</p>\n{body}\n</div>\n\n'
    )


def _group_links(decision: Decision, update: Update, from_path: str, lang: str) -> str:
    groups = {g.number: g for g in decision.groups}
    links = []
    for number in update.groups:
        group = groups[number]
        tip = f"{label(lang, 'group_n', n=number)}: {plain(group.title, lang)}".replace('"', "'")
        links.append(
            f'[{md(label(lang, "group_short", n=number))}]({link(from_path, group_page(decision, group))} "{h(tip)}")'
        )
    return f"{md(label(lang, 'groups_concerned'))}: {', '.join(links)}\n{{: .update-entry__groups }}\n\n"


def _entry(decision: Decision, update: Update, from_path: str, lang: str, level: str = "##") -> str:
    """One update in a list: date, linked title, summary, the groups it concerns."""
    target = link(from_path, update_page(decision, update))
    return (
        '<article class="update-entry" markdown>\n\n'
        f'<p class="update-entry__date">{_time(update, lang, decision)}</p>\n\n'
        f"{level} [{_title_inline(update.title, lang)}]({target}) {{#update-{update.slug}}}\n\n"
        f"{block(update.summary, lang, '.update-entry__summary')}\n"
        f"{_group_links(decision, update, from_path, lang)}"
        "</article>\n\n"
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
    out = [front_matter(title, label(lang, "updates_intro")), translation_banner(lang, decision)]
    out.append(f"# {md(title)} {{#top}}\n\n{md(label(lang, 'updates_intro'))}\n\n")
    out.append(_feed_link(path, SITE_FEED, lang))
    if not updates:
        out.append(f"{md(label(lang, 'no_updates'))}\n\n")
    out.extend(_entry(decision, update, path, lang) for update in updates)
    if total > 1:
        items = []
        if n > 1:
            items.append(f"[{md(label(lang, 'newer'))}]({link(path, updates_page(decision, n - 1))}){{: rel=prev }}")
        items.append(md(label(lang, "page_n_of", n=n, total=total)))
        if n < total:
            items.append(f"[{md(label(lang, 'older'))}]({link(path, updates_page(decision, n + 1))}){{: rel=next }}")
        out.append('<nav class="update-pagination" markdown>\n\n' + " · ".join(items) + "\n\n</nav>\n")
    return RenderedPage(path, lang, "".join(out))


def render_update(decision: Decision, update: Update, lang: str) -> RenderedPage:
    path = update_page(decision, update)
    title, title_lang = update.title.best(lang)
    out = [front_matter(title, plain(update.summary, lang)), translation_banner(lang, decision)]
    if update.draft:
        out.append(f'<p class="update-draft" role="note">{h(label(lang, "draft"))}</p>\n\n')
    out.append(f'<p class="update-kicker">{h(label(lang, "updates"))} · {_time(update, lang, decision)}</p>\n\n')
    attrs = "#top" if title_lang == lang else "#top lang=vi"
    out.append(f"# {md(title)} {{: {attrs} }}\n\n")
    out.append(block(update.summary, lang, ".update-summary") + "\n")
    out.append(rich_block(update.body, lang))
    if update.source:
        out.append(_source_line(update, lang))
    out.append(f"## {md(label(lang, 'groups_concerned'))} {{#groups}}\n\n")
    groups = {g.number: g for g in decision.groups}
    for number in update.groups:
        group = groups[number]
        text = f"{label(lang, 'group_n', n=number)}: {plain(group.title, lang)}"
        out.append(f"- [{md(text)}]({link(path, group_page(decision, group))})\n")
    back = f"[{md(label(lang, 'back_to_updates'))}]({link(path, updates_page(decision))})"
    to_decision = f"[{md(label(lang, 'back_to_decision'))}]({link(path, decision_page(decision))})"
    out.append(f'\n<nav class="update-nav" markdown>\n\n{back} · {to_decision}\n\n</nav>\n')
    return RenderedPage(path, lang, "".join(out))


def _source_line(update: Update, lang: str) -> str:
    source = update.source
    assert source is not None
    shown = plain(source.headline, lang) if source.headline else source.url
    parts = [f'{h(plain(source.publisher, lang))}: <a href="{h(source.url)}" rel="external">{h(shown)}</a>']
    if source.author:
        parts.append(f"{h(label(lang, 'author'))}: {h(source.author)}")
    return f'<p class="update-source"><strong>{h(label(lang, "source"))}:</strong> {". ".join(parts)}</p>\n\n'


def _feed_link(from_path: str, feed_path: str, lang: str) -> str:
    # the paragraph gets an id too: every paragraph of a group page has a stable anchor (issue 9)
    return f"[{md(label(lang, 'follow_feed'))}]({link(from_path, feed_path)}){{: .update-feed type=application/atom+xml }}\n{{: #updates-feed }}\n\n"


def render_group_updates(decision: Decision, group: TaskGroup, from_path: str, lang: str) -> str:
    """The timeline on a task group's page: the updates concerning it, newest first."""
    out = [f"## {md(label(lang, 'group_updates'))} {{#updates}}\n\n"]
    concerning = [u for u in decision.updates if group.number in u.groups]  # already newest first (model.py)
    if not concerning:
        out.append(f"{md(label(lang, 'no_group_updates'))}\n{{: #updates-none }}\n\n")
    else:
        items = [
            f"- {_time(update, lang, decision)} [{_title_inline(update.title, lang)}]({link(from_path, update_page(decision, update))})\n"
            for update in concerning
        ]
        out.append('<div class="update-timeline" markdown>\n\n' + "".join(items) + "\n</div>\n\n")
    out.append(_feed_link(from_path, group_feed_file(decision, group), lang))
    return "".join(out)


def group_feed_meta(decision: Decision, group: TaskGroup, lang: str) -> list[dict[str, str]]:
    """Front-matter `feeds` of a group page; overrides/partials/feed-links.html turns it into <link>s.

    The path is from the site's root, language folder included: the template's `url` filter makes it
    relative to the page, and English pages live under `en/`."""
    root = "" if lang == "vi" else f"{lang}/"
    return [{"path": root + group_feed_file(decision, group), "title": group_feed_title(group, lang)}]


def render_latest_updates(site: Site, lang: str, from_path: str = "index.md") -> str:
    """The home page's block: the latest three updates of all decisions, and a link to the full list."""
    pairs = ((d, u) for d in site.decisions for u in d.updates)
    latest = newest_first(pairs, lambda pair: pair[1])[:LATEST_ON_HOME]
    if not latest:
        return ""
    out = [f"## {md(label(lang, 'latest_updates'))} {{#latest-updates}}\n\n"]
    out.extend(_entry(decision, update, from_path, lang, level="###") for decision, update in latest)
    newest_decision = latest[0][0]
    out.append(f"[{md(label(lang, 'all_updates'))}]({link(from_path, updates_page(newest_decision))})\n\n")
    return "".join(out)
