"""Press-office updates on a built site of made-up data: lists, pages, timelines, home, feeds, drafts.

Two strict builds of one fixture data folder (module-scoped): the second after an update file was
deleted, to see it vanish from every list and feed.
"""

from __future__ import annotations

import datetime
import posixpath
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from datafixtures import DECISION_YAML, update_yaml, write_data, write_update
from sitegen.pages.generate import generated_dir
from sitehelpers import build_site

PROJECT = Path(__file__).resolve().parents[2]


SITE = "https://tin.example.test/"
LIST = "qd-1-2030/tin-tuc"
ROUTINE = 22  # with the five below, 27 published updates: a second list page of 7
GROUPS = ["[1, 3]", "[1]", "[2]"]


def routine_groups(i: int) -> set[int]:
    return {int(n) for n in re.findall(r"\d", GROUPS[i % 3])}


# slug → (groups, has English), in the order the site must show them: newest first, later time
# first on the same date, then slug A to Z
EXPECTED: list[tuple[str, set[int], bool]] = [
    ("a-chieu", {2}, True),
    ("z-sang", {3}, False),
    ("a-khong-gio", {1}, True),
    ("c-khong-gio", {1}, True),
    ("co-ma-html", {2}, False),
] + [(f"tin-{i:02d}", routine_groups(i), i % 2 == 0) for i in range(ROUTINE, 0, -1)]
ORDER = [slug for slug, _, _ in EXPECTED]
REMOVED = "tin-21"


def fixture_data(root: Path) -> Path:
    data = write_data(root, groups=3, decision_yaml=DECISION_YAML.replace("date: 2030-02-03", "date: 2024-01-02"))
    for i in range(1, ROUTINE + 1):
        date = datetime.date(2024, 2, 1) + datetime.timedelta(days=7 * i)
        write_update(
            data, update_yaml(date.isoformat(), f"tin-{i:02d}", GROUPS[i % 3], i % 2 == 0), f"{date}-tin-{i:02d}"
        )
    write_update(data, update_yaml("2024-12-20", "z-sang", "[3]", english=False, time="08:00"), "sang")
    write_update(data, update_yaml("2024-12-20", "c-khong-gio", "[1]"), "c")
    write_update(data, update_yaml("2024-12-20", "a-chieu", "[nhom-thu-2]", time="15:30"), "chieu")
    write_update(data, update_yaml("2024-12-20", "a-khong-gio", "[1]"), "a")
    script = "Trước <script>alert('xss')</script> sau.\n\n- *một*\n- [nguồn](https://nguon.example.test/a)"
    write_update(data, update_yaml("2024-12-10", "co-ma-html", "[2]", english=False, body_vi=script), "html")
    write_update(data, update_yaml("2098-01-01", "ban-nhap-tuong-lai", "[1]", draft=True), "nhap1")
    write_update(data, update_yaml("2024-12-25", "ban-nhap-cu", "[1, 2, 3]", draft=True), "nhap2")
    return data


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    data = fixture_data(tmp_path_factory.mktemp("updates"))
    yield data
    shutil.rmtree(generated_dir(PROJECT, data), ignore_errors=True)


@pytest.fixture(scope="module")
def site(data_dir, tmp_path_factory):
    # SITEGEN_DRAFTS is set on purpose: a build (as `make build` runs it) must ignore it
    env = {"SITE_URL": SITE, "SITEGEN_DRAFTS": "1"}
    return build_site(tmp_path_factory.mktemp("site") / "site", data_dir, env)


@pytest.fixture(scope="module")
def site_after_removal(site, data_dir, tmp_path_factory):
    [removed] = (data_dir / "decisions/qd-1-2030/updates").glob(f"*-{REMOVED}.yaml")
    removed.unlink()
    return build_site(tmp_path_factory.mktemp("site2") / "site", data_dir, {"SITE_URL": SITE})


