"""The editor's saves look hand-written: schema key order, block scalars, unchanged parts kept byte for byte."""

from __future__ import annotations

import datetime

import pytest
import yaml
from sitegen.tools.editor_yaml import NotAnUpdate, normalise_update
from sitehelpers import PROJECT

REAL = PROJECT / "data" / "decisions" / "qd-166-2021" / "updates" / "2021-01-15-ban-hanh-quyet-dinh.yaml"


def as_decap_sends(data: dict) -> str:
    """Another YAML writer's style: keys in another order, block lists, quoted strings, long lines."""
    return yaml.safe_dump(dict(reversed(list(data.items()))), allow_unicode=True, width=1000, default_style=None)


def test_an_unchanged_entry_is_written_back_byte_for_byte() -> None:
    original = REAL.read_text(encoding="utf-8")
    assert normalise_update(as_decap_sends(yaml.safe_load(original)), original) == original


def test_changing_one_english_text_changes_only_that_field() -> None:
    original = REAL.read_text(encoding="utf-8")
    data = yaml.safe_load(original)
    title = dict(data["title"])
    data["title"]["en"] = "A new English title"
    data["title"].pop("en_from", None)  # the editor does not show it; it must survive
    written = normalise_update(as_decap_sends(data), original)
    if "en" in title:
        old_line = f"  en: {title['en']}\n"
        assert written == original.replace(old_line, "  en: A new English title\n")
    else:  # the English waits for its translator (issue 13 §6): the new line goes under the Vietnamese
        vi_line = f"  vi: {title['vi']}\n"
        assert written == original.replace(vi_line, vi_line + "  en: A new English title\n", 1)


# made-up: a summary whose English a translator deleted by hand, leaving its en_from behind (issue 13 §6)
ENGLISH_DELETED = """\
date: 2021-02-01
slug: tin-thu
title:
  vi: Tin thử
  en: Test update
  en_from: 1a2b3c4d
summary:
  vi: >-
    Một đoạn tóm tắt thử khá dài, gói thành nhiều dòng theo cách của người viết, không theo
    cách của bộ soạn thảo.
  en_from: 0badf00d
body:
  vi: |
    Nội dung thử.
groups: [1]
"""


def test_a_field_whose_english_was_deleted_by_hand_is_kept_byte_for_byte() -> None:
    """The editor drops a left-behind `en_from` only in a field it writes anew, never re-wrapping the Vietnamese."""
    sent = as_decap_sends(yaml.safe_load(ENGLISH_DELETED))
    assert normalise_update(sent, ENGLISH_DELETED) == ENGLISH_DELETED


def test_a_new_update_gets_the_schema_order_and_block_scalars() -> None:
    raw = as_decap_sends(
        {
            "date": "2021-02-01",
            "slug": "hop-bao",
            "draft": True,
            "title": {"vi": "Họp báo: kết quả quý I", "en": ""},
            "summary": {"vi": "Một câu tóm tắt."},
            "body": {"vi": "Đoạn một.\n\nĐoạn hai:\n- mục một\n- mục hai"},
            "groups": ["3", 1],
            "source": {"publisher": {"vi": "", "en": ""}, "url": ""},
        }
    )
    written = normalise_update(raw)
    assert written.splitlines()[1:] == [
        "date: 2021-02-01",
        "slug: hop-bao",
        "draft: true",
        "title:",
        '  vi: "Họp báo: kết quả quý I"',
        "summary:",
        "  vi: Một câu tóm tắt.",
        "body:",
        "  vi: |",
        "    Đoạn một.",
        "",
        "    Đoạn hai:",
        "    - mục một",
        "    - mục hai",
        "groups: [3, 1]",
    ]
    assert written.startswith("# ")
    assert yaml.safe_load(written)["date"] == datetime.date(2021, 2, 1)


def test_publishing_removes_the_draft_line_and_keeps_keys_the_editor_does_not_show() -> None:
    original = "date: 2021-02-01\ntime: '15:30'\nslug: a\ndraft: true\ntitle:\n  vi: A\nsummary:\n  vi: B\nbody:\n  vi: C\ngroups: [1]\nnote: kept\n"
    data = yaml.safe_load(original)
    data["draft"] = False
    del data["time"], data["note"]
    written = normalise_update(as_decap_sends(data), original)
    assert written == original.replace("draft: true\n", "")


def test_a_long_paragraph_is_folded_and_reads_back_the_same() -> None:
    long = " ".join(["Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành thực hiện nhiệm vụ."] * 4)
    written = normalise_update(as_decap_sends({"date": "2021-02-01", "summary": {"vi": long}}))
    assert "  vi: >-\n    " in written
    assert all(len(line) <= 88 for line in written.splitlines())
    assert yaml.safe_load(written)["summary"]["vi"] == long


def test_what_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(NotAnUpdate):
        normalise_update("- a\n- b\n")
