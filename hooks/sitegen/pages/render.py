"""Render the model into one Markdown page per page and language; pure functions, no MkDocs.

Text from data/ is plain text: it is escaped here, so Markdown or HTML typed into a YAML file
reaches the page as the characters typed, never as markup.
"""

from __future__ import annotations

import re

from sitegen.content.model import LANGUAGES, Decision, Site, TaskGroup
from sitegen.pages import news
from sitegen.pages.escape import h
from sitegen.pages.icons import icon_svg
from sitegen.pages.labels import citation, decision_name, format_date, format_percent_range, label
from sitegen.pages.overview import DEFAULT_GROUP_ICON, group_list, highlights
from sitegen.pages.sharing import cite_and_share, print_qr
from sitegen.pages.text import RenderedPage, block, front_matter, inline, md, plain, text_html, translation_banner
from sitegen.pages.urls import (
    ABOUT_PAGE,
    ACCESSIBILITY_PAGE,
    HOME_PAGE,
    STATUS_PAGE,
    absolute_url,
    decision_page,
    group_page,
    link,
    relative_url,
)


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


def growth_target_line(decision: Decision, lang: str) -> str:
    target = decision.growth_target
    value = format_percent_range(target.low_percent, target.high_percent, lang)
    return f'<p class="growth-target" id="growth-target"><span class="growth-target__label">{h(plain(target.indicator, lang))} ({target.year})</span> <strong class="growth-target__value">{h(value)}</strong></p>\n'


def render_home(site: Site, lang: str) -> RenderedPage:
    """Phone first: the title, one line saying what the province decided, then the task groups as a
    compact list; the motto and objective after it (beside it on a wide screen), then the updates."""
    path = HOME_PAGE
    decision = max(site.decisions, key=lambda d: d.date)
    title = label(lang, "home_title")
    # no table of contents beside the overview: the list and the highlights get the width
    out = [
        front_matter(title, plain(decision.summary, lang), hide=("toc",), search_priority=1),
        translation_banner(lang, decision),
    ]
    lead = label(
        lang,
        "home_lead",
        date=format_date(decision.date, lang),
        issuer=plain(decision.issuer, lang),
        decision=decision_name(decision, lang),
        n=len(decision.groups),
    )
    out.append(f"# {md(title)} {{#top}}\n\n{md(lead)}\n{{: .home-lead #home-lead }}\n\n")
    out.append('<div class="home-overview" markdown>\n\n')
    out.append(group_list(decision, path, lang))
    out.append(highlights(decision, lang))
    out.append("</div>\n\n")
    out.append(news.render_latest_updates(site, lang, path))
    out.append(f"## {md(label(lang, 'decision_section'))} {{#decision}}\n\n")
    out.append(block(decision.summary, lang, "#decision-summary") + "\n")
    out.append(f"{md(label(lang, 'site_intro'))}\n{{: .home-intro #home-intro }}\n\n")
    out.append(
        f"[{md(label(lang, 'read_decision'))}]({link(path, decision_page(decision))})\n{{: #read-decision }}\n\n"
    )
    return RenderedPage(path, lang, "".join(out))


def render_decision(decision: Decision, lang: str, site_url: str = "") -> RenderedPage:
    path = decision_page(decision)
    name = decision_name(decision, lang)
    url = absolute_url(site_url, path, lang)
    out = [front_matter(name, plain(decision.title, lang), search_priority=1), translation_banner(lang, decision)]
    out.append(f"# {md(name)} {{#top}}\n\n")
    out.append(print_qr(url, lang))
    out.append(f'<p class="decision-title" id="decision-title">{text_html(decision.title, lang)}</p>\n\n')
    out.append(_metadata_panel(decision, path, lang))
    out.append(f"## {md(label(lang, 'motto'))} {{#motto}}\n\n")
    out.append(f'<p class="motto" id="motto-text">“{text_html(decision.motto, lang)}”</p>\n\n')
    out.append(f"## {md(label(lang, 'objective'))} {{#objective}}\n\n")
    out.append(growth_target_line(decision, lang) + "\n")
    out.append(block(decision.objective, lang, "#objective-text") + "\n")
    out.append(f"## {md(label(lang, 'task_groups'))} {{#task-groups}}\n\n")
    for group in decision.groups:
        heading = md(f"{label(lang, 'group')} {group.number}. ") + inline(group.title, lang)
        out.append(f"### [{heading}]({link(path, group_page(decision, group))}) {{#group-{group.number}}}\n\n")
        out.append(block(group.text, lang, f"#group-{group.number}-text") + "\n")
    out.append(f'<p class="wording-note" id="wording-note">{h(label(lang, "group_wording_note"))}</p>\n\n')
    out.append(cite_and_share(citation(decision, lang), url, name, lang))
    return RenderedPage(path, lang, "".join(out))


