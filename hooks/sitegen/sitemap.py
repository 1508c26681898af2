"""The entries of `sitemap.xml`: every page with its vi, en and x-default alternates, from data.

The root sitemap lists both languages; `/en/sitemap.xml` lists the English pages only, since a
sitemap may only list addresses under its own folder. No `<lastmod>`: the data has no such date.
"""

from __future__ import annotations

from dataclasses import dataclass

from .headmeta import Alternate, alternates
from .model import DEFAULT_LANGUAGE, LANGUAGES, Site
from .urls import absolute, all_page_paths


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: tuple[Alternate, ...]


def sitemap_entries(site: Site, root: str, lang: str) -> list[SitemapEntry]:
    """The entries of the sitemap the build of `lang` writes at its own root."""
    languages = LANGUAGES if lang == DEFAULT_LANGUAGE else (lang,)
    paths = all_page_paths(site)
    return [
        SitemapEntry(absolute(root, path, entry_lang), alternates(root, path))
        for entry_lang in languages
        for path in paths
    ]
