"""WCAG 2.2 AA in real headless Chromium: axe-core on every page in both languages, keyboard-only
use, other-language text marked with `lang`, and the content readable with JavaScript off."""

from __future__ import annotations

import re

import pytest
from conftest import AXE, AXE_TAGS
from sitegen.content.updates import published_only
from sitegen.content.validate import load_site
from sitehelpers import PROJECT, all_pages

pytestmark = pytest.mark.browser

# letters only Vietnamese uses (not French, German, Spanish...): text holding them is Vietnamese
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
# names that stay Vietnamese in English text, as the glossary writes them
PROPER_NAMES = re.compile(r"Lạng Sơn|QĐ-UBND|Thùy Linh")


def test_axe_finds_no_wcag_violation_on_any_page(page_visits) -> None:
    assert len(page_visits) >= 26  # 12 pages in each language and the two 404 pages
    found = {page: visit["violations"] for page, visit in page_visits.items() if visit["violations"]}
    assert found == {}


def test_axe_finds_no_violation_on_a_phone_either(browser, site_url) -> None:
    """Most readers are on phones: Material's mobile layout (drawer, header search) is checked too."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    found = {}
    try:
        page = context.new_page()
        for path in ("/", "/qd-166-2021/", "/en/qd-166-2021/ngan-sach-nha-nuoc/"):
            page.goto(site_url + path)
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(
                """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}}))
                    .violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)""",
                AXE_TAGS,
            )
            if violations:
                found[path] = violations
    finally:
        context.close()
    assert found == {}


def _focused(page) -> dict:
    """The focused element and whether a sighted keyboard user can see it."""
    page.wait_for_timeout(350)  # Material fades the skip link in
    return page.evaluate(
        """() => {
            const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
            return {
                tag: e.tagName, cls: e.className, href: e.getAttribute("href"), hreflang: e.getAttribute("hreflang"), label: e.getAttribute("aria-label"),
                visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                    && r.top < innerHeight && r.left < innerWidth && s.visibility !== "hidden" && Number(s.opacity) > 0.5,
                outlined: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
            };
        }"""
    )


@pytest.mark.parametrize(("path", "other"), [("/qd-166-2021/", "en"), ("/en/qd-166-2021/ngan-sach-nha-nuoc/", "vi")])
def test_keyboard_reaches_skip_link_language_switch_and_search_visibly(page, site_url, path, other) -> None:
    page.goto(site_url + path)
    stops = []
    for _ in range(12):
        page.keyboard.press("Tab")
        stops.append(_focused(page))
    hidden = [stop for stop in stops if not (stop["visible"] and stop["outlined"])]
    assert hidden == [], "every Tab stop must be visible and outlined"
    skip = stops[0]
    assert "md-skip" in skip["cls"] and skip["visible"] and skip["outlined"], skip
    assert page.locator(f"article h1{skip['href']}").count() == 1  # it skips to the page's heading
    switch = next(i for i, s in enumerate(stops) if "md-select__link" in s["cls"] and s["hreflang"] == other)
    assert stops[switch]["visible"] and stops[switch]["outlined"], stops[switch]
    search = next(s for s in stops if "site-search__input" in s["cls"])
    assert search["visible"] and search["outlined"], search
    # the switch link, activated from the keyboard, lands on the other language
    page.goto(site_url + path)
    for _ in range(switch + 1):
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == other


def test_skip_link_moves_focus_past_the_header(page, site_url) -> None:
    page.goto(site_url + "/qd-166-2021/", wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/qd-166-2021/#top")
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('article, .md-content')")
    assert inside, "after the skip link, Tab should continue inside the content"


def test_text_in_the_other_language_is_marked_with_lang(built_site, soup_of) -> None:
    for relative in all_pages(built_site.root):
        soup = soup_of(relative)
        page_lang = soup.html["lang"]
        for link in soup.select("a[hreflang]"):
            if link.get_text(strip=True):
                assert link.get("lang") == link["hreflang"], (relative, str(link)[:120])
        if page_lang != "en":
            continue
        for text in soup.body.find_all(string=True):
            if text.parent.name in ("script", "style") or not VIETNAMESE_LETTERS.search(PROPER_NAMES.sub("", text)):
                continue
            marked = text.find_parent(attrs={"lang": True})
            assert marked is not None and marked["lang"] == "vi", (relative, text.strip()[:80])


def test_content_is_all_there_with_javascript_off(browser, site_url) -> None:
    decision = load_site(PROJECT / "data").decisions[0]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        for lang, prefix in (("vi", ""), ("en", "/en")):
            page.goto(f"{site_url}{prefix}/{decision.slug}/")
            text = page.locator("article").inner_text()
            assert decision.motto.best(lang)[0] in text
            assert decision.number in text
            for group in decision.groups:
                assert group.title.best(lang)[0] in text
                assert group.text.best(lang)[0] in text
            links = page.locator("article a[href$='/']:visible").count()
            assert links >= len(decision.groups)
            for group in decision.groups:
                page.goto(f"{site_url}{prefix}/{decision.slug}/{group.slug}/")
                body = page.locator("article").inner_text()
                assert group.text.best(lang)[0] in body and group.title.best(lang)[0] in body
                other = "en" if lang == "vi" else "vi"
                assert page.locator(f"a.md-select__link[hreflang={other}]").count() == 1
            for update in published_only(load_site(PROJECT / "data")).decisions[0].updates:
                page.goto(f"{site_url}{prefix}/{decision.slug}/tin-tuc/{update.slug}/")
                body = " ".join(page.locator("article").inner_text().split())
                assert update.title.best(lang)[0] in body and update.summary.best(lang)[0] in body
                first_paragraph = " ".join(update.body.best(lang)[0].split("\n\n")[0].split())
                assert first_paragraph in body
    finally:
        context.close()
