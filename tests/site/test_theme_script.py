"""The site's own small script instead of Material's bundle (issue 17), in real headless Chromium.

Material's 31 KB bundle is not loaded; docs/assets/theme.js keeps what readers use of it: back-to-top
while scrolling up, and the phone menu, now reachable with the keyboard. No script may delay the first
paint.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
LONG_PAGE = "qd-166-2021/"  # the decision: several screens on a phone


def test_no_page_loads_materials_bundle_and_no_script_blocks_the_first_paint(built_site, soup_of) -> None:
    pages = [p.relative_to(built_site.root).as_posix() for p in built_site.root.rglob("*.html")]
    assert len(pages) >= 26
    for relative in pages:
        scripts = soup_of(relative).find_all("script")
        external = [s for s in scripts if s.get("src")]
        assert external, relative
        assert not [s["src"] for s in external if "bundle" in s["src"]], relative
        assert all(s.has_attr("defer") or s.has_attr("async") for s in external), relative
        # inline scripts only as data (JSON-LD), never code that runs before the page is shown
        assert [s.get("type") for s in scripts if not s.get("src")] in ([], ["application/ld+json"]), relative


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def test_back_to_top_shows_while_scrolling_up_and_leads_to_the_top(phone, site_url) -> None:
    phone.goto(f"{site_url}/{LONG_PAGE}")
    button = phone.locator("[data-md-component=top]")

    def offered() -> bool:  # Material's stylesheet fades out a `hidden` back-to-top button (opacity 0)
        return button.evaluate("e => !e.hidden && getComputedStyle(e).display !== 'none'")

    assert not offered()  # at the top of the page there is nowhere to go back to
    phone.mouse.wheel(0, 3000)
    phone.wait_for_timeout(300)
    assert not offered()  # scrolling down: it would cover the text being read
    phone.mouse.wheel(0, -400)
    phone.wait_for_function("() => !document.querySelector('[data-md-component=top]').hidden")
    assert offered() and phone.evaluate("scrollY") > 0
    button.click()
    phone.wait_for_function("() => scrollY === 0")
    assert not offered()


def test_phone_menu_opens_from_the_keyboard_and_escape_closes_it(phone, site_url) -> None:
    phone.goto(f"{site_url}/{LONG_PAGE}")
    menu_button = phone.locator(".md-header label[for=__drawer]")
    for _ in range(5):  # skip link, then the menu button: the first stops of the page
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.getAttribute('for')") == "__drawer":
            break
    else:
        pytest.fail("the menu button cannot be reached with Tab")
    assert menu_button.get_attribute("role") == "button" and menu_button.get_attribute("aria-label")
    assert menu_button.get_attribute("aria-expanded") == "false"
    phone.keyboard.press("Enter")
    assert menu_button.get_attribute("aria-expanded") == "true"
    phone.wait_for_timeout(400)  # the drawer slides in
    assert phone.locator(".md-sidebar--primary").evaluate("e => e.getBoundingClientRect().left") >= 0
    assert phone.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    phone.keyboard.press("Escape")
    assert menu_button.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    assert not phone.locator("#__drawer").is_checked()


def test_phone_menu_opens_with_a_tap_and_its_links_lead_away(phone, site_url) -> None:
    phone.goto(f"{site_url}/{LONG_PAGE}")
    phone.locator(".md-header label[for=__drawer]").tap()
    phone.wait_for_timeout(400)
    link = phone.locator(".md-sidebar--primary .md-nav__link[href]").filter(has_text="Giới thiệu")
    link.tap()
    phone.wait_for_url(f"{site_url}/about/")
