"""What every page says about itself in `<head>`: absolute hreflang alternates (with x-default),
Open Graph for link previews, and JSON-LD; computed from data, handed to the template as one object."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.content.model import DEFAULT_LANGUAGE, LANGUAGES, Site
from sitegen.pages.urls import absolute, find_page, page_path
from sitegen.publish.print_meta import print_rows
from sitegen.publish.structured_data import page_json_ld, script_json

OPEN_GRAPH_LOCALES = {"vi": "vi_VN", "en": "en_GB"}  # English follows British spelling (defence, mobilisation)


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


@dataclass(frozen=True)
class PageHead:
    canonical: str
    alternates: tuple[Alternate, ...]
    open_graph: tuple[tuple[str, str], ...]
    json_ld: str | None  # already safe to place inside <script type="application/ld+json">
    print_rows: tuple[tuple[str, str], ...] = ()  # printed at the end of the page (sitegen/print_meta.py)


def alternates(root: str, path: str) -> tuple[Alternate, ...]:
    """The page in each language, and x-default: the Vietnamese page (the original)."""
    links = [Alternate(lang, absolute(root, path, lang)) for lang in LANGUAGES]
    links.append(Alternate("x-default", absolute(root, path, DEFAULT_LANGUAGE)))
    return tuple(links)


def page_head(site: Site, root: str, url: str, lang: str, title: str, description: str, site_name: str) -> PageHead:
    """The `<head>` facts of the page at MkDocs `url` in build language `lang`."""
    path = page_path(url, lang)
    page = find_page(site, path)
    canonical = absolute(root, path, lang)
    open_graph = [
        ("og:type", "article" if page.decision else "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", canonical),
        ("og:locale", OPEN_GRAPH_LOCALES[lang]),
    ]
    open_graph += [("og:locale:alternate", OPEN_GRAPH_LOCALES[other]) for other in LANGUAGES if other != lang]
    data = page_json_ld(page, lang, root)
    json_ld = script_json(data) if data else None
    return PageHead(canonical, alternates(root, path), tuple(open_graph), json_ld, print_rows(page, lang, canonical))
