from __future__ import annotations

import re

import markdown
from datafixtures import write_data
from sitegen.content.model import Text
from sitegen.content.validate import load_site
from sitegen.pages.escape import md
from sitegen.pages.render import render_site
from sitegen.pages.text import block


def to_html(source: str) -> str:
    return markdown.markdown(source, extensions=["attr_list", "md_in_html"])


def test_markup_typed_into_data_reaches_the_page_as_text() -> None:
    typed = "<script>alert(1)</script> *not bold* [not a link](x) # not a heading & {: #x }"
    html = to_html(md(typed))
    assert "<script>" not in html and "<em>" not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *not bold* [not a link](x) # not a heading &amp; {: #x }" in html


def test_untranslated_text_shows_vietnamese_marked_as_such() -> None:
    html = block(Text("Nội dung tiếng Việt"), "en")
    assert '<div class="untranslated" lang="vi">' in html
    assert '<p class="untranslated__notice" lang="en">Not yet translated</p>' in html
    assert "Nội dung tiếng Việt" in html


def test_every_page_is_rendered_in_both_languages_with_the_suffix_convention(tmp_path) -> None:
    pages = render_site(load_site(write_data(tmp_path, groups=2)))
    names = sorted(p.file_name for p in pages)
    assert names == sorted(
        [
            "index.md",
            "index.en.md",
            "about.md",
            "about.en.md",
            "accessibility.md",  # the accessibility statement (issue 15)
            "accessibility.en.md",
            "qd-1-2030/index.md",
            "qd-1-2030/index.en.md",
            "qd-1-2030/nhom-thu-1.md",
            "qd-1-2030/nhom-thu-1.en.md",
            "qd-1-2030/nhom-thu-2.md",
            "qd-1-2030/nhom-thu-2.en.md",
            "qd-1-2030/tin-tuc/index.md",  # the updates list exists even before the first update
            "qd-1-2030/tin-tuc/index.en.md",
        ]
    )


def test_group_page_lists_every_group_marks_its_own_and_links_back(tmp_path) -> None:
    pages = {p.file_name: p.markdown for p in render_site(load_site(write_data(tmp_path, groups=3)))}
    middle = pages["qd-1-2030/nhom-thu-2.en.md"]
    nav = middle[middle.index('<nav class="group-neighbours group-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert '<a href="../nhom-thu-1/" rel="prev">' in nav
    assert '<a href="../nhom-thu-3/" rel="next">' in nav
    # the current group is marked, and is not a link to itself
    assert re.search(r'<li class="group-nav__current" aria-current="page">.*Group title 2', nav)
    assert "nhom-thu-2/" not in nav
    assert '<a href="../#group-2">' in nav
    first = pages["qd-1-2030/nhom-thu-1.md"]
    assert 'rel="prev"' not in first


def test_numbers_and_dates_take_each_languages_form(tmp_path) -> None:
    pages = {p.file_name: p.markdown for p in render_site(load_site(write_data(tmp_path)))}
    assert "1 - 2,5%" in pages["qd-1-2030/index.md"] and "03/02/2030" in pages["qd-1-2030/index.md"]
    assert "1–2.5%" in pages["qd-1-2030/index.en.md"] and "3 February 2030" in pages["qd-1-2030/index.en.md"]


def test_group_pages_list_all_groups_of_a_small_plan_and_a_window_of_a_large_one() -> None:
    import dataclasses

    from sitegen.pages.render import GROUP_NAV_ALL, GROUP_NAV_WINDOW, neighbouring_groups
    from sitegen.project import PROJECT_DIR

    decision = load_site(PROJECT_DIR / "data").decisions[0]
    assert neighbouring_groups(decision, decision.groups[4]) == decision.groups  # the nine of today: all

    first = decision.groups[0]
    many = tuple(
        dataclasses.replace(first, number=n, slug=f"{first.slug}-{n}") for n in range(1, 4 * GROUP_NAV_ALL + 1)
    )
    large = dataclasses.replace(decision, groups=many)
    middle = neighbouring_groups(large, many[50])
    assert [g.number for g in middle] == list(range(51 - GROUP_NAV_WINDOW, 52 + GROUP_NAV_WINDOW))
    assert [g.number for g in neighbouring_groups(large, many[0])] == list(range(1, GROUP_NAV_WINDOW + 2))
