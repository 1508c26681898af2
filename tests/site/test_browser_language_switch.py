"""The language switch, clicked in a real headless Chromium, lands on the counterpart page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("start", "language", "expected"),
    [
        ("/qd-166-2021/ngan-sach-nha-nuoc/", "English", "/en/qd-166-2021/ngan-sach-nha-nuoc/"),
        ("/en/qd-166-2021/ngan-sach-nha-nuoc/", "Tiếng Việt", "/qd-166-2021/ngan-sach-nha-nuoc/"),
        ("/about/", "English", "/en/about/"),
        ("/en/", "Tiếng Việt", "/"),
    ],
)
def test_switching_language_lands_on_the_same_page(page, site_url, start, language, expected) -> None:
    page.goto(site_url + start)
    page.locator(".md-header .md-select").hover()
    page.get_by_role("link", name=language).click()
    page.wait_for_load_state()
    assert page.url == site_url + expected
    assert page.locator("html").get_attribute("lang") == ("en" if language == "English" else "vi")
