"""Step 3, publish: everything the site says to machines and printers, written over the built HTML
with the page manifest, whichever engine built it (`python -m sitegen.publish SITE_DIR`).

Per page: canonical, hreflang (with x-default), Open Graph, JSON-LD and the print footer, in place of
the theme's own links. Per language: a search index, a sitemap (and its `.gz`), a 404 page. Once:
open data, robots.txt, and content hashes in the names of the site's own CSS and JS.
"""

from __future__ import annotations

import gzip
import html
from pathlib import Path

import jinja2

from sitegen import forks
from sitegen.content.githistory import committed_dates
from sitegen.content.model import LANGUAGES, Site
from sitegen.pages.manifest import Manifest, PageEntry
from sitegen.pages.urls import language_prefix
from sitegen.publish import headmeta, opendata, page_fixes, search_index, sitemap
from sitegen.publish.files import write_new
from sitegen.publish.fingerprint import fingerprint_assets
from sitegen.publish.memo import PublishMemo
from sitegen.publish.not_found import write_not_found_pages
from sitegen.publish.reproducible import date_epoch

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)


def publish_site(site_dir: Path, manifest: Manifest, site: Site, memo: PublishMemo | None = None) -> None:
    """Finish the site an engine built into `site_dir` from the pages in `manifest` and the model `site`.
    `memo` (`make serve`, in one process): pages unchanged since the last build are taken from it."""
    root = manifest.site_url
    published = manifest.published_pages()

    def publish_language(lang: str) -> None:
        pages = [publish_page(site_dir, manifest, site, page, memo) for page in published if page.lang == lang]
        search_index.write_index(site_dir, lang, pages)

    # each language's pages and index are files of their own: on two cores English is done by a fork
    forks.each_in_parallel(LANGUAGES, publish_language)
    not_found = [page for page in manifest.pages if page.kind == "not_found"]
    for page in not_found:
        built = site_dir / page.url / "index.html"
        write_new(built, _without_theme_links(built.read_text(encoding="utf-8")))
    write_not_found_pages(site_dir, root, not_found)
    write_sitemaps(site_dir, manifest, site)
    opendata.write_open_data(site, root, site_dir)
    write_new(site_dir / "robots.txt", TEMPLATES.get_template("robots.txt").render(sitemap=f"{root}sitemap.xml"))
    # last: every page is final, so each reference to the site's own CSS/JS gets its hashed name
    fingerprint_assets(site_dir)


def _without_theme_links(page_html: str) -> str:
    return page_fixes.mark_vietnamese_in_toc(page_fixes.drop_canonical(page_fixes.drop_theme_hreflang_links(page_html)))


def publish_page(
    site_dir: Path, manifest: Manifest, site: Site, page: PageEntry, memo: PublishMemo | None = None
) -> search_index.IndexedPage:
    """Write one page's head metadata and print footer; return what the search index holds of it."""
    file = site_dir / page.url / "index.html"
    description = page.description or manifest.site_descriptions[page.lang]
    head = headmeta.page_head(
        site, manifest.site_url, page.url, page.lang, page.title, description, manifest.site_names[page.lang]
    )
    if memo is not None and (known := memo.reuse(page, head, file)) is not None:
        return known
    page_html = _without_theme_links(file.read_text(encoding="utf-8"))
    # indexed_page takes the title as the theme's templates get it (HTML-escaped), like the article
    indexed = search_index.indexed_page(
        page.url, html.escape(page.title), page_fixes.article_html(page_html), page.search_priority
    )
    page_html = page_fixes.add_to_head(page_html, TEMPLATES.get_template("head.html").render(head=head).rstrip())
    if head.title is not None:
        page_html = page_fixes.replace_title(page_html, html.escape(head.title))
    if head.print_rows:
        footer = TEMPLATES.get_template("print-meta.html").render(rows=head.print_rows).rstrip()
        page_html = page_fixes.add_to_article(page_html, footer)
    write_new(file, page_html)
    if memo is not None:
        memo.remember(page, head, indexed)
    return indexed


def write_sitemaps(site_dir: Path, manifest: Manifest, site: Site) -> None:
    """`sitemap.xml` at each language's root (the default one lists every language) and a `.gz` copy
    dated by the data, so the same data gives the same bytes. Each page's `<lastmod>` is when its data
    files were committed (none for data not committed yet)."""
    paths = tuple(dict.fromkeys(page.path for page in manifest.published_pages()))
    template = TEMPLATES.get_template("sitemap.xml")
    last_changed = sitemap.page_last_changed(site, committed_dates(Path(manifest.data_dir)))
    for lang in LANGUAGES:
        entries = sitemap.sitemap_entries(paths, manifest.site_url, lang, last_changed)
        folder = site_dir / language_prefix(lang)
        folder.mkdir(parents=True, exist_ok=True)
        data = template.render(entries=entries).encode("utf-8")
        write_new(folder / "sitemap.xml", data)
        write_new(folder / "sitemap.xml.gz", gzip.compress(data, mtime=date_epoch(manifest.lastmod_date)))
