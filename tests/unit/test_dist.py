"""`make dist`: precompressed copies that decompress to the original, identical on every run, and a CSP
that lists exactly the inline scripts a browser would run."""

from __future__ import annotations

import base64
import gzip
import hashlib

import brotli
from sitegen.publish.dist import content_security_policy, inline_script_hashes, precompress

PAGE = (
    "<!doctype html><html><head><script>var a=1</script>"
    '<script id="__config" type="application/json">{"base": "."}</script>'
    '<script src="bundle.js"></script></head>'
    "<body><p>" + "Nhiệm vụ, giải pháp chủ yếu. " * 40 + "</p><script>var a=1</script></body></html>"
)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_text_files_get_gzip_and_brotli_copies_with_the_same_content(tmp_path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(2000))
    precompress(tmp_path)
    original = (tmp_path / "en" / "index.html").read_bytes()
    assert gzip.decompress((tmp_path / "en" / "index.html.gz").read_bytes()) == original
    assert brotli.decompress((tmp_path / "en" / "index.html.br").read_bytes()) == original
    assert not (tmp_path / "logo.png.gz").exists(), "images are compressed already; only text gets copies"


def test_the_copies_are_byte_for_byte_the_same_on_every_run(tmp_path) -> None:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    precompress(tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    precompress(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == first
    assert first["index.html.gz"][4:8] == bytes(4), "gzip header must carry no modification time"


def test_no_copy_is_kept_where_compression_does_not_save_bytes(tmp_path) -> None:
    (tmp_path / "robots.txt").write_text("a", encoding="utf-8")
    precompress(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["robots.txt"]


def test_the_policy_allows_the_inline_scripts_by_hash_and_nothing_else(tmp_path) -> None:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    hashes = inline_script_hashes(tmp_path)
    assert hashes == [sha256("var a=1")], "JSON data blocks and external scripts need no hash"
    policy = content_security_policy(hashes)
    assert f"script-src 'self' {sha256('var a=1')};" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
