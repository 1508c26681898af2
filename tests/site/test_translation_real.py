"""The real site: fully translated, so no notice anywhere, and a status page saying so in both languages."""

from __future__ import annotations

from pathlib import Path

from test_translations_data import bilingual_texts_in

TEXTS = bilingual_texts_in(Path(__file__).resolve().parents[2] / "data")


def test_no_english_page_of_the_real_site_carries_a_translation_notice(soup_of, vietnamese_pages) -> None:
    for page in vietnamese_pages:
        english = soup_of(f"en/{page}")
        assert not english.select("article .outdated, article .untranslated, article [data-text]"), page


def test_status_page_says_every_text_is_translated_and_is_linked_from_about(soup_of) -> None:
    english = soup_of("en/translations/index.html")
    assert english.select_one(".translation-summary").get_text() == (
        f"{TEXTS} texts: {TEXTS} translated, 0 not yet translated, 0 outdated, 0 not yet reviewed."
    )
    assert "Every text is translated into English" in english.select_one("article").get_text()
    assert not english.select(".translation-status")
    vietnamese = soup_of("translations/index.html")
    assert vietnamese.html["lang"] == "vi"
    assert vietnamese.select_one("h1").get_text(strip=True) == "Tình trạng bản dịch tiếng Anh"
    for about, expected in (("en/about/index.html", "../translations/"), ("about/index.html", "../translations/")):
        links = [a["href"] for a in soup_of(about).select("article a")]
        assert expected in links, (about, links)
