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


def update_yaml(
    date: str,
    slug: str,
    groups: str = "[1]",
    english: bool = True,
    time: str | None = None,
    draft: bool = False,
    body_vi: str = "Nội dung tin thử.",
) -> str:
    """A made-up press-office update (issue 5); `english=False` leaves it untranslated."""
    lines = [f"date: {date}", f"slug: {slug}"]
    if time:
        lines.append(f"time: '{time}'")
    if draft:
        lines.append("draft: true")
    title_en = f"\n  en: Test update {slug}" if english else ""
    summary_en = f"\n  en: Summary of {slug}." if english else ""
    body_en = "\n  en: |\n    English body of the test update." if english else ""
    lines.append(f"title:\n  vi: Tin thử {slug}{title_en}")
    lines.append(f"summary:\n  vi: Tóm tắt {slug}.{summary_en}")
    body = "\n".join(f"    {line}" if line else "" for line in body_vi.splitlines())
    lines.append(f"body:\n  vi: |\n{body}{body_en}")
    lines.append(f"groups: {groups}")
    return "\n".join(lines) + "\n"


def write_update(data: Path, text: str, name: str, decision: str = "qd-1-2030") -> Path:
    folder = data / "decisions" / decision / "updates"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path
