"""Search as readers use it: queries typed into the real search box in headless Chromium."""

from __future__ import annotations

import json
import re
import unicodedata
from urllib.parse import urlsplit

import pytest
from sitegen.content.translation import collect
from sitegen.content.updates import published_only
from sitegen.content.validate import load_site
from sitehelpers import PROJECT

pytestmark = pytest.mark.browser

BOX = "#site-search-input"
BUDGET = "/qd-166-2021/ngan-sach-nha-nuoc/"
CULTURE = "/qd-166-2021/van-hoa-xa-hoi/"
ENVIRONMENT = "/qd-166-2021/tai-nguyen-moi-truong/"
HUMAN_RESOURCES = "/qd-166-2021/nguon-nhan-luc-khoa-hoc-cong-nghe/"
COVID = "/qd-166-2021/phong-chong-covid-19/"
STATE_MANAGEMENT = "/qd-166-2021/quan-ly-nha-nuoc-cai-cach-hanh-chinh/"
DEFENCE = "/qd-166-2021/quoc-phong-an-ninh-doi-ngoai/"
INFORMATION = "/qd-166-2021/thong-tin-truyen-thong-dan-van/"
DECISION = "/qd-166-2021/"

# (start page, what the reader types, the page that must come first)
QUERIES = [
    ("/", "ngan sach", BUDGET),  # typed without diacritics, as most readers on phones do
    ("/", "ngân sách", BUDGET),
    ("/", "Ngân Sách", BUDGET),
    ("/", "lang son", "/"),  # Lạng Sơn, in the home page's title
    ("/", "khỏe", DECISION),  # the source writes “sức khoẻ” (the objective: in full on the decision page,
    ("/", "khoẻ", DECISION),  # folded away under “details” on the home page)
    ("/", "hóa", CULTURE),  # “Văn hóa” in group 4's title
    ("/", "hoá", CULTURE),  # the other tone-mark placement, as in the objective's “văn hoá”
    ("/", "GRDP", DECISION),  # written “(GRDP)”: the growth target, headed by the decision page's objective
    ("/", "doi ngoai", DEFENCE),  # đ typed as d
    ("/", "đối ngoại", DEFENCE),
    ("/", "dan van", INFORMATION),
    ("/", "tham nhung", STATE_MANAGEMENT),
    ("/", "bien doi khi hau", ENVIRONMENT),
    ("/", "mới", HUMAN_RESOURCES),  # exact “đổi mới” before “môi trường”, which only folds alike
    ("/", "166/QĐ-UBND", DECISION),
    ("/", "covid", COVID),
    ("/en/", "budgets", "/en" + BUDGET),  # English stemming: the page says “budget”
    ("/en/", "budget", "/en" + BUDGET),
    ("/en/", "(GRDP)", "/en" + DECISION),
    ("/en/", "corruption", "/en" + STATE_MANAGEMENT),
    ("/en/", "climate change", "/en" + ENVIRONMENT),
    ("/en/", "lang son", "/en/"),
    ("/en/", "mass mobilisation", "/en" + INFORMATION),
    ("/en/", "disasters", "/en" + ENVIRONMENT),
    ("/en/", "dual goal", "/en" + COVID),
]


def search(page, site_url: str, start: str, query: str, paste: bool = False) -> list[dict]:
    """Open `start`, type (or paste) `query` into the search box, return the results shown."""
    if urlsplit(page.url).path != start or not page.url.startswith(site_url):
        page.goto(site_url + start)
    box = page.locator(BOX)
    box.fill("")
    if paste:
        box.fill(query)
    else:
        box.press_sequentially(query)
    page.wait_for_function(
        "q => document.querySelector('form.site-search__form').dataset.query === q", arg=query, timeout=10_000
    )
    return page.eval_on_selector_all(
        ".site-search__result",
        """items => items.map(item => ({
            href: new URL(item.querySelector('a').href).pathname + new URL(item.querySelector('a').href).hash,
            path: new URL(item.querySelector('a').href).pathname,
            title: item.querySelector('.site-search__title').textContent,
            snippet: (item.querySelector('.site-search__snippet') || {}).textContent || '',
            marks: Array.from(item.querySelectorAll('mark'), m => m.textContent),
        }))""",
    )


