"""The small Markdown a press officer may use in an update's body, rendered to HTML that is always safe.

Allowed: paragraphs, bulleted and numbered lists, *emphasis*, **bold**, quotes and links to web
addresses (`[text](https://...)`, `mailto:`). Raw HTML, images, headings and attribute lists are not
markup here: they reach the page as the characters typed, so a body can never run a script, load a
file from another site or break the page's heading outline.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

ALLOWED_LINK = re.compile(r"(https?://[^\s]+|mailto:[^\s]+)", re.IGNORECASE)

# Python-Markdown's own processors that would let a body do more than the subset above
_OFF_PREPROCESSORS = ("html_block",)
_OFF_INLINE = ("html", "image_link", "image_reference", "short_image_ref")
_OFF_BLOCKS = ("hashheader", "setextheader", "code")


class _LinkGuard(Treeprocessor):
    """Keeps links to web and mail addresses; any other target becomes plain text and is recorded."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.refused: list[str] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            # an address written <a@b.c> arrives obfuscated as character references behind Markdown's
            # placeholder for "&": read what it says, to check it and to name it in a message
            href = html.unescape(element.get("href", "").replace(markdown.util.AMP_SUBSTITUTE, "&"))
            if ALLOWED_LINK.fullmatch(href):
                element.set("rel", "external")
                continue
            self.refused.append(href)
            element.tag = "span"
            element.attrib.clear()


@functools.cache  # building a converter costs more than converting a body: one, reset before each use
def _shared_converter() -> tuple[markdown.Markdown, _LinkGuard]:
    converter = markdown.Markdown(extensions=[], output_format="html")
    for name in _OFF_PREPROCESSORS:
        converter.preprocessors.deregister(name)
    for name in _OFF_INLINE:
        converter.inlinePatterns.deregister(name)
    for name in _OFF_BLOCKS:
        converter.parser.blockprocessors.deregister(name)
    guard = _LinkGuard(converter)
    converter.treeprocessors.register(guard, "link_guard", 5)  # after inline patterns made the links
    return converter, guard


def _converter() -> tuple[markdown.Markdown, _LinkGuard]:
    converter, guard = _shared_converter()
    converter.reset()
    guard.refused = []
    return converter, guard


@functools.lru_cache(maxsize=4096)  # a body is shown on its page and in up to three feeds per language
def to_html(body: str) -> str:
    """The body as HTML; anything outside the allowed subset is shown as typed."""
    converter, _ = _converter()
    return converter.convert(body)


def refused_links(body: str) -> list[str]:
    """Link targets the page will not link to (not http(s):// or mailto:), for validation messages."""
    converter, guard = _converter()
    converter.convert(body)
    return guard.refused