def soup(root: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((root / page).read_text(encoding="utf-8"), "html.parser")


def resolve(page: str, href: str) -> str:
    """Site-relative file a relative link on `page` (e.g. `en/a/index.html`) leads to."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("#")[0]))
    return posixpath.join(target, "index.html") if href.endswith("/") or href in ("", ".") else target


def slugs_linked(tags, page: str) -> list[str]:
    return [posixpath.basename(posixpath.dirname(resolve(page, a["href"]))) for a in tags]


def test_the_strict_build_warns_about_nothing(site) -> None:
    assert "WARNING" not in site.log and "ERROR" not in site.log


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_list_is_newest_first_twenty_a_page(site, prefix) -> None:
    first, second = f"{prefix}{LIST}/index.html", f"{prefix}{LIST}/trang/2/index.html"
    page1, page2 = soup(site.root, first), soup(site.root, second)
    assert slugs_linked(page1.select("article.update-entry h2 a"), first) == ORDER[:20]
    assert slugs_linked(page2.select("article.update-entry h2 a"), second) == ORDER[20:]
    assert resolve(first, page1.select_one("a[rel=next]")["href"]) == second
    assert resolve(second, page2.select_one("a[rel=prev]")["href"]) == first
    assert page1.select_one("a[rel=prev]") is None and page2.select_one("a[rel=next]") is None
    assert not (site.root / f"{prefix}{LIST}/trang/3").exists()
    assert ("Trang 1/2" if not prefix else "Page 1 of 2") in page1.select_one("h1").get_text()


@pytest.mark.parametrize(("prefix", "date"), [("", "20/12/2024"), ("en/", "20 December 2024")])
def test_each_entry_shows_date_title_summary_and_its_groups(site, prefix, date) -> None:
    page = f"{prefix}{LIST}/index.html"
    entry = soup(site.root, page).select("article.update-entry")[0]
    assert entry.select_one("time")["datetime"] == "2024-12-20" and entry.select_one("time").get_text() == date
    title = entry.select_one("h2 a").get_text()
    assert title == ("Test update a-chieu" if prefix else "Tin thử a-chieu")
    assert ("Summary of a-chieu." if prefix else "Tóm tắt a-chieu.") in entry.get_text()
    [group_link] = entry.select(".update-entry__groups a")
    assert resolve(page, group_link["href"]) == f"{prefix}qd-1-2030/nhom-thu-2/index.html"
    assert (site.root / resolve(page, group_link["href"])).is_file()


def test_english_shows_untranslated_updates_marked_never_silently(site) -> None:
    page = f"en/{LIST}/index.html"
    entries = {e.select_one("h2")["id"]: e for e in soup(site.root, page).select("article.update-entry")}
    untranslated = entries["update-z-sang"]
    assert untranslated.select_one("h2 a span[lang=vi]").get_text() == "Tin thử z-sang"
    notice = untranslated.select_one('.untranslated[lang="vi"] .untranslated__notice')
    assert notice.get_text() == "Not yet translated" and notice["lang"] == "en"
    assert "Tóm tắt z-sang." in untranslated.select_one(".untranslated").get_text()
    assert entries["update-a-chieu"].select_one(".untranslated") is None

    update = soup(site.root, f"en/{LIST}/z-sang/index.html")
    assert update.select_one("h1")["lang"] == "vi" and update.select_one("h1").get_text() == "Tin thử z-sang"
    # one notice for the whole update (not one per part), then its Vietnamese, marked as such
    notices = update.select("article .untranslated__notice")
    assert [n.get_text() for n in notices] == ["Not yet translated"]
    [vietnamese] = update.select('article .untranslated[lang="vi"]')
    assert "Tóm tắt z-sang." in vietnamese.get_text() and "Nội dung tin thử." in vietnamese.get_text()


@pytest.mark.parametrize(
    ("prefix", "other", "date", "title"),
    [
        ("", "en/", "20/12/2024", "Tin thử a-chieu"),
        ("en/", "", "20 December 2024", "Test update a-chieu"),
    ],
)
def test_an_update_page_in_each_language(site, prefix, other, date, title) -> None:
    page = f"{prefix}{LIST}/a-chieu/index.html"
    html = soup(site.root, page)
    assert html.html["lang"] == (prefix.strip("/") or "vi")
    assert html.select_one("h1").get_text() == title
    assert html.select_one("article time").get_text() == date
    group_links = [resolve(page, a["href"]) for a in html.select("article ul a")]
    assert f"{prefix}qd-1-2030/nhom-thu-2/index.html" in group_links
    switch = html.select_one(f'a.md-select__link[hreflang="{other.strip("/") or "vi"}"]')
    assert resolve(page, switch["href"]) == f"{other}{LIST}/a-chieu/index.html"
    assert html.select_one(".update-draft") is None


def test_a_script_typed_into_a_body_is_inert(site) -> None:
    for prefix in ("", "en/"):
        article = soup(site.root, f"{prefix}{LIST}/co-ma-html/index.html").select_one("article")
        assert article.select("script") == []
        assert "Trước <script>alert('xss')</script> sau." in article.get_text()
        assert article.select_one(".update-body li em").get_text() == "một"
        assert article.select_one('.update-body a[href="https://nguon.example.test/a"]') is not None


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_each_group_page_has_its_timeline_newest_first(site, prefix) -> None:
    for number in (1, 2, 3):
        page = f"{prefix}qd-1-2030/nhom-thu-{number}/index.html"
        links = soup(site.root, page).select(".update-timeline li a")
        expected = [slug for slug, groups, _ in EXPECTED if number in groups]
        assert slugs_linked(links, page) == expected, number
        assert all((site.root / resolve(page, a["href"])).is_file() for a in links)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_home_page_shows_the_latest_three(site, prefix) -> None:
    page = f"{prefix}index.html"
    html = soup(site.root, page)
    assert html.select_one("#latest-updates") is not None
    assert slugs_linked(html.select("article.update-entry h3 a"), page) == ORDER[:3]
    assert resolve(page, html.select_one("#latest-updates ~ p a")["href"]) == f"{prefix}{LIST}/index.html"


def test_drafts_are_never_built_even_when_the_variable_is_set(site) -> None:
    built = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*")}
    assert not any("ban-nhap" in path for path in built)
    assert not any("ban-nhap" in p.read_text(encoding="utf-8") for p in site.root.rglob("*.xml"))
    assert not any("ban-nhap" in p.read_text(encoding="utf-8") for p in site.root.rglob("*.html"))


def parsed(root: Path, path: str):
    feed = feedparser.parse((root / path).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_site_feed_has_every_update_in_order_with_absolute_links(site, lang) -> None:
    prefix = "" if lang == "vi" else "en/"
    feed = parsed(site.root, f"{prefix}feed.xml")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    assert feed.feed.title == ("Tin tức" if lang == "vi" else "Updates") + " – " + feed.feed.title.split(" – ", 1)[1]
    self_link = next(link.href for link in feed.feed.links if link.rel == "self")
    assert self_link == f"{SITE}{prefix}feed.xml"
    assert [e.link for e in feed.entries] == [f"{SITE}{prefix}{LIST}/{slug}/" for slug in ORDER]
    assert all(e.id == e.link for e in feed.entries)
    first = feed.entries[0]
    assert first.updated_parsed[:5] == (2024, 12, 20, 8, 30)  # 15:30 in the province is 08:30 UTC
    assert first.title == ("Tin thử a-chieu" if lang == "vi" else "Test update a-chieu")
    assert {t.term for t in first.tags} == {"nhom-thu-2"}
    assert feed.feed.updated_parsed == first.updated_parsed
    assert all(e.summary for e in feed.entries)


def test_the_english_feed_marks_untranslated_entries(site) -> None:
    feed = parsed(site.root, "en/feed.xml")
    entries = {e.link.rsplit("/", 2)[1]: e for e in feed.entries}
    assert entries["z-sang"].title_detail.language == "vi"
    assert "Not yet translated" in entries["z-sang"].content[0].value
    assert entries["a-chieu"].title_detail.language == "en"
    assert "Not yet translated" not in entries["a-chieu"].content[0].value
    assert "<script" not in entries["co-ma-html"].content[0].value


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_group_has_its_own_feed_linked_from_its_page(site, lang) -> None:
    prefix = "" if lang == "vi" else "en/"
    for number in (1, 2, 3):
        feed = parsed(site.root, f"{prefix}qd-1-2030/nhom-thu-{number}/feed.xml")
        assert feed.feed.language == lang
        expected = [f"{SITE}{prefix}{LIST}/{slug}/" for slug, groups, _ in EXPECTED if number in groups]
        assert [e.link for e in feed.entries] == expected
        page = f"{prefix}qd-1-2030/nhom-thu-{number}/index.html"
        heads = [
            resolve(page, link["href"])
            for link in soup(site.root, page).select('link[rel=alternate][type="application/atom+xml"]')
        ]
        assert heads == [f"{prefix}feed.xml", f"{prefix}qd-1-2030/nhom-thu-{number}/feed.xml"]
        visible = soup(site.root, page).select_one("a.update-feed")
        assert resolve(page, visible["href"]) == f"{prefix}qd-1-2030/nhom-thu-{number}/feed.xml"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_page_links_the_feed_of_its_language(site, prefix) -> None:
    for page in (f"{prefix}index.html", f"{prefix}{LIST}/index.html", f"{prefix}{LIST}/a-chieu/index.html"):
        [link] = soup(site.root, page).select('link[rel=alternate][type="application/atom+xml"]')
        assert resolve(page, link["href"]) == f"{prefix}feed.xml"
        assert link["title"] == ("Tin tức (Atom)" if prefix == "" else "Updates (Atom)")  # a feed reader's name for it


def test_a_removed_update_disappears_from_pages_lists_and_feeds(site_after_removal) -> None:
    root = site_after_removal.root
    for prefix in ("", "en/"):
        assert not (root / f"{prefix}{LIST}/{REMOVED}").exists()
        pages = [
            f"{prefix}{LIST}/index.html",
            f"{prefix}{LIST}/trang/2/index.html",
            f"{prefix}qd-1-2030/nhom-thu-3/index.html",
        ]
        for page in pages:
            assert REMOVED not in (root / page).read_text(encoding="utf-8"), page
        second = f"{prefix}{LIST}/trang/2/index.html"
        remaining = [slug for slug in ORDER if slug != REMOVED]
        assert slugs_linked(soup(root, second).select("article.update-entry h2 a"), second) == remaining[20:]
        for feed_path in (f"{prefix}feed.xml", f"{prefix}qd-1-2030/nhom-thu-3/feed.xml"):
            links = [e.link for e in parsed(root, feed_path).entries]
            assert links and not any(REMOVED in link for link in links), feed_path
