from __future__ import annotations

import json
import unicodedata

import pytest
from sitegen.publish import search_index
from sitegen.publish.search_index import IndexedPage, Section, index_json, indexed_page, page_sections, write_index

GROUP_PAGE = """
<p class="translation-banner" role="note">This English version is an unofficial translation.</p>
<p class="group-kicker">Task group 3</p>
<h1 id="group-3">State budget management</h1>
<p class="group-context">Part of: <a href="../">Decision No. 166/QĐ-UBND</a></p>
<h2 id="text">Text</h2>
<p>On the management<br>and administration of the <strong>state budget</strong>.</p>
<nav class="group-neighbours"><ul><li><a href="../b/">Next: 4. Culture</a></li></ul></nav>
<h3 id="detail">Detail <em>one</em></h3>
<div class="untranslated" lang="vi"><p class="untranslated__notice" lang="en">Not yet translated</p><p>Văn hóa</p></div>
"""


def test_sections_split_at_headings_with_their_anchors() -> None:
    assert page_sections(GROUP_PAGE) == [
        Section("", "State budget management", "Task group 3 Part of: Decision No. 166/QĐ-UBND"),
        Section("text", "Text", "On the management and administration of the state budget."),
        Section("detail", "Detail one", "Văn hóa"),
    ]


def test_navigation_and_translation_notices_are_not_indexed() -> None:
    text = json.dumps([s.__dict__ for s in page_sections(GROUP_PAGE)])
    assert "Culture" not in text  # the neighbours' titles would make every page match its neighbours
    assert "unofficial" not in text and "Not yet translated" not in text


def test_decomposed_text_is_stored_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Ngân sách")
    page = indexed_page("a/", f"Nhóm 3: {decomposed}", f"<h2 id='x'>{decomposed}</h2><p>{decomposed}  nhà\nnước</p>")
    assert page.title == "Nhóm 3: Ngân sách"
    assert page.sections == (Section("x", "", "Ngân sách nhà nước"),)  # the heading repeats the title


def test_index_is_compact_sorted_and_per_language(tmp_path) -> None:
    pages = [
        IndexedPage("en/b/", "B", (Section("", "B", "bee"),)),
        IndexedPage("en/", "Home", (Section("top", "Home", "hello"),)),
    ]
    path = write_index(tmp_path, "en", pages)
    assert path == tmp_path / "search" / "en.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == {
        "lang": "en",
        "pages": [
            {"url": "en/", "title": "Home", "sections": [["top", "Home", "hello"]]},
            {"url": "en/b/", "title": "B", "sections": [["", "B", "bee"]]},
        ],
    }
    assert index_json("en", pages) == index_json("en", list(reversed(pages)))  # deterministic
    assert "\n" not in path.read_text(encoding="utf-8")


def test_a_section_headed_by_a_link_to_another_page_is_left_to_that_page() -> None:
    html = (
        "<h2 id='groups'>Groups</h2><p>Intro</p>"
        "<h3 id='group-3'><a href='ngan-sach/'>Group 3. Budget</a></h3><p>On the state budget.</p>"
        "<h3 id='local'><a href='#x'>Local</a></h3><p>Kept.</p>"
    )
    assert page_sections(html) == [
        Section("groups", "Groups", "Intro"),
        Section("local", "Local", "Kept."),
    ]


def test_a_heading_repeating_the_page_title_is_not_stored_twice() -> None:
    page = indexed_page("g/", "Task group 3: Budget", GROUP_PAGE.replace("State budget management", "Budget"))
    assert page.sections[0] == Section("", "", "Task group 3 Part of: Decision No. 166/QĐ-UBND")
    assert page.sections[1].heading == "Text"


def test_titles_are_stored_as_the_text_readers_see() -> None:
    # MkDocs hands over page titles as HTML (front matter is escaped for the theme's templates)
    page = indexed_page("x/", "the People&#x27;s &lt;b&gt;plan&lt;/b&gt; &amp; more", "<p>Text</p>")
    assert page.title == "the People's <b>plan</b> & more"


def sections_read_by_html_parser(markup: str) -> list[Section]:
    """What the standard library's HTMLParser makes of `markup`: the reference the fast reading must equal."""
    parser = search_index._SectionParser()
    parser.feed(markup)
    return parser.result()


# Markup as the engines write it, and the odd forms a typed page might hold (entities in attributes and text,
# unquoted and valueless attributes, self-closing SVG, comments, upper-case tags, a `/` in an unquoted value)
ENGINE_MARKUP = [
    GROUP_PAGE,
    "<h2 id=\"a&amp;b\">R&amp;D &lt;plan&gt; &#x27;x&#39; &nbsp;&copy;</h2><p title='it&#39;s'>one<br/>two<BR>three</P>",
    '<p class="print-only"><svg viewBox="0 0 9 9" class=qr-code><title>http://x/</title><path d="M0 0h1"/></svg>Tail</p>',
    "<h2 id=x hidden>Heading <!-- a comment with <b>tags</b> -- > --> text</h2><p>After<!---->end</p>",
    '<h3 id="g"><a href=other/>Group</a></h3><p>Summary</p><h3 id="h"><a href="#h">Here</a></h3><p data-x = "1">Kept</p>',
    '<div class="admonition note"><p class="admonition-title">Note</p><p>Body <em>text</em></p></div><h2 id="end">End</h2>',
    "<ul><li>one<li>two</ul><p>unclosed <strong>bold</p><p>next</p>",
    "<nav><p>skipped<span>deep</span></p></nav><p>seen</p></div><p>after a stray end tag</p>",
    '<p>A<nav class="x"><p>a<br>b</p><hr/><img src=x><svg><path d="M0"/></svg></nav>B</p><h2 id="z">Z</h2><p>c</p>',
]

# What the fast reading leaves to HTMLParser; the sections must still be the same
OTHER_MARKUP = [
    "<h2 id='s'>Script</h2><script>if (a < b) { x = '<p>' }</script><p>after</p>",
    "<h2 id='lt'>Less</h2><p>3 < 5 and 5 > 3</p>",
    "<!DOCTYPE html><h2 id='d'>Doc</h2><p>text</p>",
    "<p a=\"1\"b='2'>no space between attributes</p><h2 id=t>T</h2>",
    "<h2 id='e'>Entity at the end</h2><p>fish &amp",
]


@pytest.mark.parametrize("markup", ENGINE_MARKUP)
def test_engine_markup_is_read_quickly_with_the_same_result_as_html_parser(markup: str) -> None:
    parser = search_index._SectionParser()
    assert parser.feed_markup(markup)  # no fall-back for what the engines write
    assert parser.result() == sections_read_by_html_parser(markup)


@pytest.mark.parametrize("markup", OTHER_MARKUP)
def test_other_markup_gives_the_sections_html_parser_gives(markup: str) -> None:
    assert page_sections(markup) == sections_read_by_html_parser(markup)
    assert page_sections(markup)  # not empty: the comparison above says something
