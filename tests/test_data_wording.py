"""Wording corrections of issue 13, each checked against the source article and its glossary (source/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitegen.content.translation import iter_texts
from sitegen.content.validate import load_site
from sitegen.pages.labels import LABELS, citation, label
from test_data import squash

PROJECT = Path(__file__).resolve().parents[1]
SOURCE_DIR = PROJECT / "data" / "decisions" / "qd-166-2021" / "source"
SOURCE = re.sub(r"\s+", " ", (SOURCE_DIR / "article.txt").read_text(encoding="utf-8"))
GLOSSARY = (SOURCE_DIR / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def decision():
    [decision] = load_site(PROJECT / "data").decisions
    return decision


def english_texts(decision) -> list[str]:
    return [squash(text.en) for text in iter_texts(decision) if text.en]


def has_english(*texts) -> bool:
    """A wording check holds once the text has English: a translation may follow the Vietnamese (issue 13 §6)."""
    return all(text.en is not None for text in texts)


def publication(decision):
    """The real update reporting the decision's publication (the press office may add others)."""
    [update] = [u for u in decision.updates if u.slug == "ban-hanh-quyet-dinh"]
    return update


def test_the_motto_keeps_all_four_phrases(decision) -> None:
    assert "sáng tạo bứt phá" in SOURCE and "sáng tạo bứt phá" in decision.motto.vi
    if has_english(decision.motto):
        assert decision.motto.en.endswith("act resolutely, be creative and make breakthroughs")
    update = publication(decision)
    if has_english(update.body):
        assert "be creative and make breakthroughs" in squash(update.body.en)


def test_group_2_speaks_of_objectives_as_the_source_does(decision) -> None:
    group = decision.groups[1]
    assert "mục tiêu phát triển KT" in SOURCE and "chỉ tiêu phát triển" not in SOURCE  # mục tiêu, not chỉ tiêu
    assert "| mục tiêu tổng quát | overall objective |" in GLOSSARY
    for text in (group.title, group.text, group.summary):
        if has_english(text):
            assert "objectives" in text.en and "target" not in text.en


def test_group_6_card_starts_where_the_text_starts_and_names_human_resources(decision) -> None:
    group = decision.groups[5]
    assert squash(group.text.vi).startswith(group.summary.vi)
    assert "nguồn nhân lực" in group.summary.vi
    if has_english(group.summary):
        assert "human resources" in group.summary.en
    # the English keeps the Vietnamese sentence: one verb (nâng cao), the rest linked to it (gắn với)
    if has_english(group.text):
        assert squash(group.text.en).startswith("Improve the quality of human resources, linked to innovation and to")
        assert "develop and apply" not in group.text.en


def test_group_9_states_no_purpose_the_vietnamese_does_not(decision) -> None:
    group = decision.groups[8]
    assert "tăng cường thông tin, truyền thông, tạo niềm tin, đồng thuận xã hội" in SOURCE  # a list, no "để"
    if not has_english(group.text):
        return
    assert " to build trust" not in squash(group.text.en)
    assert squash(group.text.en).startswith(
        "Strengthen information and communication, build trust and social consensus;"
    )


def test_group_1_renders_dong_bo_as_coordinated(decision) -> None:
    group = decision.groups[0]
    assert "nghiêm túc, đồng bộ, quyết liệt" in SOURCE
    if has_english(group.text):
        assert "consistently" not in group.text.en and "seriously, in a coordinated way and resolutely" in squash(
            group.text.en
        )


def test_the_people_is_not_capitalised_in_english(decision) -> None:
    for text in english_texts(decision):
        assert not re.search(r"\bPeople\b(?!'s Committee)", text), text
    if has_english(decision.objective):  # "sức khoẻ Nhân dân"
        assert "the people's health" in squash(decision.objective.en)


def test_the_title_says_directing_and_administering(decision) -> None:
    for text in english_texts(decision):
        assert "the direction and administration of" not in text
    for text in (decision.title, decision.source.headline):
        if has_english(text):
            assert "for directing and administering the implementation of" in squash(text.en)


