"""`make dist`: precompressed copies that decompress to the original, identical on every run, and a CSP
that lists exactly the inline scripts a browser would run."""

from __future__ import annotations

import base64
import gzip
import hashlib
import sys

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


def test_make_dist_refuses_to_run_without_the_public_address(tmp_path) -> None:
    """A build for publishing never carries the local default address (canonical, hreflang, sitemaps, feeds)."""
    import os
    import subprocess

    from sitegen.project import PROJECT_DIR

    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    result = subprocess.run(
        ["make", "-s", "dist"], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        "make dist needs the site's public address: SITE_URL=https://example.org/qd166/ make dist"
    )
    for value in ("", "  ", "/", "example.org/qd166/", "https://example.org/qd166"):
        result = subprocess.run(
            [sys.executable, "-m", "sitegen.publish.dist", "--dist-dir", str(tmp_path / "dist")],
            cwd=PROJECT_DIR,
            env={**env, "SITE_URL": value},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, (value, result.stderr)
        assert not (tmp_path / "dist").exists() and "Traceback" not in result.stderr


def test_local_builds_keep_the_local_default_address() -> None:
    from sitegen.project import PROJECT_DIR

    config = (PROJECT_DIR / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]' in config  # make build
    serve = (PROJECT_DIR / "hooks" / "sitegen" / "engine" / "serve.py").read_text(encoding="utf-8")
    assert 'os.environ.get("SITE_URL") or f"http://{args.host}:{args.port}/"' in serve  # make serve: its own address


def test_the_pages_workflow_publishes_only_with_the_pages_address() -> None:
    import yaml
    from sitegen.project import PROJECT_DIR

    workflow = yaml.safe_load((PROJECT_DIR / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    [dist_step] = [s for s in steps if "make dist" in s.get("run", "")]
    assert dist_step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert 'if [ "$SITE_URL" = "/" ] || [ -z "$SITE_URL" ]; then' in dist_step["run"]
    assert "exit 1" in dist_step["run"].split("make dist")[0]  # refused before make dist runs
    assert not any("shared" in str(s).lower() for s in steps)  # nothing checked out beside the repository
