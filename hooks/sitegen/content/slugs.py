"""ASCII folding of Vietnamese, shared by slugs, heading anchors and search (docs/assets/search.js has its twin)."""

from __future__ import annotations

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")
# đ/Đ are letters of their own, not d with a mark, so Unicode decomposition leaves them alone
_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})


def fold(text: str) -> str:
    """Lower-case text without diacritics: `Đổi mới` → `doi moi`, whatever the tone-mark placement."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS))
    # every mark (Unicode category M), as search.js's /\p{M}/ strips them, so both fold alike
    stripped = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(text: str, separator: str = "-") -> str:
    """An ASCII anchor, identical for a Vietnamese heading and its folded form.

    Matches Python-Markdown's `slugify(value, separator)` signature so `toc` can use it.
    """
    return _NON_SLUG.sub(" ", fold(text)).strip().replace(" ", separator)