def test_the_objective_restores_socio_economic_activity_and_implements_effectively(decision) -> None:
    if not has_english(decision.objective):
        return
    objective = squash(decision.objective.en)
    assert "restore socio-economic activity affected by the Covid-19 epidemic" in objective
    assert "effectively implement social security policies" in objective
    assert "well;" not in objective


def test_card_1_does_not_start_with_both(decision) -> None:
    summary = decision.groups[0].summary
    assert summary.vi.startswith("Vừa phòng chống dịch bệnh vừa phục hồi")  # vừa … vừa: the excerpt is the source's
    if has_english(summary):
        assert not summary.en.startswith("Both") and summary.en.startswith("Prevent and control the epidemic while")


def test_english_labels_name_fields_as_documents_do() -> None:
    assert (label("en", "author"), label("en", "date"), label("en", "doc_type")) == (
        "Byline",
        "Date of issue",
        "Document type",
    )


def test_the_groups_heading_is_the_sources_own() -> None:
    assert "Các nhiệm vụ và giải pháp chủ yếu:" in SOURCE
    assert label("vi", "task_groups") == "Các nhiệm vụ và giải pháp chủ yếu"
    assert label("en", "task_groups") == "Key tasks and solutions"  # glossary: nhiệm vụ, giải pháp chủ yếu


def test_no_label_calls_the_site_the_official_or_full_text() -> None:
    for lang, labels in LABELS.items():
        for key, text in labels.items():
            for promise in ("văn bản chính thức", "Toàn văn mục tiêu", "Xem nội dung quyết định", "authoritative"):
                assert promise not in text, (lang, key)
            assert text not in ("Read the decision", "The overall objective in full"), (lang, key)
    assert "không phải toàn văn" in label("vi", "site_intro") and "bản gốc" in label("vi", "site_intro")
    assert "as reported by the Office" in label("en", "site_intro")  # the banner above it says the rest


def test_the_translation_note_says_original_and_as_reported(decision) -> None:
    note = decision.translation_note
    assert "bản gốc" in note.vi and "không phải toàn văn quyết định" in note.vi and "Văn phòng UBND" in note.vi
    assert "văn bản chính thức" not in note.vi
    if has_english(note):
        assert "Vietnamese is the original" in note.en and "not the decision's full text" in note.en
        assert "Office of the Provincial People's Committee" in note.en and "unofficial translation" in note.en
        assert "authoritative" not in note.en


def test_citations_read_as_vietnamese_readers_cite(decision) -> None:
    group = decision.groups[2]
    assert citation(decision, "vi") == (
        "Quyết định số 166/QĐ-UBND ngày 15/01/2021 của Ủy ban nhân dân tỉnh Lạng Sơn về nhiệm vụ, giải pháp chủ yếu "
        "chỉ đạo, điều hành thực hiện Kế hoạch phát triển kinh tế - xã hội và dự toán ngân sách nhà nước năm 2021"
    )
    assert citation(decision, "vi", group).endswith(
        "năm 2021, nhóm nhiệm vụ 3 (đánh số theo thứ tự trong bài viết của Văn phòng UBND tỉnh Lạng Sơn): "
        "Quản lý, điều hành ngân sách nhà nước"
    )
    quoted = (decision.doc_type, decision.issuer, decision.title, decision.source.publisher, group.title)
    if not has_english(*quoted):
        return  # the English citation quotes these texts: until they are translated, it quotes the Vietnamese
    assert citation(decision, "en") == (
        "Decision No. 166/QĐ-UBND dated 15 January 2021 of the Lạng Sơn Provincial People's Committee on the key "
        "tasks and solutions for directing and administering the implementation of the 2021 socio-economic "
        "development plan and state budget estimate"
    )
    assert citation(decision, "en", group).endswith(
        "estimate, task group 3 (numbered in the order of the article of the Office of the Lạng Sơn Provincial "
        "People's Committee): State budget management and administration"
    )
