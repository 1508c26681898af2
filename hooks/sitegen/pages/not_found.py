"""The page a reader gets at an address that does not exist, one per language.

It is generated and built like any page (at `/404/`); publish makes it each language's `404.html`.
"""

from __future__ import annotations

from sitegen.pages.labels import label
from sitegen.pages.manifest import NOT_FOUND_SOURCE
from sitegen.pages.text import RenderedPage, front_matter, md
from sitegen.pages.urls import HOME_PAGE


def render_not_found(lang: str) -> RenderedPage:
    title = label(lang, "not_found_title")
    text = label(lang, "not_found_text")
    markdown = (
        front_matter(title, text, hide=("navigation", "toc"))
        + f"# 404 – {md(title)}\n\n{md(text)}\n\n[{md(label(lang, 'not_found_home'))}]({HOME_PAGE})\n"
    )
    return RenderedPage(NOT_FOUND_SOURCE, lang, markdown)
