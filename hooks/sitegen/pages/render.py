"""Render the model into one Markdown page per page and language; pure functions, no MkDocs.

Text from data/ is plain text: it is escaped here, so Markdown or HTML typed into a YAML file
reaches the page as the characters typed, never as markup.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass

from sitegen.content.model import LANGUAGES, OUTDATED, Decision, Site, TaskGroup, Text
from sitegen.pages.escape import h
from sitegen.pages.icons import icon_svg
from sitegen.pages.labels import citation, format_date, format_percent_range, label
from sitegen.pages.overview import DEFAULT_GROUP_ICON, group_cards, highlights
from sitegen.pages.sharing import cite_and_share, print_qr
from sitegen.pages.urls import absolute_url

# Python-Markdown's own escapable characters; `<` `>` `&` are handled by html.escape
_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class RenderedPage:
    path: str  # source path without language suffix, e.g. `qd-166-2021/index.md`
    lang: str
    markdown: str

    @property
    def file_name(self) -> str:
        """The i18n plugin's suffix convention: `x.md` is Vietnamese, `x.en.md` English."""
        if self.lang == "vi":
            return self.path
        return f"{self.path.removesuffix('.md')}.{self.lang}.md"


def md(text: str) -> str:
    """Plain text made inert in Markdown: every character renders as itself, on one line, since a line break typed
    into data would otherwise end a heading or link, or start a code block or a `===` heading underline."""
    return html.escape(_MD_SPECIALS.sub(r"\\\1", _LINE_BREAK.sub(" ", text)), quote=False)


def md_paragraphs(text: str) -> str:
    """Plain text in paragraphs (a blank line between two), each made inert by `md`."""
    return "\n\n".join(md(part.strip()) for part in _BLANK_LINE.split(text) if part.strip())


