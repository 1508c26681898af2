"""Built sites, English side: the right notice for each translation state, and the translation status page."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from datafixtures import write_data
from sitegen.tools.translate import main
from sitehelpers import build_site

GROUPS = "decisions/qd-1-2030/groups"
DECISION = "decisions/qd-1-2030/decision.yaml"

# The fixture's made-up states: everything reviewed, then these changed.
EXPECTED_MISSING = {f"data/{GROUPS}/03.yaml:title", f"data/{GROUPS}/03.yaml:text", f"data/{DECISION}:motto"}
EXPECTED_OUTDATED = {f"data/{GROUPS}/02.yaml:text", f"data/{DECISION}:objective"}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("translation-states")
    data = write_data(root, groups=3)
    assert main(["--data", str(data), "review", "--all-unreviewed"]) == 0
    group_2 = data / GROUPS / "02.yaml"
    group_2.write_text(group_2.read_text().replace("Nội dung thử 2.", "Nội dung thử 2 đã sửa."))
    (data / GROUPS / "03.yaml").write_text(
        "number: 3\nslug: nhom-thu-3\ntitle: {vi: Nhóm thử 3}\ntext: {vi: Nội dung thử 3.}\n"
    )
    decision = data / DECISION
    source = decision.read_text()
    source = re.sub(r"motto: \{vi: khẩu hiệu thử, en: test motto, en_from: \w+\}", "motto: {vi: khẩu hiệu thử}", source)
    source = source.replace("Mục tiêu thử đạt 1 - 2,5%.", "Mục tiêu thử mới đạt 1 - 2,5%.")
    decision.write_text(source)
    return build_site(root / "site", data).root


def soup(root: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((root / page).read_text(encoding="utf-8"), "html.parser")


def resolve(page: str, href: str) -> tuple[str, str]:
    """The file a relative link from `page` lands on, and its anchor."""
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    return (f"{target}/index.html" if not target.endswith(".html") else target).removeprefix("./"), anchor


def test_translated_english_page_has_no_notice(fixture_site) -> None:
    page = soup(fixture_site, "en/qd-1-2030/nhom-thu-1/index.html")
    # the list of every task group may name another group whose title is untranslated (marked lang=vi)
    for other_groups in page.select("nav.group-nav"):
        other_groups.decompose()
    assert not page.select("article .outdated, article .untranslated, article [lang=vi]")
    assert page.select_one("#text-1").get_text(strip=True) == "English text."


def test_missing_english_shows_the_vietnamese_in_a_notice_marked_lang_vi(fixture_site) -> None:
    page = soup(fixture_site, "en/qd-1-2030/nhom-thu-3/index.html")
    block = page.select_one("article div.untranslated#text-1")
    assert block["lang"] == "vi"
    assert block.select_one(".untranslated__notice").get_text(strip=True) == "Not yet translated"
    assert block.select_one(".untranslated__notice")["lang"] == "en"
    assert "Nội dung thử 3." in block.get_text()
    title = page.select_one("article h1#group-3 span[lang=vi]")
    assert title.get_text() == "Nhóm thử 3"
    home_motto = soup(fixture_site, "en/index.html").select_one(".motto span[lang=vi]")
    assert home_motto.get_text() == "khẩu hiệu thử"
    # short titles in headings and links elsewhere are marked too
    decision_heading = soup(fixture_site, "en/qd-1-2030/index.html").select_one("h3#group-3 span[lang=vi]")
    assert decision_heading.get_text() == "Nhóm thử 3"
    next_link = soup(fixture_site, "en/qd-1-2030/nhom-thu-2/index.html").select_one("a[rel=next]")
    assert next_link.select_one("span[lang=vi]").get_text() == "Nhóm thử 3"
    assert " ".join(next_link.get_text().split()) == "3 Nhóm thử 3"  # the list of every group


def test_outdated_english_shows_the_notice_and_links_to_the_vietnamese(fixture_site) -> None:
    page_path = "en/qd-1-2030/nhom-thu-2/index.html"
    page = soup(fixture_site, page_path)
    block = page.select_one("article div.outdated#text-1")
    notice = block.select_one(".outdated__notice")
    assert "The Vietnamese text has changed since this translation." in notice.get_text()
    assert block.select("p")[-1].get_text() == "English text."
    target, anchor = resolve(page_path, notice.a["href"])
    assert (target, anchor) == ("qd-1-2030/nhom-thu-2/index.html", "text-1")
    vietnamese = soup(fixture_site, target)
    assert vietnamese.html["lang"] == "vi"
    assert vietnamese.select_one(f"#{anchor}").get_text(strip=True) == "Nội dung thử 2 đã sửa."
    assert not page.select("article .untranslated")


def section_keys(page: BeautifulSoup, state: str) -> set[str]:
    return {span["data-text"] for span in page.select(f".translation-status--{state} [data-status={state}]")}


@pytest.mark.parametrize("page_path", ["en/translations/index.html", "translations/index.html"])
def test_status_page_lists_exactly_the_missing_and_outdated_texts(fixture_site, page_path) -> None:
    page = soup(fixture_site, page_path)
    assert page.html["lang"] == page_path.split("/")[0].replace("translations", "vi")
    assert section_keys(page, "missing") == EXPECTED_MISSING
    assert section_keys(page, "outdated") == EXPECTED_OUTDATED
    assert not page.select(".translation-status--unreviewed")
    summary = page.select_one(".translation-summary").get_text()
    assert re.search(r"16 (texts|văn bản): 11 ", summary), summary


def test_status_page_links_land_where_each_text_is_shown(fixture_site) -> None:
    page_path = "en/translations/index.html"
    page = soup(fixture_site, page_path)
    items = page.select(".translation-status li")
    assert len(items) == len(EXPECTED_MISSING | EXPECTED_OUTDATED)
    for item in items:
        key = item.select_one("[data-text]")["data-text"]
        target, anchor = resolve(page_path, item.select_one("a")["href"])
        assert target.startswith("en/"), (key, target)
        landed = soup(fixture_site, target)
        assert landed.select_one(f"#{anchor}") is not None, (key, target, anchor)
        assert landed.select_one(f'[data-text="{key}"]') is not None, (key, target)
        assert key.split(":")[0] + ":" in item.select_one("code").get_text()
