"""The real site's one update, its feeds and where it appears, in both languages."""

from __future__ import annotations

import posixpath
from pathlib import Path

import feedparser
import pytest
from sitegen.content.validate import load_site
from sitegen.pages.feeds import FEED_ENTRIES
from sitegen.pages.news import LATEST_ON_HOME, PER_PAGE

UPDATE = "qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/index.html"
UPDATE_FILE = "data/decisions/qd-166-2021/updates/2021-01-15-ban-hanh-quyet-dinh.yaml"
GROUPS = 9
PROJECT = Path(__file__).resolve().parents[2]


def published_updates():
    """The real updates the site shows, newest first (the press office adds its own after the first one)."""
    [decision] = load_site(PROJECT / "data").decisions
    return decision, [u for u in decision.updates if not u.draft]


def publication():
    [update] = [u for u in published_updates()[1] if u.slug == "ban-hanh-quyet-dinh"]
    return update


def resolve(page: str, href: str) -> str:
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
    return posixpath.join(target, "index.html") if href.endswith("/") else target


@pytest.mark.parametrize(
    ("prefix", "date", "title"),
    [
        ("", "15/01/2021", "UBND tỉnh Lạng Sơn ban hành Quyết định số 166/QĐ-UBND"),
        ("en/", "15 January 2021", "Lạng Sơn Provincial People's Committee issues Decision No. 166/QĐ-UBND"),
    ],
)
def test_the_update_page(built_site, soup_of, prefix, date, title) -> None:
    page = prefix + UPDATE
    html = soup_of(page)
    english = publication().title.en is not None  # the English may follow later (issue 13 §6)
    assert html.select_one("h1").get_text() == (title if not prefix or english else publication().title.vi)
    assert html.select_one("article time").get_text() == date
    groups = [resolve(page, a["href"]) for a in html.select("article ul a")]
    assert len(groups) == GROUPS and all((built_site.root / g).is_file() for g in groups)
    source = html.select_one(".update-source")
    assert source.select_one("a")["href"] == "https://vanphong.langson.gov.vn/vi/node/64199"
    assert "Thùy Linh" in source.get_text()
    if all(text.en is not None for text in (publication().title, publication().summary, publication().body)):
        assert html.select_one(".untranslated") is None


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_it_is_on_the_list_the_home_page_and_every_group_timeline(built_site, soup_of, prefix) -> None:
    places = [f"{prefix}qd-166-2021/tin-tuc/index.html", f"{prefix}index.html"]
    group_pages = sorted(
        p.relative_to(built_site.root).as_posix()
        for p in (built_site.root / prefix / "qd-166-2021").glob("*/index.html")
        if p.parent.name != "tin-tuc"
    )
    assert len(group_pages) == GROUPS
    decision, updates = published_updates()  # newest first, as every list shows them
    slugs = {group.slug: group.number for group in decision.groups}
    expected = {places[0]: updates[:PER_PAGE], places[1]: updates[:LATEST_ON_HOME]}
    for page in group_pages:
        expected[page] = [u for u in updates if slugs[page.split("/")[-2]] in u.groups]
    for page in places + group_pages:
        links = [
            resolve(page, a["href"])
            for a in soup_of(page).select(".update-entry h2 a, .update-entry h3 a, .update-timeline a")
        ]
        assert links == [f"{prefix}qd-166-2021/tin-tuc/{u.slug}/index.html" for u in expected[page]], page
    for page in group_pages:  # the first update concerns every group: it stays on every timeline
        assert prefix + UPDATE in [resolve(page, a["href"]) for a in soup_of(page).select(".update-timeline a")], page


def expected_update_time() -> tuple[int, ...]:
    """When the update's file was committed (the same for every build of a commit); for a file with uncommitted
    changes, its date at 00:00 in the province (17:00 UTC the day before)."""
    import datetime

    from sitegen.content.githistory import committed_dates

    committed = committed_dates(PROJECT / "data").get(UPDATE_FILE)
    if committed is None:
        return (2021, 1, 14, 17, 0, 0)
    return committed.astimezone(datetime.UTC).timetuple()[:6]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_feeds_parse_and_point_at_the_update(built_site, lang) -> None:
    prefix = "" if lang == "vi" else "en/"
    decision, updates = published_updates()
    slugs = {group.slug: group.number for group in decision.groups}
    for path in [f"{prefix}feed.xml"] + [
        p.relative_to(built_site.root).as_posix() for p in (built_site.root / prefix / "qd-166-2021").glob("*/feed.xml")
    ]:
        feed = feedparser.parse((built_site.root / path).read_bytes())
        assert not feed.bozo and feed.feed.language == lang, path
        # the newest updates concerning the feed's groups, newest first; the press office adds its own
        expected = [
            u for u in updates if path.count("/") == prefix.count("/") or slugs[path.split("/")[-2]] in u.groups
        ]
        assert [e.link.rsplit("/", 2)[-2] for e in feed.entries] == [u.slug for u in expected[:FEED_ENTRIES]], path
        [entry] = [e for e in feed.entries if e.link.endswith(f"/{prefix}{UPDATE.removesuffix('index.html')}")]
        assert entry.link.startswith(("http://", "https://"))
        # the article gives a date (the decision's) but no time: no publication time is claimed
        assert "published" not in entry, path
        assert entry.updated_parsed[:6] == expected_update_time(), path
    assert len(list((built_site.root / prefix / "qd-166-2021").glob("*/feed.xml"))) == GROUPS


@pytest.mark.browser
@pytest.mark.parametrize(
    ("start", "language", "expected"),
    [
        ("/qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/", "English", "/en/qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/"),
        ("/en/qd-166-2021/tin-tuc/", "Tiếng Việt", "/qd-166-2021/tin-tuc/"),
    ],
)
def test_the_language_switch_lands_on_the_counterpart(page, site_url, start, language, expected) -> None:
    page.goto(site_url + start)
    page.locator(".md-header .md-select").hover()
    page.get_by_role("link", name=language).click()
    page.wait_for_load_state()
    assert page.url == site_url + expected
