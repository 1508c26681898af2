"""An update's photo at phone-friendly widths: WebP copies with a JPEG fallback, written next to its page.

The copies are made at build time with Pillow from the file in `updates/media/`; the page gets a `<picture>`
with `srcset`, so a phone downloads the smallest copy that fills its screen, and the original never leaves
data/. Copies are cached by the source's hash, so a rebuild does not re-encode unchanged photos.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from sitegen.content.model import LANGUAGES, Decision, Update, UpdatePhoto
from sitegen.pages.text import Shown, shown
from sitegen.pages.urls import localised_file, update_page

WIDTHS = (360, 720, 1080)  # phone, phone at 2×, small tablet at 2×; never wider than the original
FALLBACK_WIDTH = 720
FORMATS = {"webp": ("WEBP", {"quality": 80, "method": 4}), "jpg": ("JPEG", {"quality": 82, "optimize": True})}
SIZES = "(min-width: 50em) 46em, 100vw"  # the text column's width on a wide screen, the screen on a phone
_cache: dict[tuple[str, int, str], bytes] = {}


@dataclass(frozen=True)
class Picture:
    """What the page's `<picture>` needs (file names relative to the update's page)."""

    webp_srcset: str
    jpeg_srcset: str
    src: str
    width: int
    height: int
    alt: Shown
    sizes: str = SIZES


def widths_of(photo: UpdatePhoto) -> tuple[int, ...]:
    """The copies' widths: each standard width below the original's, and the original's (at most 1080)."""
    return tuple(dict.fromkeys([*(w for w in WIDTHS if w < photo.width), min(photo.width, WIDTHS[-1])]))


def file_name(width: int, extension: str) -> str:
    return f"photo-{width}.{extension}"


def picture(update: Update, lang: str) -> Picture | None:
    photo = update.photo
    if photo is None:
        return None
    widths = widths_of(photo)
    fallback = min(widths, key=lambda w: abs(w - FALLBACK_WIDTH))
    return Picture(
        webp_srcset=", ".join(f"{file_name(w, 'webp')} {w}w" for w in widths),
        jpeg_srcset=", ".join(f"{file_name(w, 'jpg')} {w}w" for w in widths),
        src=file_name(fallback, "jpg"),
        width=fallback,
        height=round(photo.height * fallback / photo.width),
        alt=shown(photo.alt, lang),
    )


def photo_files(decision: Decision) -> dict[str, bytes]:
    """Every photo copy of the decision's updates, by generated file name, in both languages' folders
    (`qd-166-2021/tin-tuc/<slug>/photo-720.webp` and its `.en.` twin, which the i18n build puts under /en/)."""
    files: dict[str, bytes] = {}
    for update in decision.updates:
        if update.photo is None:
            continue
        folder = update_page(decision, update).removesuffix(".md")
        source = Path(update.photo.source).read_bytes()
        for width in widths_of(update.photo):
            for extension in FORMATS:
                data = resized(source, width, extension)
                for lang in LANGUAGES:
                    files[localised_file(f"{folder}/{file_name(width, extension)}", lang)] = data
    return files


def resized(source: bytes, width: int, extension: str) -> bytes:
    """`source` scaled to `width` pixels (height in proportion), without its metadata (camera, GPS)."""
    key = (hashlib.sha256(source).hexdigest(), width, extension)
    if key not in _cache:
        from PIL import Image, ImageOps

        with Image.open(io.BytesIO(source)) as image:
            image = ImageOps.exif_transpose(image)  # a phone's "rotate on display" applied once, here
            height = round(image.height * width / image.width)
            image = image.convert("RGB").resize((width, height), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            kind, options = FORMATS[extension]
            image.save(out, kind, **options)
        _cache[key] = out.getvalue()
    return _cache[key]
