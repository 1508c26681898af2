"""Stable anchors on the built decision and group pages: every heading and paragraph, same in both languages."""

from __future__ import annotations

NOTICE_BLOCKS = "div.untranslated[id], div.outdated[id]"


def text_block(anchor: str) -> str:
    """A text's paragraph, or its block under the notice while its English is missing or outdated (issue 13 §6)."""
    return f"p#{anchor}, div.untranslated#{anchor}, div.outdated#{anchor}"


def reading_pages(vietnamese_pages: list[str]) -> list[str]:
    # the decision and its groups; the press updates (tin-tuc/) are news, not the decision's text
    return [p for p in vietnamese_pages if p.startswith("qd-166-2021/") and "/tin-tuc/" not in p]


def test_every_heading_and_paragraph_has_an_anchor_shared_by_both_languages(soup_of, vietnamese_pages) -> None:
    pages = reading_pages(vietnamese_pages)
    assert len(pages) == 10  # the decision and its nine groups
    for page in pages:
        anchors = {}
        for prefix in ("", "en/"):
            article = soup_of(prefix + page).select_one("article")
            # a text waiting for its translator, or outdated, is one block under its notice, anchored as a whole
            blocks = article.select(f"h1, h2, h3, p, {NOTICE_BLOCKS}")
            missing = [
                str(tag)[:80]
                for tag in blocks
                if not tag.get("id")
                and "translation-banner" not in tag.get("class", [])
                # an untranslated or outdated text's notice and paragraphs share the anchor of their block
                and not tag.find_parent(class_=("untranslated", "outdated"), id=True)
            ]
            assert not missing, (prefix + page, missing)
            anchors[prefix] = [tag["id"] for tag in blocks if tag.get("id")]
        assert anchors[""] == anchors["en/"], page


def test_group_pages_have_the_anchors_a_shared_link_points_at(soup_of) -> None:
    for prefix in ("", "en/"):
        group = soup_of(f"{prefix}qd-166-2021/ngan-sach-nha-nuoc/index.html")
        assert group.select_one("h1#group-3") and group.select_one(text_block("text-1")) and group.select_one("#cite")
        decision = soup_of(f"{prefix}qd-166-2021/index.html")
        for n in range(1, 10):
            assert decision.select_one(f"h3#group-{n}") and decision.select_one(text_block(f"group-{n}-text")), n
