"""What an English reader sees for each translation state, before MkDocs: notices, lang marks, links."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from sitegen.content.model import Text, TextOrigin, fingerprint
from sitegen.pages.text import RenderedPage, block, inline, text_html
from sitegen.pages.translation_pages import finish_pages
from sitegen.pages.urls import page_url_path as page_url
from test_translation_state import GROUP_2, reviewed_fixture

ORIGIN = TextOrigin("data/x.yaml", "text", 3, 3, 3, 4)
TRANSLATED = Text("Nội dung", "Content", fingerprint("Nội dung"), ORIGIN)
OUTDATED = Text("Nội dung mới", "Content", fingerprint("Nội dung"), ORIGIN)
MISSING = Text("Nội dung", None, None, ORIGIN)


def soup(source: str) -> BeautifulSoup:
    return BeautifulSoup(markdown.markdown(source, extensions=["attr_list", "md_in_html"]), "html.parser")


def test_a_translated_text_is_plain_english_without_notice() -> None:
    html = soup(block(TRANSLATED, "en", "#text-1"))
    assert html.select_one("p#text-1").get_text() == "Content"
    assert not html.select(".outdated, .untranslated")


def test_a_missing_text_is_the_vietnamese_in_a_not_yet_translated_notice() -> None:
    div = soup(block(MISSING, "en", "#text-1")).select_one("div.untranslated#text-1")
    assert div["lang"] == "vi" and div["data-text"] == "data/x.yaml:text"
    notice = div.select_one("p.untranslated__notice")
    assert (notice.get_text(), notice["lang"]) == ("Not yet translated", "en")
    assert "Nội dung" in div.get_text()


def test_an_outdated_text_is_the_english_under_a_notice_linking_to_the_vietnamese() -> None:
    div = soup(block(OUTDATED, "en", "#text-1")).select_one("div.outdated#text-1")
    notice = div.select_one(".outdated__notice")
    assert notice.get_text().startswith("The Vietnamese text has changed since this translation.")
    assert notice.a["hreflang"] == "vi" and notice.a["href"].endswith("#text-1")
    assert div.select("p")[-1].get_text() == "Content"
    assert "lang" not in div.attrs  # the English is in the page's language


def test_vietnamese_pages_never_carry_notices() -> None:
    for text in (TRANSLATED, OUTDATED, MISSING):
        html = soup(block(text, "vi"))
        assert not html.select(".outdated, .untranslated")
        assert html.get_text().strip() == text.vi


def test_short_titles_falling_back_to_vietnamese_are_marked_lang_vi() -> None:
    heading = soup(f"# {inline(MISSING, 'en')} {{#group-1}}").h1
    assert heading["id"] == "group-1"
    assert heading.span["lang"] == "vi" and heading.span.get_text() == "Nội dung"
    assert soup(f"# {inline(TRANSLATED, 'en')}").h1.span is None
    assert BeautifulSoup(text_html(MISSING, "en"), "html.parser").span["lang"] == "vi"
    assert text_html(TRANSLATED, "en") == "Content"


def test_page_urls_follow_directory_urls() -> None:
    assert [page_url(p) for p in ("index.md", "about.md", "qd/index.md", "qd/x.md")] == ["", "about/", "qd/", "qd/x/"]


def test_the_outdated_notice_links_to_the_same_place_on_the_vietnamese_page(tmp_path) -> None:
    from sitegen.content.validate import load_site
    from sitegen.pages.render import render_site

    data = reviewed_fixture(tmp_path)
    path = data / GROUP_2
    path.write_text(path.read_text().replace("Nội dung thử 2.", "Nội dung thử 2 đã sửa."))
    site = load_site(data)
    pages = {p.file_name: p for p in finish_pages(site, render_site(site))}
    group = soup(pages["qd-1-2030/nhom-thu-2.en.md"].markdown.split("---", 2)[2])
    assert group.select_one(".outdated__notice a")["href"] == "../../../qd-1-2030/nhom-thu-2/#text-1"
    # on the decision page the block has an id of its own (every paragraph is anchored): the link goes there
    decision = soup(pages["qd-1-2030/index.en.md"].markdown.split("---", 2)[2])
    assert decision.select_one(".outdated__notice a")["href"] == "../../qd-1-2030/#group-2-text"
    assert {"translations.md", "translations.en.md"} <= set(pages)


def test_pages_without_notices_are_left_alone() -> None:
    page = RenderedPage("about.md", "en", "# About\n")
    site_pages = finish_pages(_empty_site(), [page])
    assert site_pages[0] is page


def _empty_site():
    from sitegen.content.model import Site

    return Site(())


def test_unreviewed_english_is_counted_on_the_status_page_but_shown_plainly(tmp_path) -> None:
    from datafixtures import write_data
    from sitegen.content.validate import load_site
    from sitegen.pages.render import render_site

    site = load_site(write_data(tmp_path))  # English everywhere, never marked reviewed
    pages = {p.file_name: p for p in finish_pages(site, render_site(site))}
    status = soup(pages["translations.en.md"].markdown.split("---", 2)[2])
    summary = "16 texts: 0 translated, 0 not yet translated, 0 outdated, 16 not yet reviewed."
    assert status.select_one(".translation-summary").get_text() == summary
    assert not status.select("li") and "Every text is translated" not in status.get_text()
    group = soup(pages["qd-1-2030/nhom-thu-1.en.md"].markdown.split("---", 2)[2])
    assert not group.select(".outdated, .untranslated, [data-text]")


def test_the_status_page_names_the_page_a_text_is_shown_on_as_its_readers_see_the_title(tmp_path) -> None:
    from datafixtures import DECISION_YAML, write_data
    from sitegen.content.validate import load_site
    from sitegen.pages.render import render_site

    # an untranslated motto is shown on the home page, whose English title has an apostrophe
    data = write_data(
        tmp_path,
        decision_yaml=DECISION_YAML.replace("motto: {vi: khẩu hiệu thử, en: test motto}", "motto: {vi: khẩu hiệu thử}"),
    )
    site = load_site(data)
    pages = {p.file_name: p for p in finish_pages(site, render_site(site))}
    for name in ("translations.md", "translations.en.md"):
        status = soup(pages[name].markdown.split("---", 2)[2])
        item = status.select_one('[data-text$=":motto"]').find_parent("li")
        assert item.select_one("a").get_text() == "Lạng Sơn's key tasks and solutions for 2021"


def test_when_every_text_is_translated_the_status_page_says_so_in_both_languages(tmp_path) -> None:
    """The branch the real data/ takes only while it is fully translated (tests/site/test_translation_real.py)."""
    from sitegen.content.validate import load_site
    from sitegen.pages.render import render_site

    site = load_site(reviewed_fixture(tmp_path))
    pages = {p.file_name: p for p in finish_pages(site, render_site(site))}
    for name, summary, all_done in (
        (
            "translations.en.md",
            "16 texts: 16 translated, 0 not yet translated, 0 outdated, 0 not yet reviewed.",
            "Every text is translated into English, and every translation matches the current Vietnamese text.",
        ),
        (
            "translations.md",
            "16 văn bản: 16 đã dịch, 0 chưa dịch, 0 bản dịch cũ, 0 chưa kiểm tra.",
            "Mọi văn bản đều đã được dịch sang tiếng Anh và bản dịch khớp với văn bản tiếng Việt hiện hành.",
        ),
    ):
        status = soup(pages[name].markdown.split("---", 2)[2])
        assert status.select_one(".translation-summary").get_text() == summary
        assert all_done in status.get_text()
        assert not status.select(".translation-status, li")


def test_english_pages_say_they_are_an_unofficial_translation_while_the_note_waits_for_its_translator(
    tmp_path,
) -> None:
    from datafixtures import DECISION_YAML, write_data
    from sitegen.content.validate import load_site
    from sitegen.pages.render import render_site

    note = "translation_note: {vi: Ghi chú dịch thử., en: Test translation note.}"
    data = write_data(tmp_path, decision_yaml=DECISION_YAML.replace(note, "translation_note: {vi: Ghi chú dịch thử.}"))
    pages = {p.file_name: p.markdown for p in render_site(load_site(data))}
    banner = soup(pages["qd-1-2030/nhom-thu-1.en.md"].split("---", 2)[2]).select_one(".translation-banner")
    assert banner.get_text() == "English (unofficial translation; the Vietnamese is the original)"
    assert "Ghi chú dịch thử." not in pages["qd-1-2030/nhom-thu-1.en.md"]
