"""Unit tests of what machines read (head, JSON-LD, sitemap, open data) and of the page corrections,
on tiny made-up data (no MkDocs)."""

from __future__ import annotations

import json

import pytest
from datafixtures import DECISION_YAML, write_data
from sitegen.content.errors import DataError
from sitegen.content.model import Site
from sitegen.content.validate import load_site
from sitegen.pages import urls
from sitegen.pages.manifest import Manifest, PageEntry
from sitegen.publish import headmeta, not_found, opendata, page_fixes, sitemap, structured_data
from sitegen.publish.site import write_sitemaps

ROOT = "https://example.test/site/"


@pytest.fixture
def site(tmp_path):
    yaml = DECISION_YAML.replace("issuer:", "jurisdiction: {vi: tỉnh Thử, en: Test Province}\nissuer:")
    return load_site(write_data(tmp_path, groups=3, decision_yaml=yaml))


def test_site_url_and_page_paths_make_absolute_addresses() -> None:
    assert urls.site_root("https://example.test/site") == ROOT
    assert urls.page_path("en/qd-1-2030/nhom-thu-1/", "en") == "qd-1-2030/nhom-thu-1/"
    assert urls.page_path("./", "vi") == "" and urls.page_path("en/", "en") == ""
    assert urls.absolute(ROOT, "about/", "en") == "https://example.test/site/en/about/"


def test_head_has_three_absolute_alternates_and_a_preview_in_the_page_language(site) -> None:
    head = headmeta.page_head(site, ROOT, "en/qd-1-2030/nhom-thu-2/", "en", "T", "D", "S")
    assert [(a.hreflang, a.href) for a in head.alternates] == [
        ("vi", f"{ROOT}qd-1-2030/nhom-thu-2/"),
        ("en", f"{ROOT}en/qd-1-2030/nhom-thu-2/"),
        ("x-default", f"{ROOT}qd-1-2030/nhom-thu-2/"),
    ]
    og = dict(head.open_graph)
    assert og["og:locale"] == "en_GB" and og["og:locale:alternate"] == "vi_VN"
    assert og["og:url"] == head.canonical == f"{ROOT}en/qd-1-2030/nhom-thu-2/"
    assert (og["og:title"], og["og:description"], og["og:type"]) == ("T", "D", "article")
    data = json.loads(head.json_ld)
    assert data["@type"] == "WebPage" and data["isPartOf"]["@id"] == f"{ROOT}en/qd-1-2030/"
    assert data["about"]["@id"] == f"{ROOT}qd-1-2030/#legislation"


def test_home_has_no_json_ld_and_is_a_website(site) -> None:
    head = headmeta.page_head(site, ROOT, "./", "vi", "T", "D", "S")
    assert head.json_ld is None and dict(head.open_graph)["og:type"] == "website"
    assert head.canonical == ROOT


def test_each_page_is_a_web_page_about_the_legislation_not_the_legislation(site) -> None:
    decision = site.decisions[0]
    vi = structured_data.decision_page(decision, "vi", ROOT)
    en = structured_data.decision_page(decision, "en", ROOT)
    assert (vi["@type"], en["@type"]) == ("WebPage", "WebPage")
    assert (vi["url"], en["url"]) == (f"{ROOT}qd-1-2030/", f"{ROOT}en/qd-1-2030/")
    assert vi["workTranslation"] == {"@id": en["@id"]} and en["translationOfWork"] == {"@id": vi["@id"]}
    law_vi, law_en = vi["about"], en["about"]
    assert law_vi["@type"] == "Legislation" and law_vi["@id"] == law_en["@id"] == f"{ROOT}qd-1-2030/#legislation"
    assert law_vi["legislationIdentifier"] == law_en["legislationIdentifier"] == "1/QĐ-TEST"
    assert (law_vi["legislationType"], law_en["legislationType"]) == ("Quyết định", "Decision")
    assert law_vi["legislationDate"] == law_en["legislationDate"] == "2030-02-03"
    assert (law_vi["legislationPassedBy"]["name"], law_en["legislationPassedBy"]["name"]) == (
        "Cơ quan thử",
        "Test body",
    )
    assert law_en["legislationJurisdiction"]["name"] == "Test Province"
    # the site is not the legislation's address, and the groups are not parts of the legislation
    for law in (law_vi, law_en):
        assert "url" not in law and "hasPart" not in law and "encoding" not in law
    assert "hasPart" not in vi and "position" not in json.dumps(vi)
    # based on the Office's article, which is about the decision
    assert vi["isBasedOn"]["@type"] == "NewsArticle" and vi["isBasedOn"]["url"] == "https://example.test/article"
    assert vi["isBasedOn"]["about"] == {"@id": law_vi["@id"]}
    group = structured_data.group_page(decision, decision.groups[1], "vi", ROOT)
    assert group["@type"] == "WebPage" and "position" not in group
    assert group["about"]["@id"] == law_vi["@id"] and group["isPartOf"]["@id"] == f"{ROOT}qd-1-2030/"


