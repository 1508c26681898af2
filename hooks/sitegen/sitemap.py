"""The entries of `sitemap.xml`: every page with its vi, en and x-default alternates, from data.

The root sitemap lists both languages; `/en/sitemap.xml` lists the English pages only, since a
sitemap may only list addresses under its own folder. No `<lastmod>`: the data has no such date.
"""

from __future__ import annotations

from dataclasses import dataclass

from .headmeta import Alternate, alternates
from .model import DEFAULT_LANGUAGE, LANGUAGES
from .urls import absolute


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: tuple[Alternate, ...]


def sitemap_entries(paths: tuple[str, ...], root: str, lang: str) -> list[SitemapEntry]:
    """The entries of the sitemap the build of `lang` writes at its own root; `paths` are the pages'
    address paths (`qd-166-2021/`), each published in every language."""
    languages = LANGUAGES if lang == DEFAULT_LANGUAGE else (lang,)
    return [
        SitemapEntry(absolute(root, path, entry_lang), alternates(root, path))
        for entry_lang in languages
        for path in paths
    ]
