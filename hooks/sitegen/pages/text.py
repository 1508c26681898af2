"""How a data text appears on a generated page: inert Markdown, the page's front matter, and the
Vietnamese fallback or "outdated" notice of a text that is not (or no longer) translated.

Text from data/ is plain text: it is escaped here, so Markdown or HTML typed into a YAML file
reaches the page as the characters typed, never as markup.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from sitegen.content.model import OUTDATED, Decision, Text
from sitegen.pages.escape import h
from sitegen.pages.labels import label

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
