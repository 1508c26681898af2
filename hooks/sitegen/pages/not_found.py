"""The page a reader gets at an address that does not exist, one per language.

It is generated and built like any page (at `/404/`); publish makes it each language's `404.html`.
"""

from __future__ import annotations

from sitegen.pages.labels import label
from sitegen.pages.manifest import NOT_FOUND_SOURCE
from sitegen.pages.templating import render
from sitegen.pages.text import RenderedPage, front_matter
from sitegen.pages.urls import HOME_PAGE


def render_not_found(lang: str) -> RenderedPage:
    title = label(lang, "not_found_title")
    text = label(lang, "not_found_text")
    body = render("not_found.md.j2", lang=lang, title=title, home_href=HOME_PAGE)
    return RenderedPage(NOT_FOUND_SOURCE, lang, front_matter(title, text, hide=("navigation", "toc")) + body)
