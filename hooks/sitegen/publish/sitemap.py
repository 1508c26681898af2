"""The entries of `sitemap.xml`: every page with its vi, en and x-default alternates, from data.

The root sitemap lists both languages; `/en/sitemap.xml` lists the English pages only, since a
sitemap may only list addresses under its own folder. `<lastmod>` is the latest date in the data
(sitegen/reproducible.py), never the build's clock, so two builds of the same data are identical.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sitegen.content.model import DEFAULT_LANGUAGE, LANGUAGES
from sitegen.pages.urls import absolute
from sitegen.publish.headmeta import Alternate, alternates


@dataclass(frozen=True)
class SitemapEntry:
    loc: str
    alternates: tuple[Alternate, ...]
    lastmod: datetime.date | None = None


def sitemap_entries(
    paths: tuple[str, ...], root: str, lang: str, lastmod: datetime.date | None = None
) -> list[SitemapEntry]:
    """The entries of the sitemap the build of `lang` writes at its own root; `paths` are the pages'
    address paths (`qd-166-2021/`), each published in every language."""
    languages = LANGUAGES if lang == DEFAULT_LANGUAGE else (lang,)
    return [
        SitemapEntry(absolute(root, path, entry_lang), alternates(root, path), lastmod)
        for entry_lang in languages
        for path in paths
    ]
