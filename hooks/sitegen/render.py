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

from .labels import citation, format_date, format_percent_range, label
from .model import LANGUAGES, Decision, Site, TaskGroup, Text

# Python-Markdown's own escapable characters; `<` `>` `&` are handled by html.escape
_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


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
    """Plain text made inert in Markdown: every character renders as itself."""
    return html.escape(_MD_SPECIALS.sub(r"\\\1", text), quote=False)


def h(text: str) -> str:
    """Plain text made inert inside raw HTML blocks."""
    return html.escape(text, quote=True)


def link(from_path: str, to_path: str) -> str:
    """A relative link between two source files, which MkDocs checks and localises."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


def decision_path(decision: Decision) -> str:
    return f"{decision.slug}/index.md"


def group_path(decision: Decision, group: TaskGroup) -> str:
    return f"{decision.slug}/{group.slug}.md"


def render_site(site: Site) -> list[RenderedPage]:
    """Every page of the site in every language."""
    pages = []
    for lang in LANGUAGES:
        pages.append(render_home(site, lang))
        pages.append(render_about(site, lang))
        for decision in site.decisions:
            pages.append(render_decision(decision, lang))
            pages.extend(render_task_group(decision, group, lang) for group in decision.groups)
    return pages


def front_matter(title: str, description: str) -> str:
    # JSON strings are valid YAML, so any title survives MkDocs' meta parser unchanged
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndescription: {json.dumps(description, ensure_ascii=False)}\n---\n\n"


def block(text: Text, lang: str, attrs: str = "") -> str:
    """A paragraph in the page's language, or the Vietnamese marked as such when untranslated."""
    value, actual = text.best(lang)
    if actual == lang:
        return f"{md(value)}\n{{: {attrs} }}\n" if attrs else f"{md(value)}\n"
    notice = h(label(lang, "not_translated"))
    id_attr = f' id="{attrs.removeprefix("#")}"' if attrs.startswith("#") else ""
    return (
        f'<div class="untranslated" lang="vi"{id_attr}>\n'
        f'<p class="untranslated__notice" lang="{lang}">{notice}</p>\n'
        f"<p>{h(value)}</p>\n</div>\n"
    )


def inline(text: Text, lang: str) -> str:
    """A short text (title, name) in Markdown; untranslated ones keep their Vietnamese."""
    value, _ = text.best(lang)
    return md(value)


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
    return f'<p class="growth-target"><span class="growth-target__label">{h(plain(target.indicator, lang))} ({target.year})</span> <strong class="growth-target__value">{h(value)}</strong></p>\n'


def render_home(site: Site, lang: str) -> RenderedPage:
    path = "index.md"
    decision = max(site.decisions, key=lambda d: d.date)
    title = label(lang, "home_title")
    out = [front_matter(title, plain(decision.summary, lang)), translation_banner(lang, decision)]
    out.append(f"# {md(title)} {{#top}}\n\n{md(label(lang, 'site_intro'))}\n\n")
    out.append(f"## {md(_decision_name(decision, lang))} {{#decision}}\n\n")
    out.append(block(decision.summary, lang) + "\n")
    out.append(f"[{md(label(lang, 'read_decision'))}]({link(path, decision_path(decision))})\n\n")
    out.append(f"## {md(label(lang, 'motto'))} {{#motto}}\n\n")
    out.append(f'<p class="motto">“{h(plain(decision.motto, lang))}”</p>\n\n')
    out.append(f"## {md(label(lang, 'objective'))} {{#objective}}\n\n")
    out.append(growth_target_line(decision, lang) + "\n")
    out.append(block(decision.objective, lang) + "\n")
    out.append(f"## {md(label(lang, 'task_groups'))} {{#task-groups}}\n\n")
    out.append(_group_list(decision, path, lang))
    return RenderedPage(path, lang, "".join(out))


