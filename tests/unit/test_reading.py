"""Reading aids rendered from tiny made-up data: cards, icons, citation, share, QR, paragraph anchors."""

from __future__ import annotations

import re

import markdown
import pytest
from datafixtures import group_yaml, write_data
from sitegen.content.errors import DataError
from sitegen.content.icons import icon_svg
from sitegen.content.validate import load_site
from sitegen.pages.render import render_site
from sitegen.pages.sharing import cite_and_share, qr_svg, ready_citation
from sitegen.pages.urls import absolute_url, relative_url

SITE_URL = "https://example.test/plan/"


def to_html(source: str) -> str:
    return markdown.markdown(source, extensions=["attr_list", "md_in_html"])


def pages_of(data) -> dict[str, str]:
    return {p.file_name: to_html(p.markdown.split("---\n", 2)[2]) for p in render_site(load_site(data), SITE_URL)}


def with_card(number: int, icon: str) -> str:
    # the summary is an excerpt of the text group_yaml writes, as validation requires
    return group_yaml(number) + f"icon: {icon}\nsummary: {{vi: Nội dung thử {number}, en: Summary {number}}}\n"


def test_an_unknown_icon_is_reported_with_its_place_and_a_suggestion(tmp_path) -> None:
    data = write_data(tmp_path, groups=2)
    (data / "decisions/qd-1-2030/groups/02.yaml").write_text(with_card(2, "material/virus-outlin"), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_site(data)
    report = caught.value.report()
    assert "data/decisions/qd-1-2030/groups/02.yaml:5:7: icon:" in report
    assert "no icon named 'material/virus-outlin'" in report and "did you mean 'material/virus-outline'?" in report


def test_an_icon_name_cannot_reach_outside_the_icon_folder(tmp_path) -> None:
    data = write_data(tmp_path, groups=1)
    (data / "decisions/qd-1-2030/groups/01.yaml").write_text(with_card(1, "../../base"), encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("no icon named '../../base'")):
        load_site(data)


def test_home_lists_each_group_as_one_link_with_a_decorative_icon(tmp_path) -> None:
    data = write_data(tmp_path, groups=2)
    (data / "decisions/qd-1-2030/groups/01.yaml").write_text(with_card(1, "material/leaf"), encoding="utf-8")
    html = pages_of(data)["index.en.md"]
    items = re.findall(r'<li class="group-item" id="card-(\d)">(.*?)</li>', html)
    assert [n for n, _ in items] == ["1", "2"]
    first = items[0][1]
    # one link per group, its title; the icon beside it is hidden from screen readers
    assert re.findall(r'<a [^>]*href="([^"]+)"', first) == ["qd-1-2030/nhom-thu-1/"]
    assert icon_svg("material/leaf") in first and 'aria-hidden="true"' in icon_svg("material/leaf")
    assert re.search(r"<a [^>]*>.*Group title 1.*</a>", first)
    assert "Summary 1" not in html  # the list is titles only: the summary repeats the group's one sentence
    # the lead says what was decided, from the data: date, issuer, decision and how many groups
    assert "On 3 February 2030, the Test body issued Decision No. 1/QĐ-TEST, with 2 groups" in html


def test_home_shows_the_motto_and_the_target_in_each_languages_form(tmp_path) -> None:
    pages = pages_of(write_data(tmp_path))
    assert '<strong class="growth-target__value">1 - 2,5%</strong>' in pages["index.md"]
    assert '<strong class="growth-target__value">1–2.5%</strong>' in pages["index.en.md"]
    assert "“khẩu hiệu thử”" in pages["index.md"] and "“test motto”" in pages["index.en.md"]


def test_group_page_carries_a_ready_citation_with_the_permanent_address(tmp_path) -> None:
    pages = pages_of(write_data(tmp_path, groups=2))
    vi, en = pages["qd-1-2030/nhom-thu-2.md"], pages["qd-1-2030/nhom-thu-2.en.md"]
    # as a Vietnamese reader cites a decision: number, date, issuer, subject; then which group, numbered by the site
    # in the source article's order; then the address
    assert (
        '<p class="citation" id="citation">Quyết định số 1/QĐ-TEST ngày 03/02/2030 của Cơ quan thử tiêu đề thử, '
        "nhóm nhiệm vụ 2 (đánh số theo thứ tự trong bài viết của Nơi đăng thử): Nhóm thử 2. "
        "https://example.test/plan/qd-1-2030/nhom-thu-2/</p>"
    ) in vi
    assert (
        '<p class="citation" id="citation">Decision No. 1/QĐ-TEST dated 3 February 2030 of the Test body test title, '
        "task group 2 (numbered in the order of the article of the Test publisher): Group title 2 "
        "(unofficial English translation). https://example.test/plan/en/qd-1-2030/nhom-thu-2/</p>"
    ) in en
    assert '<a href="https://example.test/plan/en/qd-1-2030/nhom-thu-2/">' in en
    # the buttons wait for JavaScript; without it the text above is all a reader needs
    assert re.search(r'<button type="button" class="[^"]*copy-button"[^>]* hidden>', vi)
    assert re.search(r'<button type="button" class="[^"]*share-button"[^>]* hidden>', vi)


def test_decision_page_citation_names_no_group(tmp_path) -> None:
    page = pages_of(write_data(tmp_path))["qd-1-2030/index.md"]
    assert "của Cơ quan thử tiêu đề thử. https://example.test/plan/qd-1-2030/</p>" in page
    assert "nhóm nhiệm vụ" not in page.split('id="citation"')[1].split("</p>")[0]


def test_the_printed_qr_code_is_inline_svg_in_a_print_only_block(tmp_path) -> None:
    page = pages_of(write_data(tmp_path))["qd-1-2030/nhom-thu-1.en.md"]
    block = re.search(r'<div class="print-only print-qr" id="print-qr">(.*?)</div>', page, re.S)
    assert block and "<svg" in block[1] and 'viewBox="0 0' in block[1]
    assert "https://example.test/plan/en/qd-1-2030/nhom-thu-1/" in block[1]
    assert "<img" not in block[1]  # drawn at build time, nothing fetched


def test_every_paragraph_of_decision_and_group_pages_has_an_anchor(tmp_path) -> None:
    pages = pages_of(write_data(tmp_path, groups=2))
    for name in ("qd-1-2030/index", "qd-1-2030/nhom-thu-1"):
        ids = {}
        for lang, suffix in (("vi", ".md"), ("en", ".en.md")):
            html = pages[name + suffix]
            paragraphs = re.findall(r"<p(?: [^>]*)?>", html)
            content = [p for p in paragraphs if "translation-banner" not in p]
            assert content and all(" id=" in p for p in content), (name, lang, content)
            ids[lang] = re.findall(r' id="([^"]+)"', html)
        assert ids["vi"] == ids["en"], name


def test_citation_and_share_sections_escape_text_from_the_data() -> None:
    section = cite_and_share('A <b>"x"', "https://x.test/?a=1&b=2", 'T "<i>', "en")
    assert "<b>" not in section and "<i>" not in section
    assert "A &lt;b&gt;&quot;x&quot; (unofficial English translation). https://x.test/?a=1&amp;b=2" in section
    assert 'data-share-title="T &quot;&lt;i&gt;"' in section
    assert ready_citation("A", "https://x.test/", "vi") == "A. https://x.test/"


def test_addresses_follow_mkdocs_directory_urls() -> None:
    assert relative_url("index.md", "qd-1/nhom.md") == "qd-1/nhom/"
    assert relative_url("qd-1/a.md", "qd-1/b.md") == "../b/"
    assert relative_url("qd-1/a.md", "qd-1/index.md") == "../"
    assert absolute_url("https://h.test", "qd-1/index.md", "en") == "https://h.test/en/qd-1/"
    assert absolute_url("https://h.test/sub/", "index.md", "vi") == "https://h.test/sub/"


def test_qr_code_is_scalable_and_deterministic() -> None:
    svg = qr_svg("https://h.test/qd-1/")
    assert svg == qr_svg("https://h.test/qd-1/") and 'width="' not in svg.split(">")[0]