def test_an_update_is_an_article_dated_only_by_its_own_date(tmp_path) -> None:
    import datetime

    from datafixtures import update_yaml, write_update

    data = write_data(tmp_path, groups=1)
    write_update(data, update_yaml("2030-02-03", "ban-hanh"), "a")  # the decision's own date
    write_update(data, update_yaml("2030-03-01", "hop-bao"), "b")
    site = load_site(data, datetime.date(2031, 1, 1))
    decision = site.decisions[0]
    by_slug = {u.slug: u for u in decision.updates}
    announced = structured_data.update_article(decision, by_slug["ban-hanh"], "vi", ROOT)
    assert announced["@type"] == "Article" and announced["about"]["@id"] == f"{ROOT}qd-1-2030/#legislation"
    assert "datePublished" not in announced
    press = structured_data.update_article(decision, by_slug["hop-bao"], "en", ROOT)
    assert press["datePublished"] == "2030-03-01" and press["url"] == f"{ROOT}en/qd-1-2030/tin-tuc/hop-bao/"
    head = headmeta.page_head(site, ROOT, "qd-1-2030/tin-tuc/hop-bao/", "vi", "T", "D", "S")
    assert json.loads(head.json_ld)["@type"] == "Article" and not head.print_rows[:-1]


def test_json_ld_cannot_close_its_script_element(site) -> None:
    text = structured_data.script_json({"name": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"name": "</script><!-- & -->"}


def test_no_jurisdiction_in_the_data_means_none_in_the_metadata(tmp_path) -> None:
    decision = load_site(write_data(tmp_path)).decisions[0]
    assert decision.jurisdiction is None
    assert "legislationJurisdiction" not in structured_data.decision_page(decision, "vi", ROOT)["about"]


def test_a_misspelt_jurisdiction_is_reported_not_ignored(tmp_path) -> None:
    yaml = DECISION_YAML.replace("issuer:", "jurisdiction: {vi: tỉnh Thử, eng: Test}\nissuer:")
    with pytest.raises(DataError) as error:
        load_site(write_data(tmp_path, decision_yaml=yaml))
    assert "jurisdiction.eng" in error.value.report()


def test_root_sitemap_lists_both_languages_and_the_english_one_only_english() -> None:
    paths = ("", "about/", "qd-1-2030/", "qd-1-2030/nhom-thu-1/")
    root_entries = sitemap.sitemap_entries(paths, ROOT, "vi")
    english_entries = sitemap.sitemap_entries(paths, ROOT, "en")
    assert len(root_entries) == 2 * len(english_entries) == 2 * len(paths)
    assert all(e.loc.startswith(f"{ROOT}en/") for e in english_entries)
    assert {a.hreflang for e in root_entries for a in e.alternates} == {"vi", "en", "x-default"}


def test_open_data_has_both_languages_and_no_vietnamese_posing_as_english(tmp_path) -> None:
    site = load_site(write_data(tmp_path, groups=2))
    group = site.decisions[0].groups[0]
    untranslated = type(group)(group.number, group.slug, group.title, type(group.text)(group.text.vi), "x")
    decision = site.decisions[0]
    decision = type(decision)(**{**decision.__dict__, "groups": (untranslated, decision.groups[1])})
    files = opendata.open_data_files(type(site)((decision,)), ROOT)
    assert set(files) == {"qd-1-2030/decision.json", "en/qd-1-2030/decision.json"}
    english = json.loads(files["en/qd-1-2030/decision.json"])
    assert english["original"] is False and english["language"] == "en" and english["full_text"] is False
    assert english["schema_version"] == 2 and "authoritative" not in english
    assert english["decision"]["groups"][0]["text"] is None
    assert english["decision"]["groups"][1]["text"] == "English text."
    assert english["other_languages"] == {"vi": f"{ROOT}qd-1-2030/decision.json"}
    assert opendata.open_data_files(type(site)((decision,)), ROOT) == files  # same data, same bytes


def test_theme_hreflang_links_go_and_ours_and_feed_links_stay() -> None:
    html = (
        '<head>\n      <link rel="alternate" href="../en/" hreflang="en">\n'
        '      <link rel="alternate" hreflang="en" href="https://x/en/">\n'
        '      <link rel="alternate" type="application/rss+xml" href="feed.xml">\n</head>'
    )
    fixed = page_fixes.fix_page(html)
    assert 'href="../en/" hreflang="en">' not in fixed
    assert 'hreflang="en" href="https://x/en/"' in fixed and "feed.xml" in fixed


def _not_found_page(lang: str) -> PageEntry:
    prefix = "" if lang == "vi" else f"{lang}/"
    return PageEntry("404/", lang, f"{prefix}404/", "", "T", "", 0, "not_found")


def _manifest(*pages: PageEntry) -> Manifest:
    return Manifest(ROOT, "data", False, "2030-02-03", {"vi": "S", "en": "S"}, {"vi": "", "en": ""}, pages)


def test_each_language_keeps_its_own_404_page_and_sitemap(tmp_path) -> None:
    # the engine built each language's not-found page at /404/; MkDocs' English build also left its 404.html at the root
    for prefix, text in (("", "vi 404"), ("en/", "en 404")):
        (tmp_path / prefix / "404").mkdir(parents=True)
        (tmp_path / prefix / "404" / "index.html").write_text(text)
    (tmp_path / "404.html").write_text("en 404")
    not_found.write_not_found_pages(tmp_path, ROOT, [_not_found_page("vi"), _not_found_page("en")])
    assert (tmp_path / "404.html").read_text() == "vi 404" and (tmp_path / "en" / "404.html").read_text() == "en 404"
    home = PageEntry("", "vi", "", "en/", "T", "", 0, "home")
    write_sitemaps(tmp_path, _manifest(home, PageEntry("", "en", "en/", "", "T", "", 0, "home")), Site(()))
    assert f"<loc>{ROOT}</loc>" in (tmp_path / "sitemap.xml").read_text()
    assert f"<loc>{ROOT}</loc>" not in (tmp_path / "en" / "sitemap.xml").read_text()
    assert f"<loc>{ROOT}en/</loc>" in (tmp_path / "en" / "sitemap.xml").read_text()


def test_a_404_page_switches_to_the_home_pages(tmp_path) -> None:
    switch = '<a href="./" hreflang="vi" class="md-select__link">vi</a><a href="../en/404/" hreflang="en">en</a>'
    (tmp_path / "404").mkdir()
    (tmp_path / "404" / "index.html").write_text(switch)
    not_found.write_not_found_pages(tmp_path, ROOT, [_not_found_page("vi"), _not_found_page("en")][:1])
    page = (tmp_path / "404.html").read_text()
    assert [link.split('"')[1] for link in page.split("href=")[1:]] == ["/site/", "/site/en/"]


def test_printed_pages_end_with_document_source_and_address(site) -> None:
    decision = site.decisions[0]
    rows = dict(headmeta.page_head(site, ROOT, "qd-1-2030/nhom-thu-1/", "vi", "T", "D", "S").print_rows)
    assert rows["Văn bản"] == (
        "Quyết định số 1/QĐ-TEST ngày 03/02/2030 của Cơ quan thử tiêu đề thử, "
        "nhóm nhiệm vụ 1 (đánh số theo thứ tự trong bài viết của Nơi đăng thử): Nhóm thử 1"
    )
    assert decision.source.url in rows["Nguồn"]
    assert rows["Địa chỉ trang"] == f"{ROOT}qd-1-2030/nhom-thu-1/"


def test_a_pages_lastmod_is_when_its_own_data_was_committed(tmp_path) -> None:
    import datetime

    from datafixtures import update_yaml, write_update

    data = write_data(tmp_path, groups=2)
    write_update(data, update_yaml("2030-03-01", "tin", groups="[2]"), "a")
    site = load_site(data, datetime.date(2031, 1, 1))
    folder = "data/decisions/qd-1-2030"
    day = {n: datetime.datetime(2030, 4, n, 12, tzinfo=datetime.UTC) for n in range(1, 6)}
    committed = {
        f"{folder}/decision.yaml": day[1],
        f"{folder}/groups/01.yaml": day[2],
        f"{folder}/groups/02.yaml": day[3],
        f"{folder}/updates/a.yaml": day[4],
    }
    last_changed = sitemap.page_last_changed(site, committed)
    assert last_changed("qd-1-2030/nhom-thu-1/") == datetime.date(2030, 4, 2)  # its group, not the update's
    assert last_changed("qd-1-2030/nhom-thu-2/") == datetime.date(2030, 4, 4)  # the update on its timeline
    assert last_changed("qd-1-2030/") == datetime.date(2030, 4, 3)
    assert last_changed("") == datetime.date(2030, 4, 4)
    del committed[f"{folder}/groups/01.yaml"]  # edited, not committed: nobody knows when it is published
    assert last_changed("qd-1-2030/nhom-thu-1/") is None and last_changed("qd-1-2030/nhom-thu-2/") is not None
    assert last_changed("qd-1-2030/") is None  # the decision page shows group 1 too
    entries = sitemap.sitemap_entries(("qd-1-2030/nhom-thu-1/", "qd-1-2030/tin-tuc/tin/"), ROOT, "en", last_changed)
    assert [e.lastmod for e in entries] == [None, datetime.date(2030, 4, 4)]


def test_the_table_of_contents_marks_a_title_shown_in_vietnamese_on_an_english_page() -> None:
    """The theme's TOC repeats headings as plain text; an untranslated title keeps its lang="vi" there."""
    toc = (
        '<a href="#update-x" class="md-nav__link">\n    <span class="md-ellipsis">\n      \n        '
        "Tin thử &amp; mới\n      \n    </span>\n  </a>"
        '<a href="#group-3" class="md-nav__link">\n    <span class="md-ellipsis">\n      Group 3. Nhóm ba\n'
        "    </span>\n  </a>"
        '<a href="#top" class="md-nav__link">\n    <span class="md-ellipsis">\n      Budget\n    </span>\n  </a>'
    )
    article = (
        '<h3 id="update-x"><a href="x/"><span lang="vi">Tin thử &amp; mới</span></a></h3>'
        '<h3 id="group-3">Group 3. <span lang="vi" data-text="data/g.yaml:title">Nhóm ba</span></h3>'
        '<h1 id="top">Budget</h1>'
    )
    marked = page_fixes.mark_vietnamese_in_toc(toc + article)
    assert '<span class="md-ellipsis">\n      \n        <span lang="vi">Tin thử &amp; mới</span>\n' in marked
    assert 'Group 3. <span lang="vi">Nhóm ba</span>\n' in marked
    assert "\n      Budget\n" in marked
    english_only = toc.replace("Nhóm ba", "Group three") + article.replace(' lang="vi"', "")
    assert page_fixes.mark_vietnamese_in_toc(english_only) == english_only
