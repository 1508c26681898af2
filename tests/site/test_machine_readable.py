"""What machines read: hreflang/canonical/Open Graph in <head>, sitemaps, JSON-LD, open data, 404 pages.

Expected values come from data/ through `load_site`, never from the pages themselves.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET

import pytest
from sitegen.content.githistory import committed_dates
from sitegen.content.updates import published_only
from sitegen.content.validate import load_site
from sitegen.publish.reproducible import latest_date
from sitegen.publish.sitemap import page_last_changed
from sitehelpers import PROJECT, all_pages, page_path

XHTML = "{http://www.w3.org/1999/xhtml}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="session")
def decision():
    return load_site(PROJECT / "data").decisions[0]


def url_of(site_url: str, relative: str) -> str:
    """The address of a built file: `en/about/index.html` → `http://…/en/about/`."""
    return f"{site_url}/{relative.removesuffix('index.html')}"


def test_every_page_has_absolute_hreflang_for_vi_en_and_x_default_and_no_other(built_site, soup_of, site_url) -> None:
    for relative in all_pages(built_site.root):
        path = page_path(relative)
        head = soup_of(relative).head
        links = {link["hreflang"]: link["href"] for link in head.select("link[hreflang]")}
        assert len(head.select("link[hreflang]")) == 3, relative  # the theme's relative ones are gone
        assert links == {
            "vi": f"{site_url}/{path}",
            "en": f"{site_url}/en/{path}",
            "x-default": f"{site_url}/{path}",
        }, relative
        canonical = head.select("link[rel=canonical]")
        assert [c["href"] for c in canonical] == [url_of(site_url, relative)], relative


def test_open_graph_gives_a_preview_per_language(built_site, soup_of, site_url) -> None:
    for relative in all_pages(built_site.root):
        head = soup_of(relative).head
        og = {m["property"]: m["content"] for m in head.select("meta[property^='og:']")}
        english = relative.startswith("en/")
        assert og["og:locale"] == ("en_GB" if english else "vi_VN"), relative
        assert og["og:locale:alternate"] == ("vi_VN" if english else "en_GB"), relative
        assert og["og:url"] == url_of(site_url, relative)
        assert og["og:title"] and og["og:title"] in head.title.get_text(), relative
        assert og["og:description"] == head.select_one("meta[name=description]")["content"], relative
        assert og["og:type"] in {"website", "article"}


def test_open_graph_of_a_group_page_speaks_its_language(soup_of, decision) -> None:
    group = decision.groups[2]
    for lang, prefix in (("vi", ""), ("en", "en/")):
        head = soup_of(f"{prefix}{decision.slug}/{group.slug}/index.html").head
        og = {m["property"]: m["content"] for m in head.select("meta[property^='og:']")}
        assert group.title.best(lang)[0] in og["og:title"]
        assert og["og:description"] == (group.summary or group.text).best(lang)[0]
        assert og["og:type"] == "article"


def _sitemap(path) -> list[tuple[str, dict[str, str]]]:
    root = ET.parse(path).getroot()
    # when the page's data files were committed: never the build's clock, never the decision's date
    site = load_site(PROJECT / "data")
    last_changed = page_last_changed(site, committed_dates(PROJECT / "data"))
    for url in root.findall(f"{SITEMAP}url"):
        page = re.sub(r"^https?://[^/]+/(en/)?", "", url.findtext(f"{SITEMAP}loc"))
        expected = last_changed(page)
        assert url.findtext(f"{SITEMAP}lastmod") == (expected.isoformat() if expected else None), page
        assert url.findtext(f"{SITEMAP}lastmod") != latest_date(site).isoformat()
    return [
        (url.findtext(f"{SITEMAP}loc"), {a.get("hreflang"): a.get("href") for a in url.findall(f"{XHTML}link")})
        for url in root.findall(f"{SITEMAP}url")
    ]


def test_sitemap_lists_every_page_with_its_alternates(built_site, site_url) -> None:
    entries = _sitemap(built_site.root / "sitemap.xml")
    pages = all_pages(built_site.root)
    assert sorted(loc for loc, _ in entries) == sorted(url_of(site_url, p) for p in pages)
    for loc, alternates in entries:
        path = loc.removeprefix(f"{site_url}/").removeprefix("en/")
        assert alternates == {
            "vi": f"{site_url}/{path}",
            "en": f"{site_url}/en/{path}",
            "x-default": f"{site_url}/{path}",
        }


def test_english_sitemap_is_beside_the_english_pages_and_lists_only_them(built_site, site_url) -> None:
    entries = _sitemap(built_site.root / "en" / "sitemap.xml")
    english = [p for p in all_pages(built_site.root) if p.startswith("en/")]
    assert sorted(loc for loc, _ in entries) == sorted(url_of(site_url, p) for p in english)
    assert (built_site.root / "en" / "sitemap.xml.gz").is_file()


def test_each_language_has_its_own_404_page(soup_of) -> None:
    for relative, lang in (("404.html", "vi"), ("en/404.html", "en")):
        soup = soup_of(relative)
        assert soup.html["lang"] == lang
        switch = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link")}
        home = {"vi": "/", "en": "/en/"}
        assert switch and all(home[lang] == href for lang, href in switch.items()), relative  # no counterpart: go home
    assert "404" in soup_of("404.html").select_one("article").get_text()


def _json_ld(soup) -> list[dict]:
    return [json.loads(tag.string) for tag in soup.select('script[type="application/ld+json"]')]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_decision_page_is_a_web_page_about_the_legislation(soup_of, site_url, decision, lang) -> None:
    prefix = "" if lang == "vi" else "en/"
    [data] = _json_ld(soup_of(f"{prefix}{decision.slug}/index.html"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "WebPage" and data["inLanguage"] == lang
    assert data["url"] == data["@id"] == f"{site_url}/{prefix}{decision.slug}/"
    law = data["about"]
    assert law["@type"] == "Legislation" and law["@id"] == f"{site_url}/{decision.slug}/#legislation"
    assert law["legislationIdentifier"] == decision.number
    assert law["legislationType"] == decision.doc_type.best(lang)[0]
    assert law["legislationDate"] == decision.date.isoformat()
    assert law["legislationPassedBy"]["name"] == decision.issuer.best(lang)[0]
    assert law["legislationJurisdiction"]["name"] == decision.jurisdiction.best(lang)[0]
    assert law["inLanguage"] == "vi"
    assert "url" not in law and "hasPart" not in law  # not the site's address; the groups are not its parts
    source = data["isBasedOn"]
    assert (source["@type"], source["url"], source["author"]["name"]) == (
        "NewsArticle",
        decision.source.url,
        "Thùy Linh",
    )
    assert source["about"] == {"@id": law["@id"]}
    vi_page, en_page = f"{site_url}/{decision.slug}/", f"{site_url}/en/{decision.slug}/"
    if lang == "vi":
        assert data["workTranslation"] == {"@id": en_page} and "translationOfWork" not in data
    else:
        assert data["translationOfWork"] == {"@id": vi_page}


def test_group_pages_are_web_pages_about_the_decision_not_parts_of_it(soup_of, site_url, decision) -> None:
    for prefix in ("", "en/"):
        for group in decision.groups:
            [data] = _json_ld(soup_of(f"{prefix}{decision.slug}/{group.slug}/index.html"))
            assert data["@type"] == "WebPage" and "position" not in data
            assert data["about"]["@id"] == f"{site_url}/{decision.slug}/#legislation"
            assert data["about"]["legislationIdentifier"] == decision.number
            assert data["isPartOf"] == {"@type": "WebPage", "@id": f"{site_url}/{prefix}{decision.slug}/"}


def test_the_update_is_an_article_that_claims_no_publication_date(soup_of, site_url, decision) -> None:
    for prefix in ("", "en/"):
        [data] = _json_ld(soup_of(f"{prefix}{decision.slug}/tin-tuc/ban-hanh-quyet-dinh/index.html"))
        assert data["@type"] == "Article" and data["about"]["@id"] == f"{site_url}/{decision.slug}/#legislation"
        assert "datePublished" not in data and "dateCreated" not in data  # the article prints no date of its own


def test_pages_without_a_decision_carry_no_legislation(soup_of) -> None:
    for relative in ("index.html", "en/index.html", "about/index.html", "en/about/index.html"):
        assert _json_ld(soup_of(relative)) == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_decision_page_links_to_its_open_data(built_site, soup_of, site_url, decision, prefix) -> None:
    page = f"{prefix}{decision.slug}/index.html"
    [link] = soup_of(page).select('article a[type="application/json"]')  # the footer links it too
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link["href"]))
    assert target == f"{prefix}{decision.slug}/decision.json"
    record = json.loads((built_site.root / target).read_text(encoding="utf-8"))
    lang = "en" if prefix else "vi"
    assert record["language"] == lang and record["original"] is (lang == "vi") and record["full_text"] is False
    assert "authoritative" not in record
    assert record["url"] == f"{site_url}/{target}"
    body = record["decision"]
    assert (body["number"], body["date"], body["issuer"]) == (
        decision.number,
        decision.date.isoformat(),
        decision.issuer.get(lang),
    )
    assert body["motto"] == decision.motto.get(lang)
    assert body["growth_target"]["low_percent"] == decision.growth_target.low_percent
    assert body["growth_target"]["high_percent"] == decision.growth_target.high_percent
    assert body["source"]["url"] == decision.source.url
    assert [(g["number"], g["id"], g["title"], g["text"]) for g in body["groups"]] == [
        (g.number, g.slug, g.title.get(lang), g.text.get(lang)) for g in decision.groups
    ]
    for group in body["groups"]:
        assert (built_site.root / group["page"].removeprefix(f"{site_url}/") / "index.html").is_file()
    published = published_only(load_site(PROJECT / "data")).decisions[0].updates
    assert [(u["id"], u["date"], u["title"], u["summary"], u["groups"]) for u in body["updates"]] == [
        (u.slug, u.date.isoformat(), u.title.get(lang), u.summary.get(lang), list(u.groups)) for u in published
    ]
    for update in body["updates"]:
        assert (built_site.root / update["page"].removeprefix(f"{site_url}/") / "index.html").is_file()


def test_robots_txt_names_the_absolute_sitemap_address(built_site, site_url) -> None:
    robots = (built_site.root / "robots.txt").read_text(encoding="utf-8")
    lines = robots.splitlines()
    [line] = [line for line in lines if line.startswith("Sitemap:")]
    assert line == f"Sitemap: {site_url}/sitemap.xml"  # absolute: a relative address is ignored by crawlers
    assert (built_site.root / "sitemap.xml").is_file()
    assert "Disallow: /" not in lines  # the whole site may be indexed
