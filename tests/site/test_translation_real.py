"""The real site in whatever translation state data/ is in (the translator follows the press office, issue 13 §6):
each untranslated or outdated text carries its notice on the English pages, the status page lists exactly those
texts, and a new Vietnamese-only update in a copy of the real data builds and shows the notice."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from datafixtures import update_yaml, write_update
from sitegen.tools.translate import main
from sitehelpers import PROJECT, BuiltSite, all_pages, build_site
from test_translations_data import counts, documented_fingerprint, text_states

STATUS_PAGES = ("en/translations/index.html", "translations/index.html")


def soup(root: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((root / page).read_text(encoding="utf-8"), "html.parser")


def notices_shown(root: Path) -> dict[str, set[str]]:
    """Each text marked on an English page (the status page aside) → how it is shown: `missing` (the Vietnamese,
    marked lang=vi, a block of it under "Not yet translated") or `outdated` (the English, a block of it under the
    outdated notice). Anything else a marked element shows is reported as `unmarked`."""
    shown: dict[str, set[str]] = {}
    for page in all_pages(root):
        if not page.startswith("en/") or page in STATUS_PAGES:
            continue
        html = soup(root, page)
        for element in html.select("[data-text]"):
            classes = element.get("class", [])
            in_vietnamese = element.get("lang") == "vi" or element.find_parent(attrs={"lang": "vi"}) is not None
            if "outdated" in classes:
                notice = element.select_one(".outdated__notice")
                kind = "outdated" if notice and "The Vietnamese text has changed" in notice.get_text() else "unmarked"
            elif "outdated-inline" in classes:  # a title: the heading or link text is the English
                kind = "outdated"
            elif in_vietnamese and element.name in ("span", "a"):  # a title: marked as Vietnamese for screen readers
                kind = "missing"
            elif in_vietnamese:  # a block: under the notice, its own or the update page's one for all its parts
                block = element if "untranslated" in classes else element.find_parent(class_="untranslated")
                notice = (block and block.select_one(".untranslated__notice")) or html.select_one(
                    ".update-untranslated"
                )
                kind = "missing" if notice and notice.get_text(strip=True) == "Not yet translated" else "unmarked"
            else:
                kind = "unmarked"
            shown.setdefault(element["data-text"], set()).add(kind)
    return shown


def status_page_items(root: Path, page: str) -> dict[str, tuple[str, bool]]:
    """The status page's list: text key → (the section it is in, whether it names a page it is shown on)."""
    items = {}
    for marker in soup(root, page).select(".translation-status [data-status]"):
        item = marker.find_parent("li")
        items[marker["data-text"]] = (marker["data-status"], item.select_one("a[href]") is not None)
    return items


def check_translation_state_is_shown(root: Path, data_dir: Path) -> dict[str, str]:
    """What a reader and a translator see of data/'s translation state; returns the expected keys that need work."""
    states = text_states(data_dir, published_only=True)
    needs_work = {key: state for key, state in states.items() if state in ("missing", "outdated")}
    shown = notices_shown(root)
    # every notice belongs to a text that needs work, and says what that text's state is
    assert {key: {needs_work.get(key, "no notice expected")} for key in shown} == shown
    for page in STATUS_PAGES:
        items = status_page_items(root, page)
        # the status page lists exactly the texts that need work, and names a page for each text shown with a notice
        assert {key: section for key, (section, _) in items.items()} == needs_work, page
        assert {key for key, (_, named) in items.items() if named} == set(shown), page
    english = soup(root, STATUS_PAGES[0])
    n = counts(states)
    assert english.select_one(".translation-summary").get_text() == (
        f"{len(states)} texts: {n['translated']} translated, {n['missing']} not yet translated, "
        f"{n['outdated']} outdated, {n['unreviewed']} not yet reviewed."
    )
    all_done = "Every text is translated into English" in english.select_one("article").get_text()
    assert all_done == (n["translated"] == len(states))
    # the Vietnamese pages never carry a notice
    for page in all_pages(root):
        if not page.startswith("en/") and page not in STATUS_PAGES:
            assert not soup(root, page).select(".outdated, .untranslated, [data-text]"), page
    return needs_work


