"""Web addresses of generated pages: the directory URL MkDocs gives a source file, made relative or absolute."""

from __future__ import annotations

import posixpath

from .model import DEFAULT_LANGUAGE


def page_url_path(path: str) -> str:
    """`qd-166-2021/ngan-sach.md` → `qd-166-2021/ngan-sach/`, `index.md` → `` (MkDocs' directory URLs)."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index").rstrip("/")
    return f"{stem}/" if stem else ""


def relative_url(from_path: str, to_path: str) -> str:
    """The href from one page to another in raw HTML, where MkDocs does not rewrite `.md` links."""
    here = page_url_path(from_path) or "./"
    there = page_url_path(to_path) or "./"
    relative = posixpath.relpath(there, here)
    return "./" if relative == "." else f"{relative}/"


def absolute_url(site_url: str, path: str, lang: str) -> str:
    """The permanent address of a page in a language, e.g. `https://host/en/qd-166-2021/ngan-sach/`."""
    prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
    base = site_url.rstrip("/") + "/" if site_url else "/"
    return f"{base}{prefix}{page_url_path(path)}"
