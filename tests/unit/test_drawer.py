"""The phone menu's task groups (follow-up of issue 15), as generate hands them to the theme through
`config.extra.site_chrome[lang].drawer`: every group of a plan in its order, in the page's language, at the
same ASCII address in both languages; one link to the decision's list in a plan of many groups."""

from __future__ import annotations

import datetime
import re

from datafixtures import group_yaml, write_data
from sitegen.content.validate import load_site
from sitegen.pages.chrome import site_chrome
from sitegen.pages.render import GROUP_NAV_ALL, render_site
from sitegen.pages.urls import page_url_path

TODAY = datetime.date(2031, 1, 1)
NAMES = {"vi": "Quyết định 1/QĐ-TEST – Tỉnh thử", "en": "Decision 1/QĐ-TEST – Test Province"}


def drawer(data) -> dict[str, list[dict]]:
    chrome = site_chrome(load_site(data, today=TODAY), None, NAMES)
    return {lang: chrome[lang]["drawer"] for lang in ("vi", "en")}


def test_the_menu_lists_every_group_in_order_in_the_pages_language_at_one_address(tmp_path) -> None:
    data = write_data(tmp_path, groups=3)
    # group 2 has no English title yet: the English menu shows the Vietnamese, marked as Vietnamese
    (data / "decisions/qd-1-2030/groups/02.yaml").write_text(group_yaml(2, title_en=None), encoding="utf-8")
    menus = drawer(data)
    for lang, titles in (
        ("vi", ["Nhóm thử 1", "Nhóm thử 2", "Nhóm thử 3"]),
        ("en", ["Group title 1", "Nhóm thử 2", "Group title 3"]),
    ):
        (decision,) = menus[lang]
        assert decision["path"] == "qd-1-2030/"  # the decision's entry in the nav, from the language's root
        assert [g["number"] for g in decision["groups"]] == [1, 2, 3]
        assert [g["title"] for g in decision["groups"]] == titles
        assert decision["all_groups_path"] == "" and decision["all_groups_text"] == ""
    assert [g["title_lang"] for g in menus["en"][0]["groups"]] == ["", "vi", ""]
    assert [g["title_lang"] for g in menus["vi"][0]["groups"]] == ["", "", ""]
    # the same ASCII address in both languages; the theme adds the language's folder
    paths = [[g["path"] for g in menus[lang][0]["groups"]] for lang in ("vi", "en")]
    assert paths[0] == paths[1] == [f"qd-1-2030/nhom-thu-{n}/" for n in (1, 2, 3)]
    assert all(re.fullmatch(r"[a-z0-9/-]+", path) for path in paths[0])
    assert (menus["vi"][0]["label"], menus["en"][0]["label"]) == ("Các nhóm nhiệm vụ", "All task groups")


def test_the_menus_addresses_are_pages_the_generator_writes(tmp_path) -> None:
    data = write_data(tmp_path, groups=2)
    site = load_site(data, today=TODAY)
    written = {page_url_path(page.path) for page in render_site(site)}
    (decision,) = drawer(data)["en"]
    assert {decision["path"], *(g["path"] for g in decision["groups"])} <= written


def test_a_plan_of_many_groups_gets_one_link_to_the_decisions_list_not_every_group(tmp_path) -> None:
    """The menu is in every page: listing 1,000 groups in each of 2,000 pages would make the build quadratic."""
    at_limit = drawer(write_data(tmp_path / "a", groups=GROUP_NAV_ALL))
    assert len(at_limit["vi"][0]["groups"]) == GROUP_NAV_ALL and at_limit["vi"][0]["all_groups_path"] == ""
    many = drawer(write_data(tmp_path / "b", groups=GROUP_NAV_ALL + 1))
    for lang, words in (
        ("vi", f"Tất cả {GROUP_NAV_ALL + 1} nhóm nhiệm vụ"),
        ("en", f"All {GROUP_NAV_ALL + 1} task groups"),
    ):
        (decision,) = many[lang]
        assert decision["groups"] == []
        assert decision["all_groups_path"] == "qd-1-2030/#task-groups"
        assert decision["all_groups_text"] == words


def test_the_decision_page_has_the_list_the_many_groups_link_leads_to(tmp_path) -> None:
    pages = {p.file_name: p.markdown for p in render_site(load_site(write_data(tmp_path, groups=2), today=TODAY))}
    for name in ("qd-1-2030/index.md", "qd-1-2030/index.en.md"):
        assert re.search(r"^## .* \{#task-groups\}$", pages[name], re.M), name
