"""Vietnamese pages speak Vietnamese: the theme's own strings (skip link, back to top, footer, search
messages) and the wording fixes of issue 13 as a reader sees them on the built site."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

MATERIAL_EN = Path(__import__("material").__file__).parent / "templates" / "partials" / "languages" / "en.html"
# the same in every language: codes and the search engine's own settings
LANGUAGE_NEUTRAL = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}
ENGLISH_CHROME = ("Skip to content", "Back to top", "Made with", "Not found", "Initializing search", "RSS feed")


def material_english() -> dict[str, str]:
    return dict(re.findall(r'^\s*"([^"]+)": "([^"]*)"', MATERIAL_EN.read_text(encoding="utf-8"), re.M))


def chrome_text(soup) -> str:
    """Everything on the page outside its article: what the theme writes."""
    copy = type(soup)(str(soup), "html.parser")
    for element in copy.select("article, script, style, svg"):
        element.decompose()
    return re.sub(r"\s+", " ", copy.get_text(" "))


def test_every_vietnamese_page_has_vietnamese_theme_strings(soup_of, vietnamese_pages) -> None:
    for page in vietnamese_pages:
        soup = soup_of(page)
        assert soup.select_one("a.md-skip").get_text(strip=True) == "Chuyển đến nội dung", page
        assert soup.select_one("button.md-top").get_text(strip=True) == "Lên đầu trang", page
        footer = re.sub(r"\s+", " ", soup.select_one(".md-copyright").get_text(" ")).strip()
        assert footer == "Trang web được xây dựng bằng Material for MkDocs", page
        text = chrome_text(soup)
        for english in (*ENGLISH_CHROME, "Bỏ qua", "Trở lại mục lục"):
            assert english not in text, (page, english)


def test_the_theme_messages_shown_by_its_scripts_are_vietnamese_too(soup_of, vietnamese_pages) -> None:
    english = material_english()
    for page in vietnamese_pages:
        config = json.loads(soup_of(page).select_one("script#__config").string)
        for key, value in config["translations"].items():
            assert key in LANGUAGE_NEUTRAL or value != english.get(key), (page, key, value)


def test_english_pages_keep_the_themes_english(soup_of) -> None:
    soup = soup_of("en/index.html")
    assert soup.select_one("a.md-skip").get_text(strip=True) == "Skip to content"
    assert (
        re.sub(r"\s+", " ", soup.select_one(".md-copyright").get_text(" ")).strip() == "Made with Material for MkDocs"
    )


@pytest.mark.parametrize("page", ["404.html"])
def test_the_vietnamese_404_page_is_vietnamese(built_site, page) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((built_site.root / page).read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "vi"
    heading = soup.select_one("article h1").get_text(strip=True)
    assert heading.startswith("404") and "Không tìm thấy" in heading and "Not found" not in heading
    assert "Not found" not in chrome_text(soup) and "Made with" not in chrome_text(soup)


def test_the_decision_pages_title_does_not_repeat_itself(soup_of) -> None:
    for page, expected in (
        ("qd-166-2021/index.html", "Quyết định số 166/QĐ-UBND ngày 15/01/2021 – Ủy ban nhân dân tỉnh Lạng Sơn"),
        (
            "en/qd-166-2021/index.html",
            "Decision No. 166/QĐ-UBND dated 15 January 2021 – Lạng Sơn Provincial People's Committee",
        ),
    ):
        title = soup_of(page).select_one("head title").get_text()
        assert title == expected and title.count("166/QĐ-UBND") == 1


def test_the_growth_line_and_the_language_row_read_cleanly(soup_of) -> None:
    vietnamese, english = soup_of("qd-166-2021/index.html"), soup_of("en/qd-166-2021/index.html")
    assert vietnamese.select_one("#growth-target .growth-target__label").get_text() == (
        "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) năm 2021"
    )
    assert english.select_one("#growth-target .growth-target__label").get_text() == (
        "Growth of the gross regional domestic product (GRDP) in 2021"
    )
    for soup in (vietnamese, english, soup_of("index.html")):
        assert ") (" not in soup.select_one("article").get_text()
    rows = {dt.get_text(): dd.get_text(" ", strip=True) for dt, dd in _rows(vietnamese)}
    assert rows["Ngôn ngữ"].startswith("Tiếng Việt (bản gốc). ") and "Tiếng Việt:" not in rows["Ngôn ngữ"]
    rows_en = {dt.get_text(): dd.get_text(" ", strip=True) for dt, dd in _rows(english)}
    assert {"Document type", "Date of issue"} <= set(rows_en) and "Type" not in rows_en and "Date" not in rows_en
    assert "Byline" in soup_of("en/about/index.html").get_text()


def test_the_groups_heading_and_the_wording_note_say_what_the_site_changed(soup_of) -> None:
    page = soup_of("qd-166-2021/index.html")
    assert page.select_one("h2#task-groups").get_text(strip=True) == "Các nhiệm vụ và giải pháp chủ yếu"
    note = page.select_one("#wording-note").get_text()
    assert "viết hoa chữ cái đầu" in note and "dấu chấm cuối câu" in note and "tóm tắt trên thẻ" in note


def _rows(soup):
    return [(div.select_one("dt"), div.select_one("dd")) for div in soup.select("dl.decision-meta > div")]
