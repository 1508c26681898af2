"""Tiny made-up data sets for tests. Invented on purpose: they never go into the real data/."""

from __future__ import annotations

from pathlib import Path

DECISION_YAML = """\
type: {vi: Quyết định, en: Decision}
number: 1/QĐ-TEST
date: 2030-02-03
issuer: {vi: Cơ quan thử, en: Test body}
title: {vi: Tiêu đề thử, en: Test title}
summary: {vi: Tóm tắt thử., en: Test summary.}
motto: {vi: khẩu hiệu thử, en: test motto}
objective: {vi: 'Mục tiêu thử đạt 1 - 2,5%.', en: 'Test objective of 1–2.5%.'}
growth_target:
  indicator: {vi: Chỉ tiêu thử, en: Test indicator}
  year: 2030
  low_percent: 1
  high_percent: 2.5
source:
  publisher: {vi: Nơi đăng thử, en: Test publisher}
  url: https://example.test/article
  author: Người viết thử
  headline: {vi: Tin thử, en: Test news}
translation_note: {vi: Ghi chú dịch thử., en: Test translation note.}
"""


def group_yaml(number: int, slug: str | None = None, title_en: str | None = "Group title") -> str:
    slug = slug or f"nhom-thu-{number}"
    english = f", en: {title_en} {number}" if title_en else ""
    text_en = ", en: English text." if title_en else ""
    return f"number: {number}\nslug: {slug}\ntitle: {{vi: Nhóm thử {number}{english}}}\ntext: {{vi: Nội dung thử {number}.{text_en}}}\n"


def write_data(root: Path, groups: int = 3, decision: str = "qd-1-2030", decision_yaml: str = DECISION_YAML) -> Path:
    """A valid data folder with one decision and `groups` task groups; returns the `data` folder."""
    data = root / "data"
    folder = data / "decisions" / decision
    (folder / "groups").mkdir(parents=True)
    (folder / "decision.yaml").write_text(decision_yaml, encoding="utf-8")
    for number in range(1, groups + 1):
        (folder / "groups" / f"{number:02d}.yaml").write_text(group_yaml(number), encoding="utf-8")
    return data
