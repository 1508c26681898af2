"""After rendering: point "outdated" notices at the Vietnamese page, and add the translation status page.

Both work from the rendered pages themselves (the `data-text` markers `render.block()`/`inline()` leave),
so any page built from texts read with `FieldReader.text` is covered without extra work.
"""

from __future__ import annotations

import html
import json
import posixpath
import re

from sitegen.content.model import LANGUAGES, MISSING, OUTDATED, UNREVIEWED, Site
from sitegen.content.translation import TextEntry, collect
from sitegen.pages.escape import h
from sitegen.pages.labels import label
from sitegen.pages.text import VI_COUNTERPART, RenderedPage, front_matter, md, translation_banner
from sitegen.pages.urls import STATUS_PAGE, link, page_url_path

# Unreviewed English is shown as it is on the site, so the public page only counts it; `make translations` lists it.
_SECTIONS = ((MISSING, "status_missing"), (OUTDATED, "status_outdated"))
_MARKER = re.compile(r'data-text="([^"]*)"')
_COUNTERPART = re.compile(re.escape(VI_COUNTERPART) + r'(#[^"]*)?"')
_HEADING_ID = re.compile(r"^#{1,6} .*\{#([A-Za-z0-9_-]+)[^}]*\}\s*$", re.MULTILINE)
_TITLE = re.compile(r"^title: (.*)$", re.MULTILINE)


def finish_pages(site: Site, pages: list[RenderedPage]) -> list[RenderedPage]:
    """The pages with counterpart links resolved, plus the status page in every language."""
    pages = [_resolve_counterpart_links(page) for page in pages]
    entries = collect(site)
    shown = where_shown([p for p in pages if p.lang == "en"])
    return pages + [render_status_page(entries, shown, lang, site) for lang in LANGUAGES]


def _resolve_counterpart_links(page: RenderedPage) -> RenderedPage:
    if VI_COUNTERPART not in page.markdown:
        return page
    url = page_url_path(page.path)
    up = "../" * (url.count("/") + (1 if page.lang != "vi" else 0))
    target = up + url or "./"

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


def render_status_page(
    entries: list[TextEntry], shown: dict[str, tuple[RenderedPage, str]], lang: str, site: Site
) -> RenderedPage:
    """Every text that needs a translator, grouped by state, with where it is shown and where it is kept."""
    title = label(lang, "status_title")
    counts = {state: sum(1 for e in entries if e.state == state) for state in (MISSING, OUTDATED, UNREVIEWED)}
    translated = len(entries) - sum(counts.values())
    decision = max(site.decisions, key=lambda d: d.date) if site.decisions else None
    out = [front_matter(title, label(lang, "status_intro")), translation_banner(lang, decision)]
    out.append(f"# {md(title)} {{#top}}\n\n{md(label(lang, 'status_intro'))}\n\n")
    summary = label(lang, "status_summary", total=len(entries), translated=translated, **counts)
    out.append(f'<p class="translation-summary">{h(summary)}</p>\n\n')
    if not any(counts.values()):
        out.append(f"{md(label(lang, 'status_all_done'))}\n\n")
    for state, heading in _SECTIONS:
        listed = [e for e in entries if e.state == state]
        if not listed:
            continue
        out.append(f"## {md(label(lang, heading))} ({len(listed)}) {{#{state}}}\n\n")
        out.append(f'<div class="translation-status translation-status--{state}" markdown>\n\n')
        out.extend(_status_item(entry, shown.get(entry.key), lang) for entry in listed)
        out.append("</div>\n\n")
    return RenderedPage(STATUS_PAGE, lang, "".join(out))


def _status_item(entry: TextEntry, shown: tuple[RenderedPage, str] | None, lang: str) -> str:
    """One list item: the Vietnamese (and the English, if any), where it is shown, where it is kept."""
    text = entry.text
    origin = text.origin
    assert origin is not None
    marks = f'data-status="{entry.state}" data-text="{h(entry.key)}"'
    vi_label, en_label = md(label(lang, "status_vi")), md(label(lang, "status_en"))
    parts = [f'-   {vi_label}: <span class="translation-status__vi" lang="vi" {marks}>{md(text.vi)}</span>\n\n']
    if text.en:
        parts.append(f'    {en_label}: <span class="translation-status__en" lang="en">{md(text.en)}</span>\n\n')
    if shown is None:
        where = md(label(lang, "status_not_shown"))
    else:
        page, anchor = shown
        if lang == "en":  # a Markdown link, so MkDocs checks that the page and the anchor exist
            where = f"[{md(_page_title(page))}]({link(STATUS_PAGE, page.path)}{anchor})"
        else:  # the English page, from the Vietnamese status page
            href = posixpath.relpath(f"en/{page_url_path(page.path)}", "translations") + "/" + anchor
            where = f'<a href="{h(href)}" hreflang="en" lang="en">{md(_page_title(page))}</a>'
    parts.append(f"    {md(label(lang, 'status_shown_on'))}: {where}\n\n")
    data = f"{origin.file}:{entry.line} ({origin.path})"
    parts.append(f"    {md(label(lang, 'status_data'))}: <code>{md(data)}</code>\n\n")
    return "".join(parts)


def _page_title(page: RenderedPage) -> str:
    match = _TITLE.search(page.markdown)
    return json.loads(match.group(1)) if match else page.path
