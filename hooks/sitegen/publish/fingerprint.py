"""Content hashes in the names of the site's own CSS and JS (`site.3f9a1c2b7d.css`), so a host may let
browsers keep them for a year (deploy/nginx/): a changed file gets a new name, and every page names it."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sitegen.publish.files import write_new

ASSETS_DIR = "assets"  # docs/assets/ as built: the site's own files (Material's are in subfolders)
FINGERPRINTED = (".css", ".js")
HASH_LENGTH = 10
_NAMED = re.compile(rf"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{{{HASH_LENGTH}}})(?P<ext>\.(css|js))$")


def fingerprint_name(name: str, content: bytes) -> str:
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:HASH_LENGTH]}{dot}{ext}"


def fingerprint_assets(site_dir: Path) -> dict[str, str]:
    """Rename `assets/*.css|js` to fingerprinted names and rewrite every page's references to them.

    Returns {old name: new name}. Only attribute values ending in `assets/<name>` are rewritten, so a
    page's text that mentions a file name stays as it is."""
    assets = site_dir / ASSETS_DIR
    renamed: dict[str, str] = {}
    for path in sorted(assets.glob("*")) if assets.is_dir() else []:
        if path.is_file() and path.suffix in FINGERPRINTED and not _NAMED.match(path.name):
            new_name = fingerprint_name(path.name, path.read_bytes())
            path.replace(path.with_name(new_name))
            renamed[path.name] = new_name
    if not renamed:
        return renamed
    names = "|".join(re.escape(name) for name in sorted(renamed, key=len, reverse=True))
    reference = re.compile(rf'(?P<prefix>="[^"]*\b{ASSETS_DIR}/)(?P<name>{names})"')
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed = reference.sub(lambda m: f'{m["prefix"]}{renamed[m["name"]]}"', text)
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
