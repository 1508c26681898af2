"""Relative addresses between the site's pages (sitegen/pages/urls.py)."""

from __future__ import annotations

import itertools
import posixpath

import pytest
from sitegen.pages.urls import link, relative_path, relative_url

PATHS = ["", ".", "./", "a", "a/", "a/b", "a/b/", "a/b/c.md", "a/./b", "a//b", "b/c", "en/a/b/", "en", "en/"]
PATHS += ["/abs/x", "../x", "a/../b", "index.md", "a/index.md", "ab", "a/bc"]


def relpath_or_error(path: str, start: str) -> str:
    try:
        return posixpath.relpath(path, start)
    except ValueError as error:
        return f"ValueError: {error}"


@pytest.mark.parametrize(("path", "start"), list(itertools.product(PATHS, PATHS)))
def test_relative_paths_are_what_posixpath_relpath_gives(path: str, start: str) -> None:
    try:
        found = relative_path(path, start)
    except ValueError as error:
        found = f"ValueError: {error}"
    assert found == relpath_or_error(path, start)


def test_links_between_pages() -> None:
    assert link("qd-166-2021/ngan-sach.md", "qd-166-2021/index.md") == "index.md"
    assert link("index.md", "qd-166-2021/ngan-sach.md") == "qd-166-2021/ngan-sach.md"
    assert relative_url("qd-166-2021/ngan-sach.md", "about.md") == "../../about/"
    assert relative_url("qd-166-2021/index.md", "qd-166-2021/index.md", "vi", "en") == "../en/qd-166-2021/"
    assert relative_url("index.md", "index.md") == "./"
