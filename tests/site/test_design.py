"""The design a citizen sees first (issue 15), in real headless Chromium on the built site: nothing moves
while a page loads, titles are bold and full contrast, the header name fits a phone, the home page's first
screen leads into the task groups, every page has its footer, and the 404 pages help.

Lighthouse's own scores are measured in `make bench` (bench/lighthouse.py); these are the parts of them
that do not depend on the machine's speed. Screenshots of every page type go to tests/artifacts/.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from sitegen.content.validate import load_site
from sitehelpers import PROJECT

# the files whose content the pages show (not the schemas or the source copy beside them)
DATA_FILES = ("data/decisions/*/decision.yaml", "data/decisions/*/groups", "data/decisions/*/updates")

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PAGE_TYPES = {
    "home": "",
    "decision": "qd-166-2021/",
    "group": "qd-166-2021/ngan-sach-nha-nuoc/",
    "updates": "qd-166-2021/tin-tuc/",
    "update": "qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/",
    "about": "about/",
    "accessibility": "accessibility/",
    "404": "404.html",
}
EVERY_PAGE = [(lang, kind) for lang in ("vi", "en") for kind in PAGE_TYPES]
WIDTHS = {360: 740, 768: 1024, 1280: 900}

# layout shifts since navigation start, as Lighthouse's CLS counts them (no shift right after input)
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push(entry.value);
  }
}).observe({ type: "layout-shift", buffered: true });
"""

CONTRAST = """(el) => {
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = el;
  while (bg && getComputedStyle(bg).backgroundColor.match(/rgba\\(.*, 0\\)$|transparent/)) bg = bg.parentElement;
  const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(rgb(getComputedStyle(bg || document.body).backgroundColor))];
  return { ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), weight: Number(getComputedStyle(el).fontWeight) };
}"""


def address(site_url: str, lang: str, kind: str) -> str:
    return f"{site_url}/{'en/' if lang == 'en' else ''}{PAGE_TYPES[kind]}"


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(("lang", "kind"), EVERY_PAGE)
def test_nothing_moves_while_a_page_loads(phone, site_url, lang, kind) -> None:
    phone.goto(address(site_url, lang, kind), wait_until="networkidle")
    phone.wait_for_timeout(300)
    assert sum(phone.evaluate("window.__shifts")) <= 0.01
    # the search row is in the HTML from the start, visible, at its final height
    form = phone.locator("form.site-search__form")
    assert form.get_attribute("hidden") is None and phone.locator("#site-search-input").is_visible()


def test_without_javascript_the_search_row_keeps_its_place_and_says_why(browser, site_url) -> None:
    heights = {}
    for enabled in (True, False):
        context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=enabled)
        page = context.new_page()
        page.goto(address(site_url, "vi", "group"))
        heights[enabled] = page.locator(".site-search").bounding_box()["height"]
        note = page.locator(".site-search__nojs")
        assert note.is_visible() is (not enabled)
        assert page.locator("#site-search-input").is_visible() is enabled
        context.close()
    assert heights[True] == heights[False] <= 56  # compact: one row on a phone


@pytest.mark.parametrize(("lang", "kind"), EVERY_PAGE)
def test_page_titles_are_bold_full_contrast_and_the_header_name_fits_a_phone(phone, site_url, lang, kind) -> None:
    phone.goto(address(site_url, lang, kind))
    h1 = phone.evaluate(CONTRAST, phone.locator("article h1").element_handle())
    assert h1["ratio"] >= 7 and h1["weight"] >= 700, h1
    name = phone.locator(".site-header__name")
    assert name.evaluate("el => el.scrollWidth <= el.clientWidth"), name.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_home_pages_first_phone_screen_says_what_was_decided_and_leads_into_the_groups(
    phone, site_url, lang
) -> None:
    decision = load_site(PROJECT / "data").decisions[0]
    phone.goto(address(site_url, lang, "home"))
    lead = phone.locator("#home-lead")
    assert decision.number in lead.inner_text() and lead.bounding_box()["y"] < 740
    items = phone.locator("nav.group-list li")
    assert items.count() == len(decision.groups)
    assert items.first.bounding_box()["y"] + 44 <= 740, "the list of task groups starts below the first screen"
    for index in range(items.count()):
        item = items.nth(index)
        assert item.locator("a").count() == 1  # one link target: the title
        assert item.locator("svg[aria-hidden=true]").count() == 1  # the icon says nothing to a screen reader


def test_running_text_keeps_a_readable_line_length_on_a_wide_screen(browser, site_url) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(address(site_url, "en", "decision"))
    widths = page.locator("article p").evaluate_all("ps => ps.map(p => p.getBoundingClientRect().width)")
    font = page.locator("article p").first.evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
    assert max(widths) <= 48 * font  # about 80 characters at most
    context.close()


