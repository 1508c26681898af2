"""What every page says about itself in `<head>`: absolute hreflang alternates (with x-default),
Open Graph for link previews, and JSON-LD; computed from data, handed to the template as one object."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.content.model import DEFAULT_LANGUAGE, LANGUAGES, Site
from sitegen.pages.labels import decision_name, format_date, label
from sitegen.pages.urls import PageRef, absolute, find_page, page_path
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
    title: str | None = None  # the whole <title>, where the theme's "<page> - <site name>" would repeat itself


def alternates(root: str, path: str) -> tuple[Alternate, ...]:
    """The page in each language, and x-default: the Vietnamese page (the original)."""
    links = [Alternate(lang, absolute(root, path, lang)) for lang in LANGUAGES]
    links.append(Alternate("x-default", absolute(root, path, DEFAULT_LANGUAGE)))
    return tuple(links)


def own_title(page: PageRef, lang: str) -> str | None:
    """The decision page's <title>: number, date and issuer. The theme's "<page> - <site name>" read
    "Quyết định số 166/QĐ-UBND - Quyết định 166/QĐ-UBND – Lạng Sơn": the site's name repeats the number."""
    decision = page.decision
    if decision is None or page.group is not None or page.update is not None:
        return None
    date = format_date(decision.date, lang)
    return f"{decision_name(decision, lang)} {label(lang, 'dated')} {date} – {decision.issuer.best(lang)[0]}"


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
    rows = print_rows(page, lang, canonical)
    return PageHead(canonical, alternates(root, path), tuple(open_graph), json_ld, rows, own_title(page, lang))
