"""The small Markdown a press officer may use in an update's body, rendered to HTML that is always safe.

An allow-list: paragraphs, bulleted and numbered lists (nested by indenting), quotes (`> `),
*emphasis*, **bold**, and links to web and mail addresses (`[text](https://...)`, `<https://...>`,
`<name@example.org>`, `mailto:`). Everything else (raw HTML, images, headings, code, rules, tables, attribute lists, and
whatever a future Markdown release adds) is not markup here: it reaches the page as the characters
typed, so a body can never run a script, load a file from another site or break the page's outline.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

ALLOWED_LINK = re.compile(r"(https?://[^\s]+|mailto:[^\s]+)", re.IGNORECASE)

# Python-Markdown's processors, by registry, that the subset above needs; every other one is removed,
# including any a new release registers. A name missing here after an upgrade stops the build (see
# `allowed_converter`), so a renamed processor cannot silently switch a feature off or on.
ALLOWED_PROCESSORS: dict[str, frozenset[str]] = {
    "preprocessors": frozenset({"normalize_whitespace"}),
    "blockprocessors": frozenset({"empty", "indent", "olist", "ulist", "quote", "paragraph"}),
    "inlinePatterns": frozenset({"escape", "link", "autolink", "automail", "em_strong"}),
    "treeprocessors": frozenset({"inline", "prettify", "unescape"}),
    "postprocessors": frozenset({"amp_substitute"}),
}
# What the HTML may contain whatever the processors do: other elements keep only their text
ALLOWED_TAGS = frozenset({"p", "ul", "ol", "li", "blockquote", "em", "strong", "a"})
ALLOWED_ATTRIBUTES = {"a": frozenset({"href", "title", "rel"})}


class _AllowListGuard(Treeprocessor):
    """The last check of the tree: links only to web and mail addresses (others become their text and
    are recorded for validation), and only the elements and attributes above."""

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.refused: list[str] = []

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            if element is root:
                continue
            if element.tag == "a":
                # an address written <a@b.c> arrives obfuscated as character references behind Markdown's
                # placeholder for "&": read what it says, to check it and to name it in a message
                href = html.unescape(element.get("href", "").replace(markdown.util.AMP_SUBSTITUTE, "&"))
                if ALLOWED_LINK.fullmatch(href):
                    element.set("rel", "external")
                else:
                    self.refused.append(href)
                    element.tag = None
            if element.tag not in ALLOWED_TAGS:
                element.tag = None  # serialised as its text and children only
                element.attrib.clear()
                continue
            allowed = ALLOWED_ATTRIBUTES.get(element.tag, frozenset())
            for name in [name for name in element.attrib if name not in allowed]:
                del element.attrib[name]


def allowed_converter(*extensions: str) -> tuple[markdown.Markdown, _AllowListGuard]:
    """A converter that does the subset above and nothing else. `extensions` only serve the test that
    shows an extension adds nothing: each registry is cut down to ALLOWED_PROCESSORS."""
    converter = markdown.Markdown(extensions=list(extensions), output_format="html")
    registries = {
        "preprocessors": converter.preprocessors,
        "blockprocessors": converter.parser.blockprocessors,
        "inlinePatterns": converter.inlinePatterns,
        "treeprocessors": converter.treeprocessors,
        "postprocessors": converter.postprocessors,
    }
    for kind, registry in registries.items():
        names = {item.name for item in registry._priority}  # Registry lists its names nowhere public
        missing = ALLOWED_PROCESSORS[kind] - names
        if missing:
            raise RuntimeError(f"Python-Markdown {markdown.__version__} has no {kind} named {sorted(missing)}")
        for name in names - ALLOWED_PROCESSORS[kind]:
            registry.deregister(name)
    guard = _AllowListGuard(converter)
    converter.treeprocessors.register(guard, "allow_list", 5)  # after the inline patterns made the links
    return converter, guard


@functools.cache  # building a converter costs more than converting a body: one, reset before each use
def _shared_converter() -> tuple[markdown.Markdown, _AllowListGuard]:
    return allowed_converter()


def _converter() -> tuple[markdown.Markdown, _AllowListGuard]:
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
