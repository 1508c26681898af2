"""The page a reader gets at an address that does not exist, one per language: it says so, and leads
home, to every task group and to search.

It is generated and built like any page (at `/404/`); publish makes it each language's `404.html`.
"""

from __future__ import annotations

from sitegen.content.model import Site
from sitegen.pages.labels import label
from sitegen.pages.manifest import NOT_FOUND_SOURCE
from sitegen.pages.templating import render
from sitegen.pages.text import RenderedPage, front_matter, shown
from sitegen.pages.urls import HOME_PAGE, group_page, link, relative_url


def render_not_found(site: Site, lang: str) -> RenderedPage:
    title = label(lang, "not_found_title")
    text = label(lang, "not_found_text")
    decision = max(site.decisions, key=lambda d: d.date)
    groups = [
        {
            "number": group.number,
            "title": shown(group.title, lang),
            "href": relative_url(NOT_FOUND_SOURCE, group_page(decision, group)),
        }
        for group in decision.groups
    ]
    body = render(
        "not_found.md.j2",
        lang=lang,
        title=title,
        home_href=link(NOT_FOUND_SOURCE, HOME_PAGE),
        groups=groups,
    )
    return RenderedPage(NOT_FOUND_SOURCE, lang, front_matter(title, text, hide=("navigation", "toc")) + body)