@pytest.mark.parametrize(("start", "query", "first"), QUERIES)
def test_the_right_page_comes_first(page, site_url, start, query, first) -> None:
    results = search(page, site_url, start, query)
    assert results, f"{query!r} found nothing"
    assert results[0]["path"] == first, [r["href"] for r in results]


def test_the_table_holds_every_failing_case_of_the_issue() -> None:
    asked = {(start, query) for start, query, _ in QUERIES}
    for query in ("ngan sach", "ngân sách", "Ngân Sách", "lang son", "khỏe", "khoẻ", "hóa", "hoá", "GRDP"):
        assert ("/", query) in asked
    assert ("/en/", "budgets") in asked
    assert len(QUERIES) >= 15


def test_pasted_decomposed_text_matches(page, site_url) -> None:
    decomposed = unicodedata.normalize("NFD", "ngân sách")
    assert decomposed != "ngân sách"
    results = search(page, site_url, "/", decomposed, paste=True)
    assert results[0]["path"] == BUDGET


@pytest.mark.parametrize(
    ("query", "pages"),
    [
        ("hóa", {CULTURE, "/"}),  # group 4 writes “văn hóa”, the objective “văn hoá”
        ("hoá", {CULTURE, "/"}),
        ("khỏe", {"/", DECISION}),
        ("khoe", {"/", DECISION}),
    ],
)
def test_both_tone_mark_placements_find_both_spellings(page, site_url, query, pages) -> None:
    assert pages <= {r["path"] for r in search(page, site_url, "/", query)}


def test_exact_accented_matches_rank_above_folded_ones(page, site_url) -> None:
    # “mới” is written in group 1's text only; “môi” (environment) folds alike and is in group 5's title
    paths = [r["path"] for r in search(page, site_url, "/", "mới")]
    assert paths.index(COVID) < paths.index(ENVIRONMENT)
    # typed without accents, both are equally good matches and the title match wins
    paths = [r["path"] for r in search(page, site_url, "/", "moi")]
    assert paths.index(ENVIRONMENT) < paths.index(COVID)


@pytest.mark.parametrize("query", ["ngân sách", "ngan sach"])
def test_accented_words_are_highlighted(page, site_url, query) -> None:
    first = search(page, site_url, "/", query)[0]
    assert {"ngân", "sách"} <= set(first["marks"])
    assert "ngân sách" in first["title"] and "ngân sách" in first["snippet"]


def test_the_other_placement_is_highlighted_as_written(page, site_url) -> None:
    results = search(page, site_url, "/", "khỏe")
    assert "khoẻ" in results[0]["marks"]


@pytest.mark.parametrize(
    ("start", "query", "title", "snippet"),
    [
        ("/", "ngan sach", "Nhóm nhiệm vụ 3: Quản lý, điều hành ngân sách nhà nước", "Về quản lý, điều hành"),
        ("/en/", "budgets", "Task group 3: State budget management and administration", "On the management"),
    ],
)
def test_results_show_title_and_snippet_in_the_readers_language(page, site_url, start, query, title, snippet) -> None:
    first = search(page, site_url, start, query)[0]
    group = load_site(PROJECT / "data").decisions[0].groups[2]
    if start == "/en/" and (group.title.en is None or group.text.en is None):
        # until group 3 is translated again its page shows the Vietnamese (issue 13 §6); it is still found first
        assert first["path"] == "/en/qd-166-2021/ngan-sach-nha-nuoc/"
        return
    assert first["title"] == title
    assert snippet in first["snippet"]


