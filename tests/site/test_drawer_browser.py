"""The phone menu leads to every task group (follow-up of issue 15), in real headless Chromium at 360 px:
a citizen on an update or the About page opens the menu, sees the nine groups in the home page's order,
and follows one; with the keyboard and with JavaScript off too. Screenshots go to tests/artifacts/."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitegen.content.validate import load_site
from sitehelpers import AXE, AXE_TAGS, PROJECT

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
PHONE = {"width": 360, "height": 740}
STARTS = {"update": "qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/", "about": "about/"}
MENU_BUTTON = ".md-header label[for=__drawer]"
MENU_GROUPS = ".md-sidebar--primary .site-drawer-groups a"


def prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


@pytest.fixture(scope="module")
def decision():
    return load_site(PROJECT / "data").decisions[0]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def open_menu(page) -> None:
    page.locator(MENU_BUTTON).click()
    menu_is_open(page)


def menu_is_open(page) -> None:
    page.wait_for_function(
        "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
    )  # the drawer has slid in


def home_order(page, site_url: str, lang: str) -> list[str]:
    """The groups' addresses in the home page's list, as absolute URLs."""
    page.goto(f"{site_url}/{prefix(lang)}")
    return page.locator("nav.group-list a").evaluate_all("links => links.map(a => a.href)")


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("start", list(STARTS))
def test_the_menu_on_an_update_or_about_page_lists_the_groups_and_leads_to_group_4(
    phone, site_url, decision, lang, start
) -> None:
    expected_order = home_order(phone, site_url, lang)
    assert len(expected_order) == len(decision.groups) == 9
    phone.goto(f"{site_url}/{prefix(lang)}{STARTS[start]}")
    groups = phone.locator(MENU_GROUPS)
    drawer = phone.locator(".md-sidebar--primary")
    assert drawer.evaluate("e => e.getBoundingClientRect().right <= 0")  # closed until asked for
    open_menu(phone)
    assert groups.count() == 9
    assert groups.evaluate_all("links => links.map(a => a.href)") == expected_order
    for index, group in enumerate(decision.groups):
        link = groups.nth(index)
        link.scroll_into_view_if_needed()
        assert link.is_visible()
        text = " ".join(link.inner_text().split())
        assert text == f"{group.number}. {group.title.best(lang)[0]}", text  # number and title, in the page's language
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 200  # a comfortable tap target on a phone
    assert phone.locator(".md-sidebar--primary [aria-current=page]").count() == 0  # not on a group page
    # under the decision's entry: the decision link comes right before the list
    before = phone.locator(".md-sidebar--primary .site-drawer-groups").evaluate(
        "li => li.previousElementSibling.querySelector('a').href"
    )
    assert before == f"{site_url}/{prefix(lang)}{decision.slug}/"

    fourth = decision.groups[3]
    groups.nth(3).click()
    phone.wait_for_url(f"{site_url}/{prefix(lang)}{decision.slug}/{fourth.slug}/")
    assert fourth.title.best(lang)[0] in phone.locator("article h1").inner_text()
    # on group 4, the menu marks group 4 as the current page, and only it
    open_menu(phone)
    current = phone.locator(".md-sidebar--primary [aria-current=page]")
    assert current.count() == 1 and current.get_attribute("href") == "./"
    assert current.inner_text().split()[0] == "4."


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_groups_in_the_menu_are_reached_and_followed_with_the_keyboard(phone, site_url, decision, lang) -> None:
    phone.goto(f"{site_url}/{prefix(lang)}{STARTS['about']}")
    for _ in range(5):  # skip link, then the menu button
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.getAttribute('for')") == "__drawer":
            break
    phone.keyboard.press("Enter")  # docs/assets/theme.js opens the menu and focuses its first link
    menu_is_open(phone)
    fourth = decision.groups[3]
    target = f"{site_url}/{prefix(lang)}{decision.slug}/{fourth.slug}/"
    for _ in range(20):
        if phone.evaluate("document.activeElement.href") == target:
            break
        phone.keyboard.press("Tab")
    else:
        pytest.fail("group 4 cannot be reached with Tab in the open menu")
    focus = phone.evaluate(
        """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
                   return {inside: !!e.closest('.md-sidebar--primary'), visible: r.top >= 0 && r.bottom <= innerHeight
                           && r.left >= 0 && r.right <= innerWidth, outlined: s.outlineStyle !== 'none'} }"""
    )
    assert focus == {"inside": True, "visible": True, "outlined": True}
    phone.keyboard.press("Enter")
    phone.wait_for_url(target)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_without_javascript_the_menu_opens_and_leads_to_a_group(browser, site_url, decision, lang) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{prefix(lang)}{STARTS['update']}")
        page.locator(MENU_BUTTON).click()  # the button is a <label> for a checkbox: no script needed
        page.wait_for_timeout(400)  # the drawer slides in (a CSS transition); the page runs no script to ask
        assert page.locator(".md-sidebar--primary").bounding_box()["x"] >= 0
        groups = page.locator(MENU_GROUPS)
        assert groups.count() == 9
        fourth = decision.groups[3]
        groups.nth(3).scroll_into_view_if_needed()
        groups.nth(3).click()
        page.wait_for_url(f"{site_url}/{prefix(lang)}{decision.slug}/{fourth.slug}/")
    finally:
        context.close()


def test_axe_finds_no_violation_with_the_menu_open(phone, site_url) -> None:
    found = {}
    for path in ("qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/", "en/about/", "en/qd-166-2021/van-hoa-xa-hoi/"):
        phone.goto(f"{site_url}/{path}")
        open_menu(phone)
        phone.add_script_tag(path=str(AXE))
        violations = phone.evaluate(
            """async (tags) => (await axe.run(document, {runOnly: {type: "tag", values: tags}}))
                .violations.map(v => `${v.id}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)""",
            AXE_TAGS,
        )
        if violations:
            found[path] = violations
    assert found == {}


def test_on_a_wide_screen_the_groups_show_in_the_left_column(browser, site_url) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/en/qd-166-2021/van-hoa-xa-hoi/")
        groups = page.locator(MENU_GROUPS)
        assert groups.count() == 9 and groups.first.is_visible()
        assert groups.nth(3).get_attribute("aria-current") == "page"
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_screenshots_of_the_open_menu_at_360_px(phone, site_url, lang) -> None:
    """Writes tests/artifacts/drawer-<start>-<lang>-360.png and …-end.png (scrolled to the last group)."""
    ARTIFACTS.mkdir(exist_ok=True)
    for start, path in STARTS.items():
        phone.goto(f"{site_url}/{prefix(lang)}{path}", wait_until="networkidle")
        open_menu(phone)
        shot = ARTIFACTS / f"drawer-{start}-{lang}-360.png"
        phone.screenshot(path=shot)
        phone.locator(MENU_GROUPS).last.scroll_into_view_if_needed()
        end = ARTIFACTS / f"drawer-{start}-{lang}-360-end.png"
        phone.screenshot(path=end)
        assert shot.stat().st_size > 10_000 and end.stat().st_size > 10_000
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
