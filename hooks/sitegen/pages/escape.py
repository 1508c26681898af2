"""Plain text made inert inside raw HTML: the one escaping helper every renderer shares."""

from __future__ import annotations

import html


def h(text: str) -> str:
    """Plain text made inert inside raw HTML blocks and attribute values."""
    return html.escape(text, quote=True)
