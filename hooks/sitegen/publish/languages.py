"""Files each language needs in its own folder, which mkdocs-static-i18n leaves at the root.

i18n builds English into the same `site_dir` after Vietnamese, so English's `404.html` and
`sitemap.xml` overwrite the Vietnamese ones. The Vietnamese files are kept before, and the English
ones moved to `en/` after, so each language has its own 404 page and sitemap.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from sitegen.content.model import DEFAULT_LANGUAGE
from sitegen.pages.urls import language_prefix

PER_LANGUAGE_FILES = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def keep_default_language_files(site_dir: Path) -> dict[str, bytes]:
    return {name: (site_dir / name).read_bytes() for name in PER_LANGUAGE_FILES if (site_dir / name).is_file()}


def move_language_files(site_dir: Path, lang: str, kept: dict[str, bytes]) -> None:
    """Move what the `lang` build wrote at the root into `lang/`, and put the kept root files back."""
    if lang == DEFAULT_LANGUAGE:
        return
    (site_dir / lang).mkdir(parents=True, exist_ok=True)
    for name in PER_LANGUAGE_FILES:
        written = site_dir / name
        if written.is_file():
            written.replace(site_dir / lang / name)
        if name in kept:
            written.write_bytes(kept[name])


def home_switch_links(switch: list[dict], root: str) -> list[dict]:
    """The language switch of a 404 page: each language's home page (a 404 has no counterpart)."""
    base = urlsplit(root).path
    return [{**link, "link": base + language_prefix(link["lang"])} for link in switch]
