"""An update's optional photo: checked (type, size, alt text), copied at phone widths (WebP + JPEG), shown
on the update's page with srcset and in the feeds. Photos are drawn here; none comes from the real data."""

from __future__ import annotations

import datetime
import io

import pytest
from datafixtures import update_yaml, write_data, write_update
from PIL import Image
from sitegen.content.errors import DataError
from sitegen.content.schema import MAX_PHOTO_BYTES
from sitegen.content.validate import load_site
from sitegen.pages.feeds import render_feeds
from sitegen.pages.news import render_update
from sitegen.pages.photos import photo_files

TODAY = datetime.date(2025, 6, 1)
PHOTO = "photo:\n  file: media/hop-bao.jpg\n  alt:\n    vi: Quang cảnh buổi họp báo\n"


def draw(path, size=(1600, 900), kind="JPEG") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (180, 40, 40)).save(path, kind)


def with_photo(tmp_path, photo_yaml: str = PHOTO, size=(1600, 900), kind="JPEG", name="hop-bao.jpg"):
    data = write_data(tmp_path)
    path = write_update(data, update_yaml("2025-01-02", "hop-bao") + photo_yaml, "2025-01-02-hop-bao")
    draw(path.parent / "media" / name, size, kind)
    return data


def problems(data) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data, TODAY)
    return [str(p) for p in caught.value.problems]


def test_a_photo_becomes_webp_and_jpeg_copies_at_phone_widths_for_both_languages(tmp_path) -> None:
    decision = load_site(with_photo(tmp_path), TODAY).decisions[0]
    [update] = decision.updates
    assert (update.photo.width, update.photo.height, update.photo.alt.vi) == (1600, 900, "Quang cảnh buổi họp báo")
    files = photo_files(decision)
    folder = "qd-1-2030/tin-tuc/hop-bao"
    for width in (360, 720, 1080):
        webp, jpeg = files[f"{folder}/photo-{width}.webp"], files[f"{folder}/photo-{width}.jpg"]
        assert Image.open(io.BytesIO(webp)).format == "WEBP" and Image.open(io.BytesIO(jpeg)).format == "JPEG"
        assert Image.open(io.BytesIO(webp)).size == (width, round(900 * width / 1600))
        assert files[f"{folder}/photo-{width}.en.webp"] == webp  # the English page's copy, under /en/
    assert len(files[f"{folder}/photo-360.webp"]) < len(files[f"{folder}/photo-1080.webp"])


def test_the_page_offers_webp_with_a_jpeg_fallback_sized_for_phones(tmp_path) -> None:
    decision = load_site(with_photo(tmp_path), TODAY).decisions[0]
    page = render_update(decision, decision.updates[0], "vi").markdown
    assert '<source type="image/webp" srcset="photo-360.webp 360w, photo-720.webp 720w, photo-1080.webp 1080w"' in page
    assert 'src="photo-720.jpg" srcset="photo-360.jpg 360w, photo-720.jpg 720w, photo-1080.jpg 1080w"' in page
    assert 'width="720" height="405" alt="Quang cảnh buổi họp báo"' in page
    english = render_update(decision, decision.updates[0], "en").markdown
    assert 'alt="Quang cảnh buổi họp báo" lang="vi"' in english  # no English alt text yet


def test_the_feeds_show_the_photo_by_its_absolute_address(tmp_path) -> None:
    site = load_site(with_photo(tmp_path), TODAY)
    feed = render_feeds(site, "https://example.org/")["feed.xml"].decode("utf-8")
    assert '&lt;img src="https://example.org/qd-1-2030/tin-tuc/hop-bao/photo-720.jpg"' in feed


def test_a_small_photo_is_not_enlarged(tmp_path) -> None:
    decision = load_site(with_photo(tmp_path, size=(500, 400)), TODAY).decisions[0]
    assert sorted(n for n in photo_files(decision) if n.endswith(".jpg") and ".en." not in n) == [
        "qd-1-2030/tin-tuc/hop-bao/photo-360.jpg",
        "qd-1-2030/tin-tuc/hop-bao/photo-500.jpg",
    ]


@pytest.mark.parametrize(
    ("photo_yaml", "size", "kind", "name", "expected"),
    [
        ("photo:\n  file: media/hop-bao.jpg\n", (800, 600), "JPEG", "hop-bao.jpg", "photo.alt: is missing"),
        (PHOTO.replace("vi: Quang", "en: Quang"), (800, 600), "JPEG", "hop-bao.jpg", "photo.alt.vi"),
        (PHOTO.replace(".jpg", ".gif"), (800, 600), "GIF", "hop-bao.gif", "is not a photo this site shows"),
        (PHOTO, (800, 600), "PNG", "hop-bao.jpg", "is a PNG file under another name"),
        (PHOTO, (200, 150), "JPEG", "hop-bao.jpg", "200 pixels wide; at least 360"),
        (PHOTO, (800, 600), "JPEG", "khac.jpg", "there is no file media/hop-bao.jpg"),
        (PHOTO.replace("media/", "../"), (800, 600), "JPEG", "hop-bao.jpg", "expected a file in the updates' media/"),
    ],
)
def test_the_validator_checks_type_size_and_alt_text(tmp_path, photo_yaml, size, kind, name, expected) -> None:
    found = problems(with_photo(tmp_path, photo_yaml, size, kind, name))
    assert any(expected in p and "2025-01-02-hop-bao.yaml:" in p for p in found), found


def test_a_photo_over_the_size_limit_is_refused(tmp_path) -> None:
    data = with_photo(tmp_path)
    media = data / "decisions" / "qd-1-2030" / "updates" / "media" / "hop-bao.jpg"
    media.write_bytes(media.read_bytes() + b"\0" * MAX_PHOTO_BYTES)
    assert any("at most 5 MB" in p for p in problems(data))
