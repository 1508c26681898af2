"""What a press officer may type in an update's body, and what stays inert."""

from __future__ import annotations

import datetime

import markdown
import pytest
from bs4 import BeautifulSoup
from datafixtures import update_yaml, write_data, write_update
from sitegen.content.richtext import ALLOWED_PROCESSORS, allowed_converter, refused_links, to_html
from sitegen.content.validate import load_site
from sitegen.pages.news import render_update


def test_paragraphs_lists_links_and_emphasis_are_markup() -> None:
    html = to_html(
        "Một *nhấn mạnh* và **đậm**.\n\n- mục một\n- [liên kết](https://example.test/a)\n\nđoạn\n\n1. số một\n"
    )
    assert "<p>Một <em>nhấn mạnh</em> và <strong>đậm</strong>.</p>" in html
    assert "<li>mục một</li>" in html
    assert '<a href="https://example.test/a" rel="external">liên kết</a>' in html
    assert "<ol>\n<li>số một</li>\n</ol>" in html


def test_html_images_headings_and_attribute_lists_are_shown_as_typed() -> None:
    typed = '<script>alert(1)</script> <b onclick="x">b</b>\n\n![ảnh](https://other.test/x.png)\n\n# Tiêu đề\n\nđoạn\n{: onclick="x" }\n'
    html = to_html(typed)
    tags = {tag.name for tag in BeautifulSoup(html, "html.parser").find_all(True)}
    assert tags == {"p"}, tags  # no script, b, img, h1: everything typed is text in paragraphs
    assert not BeautifulSoup(html, "html.parser").find_all(attrs={"onclick": True})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "![ảnh](https://other.test/x.png)" in html and "# Tiêu đề" in html


def test_links_other_than_web_and_mail_addresses_are_refused() -> None:
    body = "[a](javascript:alert(1)) [b](https://ok.test/) [c](mailto:x@ok.test) [d](../tin-khac)"
    assert refused_links(body) == ["javascript:alert(1)", "../tin-khac"]
    html = to_html(body)
    assert "javascript:" not in html and 'href="../tin-khac"' not in html
    assert 'href="mailto:x@ok.test"' in html


def test_a_script_in_a_body_is_inert_on_the_rendered_page(tmp_path) -> None:
    data = write_data(tmp_path)
    body = "<script>alert('xss')</script>\n\n<img src=x onerror=alert(1)>"
    write_update(data, update_yaml("2025-01-02", "tin", body_vi=body, english=False), "a")
    decision = load_site(data, datetime.date(2025, 6, 1)).decisions[0]
    for lang in ("vi", "en"):
        page = render_update(decision, decision.updates[0], lang).markdown
        html = markdown.markdown(page.split("---\n", 2)[2], extensions=["attr_list", "md_in_html"])
        assert "<script" not in html and "<img" not in html, lang
        assert "&lt;script&gt;alert('xss')&lt;/script&gt;" in html, lang


NOT_ON_THE_LIST = {
    "table": "| a | b |\n|---|---|\n| 1 | 2 |",
    "fenced code": "```\nprint(1)\n```",
    "indented code": "    print(1)",
    "inline code": "a `print(1)` b",
    "setext heading": "Tiêu đề\n=======",
    "setext heading 2": "Tiêu đề\n-------",
    "atx heading": "## Tiêu đề",
    "rule": "---",
    "line break": "một  \nhai",
    "reference link": "[a][1]\n\n[1]: https://example.test/",
    "comment": "<!-- ẩn -->",
    "image": "![ảnh](https://other.test/x.png)",
    "footnote": "chú thích[^1]\n\n[^1]: https://example.test/",
    "definition": "thuật ngữ\n: định nghĩa",
    "admonition": '!!! note "x"\n    y',
}


def test_a_feature_not_on_the_list_stays_text() -> None:
    for name, typed in NOT_ON_THE_LIST.items():
        soup = BeautifulSoup(to_html(typed), "html.parser")
        assert {tag.name for tag in soup.find_all(True)} == {"p"}, name
        typed_text = " ".join(typed.replace("  \n", " ").split())
        assert " ".join(soup.get_text(" ").split()) == typed_text.replace("    print", "print"), name


def test_markdown_extensions_cannot_widen_the_list() -> None:
    """What a new Python-Markdown release could bring: every extension it ships, switched on, adds nothing."""
    converter, _ = allowed_converter(
        "abbr", "admonition", "attr_list", "def_list", "fenced_code", "footnotes", "md_in_html", "tables", "toc"
    )
    html = converter.convert("\n\n".join(NOT_ON_THE_LIST.values()) + "\n\n*[HTML]: x\n\ntext\n{: onclick=x }")
    soup = BeautifulSoup(html, "html.parser")
    assert {tag.name for tag in soup.find_all(True)} == {"p"}
    assert not soup.find_all(attrs={"onclick": True}) and "{: onclick=x }" in soup.get_text()


def test_an_allowed_feature_missing_from_python_markdown_stops_the_build(monkeypatch) -> None:
    patched = dict(ALLOWED_PROCESSORS, inlinePatterns=ALLOWED_PROCESSORS["inlinePatterns"] | {"strikethrough"})
    monkeypatch.setattr("sitegen.content.richtext.ALLOWED_PROCESSORS", patched)
    with pytest.raises(RuntimeError, match="strikethrough"):
        allowed_converter()