def test_every_untranslated_or_outdated_text_of_the_real_data_carries_its_notice(built_site) -> None:
    check_translation_state_is_shown(built_site.root, PROJECT / "data")


def test_the_status_page_is_in_both_languages_and_linked_from_about(soup_of) -> None:
    vietnamese = soup_of("translations/index.html")
    assert vietnamese.html["lang"] == "vi"
    assert vietnamese.select_one("h1").get_text(strip=True) == "Tình trạng bản dịch tiếng Anh"
    assert soup_of("en/translations/index.html").select_one("h1").get_text(strip=True) == "Translation status"
    for about, expected in (("en/about/index.html", "../translations/"), ("about/index.html", "../translations/")):
        links = [a["href"] for a in soup_of(about).select("article a")]
        assert expected in links, (about, links)


# A copy of the real data/ as the press office and a translator leave it on an ordinary day, with made-up updates
# (they never go into data/): one in Vietnamese only; one whose Vietnamese title and body were corrected after they
# were translated, and whose wrong English summary the translator deleted (its en_from left behind). Only files of
# their own are written, so whatever state the real texts are in, they stay as they are.
NEW_UPDATE = "qd-166-2021/tin-tuc/tin-thu-chi-tieng-viet/index.html"
CORRECTED_UPDATE = "qd-166-2021/tin-tuc/tin-thu-da-sua/index.html"
UPDATES = "data/decisions/qd-166-2021/updates"
SCENARIO = {
    f"{UPDATES}/2021-01-16-tin-thu.yaml:title": "missing",
    f"{UPDATES}/2021-01-16-tin-thu.yaml:summary": "missing",
    f"{UPDATES}/2021-01-16-tin-thu.yaml:body": "missing",
    f"{UPDATES}/2021-01-17-tin-thu-da-sua.yaml:title": "outdated",
    f"{UPDATES}/2021-01-17-tin-thu-da-sua.yaml:summary": "missing",
    f"{UPDATES}/2021-01-17-tin-thu-da-sua.yaml:body": "outdated",
}


def corrected_update() -> str:
    """Translated once (en_from of the Vietnamese then), then corrected in Vietnamese; the English summary deleted."""
    then_title, then_body = "Tin thử đã sửa", "Nội dung thử lúc đầu."
    return (
        "date: 2021-01-17\nslug: tin-thu-da-sua\n"
        f"title:\n  vi: Tin thử đã sửa lại\n  en: Corrected test update\n  en_from: {documented_fingerprint(then_title)}\n"
        f"summary:\n  vi: Tóm tắt thử.\n  en_from: {documented_fingerprint('Tóm tắt thử.')}\n"
        f"body:\n  vi: Nội dung thử đã sửa.\n  en: Test text as first written.\n  en_from: {documented_fingerprint(then_body)}\n"
        "groups: [2]\n"
    )


@pytest.fixture(scope="module")
def ordinary_day(tmp_path_factory) -> tuple[BuiltSite, Path, dict[str, str]]:
    """The built copy, its data folder, and the texts needing work in it: the real data's and the scenario's."""
    root = tmp_path_factory.mktemp("ordinary-day")
    data = root / "data"
    shutil.copytree(PROJECT / "data", data)
    real = text_states(data, published_only=True)
    update = update_yaml(
        "2021-01-16", "tin-thu-chi-tieng-viet", "[3]", english=False, body_vi="Nội dung thử, chưa dịch."
    )
    write_update(data, update, "2021-01-16-tin-thu", decision="qd-166-2021")
    write_update(data, corrected_update(), "2021-01-17-tin-thu-da-sua", decision="qd-166-2021")
    expected = {key: state for key, state in real.items() if state in ("missing", "outdated")} | SCENARIO
    return build_site(root / "site", data), data, expected


