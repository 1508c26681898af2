from __future__ import annotations

import unicodedata

import pytest
from sitegen.content.slugs import fold, slugify


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đầu tư công", "dau-tu-cong"),  # đ folds to d, not dropped as Python-Markdown does
        ("Ngân sách nhà nước", "ngan-sach-nha-nuoc"),
        ("Quyết định số 166/QĐ-UBND", "quyet-dinh-so-166-qd-ubnd"),
        ("  (GRDP) 7 - 7,5% ", "grdp-7-7-5"),
        ("sức khoẻ", "suc-khoe"),
        ("sức khỏe", "suc-khoe"),
    ],
)
def test_slugify_gives_ascii_anchors(text: str, expected: str) -> None:
    assert slugify(text, "-") == expected
    assert slugify(text).isascii()


def test_fold_treats_both_tone_mark_placements_and_nfd_alike() -> None:
    variants = ["hoá", "hóa", unicodedata.normalize("NFD", "hoá"), "HÓA"]
    assert {fold(v) for v in variants} == {"hoa"}
