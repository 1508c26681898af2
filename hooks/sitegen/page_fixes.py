"""Two small corrections to the theme's finished HTML, where no template block reaches.

Both match the exact form Material 9 writes; tests fail if the theme changes it.
"""

from __future__ import annotations

import re

# Material writes the i18n switch links into <head> as relative hreflang links (no x-default); the
# switch itself still needs them, so they are removed from the finished page instead.
_THEME_HREFLANG = re.compile(r'\n[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')
# the language switch names each language in that language ("English" on a Vietnamese page)
_SWITCH_LINK = re.compile(r'( hreflang="([a-z-]+)" class="md-select__link")>')


def drop_theme_hreflang_links(html: str) -> str:
    """The page without the theme's relative hreflang links (ours, absolute, stay: other attribute order)."""
    return _THEME_HREFLANG.sub("", html)


def mark_switch_languages(html: str) -> str:
    """`lang` on each language-switch link, so screen readers pronounce "English" as English."""
    return _SWITCH_LINK.sub(r'\1 lang="\2">', html)


def fix_page(html: str) -> str:
    return mark_switch_languages(drop_theme_hreflang_links(html))
