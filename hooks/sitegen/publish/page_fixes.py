"""A correction to the theme's finished HTML, where no template block reaches.

It matches the exact form Material 9 writes; tests fail if the theme changes it.
"""

from __future__ import annotations

import re

# Material writes the i18n switch links into <head> as relative hreflang links (no x-default); the
# switch itself still needs them, so they are removed from the finished page instead.
_THEME_HREFLANG = re.compile(r'\n[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def drop_theme_hreflang_links(html: str) -> str:
    """The page without the theme's relative hreflang links (ours, absolute, stay: other attribute order)."""
    return _THEME_HREFLANG.sub("", html)


def fix_page(html: str) -> str:
    return drop_theme_hreflang_links(html)
