"""The real press-office update in data/: the decision's publication, told in the source's own words."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen.content.validate import load_site

PROJECT = Path(__file__).resolve().parents[1]
# the Office's article, kept in the repository with its provenance (data/decisions/qd-166-2021/source/)
SOURCE_DIR = PROJECT / "data" / "decisions" / "qd-166-2021" / "source"
SOURCE = (SOURCE_DIR / "article.txt").read_text(encoding="utf-8")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


PUBLICATION = "data/decisions/qd-166-2021/updates/2021-01-15-ban-hanh-quyet-dinh.yaml"


def publication(decision):
    """The first real update (the press office adds its own later, each from its own source)."""
    [update] = [u for u in decision.updates if u.slug == "ban-hanh-quyet-dinh"]
    return update


def test_the_first_update_is_the_decisions_publication() -> None:
    [decision] = load_site(PROJECT / "data").decisions
    update = publication(decision)
    assert update.slug == "ban-hanh-quyet-dinh" and not update.draft
    assert update.date == decision.date  # the decision's date, which the source states
    assert update.groups == tuple(range(1, 10))
    assert update.source.url == decision.source.url == "https://vanphong.langson.gov.vn/vi/node/64199"
    assert update.source.author == "Thùy Linh" and update.source.publisher == decision.source.publisher
    assert update.source.headline == decision.source.headline


def test_its_vietnamese_is_the_sources_own_words_and_its_english_names_the_decision() -> None:
    [decision] = load_site(PROJECT / "data").decisions
    update = publication(decision)
    source = squash(SOURCE)
    assert squash(update.summary.vi) in source
    for paragraph in update.body.vi.split("\n\n"):
        assert squash(paragraph) in source, paragraph
    for text in (update.title, update.summary, update.body):
        assert text.vi  # the English may follow later (issue 13 §6): tests/test_translations_data.py
    assert "166/QĐ-UBND" in update.title.vi
    assert update.title.en is None or "166/QĐ-UBND" in update.title.en


def test_it_names_no_date_the_source_does_not_give() -> None:
    raw = (PROJECT / PUBLICATION).read_text(encoding="utf-8")  # later updates name the dates of their own sources
    assert set(re.findall(r"\b\d{1,2}/\d{1,2}/\d{4}\b", raw)) <= {"15/01/2021"}
    assert set(re.findall(r"\b\d{4}-\d{2}-\d{2}\b", raw)) == {"2021-01-15"}