def resolved(relative: str, href: str) -> str:
    """The site path a link on the built page `relative` leads to (`en/about/`), for same-site links."""
    return urljoin(f"http://site/{relative}", href).removeprefix("http://site/").removesuffix("index.html")


def test_every_page_has_the_footer_with_source_about_accessibility_open_data_feeds_and_date(
    built_site, soup_of
) -> None:
    site = load_site(PROJECT / "data")
    source = site.decisions[0].source
    # the day the data last changed in git (UTC), read independently of the generator
    committed = subprocess.run(
        ["git", "log", "-1", "--format=%cI", "--", *DATA_FILES], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.strip()
    changed = datetime.datetime.fromisoformat(committed).astimezone(datetime.UTC).date().isoformat()
    pages = sorted(p.relative_to(built_site.root).as_posix() for p in built_site.root.rglob("*.html"))
    for relative in pages:
        footer = soup_of(relative).select_one("footer.site-footer")
        assert footer is not None, relative
        hrefs = [a["href"] for a in footer.select("a[href]")]
        assert source.url in hrefs, relative
        prefix = "en/" if relative.startswith("en/") else ""  # each language's footer leads to its own pages
        targets = {resolved(relative, h) for h in hrefs if h != source.url}
        expected = {f"{prefix}{p}" for p in ("about/", "accessibility/", "qd-166-2021/decision.json", "feed.xml")}
        assert targets == expected, relative
        assert footer.select_one("time")["datetime"] == changed, relative
        assert "Material for MkDocs" not in footer.get_text()


def test_the_accessibility_statement_exists_in_both_languages_and_names_only_real_routes(soup_of) -> None:
    source = load_site(PROJECT / "data").decisions[0].source
    for prefix, words in (("", ("WCAG 2.2", "axe-core", "360 px", "JavaScript")), ("en/", ("WCAG 2.2", "axe-core"))):
        article = soup_of(f"{prefix}accessibility/index.html").select_one("article")
        text = article.get_text(" ")
        assert all(word in text for word in words)
        # no invented e-mail address or phone number: the only route is the source's publisher
        assert not article.select('a[href^="mailto:"], a[href^="tel:"]')
        assert [a["href"] for a in article.select("a[rel~=external]")] == [source.url]


@pytest.mark.parametrize(
    ("prefix", "title", "search_words"),
    [("", "Không tìm thấy trang", "ô tìm kiếm"), ("en/", "Page not found", "search box")],
)
def test_the_404_page_explains_in_its_language_and_leads_home_to_the_groups_and_to_search(
    soup_of, prefix, title, search_words
) -> None:
    decision = load_site(PROJECT / "data").decisions[0]
    page = soup_of(f"{prefix}404.html")
    assert page.select_one("article h1").get_text(strip=True) == title
    # a 404 page is served at any address: its links are absolute paths
    hrefs = [urljoin("http://site/deep/missing/page/", a["href"]) for a in page.select("article a[href]")]
    home = f"http://site/{prefix}"
    assert home in hrefs
    assert [h for h in hrefs if re.search(r"qd-166-2021/[a-z0-9-]+/$", h)] == [
        f"{home}{decision.slug}/{group.slug}/" for group in decision.groups
    ]
    # and to search: the page says where the search box is, and the box is on the page
    assert search_words in page.select_one("#not-found-search").get_text()
    assert page.select_one("form[role=search] #site-search-input") is not None


def test_a_group_page_puts_its_content_first_and_marks_itself_in_the_list_of_groups(phone, site_url) -> None:
    source = load_site(PROJECT / "data").decisions[0].source
    phone.goto(address(site_url, "en", "group"))
    order = phone.evaluate(
        """() => ['#text-1', '#source-note', '#updates', '#all-groups', '#cite']
             .map(s => document.querySelector(s).getBoundingClientRect().top)"""
    )
    assert order == sorted(order)
    assert phone.locator("#source-note a[rel=external]").get_attribute("href") == source.url
    current = phone.locator("nav.group-nav [aria-current=page]")
    assert current.count() == 1 and "State budget" in current.inner_text()
    cite = phone.locator("details#cite")
    assert cite.get_attribute("open") is None and cite.bounding_box()["height"] <= 60  # folded: one line
    cite.locator("summary").click()
    assert phone.locator("#citation").is_visible()


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_screenshots_of_every_page_type_for_a_human_to_look_at(browser, site_url, width) -> None:
    """Writes tests/artifacts/design-<kind>-<lang>-<width>.png (git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": WIDTHS[width]})
    page = context.new_page()
    for lang, kind in EVERY_PAGE:
        page.goto(address(site_url, lang, kind), wait_until="networkidle")
        shot = ARTIFACTS / f"design-{kind}-{lang}-{width}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 10_000
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (kind, lang)
    context.close()
