"""Render the model into one Markdown page per page and language; pure functions, no MkDocs.

Text from data/ is plain text: it is escaped here, so Markdown or HTML typed into a YAML file
reaches the page as the characters typed, never as markup.
"""

from __future__ import annotations

from sitegen.content.model import LANGUAGES, Decision, Site, TaskGroup
from sitegen.pages import news
from sitegen.pages.escape import h
from sitegen.pages.icons import icon_svg
from sitegen.pages.labels import citation, decision_name, format_date, format_percent_range, label
from sitegen.pages.overview import DEFAULT_GROUP_ICON, group_cards, highlights
from sitegen.pages.sharing import cite_and_share, print_qr
from sitegen.pages.text import RenderedPage, block, front_matter, inline, md, plain, text_html, translation_banner
from sitegen.pages.urls import ABOUT_PAGE, HOME_PAGE, STATUS_PAGE, absolute_url, decision_page, group_page, link


def render_site(site: Site, site_url: str = "") -> list[RenderedPage]:
    """Every page of the site in every language; `site_url` makes the permanent addresses absolute."""
    pages = []
    for lang in LANGUAGES:
        pages.append(render_home(site, lang))
        pages.append(render_about(site, lang))
        for decision in site.decisions:
            pages.append(render_decision(decision, lang, site_url))
            pages.extend(render_task_group(decision, group, lang, site_url) for group in decision.groups)
            pages.extend(news.render_update_pages(decision, lang))
    return pages


def growth_target_line(decision: Decision, lang: str) -> str:
    target = decision.growth_target
    value = format_percent_range(target.low_percent, target.high_percent, lang)
    caption = label(lang, "growth_target_year", indicator=plain(target.indicator, lang), year=target.year)
    return f'<p class="growth-target" id="growth-target"><span class="growth-target__label">{h(caption)}</span> <strong class="growth-target__value">{h(value)}</strong></p>\n'


def render_home(site: Site, lang: str) -> RenderedPage:
    path = HOME_PAGE
    decision = max(site.decisions, key=lambda d: d.date)
    title = label(lang, "home_title")
    # no table of contents beside the overview: the cards get the width for three columns
    out = [
        front_matter(title, plain(decision.summary, lang), hide=("toc",), search_priority=1),
        translation_banner(lang, decision),
    ]
    out.append(f"# {md(title)} {{#top}}\n\n{md(label(lang, 'site_intro'))}\n{{: .home-intro }}\n\n")
    out.append(highlights(decision, lang))
    out.append(f"## {md(label(lang, 'task_groups'))} {{#task-groups}}\n\n")
    out.append(group_cards(decision, path, lang))
    out.append(news.render_latest_updates(site, lang, path))
    out.append(f"## {md(decision_name(decision, lang))} {{#decision}}\n\n")
    out.append(block(decision.summary, lang, "#decision-summary") + "\n")
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
    path = group_page(decision, group)
    number_label = label(lang, "group_n", n=group.number)
    title = f"{number_label}: {plain(group.title, lang)}"
    url = absolute_url(site_url, path, lang)
    feeds = news.group_feed_meta(decision, group, lang)
    out = [
        front_matter(title, plain(group.text, lang), feeds=feeds, search_priority=1),
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
    out.append(cite_and_share(citation(decision, lang, group), url, title, lang))
    out.append(news.render_group_updates(decision, group, path, lang))
    out.append(_neighbours(decision, group, path, lang))
    return RenderedPage(path, lang, "".join(out))


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
    index = group.number - 1  # validated: groups are sorted and numbered 1..N; .index() made the build O(N²)
    if not (0 <= index < len(decision.groups) and decision.groups[index] is group):
        index = decision.groups.index(group)
    items = []
    if index > 0:
        before = decision.groups[index - 1]
        text = md(f"← {label(lang, 'previous')}: {before.number}. ") + inline(before.title, lang)
        items.append(f"- [{text}]({link(path, group_page(decision, before))}){{: rel=prev }}\n")
    items.append(
        f"- [{md(label(lang, 'back_to_decision'))}]({link(path, decision_page(decision))}#group-{group.number})\n"
    )
    if index + 1 < len(decision.groups):
        after = decision.groups[index + 1]
        text = md(f"{label(lang, 'next')}: {after.number}. ") + inline(after.title, lang) + " →"
        items.append(f"- [{text}]({link(path, group_page(decision, after))}){{: rel=next }}\n")
    return '<nav class="group-neighbours" markdown>\n\n' + "".join(items) + "\n</nav>\n"
