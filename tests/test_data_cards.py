"""The home page's cards in the real data/: every group has a bundled icon and a one-line excerpt of its text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitegen.content.icons import icon_file
from sitegen.content.validate import load_site

PROJECT = Path(__file__).resolve().parents[1]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def groups():
    [decision] = load_site(PROJECT / "data").decisions
    return decision.groups


def test_every_group_has_an_icon_from_the_bundled_sets(groups) -> None:
    for group in groups:
        assert group.icon and icon_file(group.icon) is not None, group.number
    assert len({g.icon for g in groups}) == len(groups), "each card should look different"


def test_every_summary_is_the_groups_own_words_in_both_languages(groups) -> None:
    for group in groups:
        assert group.summary and group.summary.vi, group.number  # its English may follow later (issue 13 §6)
        words, text = squash(group.summary.vi), squash(group.text.vi)
        # an excerpt may start mid-sentence, so only its first letter's case may differ from the text
        assert words in text or words[0].lower() + words[1:] in text, f"group {group.number}: not an excerpt"
        for summary in filter(None, (group.summary.vi, group.summary.en)):
            assert len(summary) <= 120, f"group {group.number}: a card's summary is one line, not a paragraph"
