"""Plain text made inert: `h` for raw HTML, `md` and `md_paragraphs` for Markdown. The templates apply
them (templating.py), and text.front_matter to the titles it hands the theme; nothing else escapes."""

from __future__ import annotations

import html
import re

# Python-Markdown's own escapable characters; `<` `>` `&` are handled by html.escape
_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_BLANK_LINE = re.compile(r"\n\s*\n")


def h(text: str) -> str:
    """Plain text made inert inside raw HTML blocks and attribute values."""
    return html.escape(text, quote=True)


def md(text: str) -> str:
    """Plain text made inert in Markdown: every character renders as itself, on one line, since a line break typed
    into data would otherwise end a heading or link, or start a code block or a `===` heading underline."""
    return html.escape(_MD_SPECIALS.sub(r"\\\1", _LINE_BREAK.sub(" ", text)), quote=False)


def md_paragraphs(text: str) -> str:
    """Plain text in paragraphs (a blank line between two), each made inert by `md`."""
    return "\n\n".join(md(part.strip()) for part in _BLANK_LINE.split(text) if part.strip())