def render_task_group(decision: Decision, group: TaskGroup, lang: str, site_url: str = "") -> RenderedPage:
    """Content first: the group's text and what the source says of it, its updates, the other groups,
    then citing and sharing folded into a disclosure."""
    path = group_page(decision, group)
    number_label = label(lang, "group_n", n=group.number)
    title = f"{number_label}: {plain(group.title, lang)}"
    url = absolute_url(site_url, path, lang)
    feeds = news.group_feed_meta(decision, group, lang)
    out = [
        # the group's one-line summary, where the data has one, describes the page to search engines and link previews
        front_matter(title, plain(group.summary or group.text, lang), feeds=feeds, search_priority=1),
        translation_banner(lang, decision),
    ]
    icon = icon_svg(group.icon or DEFAULT_GROUP_ICON)
    out.append(f'<p class="group-kicker" id="kicker">{icon}{h(number_label)}</p>\n\n')
    out.append(f"# {inline(group.title, lang)} {{#group-{group.number}}}\n\n")
    out.append(print_qr(url, lang))
    back = f"[{md(decision_name(decision, lang))}]({link(path, decision_page(decision))})"
    out.append(f"{md(label(lang, 'part_of'))}: {back}\n{{: .group-context #part-of }}\n\n")
    out.append(f"## {md(label(lang, 'group_text'))} {{#text}}\n\n")
    out.append(block(group.text, lang, "#text-1") + "\n")
    out.append(_source_note(decision, group, lang))
    out.append(news.render_group_updates(decision, group, path, lang))
    out.append(_neighbours(decision, group, path, lang))
    out.append(cite_and_share(citation(decision, lang, group.number), url, title, lang))
    return RenderedPage(path, lang, "".join(out))


_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


def _source_note(decision: Decision, group: TaskGroup, lang: str) -> str:
    """Says honestly how much the source article says of the group, with a link to the article."""
    one_sentence = len(_SENTENCE_END.findall(group.text.vi.strip())) <= 1
    note = label(lang, "source_note_one_sentence" if one_sentence else "source_note")
    source = decision.source
    article = f'<a href="{h(source.url)}" rel="external">{h(label(lang, "source_article"))}</a>'
    publisher = text_html(source.publisher, lang)
    return f'<p class="source-note" id="source-note">{h(note)} {article} ({publisher}).</p>\n\n'


def render_about(site: Site, lang: str) -> RenderedPage:
    path = ABOUT_PAGE
    title = label(lang, "about_title")
    decision = max(site.decisions, key=lambda d: d.date)
    source = decision.source
    out = [front_matter(title, label(lang, "about_what_text")), translation_banner(lang, decision)]
    out.append(f"# {md(title)} {{#top}}\n\n")
    out.append(f"## {md(label(lang, 'about_what'))} {{#what}}\n\n{md(label(lang, 'about_what_text'))}\n\n")
    out.append(f"## {md(label(lang, 'about_source'))} {{#source}}\n\n")
    decision_link = f"[{md(decision_name(decision, lang))}]({link(path, decision_page(decision))})"
    out.append(f"{md(label(lang, 'decision'))}: {decision_link}\n\n")
    rows = [
        (label(lang, "headline"), h(plain(source.headline, lang))),
        (label(lang, "publisher"), h(plain(source.publisher, lang))),
        (label(lang, "author"), h(source.author)),
        (label(lang, "address"), f'<a href="{h(source.url)}" rel="external">{h(source.url)}</a>'),
    ]
    out.append(_definition_list(rows, "source-panel"))
    out.append(f"{md(label(lang, 'about_source_text'))}\n\n")
    out.append(f"## {md(label(lang, 'about_translation'))} {{#translation}}\n\n")
    out.append(block(decision.translation_note, lang) + "\n")
    out.append(f"[{md(label(lang, 'status_link'))}]({link(path, STATUS_PAGE)})\n{{: .translation-status-link }}\n\n")
    out.append(f"## {md(label(lang, 'about_cite'))} {{#cite}}\n\n{md(label(lang, 'about_cite_text'))}\n\n")
    out.append(f'<p class="citation">{h(citation(decision, lang))}</p>\n')
    return RenderedPage(path, lang, "".join(out))


