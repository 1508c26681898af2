"""Icons from the sets Material bundles, inlined as SVG at build time (no request leaves the site)."""

from __future__ import annotations

import difflib
import functools
import importlib.metadata
import re
from pathlib import Path

# Material's bundled icon sets, found through its package metadata: importing the theme is not needed
ICONS_DIR = Path(str(importlib.metadata.distribution("mkdocs-material").locate_file("material/templates/.icons")))
ICON_NAME = re.compile(r"[a-z0-9]+(?:[-/][a-z0-9]+)*")


def icon_file(name: str) -> Path | None:
    """`material/leaf` → its SVG file in Material's bundled sets, or None when there is no such icon."""
    if not ICON_NAME.fullmatch(name):
        return None
    path = ICONS_DIR / f"{name}.svg"
    return path if path.is_file() else None


@functools.cache
def _all_names() -> tuple[str, ...]:
    return tuple(sorted(p.relative_to(ICONS_DIR).with_suffix("").as_posix() for p in ICONS_DIR.rglob("*.svg")))


def suggest_icons(name: str) -> list[str]:
    """Close names in the bundled sets, for an error message that helps fix a typo."""
    return difflib.get_close_matches(name, _all_names(), n=3, cutoff=0.75)


@functools.cache
def icon_svg(name: str) -> str:
    """The icon's SVG markup, decorative (hidden from screen readers: the text next to it says it all)."""
    path = icon_file(name)
    if path is None:
        raise KeyError(f"no icon named '{name}' in Material's bundled icon sets")
    svg = path.read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def read_icon(reader, parent, key: str = "icon") -> str | None:
    """An optional `icon:` field of a data file (a `FieldReader`), checked against the bundled sets."""
    value = reader.plain(parent, key)
    if value is None or icon_file(value) is not None:
        return value
    close = suggest_icons(value)
    hint = (
        f"; did you mean '{close[0]}'?"
        if close
        else "; names look like 'material/leaf' (see https://pictogrammers.com/library/mdi/)"
    )
    reader.problem(parent.get(key), key, f"no icon named '{value}' in the icon sets bundled with Material{hint}")
    return None
