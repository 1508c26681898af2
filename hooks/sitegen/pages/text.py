"""How a text from data/ appears on a generated page: as itself, as the Vietnamese marked as such when
it is not translated, or as English under a notice when the Vietnamese changed since (templates/text.j2).
Also the page's front matter, which MkDocs reads as YAML."""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from sitegen.content.model import DEFAULT_LANGUAGE, OUTDATED, Decision, Text
from sitegen.pages.escape import h
from sitegen.pages.labels import label
from sitegen.pages.templating import macros


@dataclass(frozen=True)
class RenderedPage:
    path: str  # source path without language suffix, e.g. `qd-166-2021/index.md`
    lang: str
    markdown: str

    @property
    def file_name(self) -> str:
        """The i18n plugin's suffix convention: `x.md` is Vietnamese, `x.en.md` English."""
        if self.lang == DEFAULT_LANGUAGE:
            return self.path
        return f"{self.path.removesuffix('.md')}.{self.lang}.md"


@dataclass(frozen=True)
class Shown:
    """A text as a page in `page_lang` shows it: what the templates get instead of the model's Text."""

    value: str
    lang: str  # the language `value` is really in: Vietnamese when the English is missing
    page_lang: str
    outdated: bool = False  # English whose Vietnamese changed after it was translated
    key: str = ""  # `file:field` (text_key), for the `data-text` marker; empty for texts not read from a file

    @property
    def fallback(self) -> bool:
        return self.lang != self.page_lang

    @property
    def as_is(self) -> bool:
        """Shown without a notice or a language mark."""
        return not self.fallback and not self.outdated


def shown(text: Text, lang: str) -> Shown:
    value, actual = text.best(lang)
    outdated = actual == lang and lang != DEFAULT_LANGUAGE and text.state == OUTDATED
    return Shown(value, actual, lang, outdated, text_key(text))


def text_key(text: Text) -> str:
    """`file:field.path`: how reports, PO files and the status page name one text."""
    return f"{text.origin.file}:{text.origin.path}" if text.origin else ""


def plain(text: Text, lang: str) -> str:
    return text.best(lang)[0]


# The page templates call text.j2's macros themselves; these are the same macros for Python callers.


def block(text: Text, lang: str, attrs: str = "") -> Markup:
    """A paragraph in the page's language, or the Vietnamese marked as such when untranslated, or the
    English under a notice with a link to the current Vietnamese when the Vietnamese changed since."""
    return macros("text.j2").block(shown(text, lang), attrs)


def inline(text: Text, lang: str) -> Markup:
    """A short text (title, name) in Markdown; untranslated ones keep their Vietnamese, marked `lang="vi"`
    so screen readers switch voice, and `data-text` so the translation status page can link to them."""
    return macros("text.j2").inline(shown(text, lang))


def text_html(text: Text, lang: str) -> Markup:
    """A short text escaped for raw HTML, with `lang="vi"` when it falls back to the Vietnamese."""
    return macros("text.j2").text_html(shown(text, lang))


def banner_note(lang: str, decision: Decision | None = None) -> str:
    """What English pages say at the top: that they are an unofficial translation ("" in Vietnamese)."""
    if lang == DEFAULT_LANGUAGE:
        return ""
    if decision is None or decision.translation_note.best(lang)[1] != lang:
        # the site's own words while the note waits for its translator: an English page always says it in English
        return label(lang, "language_status")
    return plain(decision.translation_note, lang)


def front_matter(title: str, description: str, hide: tuple[str, ...] = (), **meta: object) -> str:
    """Page metadata; `meta` holds e.g. `feeds` (news.py) and `search_priority` (1: the decision's own text)."""
    # JSON strings are valid YAML, so any title survives MkDocs' meta parser unchanged. Escaped, because
    # MkDocs' Jinja does not autoescape: the theme puts page.meta.title/description into <title>, the
    # header, the nav and a `content="..."` attribute as they are.
    title, description = h(title), h(description)
    hidden = f"hide: {json.dumps(list(hide))}\n" if hide else ""  # Material's sidebars to leave out
    extra = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndescription: {json.dumps(description, ensure_ascii=False)}\n{hidden}{extra}---\n\n"
