"""Printing: a task group or the decision comes out of headless Chromium as a clean A4 document."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader
from sitegen.content.validate import load_site
from sitegen.pages.labels import citation
from sitehelpers import PROJECT

pytestmark = pytest.mark.browser

A4_POINTS = (595.92, 842.88)
CHROME = ".md-header, .md-sidebar, .md-footer, .site-search, .md-top, .md-skip, .group-neighbours"


@pytest.fixture(scope="module")
def decision():
    return load_site(PROJECT / "data").decisions[0]


def printed_text(page, url: str) -> tuple[str, list[PdfReader]]:
    page.goto(url)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return squeeze(text), reader


def squeeze(text: str) -> str:
    """Text compared without white space: PDF text extraction puts spaces inside Vietnamese words
    (`Quy ế t`) and breaks lines anywhere; NFKC undoes the font's ligatures (ﬁ, ﬃ)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", unicodedata.normalize("NFKC", text)))


@pytest.mark.parametrize(("lang", "prefix"), [("vi", ""), ("en", "/en")])
def test_a_task_group_prints_as_one_clean_a4_page(page, site_url, decision, lang, prefix) -> None:
    group = decision.groups[2]
    url = f"{site_url}{prefix}/{decision.slug}/{group.slug}/"
    text, reader = printed_text(page, url)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_POINTS
    assert squeeze(group.title.best(lang)[0]) in text and squeeze(group.text.best(lang)[0]) in text
    assert squeeze(citation(decision, lang, group)) in text  # which document this is part of
    assert squeeze(decision.source.url) in text and squeeze(url) in text  # where it comes from, where it lives
    for chrome in ("Tìm kiếm", "Search", "Made with", "Material for MkDocs", "Nhóm sau", "Next group"):
        assert squeeze(chrome) not in text, chrome


@pytest.mark.parametrize(("lang", "prefix"), [("vi", ""), ("en", "/en")])
def test_the_decision_prints_whole_with_its_metadata_and_groups(page, site_url, decision, lang, prefix) -> None:
    url = f"{site_url}{prefix}/{decision.slug}/"
    text, reader = printed_text(page, url)
    assert len(reader.pages) <= 4
    for fact in (
        decision.number,
        decision.issuer.best(lang)[0],
        decision.motto.best(lang)[0],
        decision.source.url,
        url,
    ):
        assert squeeze(fact) in text, fact
    for group in decision.groups:
        assert squeeze(group.text.best(lang)[0]) in text
    if lang == "en":
        assert "unofficialtranslation" in text
    assert "Tìmkiếm" not in text and "Search" not in text


def test_print_hides_the_chrome_and_shows_print_only_content(page, site_url) -> None:
    page.goto(f"{site_url}/qd-166-2021/ngan-sach-nha-nuoc/")
    assert not page.locator(".print-only").first.is_visible()  # on screen: hidden
    page.emulate_media(media="print")
    assert page.locator(".print-only").first.is_visible()
    for selector in CHROME.split(", "):
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
