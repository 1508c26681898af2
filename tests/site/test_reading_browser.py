"""The citizen's reading experience in real headless Chromium: a phone first, cite, share, print, anchors.

Every page in both languages is measured at 360×740 CSS px, the size of a small phone.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
GROUP = "qd-166-2021/ngan-sach-nha-nuoc/"
MIN_TARGET = 24  # WCAG 2.2 success criterion 2.5.8, CSS px
MIN_FONT = 16

# Targets of WCAG 2.5.8 measured from the DOM, with its exceptions implemented as the criterion words them:
# - inline: the target sits in a sentence (its block holds text outside any target) and is laid out inline;
# - spacing: a 24 px circle centred on an undersized target meets no other target and no other such circle.
MEASURE_TARGETS = r"""
() => {
  const W = window.innerWidth;
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label[for]';
  const shown = [...document.querySelectorAll(selector)].filter((el) => {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < W;  // off-canvas drawers are not on screen
  });
  const block = (el) => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith('inline')) node = node.parentElement;
    return node;
  };
  const inSentence = (el) => {
    if (getComputedStyle(el).display !== 'inline') return false;
    const container = block(el);
    const copy = container.cloneNode(true);
    copy.querySelectorAll(selector).forEach((t) => t.remove());
    return /[\p{L}\p{N}]/u.test(copy.textContent);
  };
  const boxes = shown.map((el) => {
    const r = el.getBoundingClientRect();
    return {
      el, r, cx: r.left + r.width / 2, cy: r.top + r.height / 2,
      small: r.width < 24 || r.height < 24,
      name: (el.tagName + ' ' + (el.getAttribute('href') || '') + ' ' + el.textContent.trim().slice(0, 40)).trim(),
    };
  });
  const circleMeetsRect = (b, r) => {
    const dx = Math.max(r.left - b.cx, 0, b.cx - r.right);
    const dy = Math.max(r.top - b.cy, 0, b.cy - r.bottom);
    return dx * dx + dy * dy < 144;
  };
  const result = { failures: [], measured: [], inline: 0, spaced: 0 };
  for (const b of boxes) {
    if (!b.small) { result.measured.push([b.name, b.r.width, b.r.height]); continue; }
    if (inSentence(b.el)) { result.inline += 1; continue; }
    const crowded = boxes.some((o) => o !== b && !o.el.contains(b.el) && !b.el.contains(o.el) && (
      circleMeetsRect(b, o.r) || (o.small && Math.hypot(o.cx - b.cx, o.cy - b.cy) < 24)));
    if (crowded) result.failures.push([b.name, b.r.width, b.r.height]);
    else { result.spaced += 1; result.measured.push([b.name, b.r.width, b.r.height]); }
  }
  return result;
}
"""

# Every element of the main content that carries text of its own, with its computed font size
MEASURE_FONTS = r"""
() => [...document.querySelectorAll('article *')]
  .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
  .filter((el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
  .map((el) => [el.tagName + '.' + el.className, parseFloat(getComputedStyle(el).fontSize)])
"""


def all_pages(vietnamese_pages: list[str]) -> list[str]:
    paths = ["/" + p.removesuffix("index.html") for p in vietnamese_pages]
    return paths + ["/en" + p for p in paths]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(phone, site_url, vietnamese_pages) -> None:
    wide = {}
    for path in all_pages(vietnamese_pages):
        phone.goto(site_url + path)
        width, viewport = phone.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width > viewport:
            wide[path] = width
    assert len(all_pages(vietnamese_pages)) >= 24
    assert not wide, f"pages wider than the 360 px screen: {wide}"


def test_body_text_is_at_least_16_px_on_a_phone(phone, site_url, vietnamese_pages) -> None:
    small, smallest = [], 99.0
    for path in all_pages(vietnamese_pages):
        phone.goto(site_url + path)
        sizes = phone.evaluate(MEASURE_FONTS)
        assert sizes, path
        # system fonts only: no web font is declared or downloaded on a slow connection
        fonts = phone.evaluate(
            "[document.fonts.size, performance.getEntriesByType('resource')"
            ".filter((e) => /\\.(woff2?|ttf|otf)(\\?|$)/.test(e.name)).length]"
        )
        assert fonts == [0, 0], (path, fonts)
        smallest = min(smallest, *(size for _, size in sizes))
        small += [(path, name, size) for name, size in sizes if size < MIN_FONT]
    print(f"smallest body text on any page at 360 px: {smallest} px")
    assert not small, small


def test_tap_targets_meet_wcag_target_size_on_a_phone(phone, site_url, vietnamese_pages) -> None:
    failures, sizes, inline, spaced = [], [], 0, 0
    for path in all_pages(vietnamese_pages):
        phone.goto(site_url + path)
        result = phone.evaluate(MEASURE_TARGETS)
        failures += [(path, *f) for f in result["failures"]]
        sizes += [(min(w, h), path, name) for name, w, h in result["measured"]]
        inline, spaced = inline + result["inline"], spaced + result["spaced"]
    smallest = min(sizes)
    print(f"targets measured: {len(sizes)}; smallest side {smallest}; inline exempt {inline}; spaced {spaced}")
    assert len(sizes) > 100
    assert not failures, failures


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_language_switch_and_search_are_one_tap_away_on_a_phone(phone, site_url, path) -> None:
    phone.goto(site_url + path + GROUP)
    switch = phone.locator(".md-header a.md-select__link[hreflang]")
    search = phone.locator("#site-search-input")  # the site's own search box, shown under the header
    assert switch.count() == 1 and switch.is_visible() and search.is_visible()
    search.tap()
    assert phone.evaluate("document.activeElement.id") == "site-search-input"  # one tap: ready to type
    phone.keyboard.press("Escape")
    phone.goto(site_url + path + GROUP)
    with phone.expect_navigation():
        phone.locator(".md-header a.md-select__link[hreflang]").tap()
    other = "/" if path == "/en/" else "/en/"
    assert phone.url == site_url + other + GROUP


@pytest.mark.parametrize(
    ("start", "anchor", "expected"),
    [
        ("/qd-166-2021/ngan-sach-nha-nuoc/", "#text-1", "/en/qd-166-2021/ngan-sach-nha-nuoc/"),
        ("/en/qd-166-2021/ngan-sach-nha-nuoc/", "#text-1", "/qd-166-2021/ngan-sach-nha-nuoc/"),
        ("/qd-166-2021/", "#group-7-text", "/en/qd-166-2021/"),
        ("/en/qd-166-2021/", "#objective-text", "/qd-166-2021/"),
    ],
)
def test_switching_language_keeps_the_anchor(phone, site_url, start, anchor, expected) -> None:
    phone.goto(site_url + start + anchor)
    phone.locator(".md-header a.md-select__link[hreflang]").click()
    phone.wait_for_load_state()
    assert phone.url == site_url + expected + anchor
    target = phone.locator(anchor)
    assert target.count() == 1 and target.is_visible()
    top = target.bounding_box()["y"]
    assert 0 <= top < PHONE["height"], f"the reader did not land on {anchor} (it is at y={top})"


def test_switching_language_keeps_an_anchor_chosen_after_loading(phone, site_url) -> None:
    phone.goto(site_url + "/qd-166-2021/")
    phone.evaluate("location.hash = '#group-3'")
    phone.locator(".md-header a.md-select__link[hreflang]").click()
    phone.wait_for_load_state()
    assert phone.url == site_url + "/en/qd-166-2021/#group-3"


def test_without_javascript_the_switch_still_lands_on_the_page(browser, site_url) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "/" + GROUP + "#text-1")
    page.locator(".md-header a.md-select__link[hreflang]").click()
    page.wait_for_load_state()
    assert page.url.split("#")[0] == site_url + "/en/" + GROUP
    # the citation is plain selectable text in a disclosure that opens without JavaScript; the buttons
    # that need JavaScript are not shown
    assert not page.locator("#citation").is_visible()
    page.locator("#cite summary").click()
    assert page.locator("#citation").is_visible()
    assert "task group 3" in page.locator("#citation").inner_text()
    assert not page.locator(".copy-button").is_visible() and not page.locator(".share-button").is_visible()
    context.close()


@pytest.mark.parametrize(
    ("path", "start"),
    [
        (
            GROUP,
            "Quyết định số 166/QĐ-UBND ngày 15/01/2021 của Ủy ban nhân dân tỉnh Lạng Sơn về nhiệm vụ, giải pháp chủ "
            "yếu chỉ đạo, điều hành thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm "
            "2021, nhóm nhiệm vụ 3 (đánh số theo thứ tự trong bài viết của Văn phòng UBND tỉnh Lạng Sơn): Quản lý, "
            "điều hành ngân sách nhà nước. ",
        ),
        (
            "en/" + GROUP,
            "Decision No. 166/QĐ-UBND dated 15 January 2021 of the Lạng Sơn Provincial People's Committee on the key "
            "tasks and solutions for directing and administering the implementation of the 2021 socio-economic "
            "development plan and state budget estimate, task group 3 (numbered in the order of the article of the "
            "Office of the Lạng Sơn Provincial People's Committee): State budget management and administration "
            "(unofficial English translation). ",
        ),
        (
            "qd-166-2021/",
            "Quyết định số 166/QĐ-UBND ngày 15/01/2021 của Ủy ban nhân dân tỉnh Lạng Sơn về nhiệm vụ, giải pháp chủ "
            "yếu chỉ đạo, điều hành thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm "
            "2021. ",
        ),
        (
            "en/qd-166-2021/",
            "Decision No. 166/QĐ-UBND dated 15 January 2021 of the Lạng Sơn Provincial People's Committee on the key "
            "tasks and solutions for directing and administering the implementation of the 2021 socio-economic "
            "development plan and state budget estimate (unofficial English translation). ",
        ),
    ],
)
def test_copy_button_puts_the_citation_on_the_clipboard(browser, site_url, path, start) -> None:
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    permanent = page.locator('link[rel="canonical"]').get_attribute("href")
    assert permanent.endswith("/" + path) and permanent.startswith("http")
    page.evaluate("navigator.clipboard.writeText('nothing yet')")
    page.locator("#cite summary").click()  # citing and sharing are folded under the content
    page.get_by_role("button", name=re.compile("Copy citation|Sao chép trích dẫn")).click()
    page.wait_for_function("document.querySelector('.reading-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(start) and copied.endswith(" " + permanent), copied
    assert copied == page.locator("#citation").inner_text()
    assert page.locator(".reading-status").inner_text() in ("Citation copied.", "Đã sao chép trích dẫn.")
    context.close()


def test_copy_falls_back_when_the_clipboard_api_is_missing(browser, site_url) -> None:
    context = browser.new_context(viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    reader = context.new_page()
    reader.goto(site_url + "/")
    page = context.new_page()
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })")
    page.goto(f"{site_url}/{GROUP}")
    assert page.evaluate("navigator.clipboard") is None
    page.locator("#cite summary").click()
    page.locator(".copy-button").click()
    assert page.locator(".reading-status").inner_text() == "Đã sao chép trích dẫn."
    assert reader.evaluate("navigator.clipboard.readText()") == page.locator("#citation").inner_text()
    context.close()


def test_share_button_hands_the_page_address_to_the_web_share_api(browser, site_url) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.add_init_script("navigator.share = (data) => { window.sharedData = data; return Promise.resolve(); }")
    page.goto(f"{site_url}/en/{GROUP}")
    page.locator("#cite summary").click()
    page.get_by_role("button", name="Share this page").click()
    shared = page.evaluate("window.sharedData")
    assert shared["url"] == page.locator('link[rel="canonical"]').get_attribute("href")
    assert shared["title"] == "Task group 3: State budget management and administration"
    assert page.locator("#page-link a").get_attribute("href") == shared["url"]
    context.close()


def test_share_button_appears_only_where_the_browser_can_share(phone, site_url) -> None:
    phone.goto(f"{site_url}/{GROUP}")
    phone.locator("#cite summary").click()
    can_share = phone.evaluate("typeof navigator.share === 'function'")
    assert phone.locator(".share-button").is_visible() == can_share
    assert phone.locator("#page-link a").is_visible()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_home_lists_the_nine_groups_each_one_tap_target_leading_to_its_page(phone, site_url, prefix) -> None:
    phone.goto(f"{site_url}/{prefix}")
    links = phone.locator("nav.group-list li.group-item a")
    assert links.count() == 9
    expected = []
    for i in range(9):
        item = phone.locator("nav.group-list li.group-item").nth(i)
        assert item.locator("svg").is_visible()  # the icon, beside the link, not in it
        link = links.nth(i)
        assert link.locator(".group-item__number").inner_text() == str(i + 1)
        box = link.bounding_box()
        assert box["width"] >= 250 and box["height"] >= 44  # the title is a finger-sized tap target
        expected.append((link.get_attribute("href"), link.locator(".group-item__title").inner_text()))
    for href, title in expected:
        phone.goto(f"{site_url}/{prefix}{href}")
        assert phone.locator("article h1").inner_text() == title
        assert re.search(r"/qd-166-2021/[a-z0-9-]+/$", phone.url)
    # the list starts on the first screen of a phone; the motto and the target follow it
    phone.goto(f"{site_url}/{prefix}")
    assert links.first.bounding_box()["y"] < PHONE["height"]
    assert phone.locator(".growth-target__value").inner_text() == ("7–7.5%" if prefix else "7 - 7,5%")
    assert phone.locator(".highlight--motto .motto").is_visible()


@pytest.mark.parametrize("path", [GROUP, "en/" + GROUP, "qd-166-2021/", "en/qd-166-2021/"])
def test_printed_page_carries_a_qr_code_of_its_address_on_a4(browser, site_url, path) -> None:
    import zxingcpp

    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    permanent = page.locator('link[rel="canonical"]').get_attribute("href")
    assert not page.locator(".print-qr").is_visible()  # on screen the code is not shown
    page.emulate_media(media="print")
    assert page.locator(".print-qr svg").is_visible()
    assert permanent in page.locator(".print-qr").inner_text()
    # decode the code as drawn: SVG → canvas → grey pixels → an independent QR decoder
    width, height, pixels = page.evaluate(
        """async () => {
          const svg = document.querySelector('.print-qr svg');
          const image = new Image();
          image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
          await image.decode();
          const canvas = Object.assign(document.createElement('canvas'), { width: 300, height: 300 });
          const context = canvas.getContext('2d');
          context.fillStyle = '#fff';
          context.fillRect(0, 0, 300, 300);
          context.drawImage(image, 0, 0, 300, 300);
          const rgba = context.getImageData(0, 0, 300, 300).data;
          const grey = [];
          for (let i = 0; i < rgba.length; i += 4) grey.push(rgba[i + 1]);
          return [300, 300, grey];
        }"""
    )
    decoded = zxingcpp.read_barcodes(memoryview(bytes(pixels)).cast("B", (height, width)))
    assert [code.text for code in decoded] == [permanent]
    pdf = page.pdf(prefer_css_page_size=True)
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert box and abs(float(box[1]) - 595.3) < 2 and abs(float(box[2]) - 841.9) < 2, "not A4"
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_screenshots_for_a_human_to_look_at(browser, site_url, width) -> None:
    """Writes tests/artifacts/*.png (git-ignored): home, decision and one group, both languages."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 740 if width == 360 else 900})
    page = context.new_page()
    for lang in ("vi", "en"):
        for name, path in (("home", ""), ("decision", "qd-166-2021/"), ("group-3", GROUP)):
            page.goto(f"{site_url}/{'en/' if lang == 'en' else ''}{path}")
            shot = ARTIFACTS / f"{name}-{lang}-{width}.png"
            page.screenshot(path=shot, full_page=True)
            assert shot.stat().st_size > 10_000
            assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
