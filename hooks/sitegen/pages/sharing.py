"""The "cite and share" section and the printed QR code of a page; plain HTML, no third-party script.

The copy and share buttons are `hidden` until docs/assets/reading.js shows them, so without
JavaScript a reader still gets the citation and the link as selectable text.
"""

from __future__ import annotations

import functools

import segno

from sitegen.pages.escape import h
from sitegen.pages.labels import label


def ready_citation(citation: str, url: str, lang: str) -> str:
    """`Quyết định số …, nhóm nhiệm vụ 3. https://…/` : the text a reader pastes into a document."""
    return f"{citation}{label(lang, 'citation_translation')}. {url}"


def cite_and_share(citation: str, url: str, title: str, lang: str) -> str:
    """The section folded into a disclosure under the content: the citation with a copy button, the page
    link with a share button. Closed, it takes one line; the summary names what it holds."""
    ready = ready_citation(citation, url, lang)
    return (
        # left out of search (search-ignore): every page's citation and address would match every query
        f'<details class="cite-share search-ignore" id="cite">\n'
        f'<summary class="cite-share__summary">{h(label(lang, "cite_share"))}</summary>\n'
        f'<p class="cite-share__label" id="cite-label">{h(label(lang, "cite_this"))}</p>\n'
        f'<p class="citation" id="citation">{h(ready)}</p>\n'
        '<div class="cite-share__actions">'
        f'<button type="button" class="md-button reading-button copy-button" data-copy-from="citation" '
        f'data-done="{h(label(lang, "copied"))}" data-failed="{h(label(lang, "copy_failed"))}" hidden>'
        f"{h(label(lang, 'copy_citation'))}</button>"
        '<span class="reading-status" role="status"></span></div>\n'
        f'<p class="cite-share__label" id="share-label">{h(label(lang, "page_link"))}</p>\n'
        f'<p class="page-link" id="page-link"><a href="{h(url)}">{h(url)}</a></p>\n'
        '<div class="cite-share__actions">'
        f'<button type="button" class="md-button reading-button share-button" data-share-url="{h(url)}" '
        f'data-share-title="{h(title)}" hidden>{h(label(lang, "share"))}</button></div>\n'
        "</details>\n\n"
    )


@functools.cache
def qr_svg(url: str) -> str:
    """A QR code of `url` as inline SVG, scalable (viewBox, no fixed size), drawn at build time."""
    # A fixed mask: any of the eight is valid for every reader, and scoring all eight to pick the "best"
    # made QR codes the costliest step of a large build (5 ms against 0.85 ms a page, measured)
    code = segno.make(url, error="m", micro=False, mask=0)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr-code", lineclass=None, title=url)


def print_qr(url: str, lang: str) -> str:
    """Shown only on paper (`.print-only`): a QR code and the address, so a printout leads back online."""
    return (
        '<div class="print-only print-qr" id="print-qr">\n'
        f"{qr_svg(url)}\n"
        f'<p id="print-qr-caption">{h(label(lang, "print_qr_caption"))} {h(url)}</p>\n'
        "</div>\n\n"
    )