def link(from_path: str, to_path: str) -> str:
    """A relative link between two source files, which MkDocs checks and localises."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def decision_path(decision: Decision) -> str:
    return f"{decision.slug}/index.md"


def group_path(decision: Decision, group: TaskGroup) -> str:
    return f"{decision.slug}/{group.slug}.md"


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


def front_matter(title: str, description: str, hide: tuple[str, ...] = (), **meta: object) -> str:
    """Page metadata; `meta` holds e.g. `feeds` (news.py) and `search_priority` (1: the decision's own text)."""
    # JSON strings are valid YAML, so any title survives MkDocs' meta parser unchanged. Escaped, because
    # MkDocs' Jinja does not autoescape: the theme puts page.meta.title/description into <title>, the
    # header, the nav and a `content="..."` attribute as they are.
    title, description = h(title), h(description)
    hidden = f"hide: {json.dumps(list(hide))}\n" if hide else ""  # Material's sidebars to leave out
    extra = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndescription: {json.dumps(description, ensure_ascii=False)}\n{hidden}{extra}---\n\n"


# Replaced, per page, by the relative address of the page's Vietnamese counterpart (translation_pages.py)
VI_COUNTERPART = "@vi-counterpart@"


def block(text: Text, lang: str, attrs: str = "") -> str:
    """A paragraph in the page's language, or the Vietnamese marked as such when untranslated, or the
    English under a notice with a link to the current Vietnamese when the Vietnamese changed since."""
    value, actual = text.best(lang)
    id_attr = f' id="{attrs.removeprefix("#")}"' if attrs.startswith("#") else ""
    if actual == lang and not (lang != "vi" and text.state == OUTDATED):
        return f"{md_paragraphs(value)}\n{{: {attrs} }}\n" if attrs else f"{md_paragraphs(value)}\n"
    marker = f' data-text="{h(text_key(text))}"' if text.origin else ""
    if actual == lang:
        anchor = f"#{attrs.removeprefix('#')}" if id_attr else ""
        link = f'<a href="{VI_COUNTERPART}{anchor}" hreflang="vi">{h(label(lang, "outdated_link"))}</a>'
        return (
            f'<div class="outdated"{id_attr}{marker}>\n'
            f'<p class="outdated__notice" role="note">{h(label(lang, "outdated_notice"))} {link}</p>\n'
            f"<p>{h(value)}</p>\n</div>\n"
        )
    notice = h(label(lang, "not_translated"))
    return (
        f'<div class="untranslated" lang="vi"{id_attr}{marker}>\n'
        f'<p class="untranslated__notice" lang="{lang}">{notice}</p>\n'
        f"<p>{h(value)}</p>\n</div>\n"
    )


def inline(text: Text, lang: str) -> str:
    """A short text (title, name) in Markdown; untranslated ones keep their Vietnamese, marked `lang="vi"`
    so screen readers switch voice, and `data-text` so the translation status page can link to them."""
    value, actual = text.best(lang)
    if actual == lang and not (lang != "vi" and text.state == OUTDATED):
        return md(value)
    marker = f' data-text="{h(text_key(text))}"' if text.origin else ""
    if actual == lang:
        return f'<span class="outdated-inline"{marker}>{md(value)}</span>'
    return f'<span lang="vi"{marker}>{md(value)}</span>'


def text_html(text: Text, lang: str) -> str:
    """A short text escaped for raw HTML, with `lang="vi"` when it falls back to the Vietnamese."""
    value, actual = text.best(lang)
    if actual == lang:
        return h(value)
    marker = f' data-text="{h(text_key(text))}"' if text.origin else ""
    return f'<span lang="vi"{marker}>{h(value)}</span>'


def text_key(text: Text) -> str:
    """`file:field.path`: how reports, PO files and the status page name one text."""
    return f"{text.origin.file}:{text.origin.path}" if text.origin else ""


def plain(text: Text, lang: str) -> str:
    return text.best(lang)[0]


def translation_banner(lang: str, decision: Decision | None = None) -> str:
    """English pages say, at the top, that they are an unofficial translation."""
    if lang == "vi":
        return ""
    note = plain(decision.translation_note, lang) if decision else label(lang, "language_status")
    return f'<p class="translation-banner" role="note">{h(note)}</p>\n\n'


def growth_target_line(decision: Decision, lang: str) -> str:
    target = decision.growth_target
    value = format_percent_range(target.low_percent, target.high_percent, lang)
    caption = label(lang, "growth_target_year", indicator=plain(target.indicator, lang), year=target.year)
    return f'<p class="growth-target" id="growth-target"><span class="growth-target__label">{h(caption)}</span> <strong class="growth-target__value">{h(value)}</strong></p>\n'


def render_home(site: Site, lang: str) -> RenderedPage:
    path = "index.md"
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
    out.append(group_cards(decision, path, group_path, lang))
    out.append(news.render_latest_updates(site, lang, path))
    out.append(f"## {md(_decision_name(decision, lang))} {{#decision}}\n\n")
    out.append(block(decision.summary, lang, "#decision-summary") + "\n")
    out.append(
        f"[{md(label(lang, 'read_decision'))}]({link(path, decision_path(decision))})\n{{: #read-decision }}\n\n"
    )
    return RenderedPage(path, lang, "".join(out))


def render_decision(decision: Decision, lang: str, site_url: str = "") -> RenderedPage:
    path = decision_path(decision)
    name = _decision_name(decision, lang)
    url = absolute_url(site_url, path, lang)
    # the browser tab: "Quyết định số 166/QĐ-UBND - Quyết định 166/QĐ-UBND – Lạng Sơn" repeated the site name's
    # number, so the decision page's <title> is its own: number, date and issuer (overrides/main.html)
    html_title = f"{name} {label(lang, 'dated')} {format_date(decision.date, lang)} – {plain(decision.issuer, lang)}"
    out = [
        front_matter(name, plain(decision.title, lang), search_priority=1, html_title=h(html_title)),
        translation_banner(lang, decision),
    ]
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
        out.append(f"### [{heading}]({link(path, group_path(decision, group))}) {{#group-{group.number}}}\n\n")
        out.append(block(group.text, lang, f"#group-{group.number}-text") + "\n")
    out.append(f'<p class="wording-note" id="wording-note">{h(label(lang, "group_wording_note"))}</p>\n\n')
    out.append(cite_and_share(citation(decision, lang), url, name, lang))
    return RenderedPage(path, lang, "".join(out))


def render_task_group(decision: Decision, group: TaskGroup, lang: str, site_url: str = "") -> RenderedPage:
    path = group_path(decision, group)
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
    back = f"[{md(_decision_name(decision, lang))}]({link(path, decision_path(decision))})"
    out.append(f"{md(label(lang, 'part_of'))}: {back}\n{{: .group-context #part-of }}\n\n")
    out.append(f"## {md(label(lang, 'group_text'))} {{#text}}\n\n")
    out.append(block(group.text, lang, "#text-1") + "\n")
    out.append(cite_and_share(citation(decision, lang, group), url, title, lang))
    out.append(news.render_group_updates(decision, group, path, lang))
    out.append(_neighbours(decision, group, path, lang))
    return RenderedPage(path, lang, "".join(out))


def render_about(site: Site, lang: str) -> RenderedPage:
    path = "about.md"
    title = label(lang, "about_title")
    decision = max(site.decisions, key=lambda d: d.date)
    source = decision.source
    out = [front_matter(title, label(lang, "about_what_text")), translation_banner(lang, decision)]
    out.append(f"# {md(title)} {{#top}}\n\n")
    out.append(f"## {md(label(lang, 'about_what'))} {{#what}}\n\n{md(label(lang, 'about_what_text'))}\n\n")
    out.append(f"## {md(label(lang, 'about_source'))} {{#source}}\n\n")
    decision_link = f"[{md(_decision_name(decision, lang))}]({link(path, decision_path(decision))})"
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
    out.append(f"[{md(label(lang, 'status_link'))}](translations.md)\n{{: .translation-status-link }}\n\n")
    out.append(f"## {md(label(lang, 'about_cite'))} {{#cite}}\n\n{md(label(lang, 'about_cite_text'))}\n\n")
    out.append(f'<p class="citation">{h(citation(decision, lang))}</p>\n')
    return RenderedPage(path, lang, "".join(out))


def _decision_name(decision: Decision, lang: str) -> str:
    doc_type = plain(decision.doc_type, lang)
    return f"{doc_type} số {decision.number}" if lang == "vi" else f"{doc_type} No. {decision.number}"


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
        items.append(f"- [{text}]({link(path, group_path(decision, before))}){{: rel=prev }}\n")
    items.append(
        f"- [{md(label(lang, 'back_to_decision'))}]({link(path, decision_path(decision))}#group-{group.number})\n"
    )
    if index + 1 < len(decision.groups):
        after = decision.groups[index + 1]
        text = md(f"{label(lang, 'next')}: {after.number}. ") + inline(after.title, lang) + " →"
        items.append(f"- [{text}]({link(path, group_path(decision, after))}){{: rel=next }}\n")
    return '<nav class="group-neighbours" markdown>\n\n' + "".join(items) + "\n</nav>\n"


from sitegen.pages import news  # noqa: E402  (news builds on the helpers above; imported last to avoid a cycle)
