"""search-engine.js's own functions, run in Chromium: its fold must equal sitegen.slugs.fold on one table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitegen.content.slugs import fold

pytestmark = pytest.mark.browser

CASES = json.loads((Path(__file__).parents[1] / "search_fold_cases.json").read_text(encoding="utf-8"))["cases"]
# Latin letters and their marks, Vietnamese included (Latin Extended Additional), and the combining marks
RANGES = [(0x20, 0x24F), (0x300, 0x36F), (0x1E00, 0x1EFF)]


@pytest.fixture(scope="module")
def search_js(browser, site_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url + "/")
    page.locator("#site-search-input").focus()  # search-engine.js is loaded on first use
    page.wait_for_function("() => window.siteSearch")
    yield page
    context.close()


def test_js_fold_matches_the_shared_table(search_js) -> None:
    inputs = [text for text, _ in CASES]
    expected = [folded for _, folded in CASES]
    assert search_js.evaluate("texts => texts.map(siteSearch.fold)", inputs) == expected


def test_js_fold_equals_python_fold_on_every_latin_and_vietnamese_character(search_js) -> None:
    chars = [chr(c) for start, end in RANGES for c in range(start, end + 1)]
    # each character alone, and after a base letter (a combining mark needs something to attach to)
    texts = chars + ["a" + c for c in chars]
    js = search_js.evaluate("texts => texts.map(siteSearch.fold)", texts)
    differing = [(t, py, j) for t, py, j in zip(texts, [fold(t) for t in texts], js, strict=True) if py != j]
    assert differing == []


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("hóa", "hoá", True),
        ("khỏe", "khoẻ", True),
        ("Hòa", "hoà", True),
        ("thuỷ", "thủy", True),
        ("hoá", "\u0068\u006f\u0061\u0301", True),  # decomposed input
        ("hóa", "hoa", False),
        ("mới", "môi", False),
        ("đi", "di", False),
    ],
)
def test_exact_key_ignores_only_where_the_tone_mark_sits(search_js, one, other, same) -> None:
    keys = search_js.evaluate("words => words.map(siteSearch.exactKey)", [one, other])
    assert (keys[0] == keys[1]) is same


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("budgets", "budget"),
        ("budget", "budget"),
        ("budgeting", "budget"),
        ("policies", "policy"),
        ("activities", "activity"),
        ("improved", "improv"),
        ("improve", "improv"),
        ("planned", "plan"),
        ("process", "process"),
        ("focus", "focus"),
        ("gdp", "gdp"),
    ],
)
def test_english_stemmer(search_js, word, stem) -> None:
    assert search_js.evaluate("siteSearch.stemEnglish", word) == stem
