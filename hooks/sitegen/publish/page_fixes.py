"""Edits of a finished HTML page that do not depend on the engine that built it: the theme's own
hreflang and canonical links out, our head metadata and print footer in, the article read back."""

from __future__ import annotations

import html as html_text
import re

# Material writes the i18n switch links into <head> as relative hreflang links (no x-default); the
# switch itself still needs them, so they are removed from the finished page instead.
_THEME_HREFLANG = re.compile(r'\n[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
_CANONICAL_TAG = re.compile(r'<link rel="canonical" href="[^"]*">')
_ARTICLE_START = re.compile(r"<article\b[^>]*>")
_HEAD_TITLE = re.compile(r"<title>[^<]*</title>")
_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_IN_VIETNAMESE = re.compile(r'<(span|a)\b[^>]*\blang="vi"[^>]*>(.*?)</\1>', re.S)
_TAG = re.compile(r"<[^>]+>")
_TOC_LINK = re.compile(r'(<a href="#([^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">)(.*?)(</span>)', re.S)


def drop_theme_hreflang_links(html: str) -> str:
    """The page without the theme's relative hreflang links (ours, absolute, stay: other attribute order)."""
    return _THEME_HREFLANG.sub("", html)


def mark_vietnamese_in_toc(html: str) -> str:
    """The theme's table of contents repeats each heading as plain text, so a title an English page shows in
    Vietnamese (not yet translated) would lose its `lang="vi"` there: it gets it back, for screen readers."""
    if 'lang="vi"' not in html:
        return html
    vietnamese: dict[str, list[str]] = {}
    for heading in _HEADING.finditer(html):
        anchor = _ID.search(heading.group(2))
        if anchor is None:
            continue
        if 'lang="vi"' in heading.group(2):
            parts = [heading.group(3)]
        else:
            parts = [inner for _, inner in _IN_VIETNAMESE.findall(heading.group(3))]
        texts = [text for part in parts if (text := html_text.unescape(_TAG.sub("", part)).strip())]
        if texts:
            vietnamese[anchor.group(1)] = texts
    if not vietnamese:
        return html

    def mark(link: re.Match[str]) -> str:
        texts = vietnamese.get(html_text.unescape(link.group(2)))
        label = link.group(3)
        if not texts or "<" in label:
            return link.group(0)
        shown = html_text.unescape(label.strip())
        for text in texts:
            shown = shown.replace(text, f"\0{text}\1", 1)
        marked = html_text.escape(shown, quote=False).replace("\0", '<span lang="vi">').replace("\1", "</span>")
        lead, trail = label[: len(label) - len(label.lstrip())], label[len(label.rstrip()) :]
        return f"{link.group(1)}{lead}{marked}{trail}{link.group(4)}"

    return _TOC_LINK.sub(mark, html)


def fix_page(html: str) -> str:
    return drop_theme_hreflang_links(html)


def drop_canonical(html: str) -> str:
    """Without the theme's canonical link (with its indentation and line break): publish writes its own
    (and none on a not-found page). Found with str.find: a pattern that may start with optional blanks
    is tried at every character of the page, a tenth of the publish step."""
    kept, done = [], 0
    while (at := html.find('<link rel="canonical"', done)) != -1:
        tag = _CANONICAL_TAG.match(html, at)
        if tag is None:
            kept.append(html[done : at + 1])
            done = at + 1
            continue
        start = at
        while start > done and html[start - 1] in " \t":
            start -= 1
        if start > done and html[start - 1] == "\n":
            start -= 1
        kept.append(html[done:start])
        done = tag.end()
    kept.append(html[done:])
    return "".join(kept)


def replace_title(html: str, escaped_title: str) -> str:
    """The page's <title> (the first one, in <head>; inline SVGs in the body have their own)."""
    end = html.index("</head>")
    return _HEAD_TITLE.sub(lambda _: f"<title>{escaped_title}</title>", html[:end], count=1) + html[end:]


def add_to_head(html: str, markup: str) -> str:
    end = html.index("</head>")
    return f"{html[:end]}{markup}\n  {html[end:]}"


def add_to_article(html: str, markup: str) -> str:
    """`markup` at the end of the page's article (the content column both engines write)."""
    end = html.rindex("</article>")
    return f"{html[:end]}{markup}\n{html[end:]}"


def article_html(html: str) -> str:
    """The page's article: its content, without the theme's header, navigation and footer."""
    start = _ARTICLE_START.search(html)
    if start is None:
        return ""
    return html[start.end() : html.rindex("</article>")]
