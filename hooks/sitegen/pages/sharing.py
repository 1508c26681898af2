"""The "cite and share" section and the printed QR code of a page (templates/sharing.j2); plain HTML,
no third-party script."""

from __future__ import annotations

import functools

import segno
from markupsafe import Markup

from sitegen.pages.labels import label
from sitegen.pages.templating import macros


def ready_citation(citation: str, url: str, lang: str) -> str:
    """`Quyết định số …, nhóm nhiệm vụ 3. https://…/` : the text a reader pastes into a document."""
    return f"{citation}{label(lang, 'citation_translation')}. {url}"


def cite_and_share(citation: str, url: str, title: str, lang: str) -> Markup:
    """Markdown for the section: the citation with a copy button, the page link with a share button."""
    return macros("sharing.j2").cite_and_share(lang, ready_citation(citation, url, lang), url, title)


@functools.cache
def qr_svg(url: str) -> str:
    """A QR code of `url` as inline SVG, scalable (viewBox, no fixed size), drawn at build time."""
    # A fixed mask: any of the eight is valid for every reader, and scoring all eight to pick the "best"
    # made QR codes the costliest step of a large build (5 ms against 0.85 ms a page, measured)
    code = segno.make(url, error="m", micro=False, mask=0)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr-code", lineclass=None, title=url)


def print_qr(url: str, lang: str) -> Markup:
    """Shown only on paper (`.print-only`): a QR code and the address, so a printout leads back online."""
    return macros("sharing.j2").print_qr(lang, url, Markup(qr_svg(url)))
