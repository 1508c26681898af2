"""The search index of one language: each page's URL, title and sections (anchor, heading, text), as JSON.

The browser (`docs/assets/search.js`) fetches it only when a reader starts a search and folds accents
there, so the file holds every text once, as written, and stays independent of the theme.
"""

from __future__ import annotations

import functools
import html
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

INDEX_FOLDER = "search"
SECTION_TAGS = frozenset({"h1", "h2", "h3"})
# navigation repeats other pages' titles; the translation notices are the same on every page
SKIPPED_TAGS = frozenset({"nav", "script", "style", "template", "button"})
# print-only: the QR code and its caption are for paper, not on screen, so not found by search either
SKIPPED_CLASSES = frozenset({"translation-banner", "untranslated__notice", "search-ignore", "print-only"})
# fmt: off
BLOCK_TAGS = frozenset({
    "address", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
# fmt: on
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Section:
    anchor: str  # "" for the top of the page
    heading: str
    text: str


@dataclass(frozen=True)
class IndexedPage:
    url: str  # relative to the site root, as MkDocs gives it: "", "en/", "qd-166-2021/"
    title: str
    sections: tuple[Section, ...]
    priority: int = 0  # 1 for the decision's own text (front matter `search_priority`); wins ties in ranking


def clean(text: str) -> str:
    """NFC and single spaces, so text pasted in decomposed form is stored like typed text."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


class _SectionParser(HTMLParser):
    """Splits a page's content HTML at h1-h3 headings; text inside skipped elements is dropped.

    Fed by `feed_markup` for the markup the engines write, by HTMLParser.feed for anything else."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list[str]] = [["", "", ""]]  # anchor, heading, text
        self._summaries: set[int] = set()  # sections whose heading links to another page
        self._open: list[str] = []
        self._skip_depth: int | None = None
        self._in_heading = False
        self._summary = False  # the heading links to another page: that page holds the text
        self._heading_parts: list[str] = []
        self._text_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Sequence[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            if tag in BLOCK_TAGS:
                self._text_parts.append(" ")
            return
        self._open.append(tag)
        if self._skip_depth is not None:
            return
        attributes = dict(attrs)
        if tag in SKIPPED_TAGS or not SKIPPED_CLASSES.isdisjoint((attributes.get("class") or "").split()):
            self._skip_depth = len(self._open)
            return
        if self._in_heading and tag == "a" and not (attributes.get("href") or "#").startswith("#"):
            self._summary = True
        if tag in SECTION_TAGS:
            if tag != "h1" or len(self.sections) > 1:
                self._close_section()
                self.sections.append(["" if tag == "h1" else attributes.get("id") or "", "", ""])
            # the page's title heading (h1) names the top section, with what precedes it (a kicker)
            self._in_heading = True
        elif tag in BLOCK_TAGS:
            self._text_parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_TAGS or tag not in self._open:
            return
        while self._open:  # close whatever the browser would close implicitly
            closed = self._open.pop()
            if self._skip_depth is not None and len(self._open) < self._skip_depth:
                self._skip_depth = None
                return
            if closed == tag:
                break
        if self._skip_depth is not None:
            return
        if tag in SECTION_TAGS and self._in_heading:
            self.sections[-1][1] = clean("".join(self._heading_parts))
            self._heading_parts = []
            self._in_heading = False
        elif tag in BLOCK_TAGS:
            self._text_parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self._skip_depth is not None:
            return
        (self._heading_parts if self._in_heading else self._text_parts).append(data)

    def _close_section(self) -> None:
        self.sections[-1][2] = clean("".join(self._text_parts))
        self._text_parts = []
        if self._summary:
            self._summaries.add(len(self.sections) - 1)
        self._summary = False

    def feed_markup(self, markup: str) -> bool:
        """The events HTMLParser.feed would give for `markup`, found by one pattern (`_MARKUP`); False, with some
        events already given, when `markup` holds anything beyond plain tags, comments and text."""
        unescape, open_tags = html.unescape, self._open
        done = 0
        for text, whole, slash, tag, attrs, close in _MARKUP.findall(markup):
            done += len(text) + len(whole)
            skipping = self._skip_depth is not None
            if text and not skipping:
                self.handle_data(unescape(text))
            if not tag:
                if whole == "<":  # neither a tag nor a comment
                    return False
                continue
            tag = tag.lower()
            if slash:
                if attrs or close:
                    return False
                self.handle_endtag(tag)
                continue
            if tag in _RAW_TEXT_TAGS:
                return False
            if skipping:  # what handle_starttag does inside a skipped element, without reading attributes
                if tag not in VOID_TAGS:
                    open_tags.append(tag)
                elif tag in BLOCK_TAGS:
                    self._text_parts.append(" ")
            else:
                self.handle_starttag(tag, _attributes(attrs) if attrs else ())
            if close:  # <path … />: HTMLParser's handle_startendtag
                self.handle_endtag(tag)
        if done < len(markup) and self._skip_depth is None:  # text after the last tag (no `<` in it)
            self.handle_data(unescape(markup[done:]))
        return True

    def result(self) -> list[Section]:
        self.close()
        self._close_section()
        # a summary of another page (the decision page's task groups) is left out: each text is in
        # the index once, and a search finds the page that holds it
        return [Section(*s) for i, s in enumerate(self.sections) if (s[1] or s[2]) and i not in self._summaries]


# The markup MkDocs and Zensical write: tags with quoted or plain attribute values, comments, text without `<`.
# One pattern finds each tag with the text before it; HTMLParser, which reads a page character by character
# in Python, took 2 s of a 1,000-group build. Anything else (a script, `<!DOCTYPE`, a stray `<`) stops this
# reading, and HTMLParser reads the page instead: both give the same events (tests/unit/test_search_index.py).
# possessive quantifiers (`++`, `*+`): no backtracking, a third of the time
_ATTRIBUTES = r"(?:\s+[^\s\"'>/=]++(?:\s*+=\s*+(?:\"[^\"]*+\"|'[^']*+'|[^\s\"'=<>`]++))?)*+"
_MARKUP = re.compile(
    # text, then a tag (end slash, name, attributes, self-closing slash), a comment, or a `<` that is neither
    rf"([^<]*+)(<(?:(/?)([a-zA-Z][a-zA-Z0-9-]*+)({_ATTRIBUTES})\s*+(/?)>|!--.*?--\s*>)|<)",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"([^\s\"'>/=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'=<>`]+)))?")
_RAW_TEXT_TAGS = frozenset(HTMLParser.CDATA_CONTENT_ELEMENTS)  # their content is not markup: HTMLParser's job


@functools.lru_cache(maxsize=65536)  # the same attributes recur on every page (classes, links, icons)
def _attributes(source: str) -> tuple[tuple[str, str | None], ...]:
    """Name and value of each attribute, as HTMLParser gives them (lower-case names, character references
    resolved, None for a name without a value)."""
    found = []
    for match in _ATTRIBUTE.finditer(source):
        name, double, single, plain_value = match.groups()
        value = double if double is not None else single if single is not None else plain_value
        found.append((name.lower(), html.unescape(value) if value else value))
    return tuple(found)


def page_sections(content_html: str) -> list[Section]:
    """The sections of a page's rendered content (without the theme's header, nav or footer)."""
    parser = _SectionParser()
    if not parser.feed_markup(content_html):
        parser = _SectionParser()
        parser.feed(content_html)
    return parser.result()


def indexed_page(url: str, title: str, content_html: str, priority: int = 0) -> IndexedPage:
    # page titles arrive as HTML (text.front_matter escapes them for the theme's templates); the index
    # holds text, which the search box shows as text
    title = clean(html.unescape(title))
    # a heading that repeats the page's title (its h1, mostly) adds bytes and nothing to find
    sections = [Section(s.anchor, "" if s.heading in title else s.heading, s.text) for s in page_sections(content_html)]
    return IndexedPage(url, title, tuple(s for s in sections if s.heading or s.text), priority)


def index_path(site_dir: Path, lang: str) -> Path:
    return site_dir / INDEX_FOLDER / f"{lang}.json"


def index_json(lang: str, pages: list[IndexedPage]) -> str:
    """Compact, deterministic JSON: pages sorted by URL, each section as [anchor, heading, text]."""
    body = {
        "lang": lang,
        "pages": [
            {"url": p.url, "title": p.title, "sections": [[s.anchor, s.heading, s.text] for s in p.sections]}
            | ({"priority": p.priority} if p.priority else {})
            for p in sorted(pages, key=lambda p: p.url)
        ],
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))


def write_index(site_dir: Path, lang: str, pages: list[IndexedPage]) -> Path:
    path = index_path(site_dir, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(index_json(lang, pages), encoding="utf-8")
    return path
