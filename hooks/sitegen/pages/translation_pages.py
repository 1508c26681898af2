"""After rendering: point "outdated" notices at the Vietnamese page, and add the translation status page.

Both work from the rendered pages themselves (the `data-text` markers `text.block()`/`inline()` leave),
so any page built from texts read with `FieldReader.text` is covered without extra work.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from sitegen.content.model import DEFAULT_LANGUAGE, LANGUAGES, MISSING, OUTDATED, UNREVIEWED, Site
from sitegen.content.translation import TextEntry, collect
from sitegen.pages.labels import label
from sitegen.pages.templating import VI_COUNTERPART, render
from sitegen.pages.text import RenderedPage, banner_note, front_matter
from sitegen.pages.urls import STATUS_PAGE, link, relative_url

# Unreviewed English is shown as it is on the site, so the public page only counts it; `make translations` lists it.
_SECTIONS = ((MISSING, "status_missing"), (OUTDATED, "status_outdated"))
_MARKER = re.compile(r'data-text="([^"]*)"')
_COUNTERPART = re.compile(re.escape(VI_COUNTERPART) + r'(#[^"]*)?"')
_HEADING_ID = re.compile(r"^#{1,6} .*\{#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.MULTILINE)
_TITLE = re.compile(r"^title: (.*)$", re.MULTILINE)
_H1 = re.compile(r"^# (.*)$", re.MULTILINE)
_H1_IN_VIETNAMESE = re.compile(r"\{[^{}]*\blang=vi\b[^{}]*\}\s*$")
_VIETNAMESE_SPAN = re.compile(r'<span lang="vi"[^>]*>(.*?)</span>')
_MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def finish_pages(site: Site, pages: list[RenderedPage]) -> list[RenderedPage]:
    """The pages with counterpart links resolved, plus the status page in every language."""
    pages = [_resolve_counterpart_links(page) for page in pages]
    entries = collect(site)
    shown = where_shown([p for p in pages if p.lang == "en"])
    return pages + [render_status_page(entries, shown, lang, site) for lang in LANGUAGES]


def _resolve_counterpart_links(page: RenderedPage) -> RenderedPage:
    if VI_COUNTERPART not in page.markdown:
        return page
    target = relative_url(page.path, page.path, page.lang, DEFAULT_LANGUAGE)

    def replace(match: re.Match[str]) -> str:
        anchor = match.group(1) or _heading_anchor_before(page.markdown, match.start())
        return f'{target}{anchor}"'

    return RenderedPage(page.path, page.lang, _COUNTERPART.sub(replace, page.markdown))


def _heading_anchor_before(markdown: str, position: int) -> str:
    ids = _HEADING_ID.findall(markdown, 0, position)
    return f"#{ids[-1]}" if ids else ""


def where_shown(pages: list[RenderedPage]) -> dict[str, tuple[RenderedPage, str]]:
    """For each text key with a notice or marker on a page: the first page and the nearest anchor."""
    found: dict[str, tuple[RenderedPage, str, bool]] = {}
    for page in pages:
        for match in _MARKER.finditer(page.markdown):
            key = html.unescape(match.group(1))
            anchor, exact = _anchor_of(page.markdown, match.start())
            if key not in found or (exact and not found[key][2]):
                found[key] = (page, anchor, exact)
    return {key: (page, anchor) for key, (page, anchor, _) in found.items()}


def _anchor_of(markdown: str, position: int) -> tuple[str, bool]:
    """The marked element's own id, else an id later on its line (a heading): exact; else the heading above it."""
    tag_start = markdown.rfind("<", 0, position)
    tag_end = markdown.find(">", position)
    own = re.search(r' id="([^"]+)"', markdown[tag_start:tag_end])
    if own:
        return f"#{own.group(1)}", True
    line_end = markdown.find("\n", position)
    same_line = re.search(r"\{#([A-Za-z0-9_-]+)", markdown[position : line_end if line_end >= 0 else None])
    if same_line:
        return f"#{same_line.group(1)}", True
    return _heading_anchor_before(markdown, position), False


@dataclass(frozen=True)
class ShownOn:
    title: str
    href: str  # English status page: a Markdown link MkDocs checks; Vietnamese: the English page's address
    # the title cut where the page shows it in Vietnamese (True: not yet translated), to mark that part lang="vi"
    title_parts: tuple[tuple[str, bool], ...] = ()


@dataclass(frozen=True)
class StatusItem:
    key: str
    vi: str
    en: str | None
    shown_on: ShownOn | None
    data: str  # `file:line (field)`


@dataclass(frozen=True)
class StatusSection:
    state: str
    heading: str  # a label key
    items: list[StatusItem]


def render_status_page(
    entries: list[TextEntry], shown: dict[str, tuple[RenderedPage, str]], lang: str, site: Site
) -> RenderedPage:
    """Every text that needs a translator, grouped by state, with where it is shown and where it is kept."""
    title = label(lang, "status_title")
    counts = {state: sum(1 for e in entries if e.state == state) for state in (MISSING, OUTDATED, UNREVIEWED)}
    translated = len(entries) - sum(counts.values())
    decision = max(site.decisions, key=lambda d: d.date) if site.decisions else None
    sections = []
    for state, heading in _SECTIONS:
        listed = [_status_item(entry, shown.get(entry.key), lang) for entry in entries if entry.state == state]
        if listed:
            sections.append(StatusSection(state, heading, listed))
    body = render(
        "translations.md.j2",
        lang=lang,
        banner_note=banner_note(lang, decision),
        title=title,
        summary=label(lang, "status_summary", total=len(entries), translated=translated, **counts),
        all_done=not any(counts.values()),
        sections=sections,
    )
    return RenderedPage(STATUS_PAGE, lang, front_matter(title, label(lang, "status_intro")) + body)


def _status_item(entry: TextEntry, shown: tuple[RenderedPage, str] | None, lang: str) -> StatusItem:
    """One list item: the Vietnamese (and the English, if any), where it is shown, where it is kept."""
    text = entry.text
    origin = text.origin
    assert origin is not None
    shown_on = None
    if shown is not None:
        page, anchor = shown
        if lang == "en":  # a Markdown link, so MkDocs checks that the page and the anchor exist
            href = link(STATUS_PAGE, page.path) + anchor
        else:  # the English page, from the Vietnamese status page
            href = relative_url(STATUS_PAGE, page.path, lang, "en") + anchor
        title = _page_title(page)
        shown_on = ShownOn(title, href, _title_parts(page, title))
    return StatusItem(entry.key, text.vi, text.en, shown_on, f"{origin.file}:{entry.line} ({origin.path})")


def _title_parts(page: RenderedPage, title: str) -> tuple[tuple[str, bool], ...]:
    """`title` cut where the page's own heading shows it in Vietnamese (marked `lang="vi"` there)."""
    heading = _H1.search(page.markdown)
    if heading is None:
        return ((title, False),)
    if _H1_IN_VIETNAMESE.search(heading.group(1)):
        return ((title, True),)
    parts: list[tuple[str, bool]] = []
    rest = title
    for inner in _VIETNAMESE_SPAN.findall(heading.group(1)):
        vietnamese = html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", inner))
        before, found, after = rest.partition(vietnamese)
        if found:
            parts += [(before, False)] if before else []
            parts.append((vietnamese, True))
            rest = after
    return tuple(parts + ([(rest, False)] if rest else []))


def _page_title(page: RenderedPage) -> str:
    """The title as readers see it: front matter holds it HTML-escaped for the theme (text.front_matter)."""
    match = _TITLE.search(page.markdown)
    return html.unescape(json.loads(match.group(1))) if match else page.path
