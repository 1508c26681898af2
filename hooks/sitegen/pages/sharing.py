"""The "cite and share" section and the printed QR code of a page (templates/sharing.j2); plain HTML,
no third-party script."""

from __future__ import annotations

import functools
import hashlib
import os

import segno
from markupsafe import Markup

from sitegen.pages.labels import label
from sitegen.pages.templating import macros
from sitegen.project import PROJECT_DIR


def ready_citation(citation: str, url: str, lang: str) -> str:
    """`Quyết định số …, nhóm nhiệm vụ 3. https://…/` : the text a reader pastes into a document."""
    return f"{citation}{label(lang, 'citation_translation')}. {url}"


def cite_and_share(citation: str, url: str, title: str, lang: str) -> Markup:
    """Markdown for the section: the citation with a copy button, the page link with a share button."""
    return macros("sharing.j2").cite_and_share(lang, ready_citation(citation, url, lang), url, title)


# Drawn QR codes, one file per address: a page's code changes only with its address, and drawing them was
# a tenth of a large build (1.2 ms each, two per task group). Git-ignored, like the generated Markdown.
QR_CACHE = PROJECT_DIR / ".build" / "qr"
# Everything that shapes the drawing besides the address: a change here (or a new segno) draws afresh
_QR_DRAWING = f"segno {segno.__version__}; error m; mask 0; scale 1; border 4; class qr-code; v1"


@functools.cache
def qr_svg(url: str) -> str:
    """A QR code of `url` as inline SVG, scalable (viewBox, no fixed size), drawn at build time."""
    cached = QR_CACHE / (hashlib.sha256(f"{_QR_DRAWING}\n{url}".encode()).hexdigest()[:32] + ".svg")
    try:
        return cached.read_text(encoding="utf-8")
    except OSError:
        pass
    svg = draw_qr_svg(url)
    try:  # written beside, then renamed: a build running at the same time never reads half a file
        QR_CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        partial.write_text(svg, encoding="utf-8")
        partial.replace(cached)
    except OSError:
        pass  # a read-only checkout still builds; it only draws every code each time
    return svg


def draw_qr_svg(url: str) -> str:
    # A fixed mask: any of the eight is valid for every reader, and scoring all eight to pick the "best"
    # made QR codes the costliest step of a large build (5 ms against 0.85 ms a page, measured)
    code = segno.make(url, error="m", micro=False, mask=0)
    return code.svg_inline(scale=1, border=4, omitsize=True, svgclass="qr-code", lineclass=None, title=url)


def print_qr(url: str, lang: str) -> Markup:
    """Shown only on paper (`.print-only`): a QR code and the address, so a printout leads back online."""
    return macros("sharing.j2").print_qr(lang, url, Markup(qr_svg(url)))