def test_a_vietnamese_only_update_is_published_with_the_notice_on_its_english_page(ordinary_day) -> None:
    built, _, _ = ordinary_day
    vietnamese = soup(built.root, NEW_UPDATE)
    assert vietnamese.select_one("h1").get_text() == "Tin thử tin-thu-chi-tieng-viet"
    assert not vietnamese.select(".untranslated, .outdated")
    english = soup(built.root, f"en/{NEW_UPDATE}")
    assert english.select_one("h1")["lang"] == "vi"
    assert english.select_one("h1").get_text() == "Tin thử tin-thu-chi-tieng-viet"
    assert english.select_one(".update-untranslated").get_text() == "Not yet translated"
    assert "Nội dung thử, chưa dịch." in english.select_one('article .untranslated[lang="vi"]').get_text()
    listed = [a["href"] for a in soup(built.root, "en/qd-166-2021/tin-tuc/index.html").select(".update-entry h2 a")]
    assert "tin-thu-chi-tieng-viet/" in listed
    # the translation status page and the table of contents name it in Vietnamese, marked for screen readers
    for status in STATUS_PAGES:
        item = soup(built.root, status).select_one(f'[data-text="{UPDATES}/2021-01-16-tin-thu.yaml:title"]')
        link = item.find_parent("li").select_one("a")
        assert link.select_one('span[lang="vi"]').get_text() == link.get_text() == "Tin thử tin-thu-chi-tieng-viet"
    toc = soup(built.root, "en/index.html").select_one('.md-nav__link[href="#update-tin-thu-chi-tieng-viet"]')
    assert toc.select_one('span[lang="vi"]').get_text() == "Tin thử tin-thu-chi-tieng-viet"


def test_a_corrected_update_shows_the_old_english_under_the_outdated_notice(ordinary_day) -> None:
    built, _, _ = ordinary_day
    english = soup(built.root, f"en/{CORRECTED_UPDATE}")
    assert english.select_one("h1").get_text() == "Corrected test update"
    body = english.select_one("article .update-body.outdated")
    assert "The Vietnamese text has changed since this translation." in body.select_one(".outdated__notice").get_text()
    assert body.select("p")[-1].get_text() == "Test text as first written."
    summary = english.select_one('article .untranslated[lang="vi"]')
    assert summary.get_text(" ", strip=True) == "Not yet translated Tóm tắt thử."


def test_on_an_ordinary_day_every_notice_and_the_status_page_match_the_data(ordinary_day) -> None:
    built, data, expected = ordinary_day
    assert check_translation_state_is_shown(built.root, data) == expected
    # each text of the scenario is shown on a page, so the status page links to it
    assert set(SCENARIO) <= set(notices_shown(built.root))


def test_on_an_ordinary_day_make_translations_lists_them_and_only_the_translators_check_fails(ordinary_day, capsys):
    _, data, expected = ordinary_day
    assert main(["--data", str(data), "report"]) == 0
    report = capsys.readouterr().out
    listed = {f"{m[1]}:{m[2]}": m[3] for m in re.finditer(r"^(\S+\.yaml):\d+: (\S+): (\w+) ", report, re.MULTILINE)}
    assert {key: state for key, state in listed.items() if state != "unreviewed"} == expected
    assert main(["--data", str(data), "report", "--check"]) == 1
    capsys.readouterr()
    # the line `make test` prints after the tests, which never fails them
    assert main(["--data", str(data), "report", "--summary"]) == 0
    states = text_states(data)
    n = counts(states)
    assert capsys.readouterr().out == (
        f"Translations: {len(states)} texts: {n['translated']} translated, {n['missing']} missing, "
        f"{n['outdated']} outdated, {n['unreviewed']} unreviewed. `make translations` lists what is left.\n"
    )