def render_accessibility(site: Site, lang: str) -> RenderedPage:
    """The accessibility statement: what is tested, the known limits, and the only route to report a
    problem that exists (the source article's publisher)."""
    path = ACCESSIBILITY_PAGE
    title = label(lang, "accessibility_title")
    decision = max(site.decisions, key=lambda d: d.date)
    source = decision.source
    out = [front_matter(title, label(lang, "accessibility_intro")), translation_banner(lang, decision)]
    out.append(f"# {md(title)} {{#top}}\n\n{md(label(lang, 'accessibility_intro'))}\n\n")
    for key, anchor in (("accessibility_tested", "tested"), ("accessibility_limits", "limits")):
        out.append(f"## {md(label(lang, key))} {{#{anchor}}}\n\n")
        out.append("".join(f"- {md(item)}\n" for item in label(lang, f"{key}_items").split("\n")) + "\n")
    out.append(f"## {md(label(lang, 'accessibility_report'))} {{#report}}\n\n")
    out.append(f"{md(label(lang, 'accessibility_report_text'))}\n\n")
    publisher = text_html(source.publisher, lang)
    out.append(
        f'<p class="report-route" id="report-route">{publisher}: '
        f'<a href="{h(source.url)}" rel="external">{text_html(source.headline, lang)}</a></p>\n'
    )
    return RenderedPage(path, lang, "".join(out))


def _metadata_panel(decision: Decision, path: str, lang: str) -> str:
    other = "en" if lang == "vi" else "vi"
    other_page = "../en/" if lang == "vi" else "../../"
    source = decision.source
    rows = [
        (label(lang, "doc_type"), h(plain(decision.doc_type, lang))),
        (label(lang, "number"), h(decision.number)),
        (
            label(lang, "date"),
            f'<time datetime="{decision.date.isoformat()}">{h(format_date(decision.date, lang))}</time>',
        ),
        (label(lang, "issuer"), h(plain(decision.issuer, lang))),
        (
            label(lang, "source"),
            f'{h(plain(source.publisher, lang))}: <a href="{h(source.url)}" rel="external">{h(plain(source.headline, lang))}</a>',
        ),
        (
            label(lang, "language"),
            f'{h(label(lang, "language_status"))}. <a href="{other_page}{decision.slug}/" hreflang="{other}" lang="{other}">{h(label(lang, "other_language_link"))}</a>',
        ),
        (
            label(lang, "open_data"),
            f'<a href="decision.json" type="application/json">{h(label(lang, "open_data_link"))}</a>',
        ),
    ]
    heading = f"## {md(label(lang, 'metadata'))} {{#metadata .visually-hidden}}\n\n"
    return heading + _definition_list(rows, "decision-meta")


def _definition_list(rows: list[tuple[str, str]], css_class: str) -> str:
    body = "".join(f"<div><dt>{h(term)}</dt><dd>{value}</dd></div>\n" for term, value in rows)
    return f'<dl class="{css_class}">\n{body}</dl>\n\n'


def _neighbours(decision: Decision, group: TaskGroup, path: str, lang: str) -> str:
    """Every task group, the current one marked (not a link), its neighbours as rel=prev/next."""
    index = group.number - 1  # validated: groups are sorted and numbered 1..N; .index() made the build O(N²)
    if not (0 <= index < len(decision.groups) and decision.groups[index] is group):
        index = decision.groups.index(group)
    items = []
    for position, other in enumerate(decision.groups):
        title = text_html(other.title, lang)
        number = f'<span class="group-nav__number">{other.number}</span> '
        if position == index:
            current = f'<span class="visually-hidden"> ({h(label(lang, "current_group"))})</span>'
            items.append(
                f'<li class="group-nav__current" aria-current="page">{number}<strong>{title}</strong>{current}</li>\n'
            )
            continue
        rel = ' rel="prev"' if position == index - 1 else ' rel="next"' if position == index + 1 else ""
        href = relative_url(path, group_page(decision, other))
        items.append(f'<li><a href="{h(href)}"{rel}>{number}{title}</a></li>\n')
    heading = f'<h2 id="all-groups">{h(label(lang, "groups_nav"))}</h2>\n'
    decision_href = f"{relative_url(path, decision_page(decision))}#group-{group.number}"
    back = (
        f'<p class="group-nav__back" id="back-to-decision">'
        f'<a href="{h(decision_href)}">{h(label(lang, "back_to_decision"))}</a></p>\n'
    )
    items_html = "".join(items)
    return (
        f'<nav class="group-neighbours group-nav" aria-labelledby="all-groups">\n{heading}<ol>\n{items_html}</ol>\n'
        f"{back}</nav>\n\n"
    )
