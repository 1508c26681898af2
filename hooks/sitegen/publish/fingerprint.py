"""Content hashes in the names of the site's own CSS and JS (`site.3f9a1c2b7d.css`), so a host may let
browsers keep them for a year (deploy/nginx/): a changed file gets a new name, and every page names it."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from sitegen.publish.files import write_new

ASSETS_DIR = "assets"  # docs/assets/ as built: the site's own files (Material's are in subfolders)
FINGERPRINTED = (".css", ".js")
HASH_LENGTH = 10
_REFERENCE = f"{ASSETS_DIR}/"
_NAMED = re.compile(rf"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{{{HASH_LENGTH}}})(?P<ext>\.(css|js))$")


def fingerprint_name(name: str, content: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:HASH_LENGTH]}{dot}{ext}"


def fingerprinted_names(site_dir: Path) -> dict[str, str]:
    """{name: fingerprinted name} of `assets/*.css|js` as built (not renamed yet): the publish step puts the
    new names into each page as it writes it, so no page is read and written a second time for them."""
    assets = site_dir / ASSETS_DIR
    return {
        path.name: fingerprint_name(path.name, path.read_bytes())
        for path in (sorted(assets.glob("*")) if assets.is_dir() else [])
        if path.is_file() and path.suffix in FINGERPRINTED and not _NAMED.match(path.name)
    }


def with_fingerprinted_names(html: str, renamed: dict[str, str]) -> str:
    """`html` with every attribute value that ends in `assets/<name>` naming the fingerprinted file; a page's
    text that mentions a file name stays as it is. What the pattern `="[^"]*\\bassets/(<names>)"` would
    replace, found with str.find: the pattern, tried at every `=` of every page, took 0.5 s at 1,000 groups."""
    parts, done = [], 0
    at = html.find(_REFERENCE)
    while at != -1:
        name_start = at + len(_REFERENCE)
        name_end = html.find('"', name_start)
        new_name = renamed.get(html[name_start:name_end]) if name_end != -1 else None
        if new_name is not None and not (at and _is_word_character(html[at - 1])):
            value_start = html.rfind('"', 0, at)  # the value holds no other quote before `assets/`
            if value_start > 0 and html[value_start - 1] == "=":
                parts += (html[done:name_start], new_name)
                done = name_end
        at = html.find(_REFERENCE, name_start)
    return "".join(parts) + html[done:] if parts else html


def _is_word_character(character: str) -> bool:
    return character.isalnum() or character == "_"  # what `\b` of a str pattern looks at


def fingerprint_assets(
    site_dir: Path, renamed: dict[str, str] | None = None, done: Iterable[Path] = ()
) -> dict[str, str]:
    """Rename `assets/*.css|js` to fingerprinted names and rewrite the references to them in every page
    but those in `done` (written with `with_fingerprinted_names` already). Returns {old name: new name}."""
    renamed = fingerprinted_names(site_dir) if renamed is None else renamed
    if not renamed:
        return renamed
    for name, new_name in renamed.items():
        (site_dir / ASSETS_DIR / name).replace(site_dir / ASSETS_DIR / new_name)
    skipped = set(done)  # paths as `site_dir / …` spells them, like rglob's
    for page in site_dir.rglob("*.html"):
        if page in skipped:
            continue
        text = page.read_text(encoding="utf-8")
        changed = with_fingerprinted_names(text, renamed)
        if changed != text:
            write_new(page, changed)
    return renamed


def asset_file(site_dir: Path, name: str) -> Path:
    """The built file of `assets/<name>` whatever its fingerprint (for tests and benchmarks)."""
    stem, _, ext = name.rpartition(".")
    matches = [p for p in (site_dir / ASSETS_DIR).glob(f"{stem}.*.{ext}") if _NAMED.match(p.name)]
    if len(matches) != 1:
        raise FileNotFoundError(f"{ASSETS_DIR}/{name}: expected one fingerprinted file, found {len(matches)}")
    return matches[0]