@pytest.mark.parametrize(
    ("start", "query"), [("/", "budget"), ("/", "ngân sách"), ("/en/", "ngân sách"), ("/en/", "state")]
)
def test_each_language_searches_its_own_pages_only(page, site_url, start, query) -> None:
    results = search(page, site_url, start, query)
    english = [r for r in results if r["path"].startswith("/en/")]
    # an English page shows the Vietnamese of a text not yet translated (issue 13 §6), and finds it
    waiting = [e.text.vi for e in collect(published_only(load_site(PROJECT / "data"))) if e.state == "missing"]
    vietnamese_on_english_pages = any("ngân sách" in vietnamese for vietnamese in waiting)
    if start == "/en/":
        assert english == results
        if not vietnamese_on_english_pages:
            assert all("ngân" not in r["title"] + r["snippet"] for r in results)
    else:
        assert english == []
    if query == "budget" or (start == "/en/" and query == "ngân sách" and not vietnamese_on_english_pages):
        assert results == []  # the word exists only in the other language
        assert page.locator(".site-search__status").text_content() in (
            "Không tìm thấy kết quả nào.",
            "No results found.",
        )


@pytest.mark.parametrize(("start", "query", "lang"), [("/", "ngan sach", "vi"), ("/en/", "budget", "en")])
def test_a_result_opens_the_page_in_the_same_language(page, site_url, start, query, lang) -> None:
    search(page, site_url, start, query)
    page.locator(".site-search__result a").first.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).path == ("/en" if lang == "en" else "") + BUDGET
    assert page.locator("html").get_attribute("lang") == lang


def test_enter_opens_the_first_result(page, site_url) -> None:
    search(page, site_url, "/about/", "tham nhung")
    page.locator(BOX).press("Enter")
    page.wait_for_url(site_url + STATE_MANAGEMENT + "**")
    assert urlsplit(page.url).path == STATE_MANAGEMENT


@pytest.mark.parametrize(("start", "lang"), [("/", "vi"), ("/en/qd-166-2021/", "en")])
def test_the_index_is_fetched_only_when_a_search_starts(page, site_url, start, lang) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    page.goto(site_url + start)
    page.wait_for_load_state("networkidle")
    assert [p for p in requested if re.fullmatch(r"/assets/search\.[0-9a-f]{10}\.js", p)]  # the small loader only
    assert not [path for path in requested if path.startswith("/search/") or "search-engine" in path]
    with page.expect_response(lambda response: "/search/" in response.url) as response:
        page.locator(BOX).focus()
    assert urlsplit(response.value.url).path == f"/search/{lang}.json"
    assert response.value.ok
    page.wait_for_function("() => window.siteSearch")
    assert [p for p in requested if re.fullmatch(r"/assets/search-engine\.[0-9a-f]{10}\.js", p)]


def article_text(path) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text(" ")


def content_pages(root, lang: str) -> list:
    """The built HTML pages of one language, 404 pages aside: each must be in that language's index."""
    pages = [p for p in root.rglob("index.html")]
    return [p for p in pages if (p.relative_to(root).parts[0] == "en") == (lang == "en")]


def test_the_indexes_hold_one_language_each(built_site) -> None:
    for lang in ("vi", "en"):
        index = json.loads((built_site.root / "search" / f"{lang}.json").read_text(encoding="utf-8"))
        assert index["lang"] == lang
        urls = [p["url"] for p in index["pages"]]
        assert len(urls) == len(content_pages(built_site.root, lang)) >= 12
        assert all(url.startswith("en/") for url in urls) == (lang == "en")
    assert not (built_site.root / "search" / "search_index.json").exists()  # no merged bilingual index


def test_escape_clears_the_search(page, site_url) -> None:
    search(page, site_url, "/", "ngan sach")
    page.locator(BOX).press("Escape")
    assert page.locator(BOX).input_value() == ""
    assert page.locator(".site-search__results").is_hidden()


def test_the_status_counts_every_page_found_and_the_list_shows_the_best_ten(page, site_url, built_site) -> None:
    results = search(page, site_url, "/", "quyết định")  # nearly every page names the decision
    assert len(results) == 10
    naming = [p for p in content_pages(built_site.root, "vi") if "quyết định" in article_text(p).lower()]
    assert len(naming) > 10
    assert page.locator(".site-search__status").text_content() == f"{len(naming)} kết quả"
    assert page.locator(".site-search__status").get_attribute("role") == "status"  # read out by screen readers