def render_decision(decision: Decision, lang: str) -> RenderedPage:
    path = decision_path(decision)
    name = _decision_name(decision, lang)
    out = [front_matter(name, plain(decision.title, lang)), translation_banner(lang, decision)]
    out.append(f"# {md(name)} {{#top}}\n\n")
    out.append(f'<p class="decision-title">{h(plain(decision.title, lang))}</p>\n\n')
    out.append(_metadata_panel(decision, path, lang))
    out.append(f"## {md(label(lang, 'motto'))} {{#motto}}\n\n")
    out.append(f'<p class="motto">“{h(plain(decision.motto, lang))}”</p>\n\n')
    out.append(f"## {md(label(lang, 'objective'))} {{#objective}}\n\n")
    out.append(growth_target_line(decision, lang) + "\n")
    out.append(block(decision.objective, lang, "#objective-text") + "\n")
    out.append(f"## {md(label(lang, 'task_groups'))} {{#task-groups}}\n\n")
    for group in decision.groups:
        heading = f"{label(lang, 'group')} {group.number}. {plain(group.title, lang)}"
        out.append(f"### [{md(heading)}]({link(path, group_path(decision, group))}) {{#group-{group.number}}}\n\n")
        out.append(block(group.text, lang) + "\n")
    out.append(f'<p class="wording-note">{h(label(lang, "group_wording_note"))}</p>\n')
    return RenderedPage(path, lang, "".join(out))


def render_task_group(decision: Decision, group: TaskGroup, lang: str) -> RenderedPage:
    path = group_path(decision, group)
    number_label = label(lang, "group_n", n=group.number)
    title = f"{number_label}: {plain(group.title, lang)}"
    out = [front_matter(title, plain(group.text, lang)), translation_banner(lang, decision)]
    out.append(f'<p class="group-kicker">{h(number_label)}</p>\n\n')
    out.append(f"# {inline(group.title, lang)} {{#group-{group.number}}}\n\n")
    back = f"[{md(_decision_name(decision, lang))}]({link(path, decision_path(decision))})"
    out.append(f"{md(label(lang, 'part_of'))}: {back}\n{{: .group-context }}\n\n")
    out.append(f"## {md(label(lang, 'group_text'))} {{#text}}\n\n")
    out.append(block(group.text, lang, "#text-1") + "\n")
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
    out.append(f"## {md(label(lang, 'about_cite'))} {{#cite}}\n\n{md(label(lang, 'about_cite_text'))}\n\n")
    out.append(f'<p class="citation">{h(citation(decision, lang))}</p>\n')
    return RenderedPage(path, lang, "".join(out))


def _decision_name(decision: Decision, lang: str) -> str:
    doc_type = plain(decision.doc_type, lang)
    return f"{doc_type} số {decision.number}" if lang == "vi" else f"{doc_type} No. {decision.number}"


def _group_list(decision: Decision, from_path: str, lang: str) -> str:
    items = [
        f"{group.number}. [{inline(group.title, lang)}]({link(from_path, group_path(decision, group))})\n"
        for group in decision.groups
    ]
    return '<nav class="group-list" markdown>\n\n' + "".join(items) + "\n</nav>\n\n"


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
        text = f"← {label(lang, 'previous')}: {before.number}. {plain(before.title, lang)}"
        items.append(f"- [{md(text)}]({link(path, group_path(decision, before))}){{: rel=prev }}\n")
    items.append(
        f"- [{md(label(lang, 'back_to_decision'))}]({link(path, decision_path(decision))}#group-{group.number})\n"
    )
    if index + 1 < len(decision.groups):
        after = decision.groups[index + 1]
        text = f"{label(lang, 'next')}: {after.number}. {plain(after.title, lang)} →"
        items.append(f"- [{md(text)}]({link(path, group_path(decision, after))}){{: rel=next }}\n")
    return '<nav class="group-neighbours" markdown>\n\n' + "".join(items) + "\n</nav>\n"
