"""The real data/: the decision as the source article reports it, nine groups, both languages."""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path

import pytest
import yaml
from sitegen.content.validate import load_site

PROJECT = Path(__file__).resolve().parents[1]
# the Office's article, kept in the repository with its provenance (data/decisions/qd-166-2021/source/)
SOURCE_DIR = PROJECT / "data" / "decisions" / "qd-166-2021" / "source"
SOURCE = (SOURCE_DIR / "article.txt").read_text(encoding="utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def decision():
    [decision] = load_site(PROJECT / "data").decisions
    return decision


def test_the_decision_is_the_one_the_source_reports(decision) -> None:
    assert decision.slug == "qd-166-2021"
    assert decision.number == "166/QĐ-UBND"
    assert decision.date == datetime.date(2021, 1, 15)
    assert "Quyết định số 166/QĐ-UBND, ngày 15/01/2021" in SOURCE
    # the source writes "UBND tỉnh" (Lạng Sơn's portal); the site spells out the glossary's Ủy ban nhân dân (UBND)
    assert decision.issuer.vi == "Ủy ban nhân dân tỉnh Lạng Sơn" and "UBND tỉnh có Quyết định số 166/QĐ-UBND" in SOURCE
    assert "| Ủy ban nhân dân (UBND) tỉnh | Provincial People's Committee |" in (SOURCE_DIR / "README.md").read_text(
        encoding="utf-8"
    )
    assert (decision.growth_target.low_percent, decision.growth_target.high_percent) == (7, 7.5)
    assert decision.growth_target.year == 2021
    assert "từ 7 - 7,5%" in SOURCE


def test_vietnamese_texts_are_the_sources_own_words(decision) -> None:
    source = squash(SOURCE)
    for text in (decision.motto.vi, decision.objective.vi, decision.summary.vi, decision.source.headline.vi):
        assert squash(text) in source
    assert decision.source.author in source


def test_nine_groups_in_the_sources_order_with_its_words(decision) -> None:
    source = squash(SOURCE)
    assert [g.number for g in decision.groups] == list(range(1, 10))
    assert len({g.slug for g in decision.groups}) == 9
    positions = []
    for group in decision.groups:
        words = squash(group.text.vi).removesuffix(".")
        # the page capitalises the first letter of each item of the source's semicolon list
        found = source.find(words) if words in source else source.find(words[0].lower() + words[1:])
        assert found >= 0, f"group {group.number}'s Vietnamese text is not the source's wording"
        positions.append(found)
    assert positions == sorted(positions)


def test_every_text_has_its_vietnamese_and_english_is_never_a_copy_of_it(decision) -> None:
    """The English may follow later (issue 13 §6): test_translations_data.py checks its state is reported."""
    texts = [decision.doc_type, decision.issuer, decision.title, decision.summary, decision.motto, decision.objective]
    texts += [decision.growth_target.indicator, decision.source.publisher, decision.source.headline]
    texts += [decision.translation_note]
    for group in decision.groups:
        texts += [group.title, group.text]
    for text in texts:
        assert text.vi, text
        assert text.en is None or text.vi != text.en or text.vi.isascii(), text


def test_english_uses_the_glossary_terms(decision) -> None:
    # each check holds once the text has English: a translation may follow the Vietnamese later (issue 13 §6)
    if decision.issuer.en is not None:
        assert decision.issuer.en == "Lạng Sơn Provincial People's Committee"
    if decision.objective.en is not None:
        assert "7–7.5%" in decision.objective.en and "(GRDP)" in decision.objective.en
    if decision.groups[0].text.en is not None:
        assert "dual goal" in decision.groups[0].text.en and "new normal" in decision.groups[0].text.en
    if decision.translation_note.en is not None:
        assert "unofficial translation" in decision.translation_note.en


def test_the_source_article_is_kept_unchanged_with_its_provenance(decision) -> None:
    provenance = yaml.safe_load((SOURCE_DIR / "provenance.yaml").read_text(encoding="utf-8"))
    raw = (SOURCE_DIR / provenance["file"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == provenance["sha256"], "article.txt was edited"
    # the site's own record of its source names the same article, publisher and author
    assert provenance["url"] == decision.source.url
    assert provenance["author"] == decision.source.author
    assert provenance["publisher"] == decision.source.publisher.vi
    assert decision.source.publisher.en in (None, provenance["publisher_en"])
    assert squash(provenance["headline"]) == squash(decision.source.headline.vi)
    assert "not the decision" in provenance["kind"]
    assert provenance["reports"] == {"number": decision.number, "date": decision.date, "issuer": decision.issuer.vi}
    assert provenance["publication_date"] is None  # the article prints none: nothing on the site may claim one


def test_group_texts_change_the_articles_list_only_as_the_wording_note_says(decision) -> None:
    """Each group's Vietnamese is one item of the article's semicolon list, with a capital first letter and a
    final full stop and nothing else changed: what the note under the groups tells readers."""
    from sitegen.pages.labels import label

    paragraph = next(line for line in SOURCE.splitlines() if line.startswith("Các nhiệm vụ và giải pháp chủ yếu: "))
    items = paragraph.removeprefix("Các nhiệm vụ và giải pháp chủ yếu: ").removesuffix(".").split("; ")
    assert len(items) == len(decision.groups) == 9
    for item, group in zip(items, decision.groups, strict=True):
        assert squash(group.text.vi) == item[:1].upper() + item[1:] + ".", group.number
    note_vi, note_en = label("vi", "group_wording_note"), label("en", "group_wording_note")
    assert "viết hoa chữ cái đầu" in note_vi and "dấu chấm cuối câu" in note_vi
    assert "capitalised the first letter" in note_en and "final full stop" in note_en
    for note in (note_vi, note_en):  # the numbers and the cards' summaries are the site's, and it says so
        assert ("Số thứ tự" in note or "group numbers" in note) and ("tóm tắt" in note or "summaries" in note)
