"""Page parts of the design (issue 15) rendered from tiny made-up data: an untranslated update, the group
page's honest source note, the theme's footer and 404 facts."""

from __future__ import annotations

import datetime
import re

from datafixtures import update_yaml, write_data, write_update
from sitegen.content.validate import load_site
from sitegen.pages.chrome import site_chrome
from sitegen.pages.render import render_site

TODAY = datetime.date(2031, 1, 1)


def rendered(data) -> dict[str, str]:
    return {p.file_name: p.markdown for p in render_site(load_site(data, today=TODAY))}


def test_an_untranslated_update_shows_one_notice_and_marks_its_vietnamese(tmp_path) -> None:
    data = write_data(tmp_path, groups=1)
    write_update(data, update_yaml("2030-03-01", "chua-dich", english=False), "2030-03-01-chua-dich")
    page = rendered(data)["qd-1-2030/tin-tuc/chua-dich.en.md"]
    assert page.count("Not yet translated") == 1
    title = re.search(
        r'^# <span lang="vi" data-text="data/decisions/qd-1-2030/updates/2030-03-01-chua-dich.yaml:title">'
        r"Tin thử chua\\?-dich</span> \{#top lang=vi\}$",
        page,
        re.M,
    )
    assert title  # the Vietnamese title is marked as Vietnamese, and for the translation status page
    assert page.index("Not yet translated") < title.start()  # the notice comes first, then the Vietnamese
    body = page[page.index('<div class="untranslated" lang="vi">') :]
    assert "Tóm tắt chua-dich." in body and "Nội dung tin thử." in body
    # a translated update has no notice at all
    write_update(data, update_yaml("2030-03-02", "da-dich"), "2030-03-02-da-dich")
    assert "Not yet translated" not in rendered(data)["qd-1-2030/tin-tuc/da-dich.en.md"]


def test_a_group_page_says_the_source_names_the_group_in_one_sentence_and_links_it(tmp_path) -> None:
    pages = rendered(write_data(tmp_path, groups=2))
    for name, words in (
        ("qd-1-2030/nhom-thu-1.md", "chỉ nêu nhóm nhiệm vụ này trong một câu"),
        ("qd-1-2030/nhom-thu-1.en.md", "names this task group in one sentence only"),
    ):
        note = re.search(r'<p class="source-note" id="source-note">(.*?)</p>', pages[name])
        assert note and words in note[1]
        assert re.search(r'<a href="https://[^"]+" rel="external">', note[1])
    # citing and sharing come last, folded
    page = pages["qd-1-2030/nhom-thu-1.en.md"]
    assert page.index('<details class="cite-share') > page.index('<nav class="group-neighbours')


def test_the_header_and_footer_facts_come_from_the_data(tmp_path) -> None:
    site = load_site(write_data(tmp_path, groups=2), today=TODAY)
    names = {"vi": "Quyết định 1/QĐ-TEST – Tỉnh thử", "en": "Decision 1/QĐ-TEST – Test Province"}
    chrome = site_chrome(site, datetime.date(2030, 2, 3), names)
    decision = site.decisions[0]
    for lang in ("vi", "en"):  # addresses from the language's root: the footer adds the engine's own root
        assert chrome[lang]["source_url"] == decision.source.url
        assert chrome[lang]["last_changed"] == "2030-02-03"
        assert chrome[lang]["about_path"] == "about/" and chrome[lang]["feed_path"] == "feed.xml"
        assert chrome[lang]["open_data_path"] == "qd-1-2030/decision.json"
    assert chrome["vi"]["last_changed_text"] == "03/02/2030" and chrome["en"]["last_changed_text"] == "3 February 2030"
    # the header's name in two parts: a phone shows the first only
    assert (chrome["en"]["name_first"], chrome["en"]["name_rest"]) == ("Decision 1/QĐ-TEST", " – Test Province")
    assert site_chrome(site, None, {"vi": "Tên", "en": "Name"})["en"]["name_rest"] == ""


def test_the_footer_date_is_when_the_data_was_committed_and_none_is_claimed_for_uncommitted_data() -> None:
    from sitegen.pages.generate import content_last_changed
    from sitegen.project import PROJECT_DIR

    site = load_site(PROJECT_DIR / "data")
    decision = site.decisions[0]
    files = [decision.data_file, *(g.data_file for g in decision.groups), *(u.data_file for u in decision.updates)]
    committed = {f: datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC) for f in files}
    committed[files[-1]] = datetime.datetime(2026, 5, 2, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    # the newest commit wins, as a UTC day; the decision's own date (2021) is not a change date
    assert content_last_changed(site, committed) == datetime.date(2026, 5, 1)
    del committed[files[0]]  # a data file with uncommitted edits: no date is better than a wrong one
    assert content_last_changed(site, committed) is None
