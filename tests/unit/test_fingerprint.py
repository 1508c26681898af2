"""The site's own CSS and JS get hashed names, and every page names them (sitegen/publish/fingerprint.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitegen.publish.fingerprint import fingerprint_assets, fingerprinted_names, with_fingerprinted_names

RENAMED = {"site.css": "site.0123456789.css", "search.js": "search.abcdef0123.js"}
# the rule in one pattern (what the publish step applied to every page before): an attribute value ending in
# assets/<name>
REFERENCE = re.compile(r'(?P<prefix>="[^"]*\bassets/)(?P<name>site\.css|search\.js)"')

PAGES = [
    '<link rel="stylesheet" href="../../assets/site.css"><script src="assets/search.js" defer></script>',
    '<a href="https://example.org/assets/site.css">the stylesheet</a> <img data-x="/x/assets/site.css">',
    '<p>assets/site.css" in text, not="a" then assets/site.css" after another value</p>',
    '<link href="../myassets/site.css"><link href="../_assets/site.css"><link href="../ưassets/site.css">',
    '<link href="../assets/site.css?v=1"><link href="../assets/site.css.map"><link href="../assets/other.css">',
    '<link href="../assets/site.css',  # an unfinished value at the end of a page
    "no reference at all",
    '<p x="assets/site.css" y="assets/search.js">x="assets/site.css"</p>',
]


@pytest.mark.parametrize("page", PAGES)
def test_references_are_rewritten_exactly_where_the_rule_says(page: str) -> None:
    expected = REFERENCE.sub(lambda m: f'{m["prefix"]}{RENAMED[m["name"]]}"', page)
    assert with_fingerprinted_names(page, RENAMED) == expected


def test_the_rule_does_change_pages_that_name_the_files() -> None:
    assert with_fingerprinted_names(PAGES[0], RENAMED) == (
        '<link rel="stylesheet" href="../../assets/site.0123456789.css">'
        '<script src="assets/search.abcdef0123.js" defer></script>'
    )


def test_files_are_renamed_and_pages_not_written_yet_are_rewritten(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text("body{}", encoding="utf-8")
    done, other = tmp_path / "index.html", tmp_path / "404.html"
    for page in (done, other):
        page.write_text('<link href="assets/site.css">', encoding="utf-8")
    renamed = fingerprinted_names(tmp_path)
    assert list(renamed) == ["site.css"] and re.fullmatch(r"site\.[0-9a-f]{10}\.css", renamed["site.css"])
    assert fingerprint_assets(tmp_path, renamed, done=[done]) == renamed
    assert [p.name for p in (tmp_path / "assets").iterdir()] == [renamed["site.css"]]
    assert other.read_text(encoding="utf-8") == f'<link href="assets/{renamed["site.css"]}">'
    assert done.read_text(encoding="utf-8") == '<link href="assets/site.css">'  # its writer rewrites it
