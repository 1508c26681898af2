"""The folding table that search.js's `fold` must reproduce (tests/site/test_search_js.py runs it there)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from sitegen.content.slugs import fold

CASES = json.loads((Path(__file__).parents[1] / "search_fold_cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fold_matches_the_shared_table(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_the_table_covers_what_readers_type() -> None:
    inputs = [text for text, _ in CASES]
    assert any(unicodedata.normalize("NFC", text) != text for text in inputs)  # pasted in decomposed form
    assert {"khỏe", "khoẻ", "hóa", "hoá"} <= set(inputs)
    assert any("Đ" in text or "đ" in text for text in inputs)
