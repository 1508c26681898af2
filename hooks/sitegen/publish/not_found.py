"""Each language's `404.html`, made from its not-found page, which the engine built at `/404/`.

A server sends `404.html` for any missing address, at any depth, so every relative address in it
becomes a path from the site's root, and links to the not-found page itself (the language switch)
lead to that language's home page.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.content.model import LANGUAGES
from sitegen.pages.manifest import PageEntry
from sitegen.pages.urls import language_prefix
from sitegen.publish.files import write_new

# href/src always; data-* attributes only where they hold a relative address (`data-index="../search/vi.json"`)
_ADDRESS = re.compile(r'(?P<name>\s(?:href|src|action|data-[\w-]+))="(?P<value>[^"]*)"')
# the themes' page-relative base for their scripts (Material and Zensical write these forms)
_SCRIPT_BASES = (
    re.compile(r'new URL\("(?P<value>\.\.?(?:/\.\.)*)",location\)'),
    re.compile(r'"base":\s*"(?P<value>\.\.?(?:/\.\.)*)"'),
)


def _is_relative(value: str) -> bool:
    return (
        bool(value)
        and not value.startswith(("#", "/", "data:", "mailto:", "tel:", "javascript:"))
        and "://" not in value
    )


def root_path(value: str, page_dir: str) -> str:
    """`../assets/site.css` seen from `/404/` → `/assets/site.css`; query and fragment kept."""
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    address, rest = value[:cut], value[cut:]
    if not address:
        return value
    resolved = posixpath.normpath(posixpath.join(page_dir, address))
    if address.endswith("/") or address.rsplit("/", 1)[-1] in (".", ".."):
        resolved = resolved.rstrip("/") + "/"
    return resolved + rest


def absolute_addresses(html: str, page_dir: str) -> str:
    def fix(match: re.Match[str]) -> str:
        name, value = match["name"], match["value"]
        if name.startswith(" data-") and not value.startswith(("./", "../")):
            return match[0]
        return f'{name}="{root_path(value, page_dir)}"' if _is_relative(value) else match[0]

    html = _ADDRESS.sub(fix, html)
    for pattern in _SCRIPT_BASES:
        html = pattern.sub(lambda m: m[0].replace(f'"{m["value"]}"', f'"{root_path(m["value"], page_dir)}"'), html)
    return html


def write_not_found_pages(site_dir: Path, site_url: str, pages: list[PageEntry]) -> list[Path]:
    """Move each built not-found page to `<language>/404.html`, over whatever the engine wrote there."""
    base = urlsplit(site_url).path or "/"
    written = []
    for page in pages:
        built = site_dir / page.url / "index.html"
        html = absolute_addresses(built.read_text(encoding="utf-8"), posixpath.join(base, page.url))
        for lang in LANGUAGES:  # the language switch of a not-found page leads home: it has no counterpart
            prefix = language_prefix(lang)
            html = html.replace(f'href="{base}{prefix}{page.path}"', f'href="{base}{prefix}"')
        target = site_dir / language_prefix(page.lang) / "404.html"
        write_new(target, html)
        shutil.rmtree(built.parent)
        written.append(target)
    return written
