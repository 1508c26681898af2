"""The site as `make dist` and deploy/nginx/ publish it: Debian's nginx on 127.0.0.1 serves the
precompressed files with the right types, caching, 404 pages and security headers."""

from __future__ import annotations

import gzip
import http.client
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import brotli
import nginx_helpers as nginx
import pytest
from sitegen.publish.fingerprint import asset_file

PAGES = ["", "qd-166-2021/", "qd-166-2021/ngan-sach-nha-nuoc/", "about/"]
BOTH_LANGUAGES = [*PAGES, *(f"en/{p}" for p in PAGES)]


@pytest.fixture(scope="session")
def nginx_port() -> int:
    return nginx.free_port()


@pytest.fixture(scope="session")
def dist(nginx_port) -> Iterator[Path]:
    """`make dist` for the address nginx serves it at (its absolute links, hreflang and sitemaps name that origin,
    as on the real host), run with umask 077, in a folder like /srv/decision-site: readable by all, as a host's is.

    nginx's workers run as an unprivileged user (nginx_helpers.worker_user), so a site whose folders or files
    only their owner may read answers 403 and 404 here as it would on a real server."""
    host_folder = Path(tempfile.mkdtemp(prefix="decision-site-"))
    host_folder.chmod(0o755)
    command = [sys.executable, "-m", "sitegen.publish.dist", "--dist-dir", str(host_folder / "dist")]
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{nginx_port}/", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        command, env=env, cwd=host_folder, capture_output=True, text=True, timeout=900, preexec_fn=strict_umask
    )
    assert result.returncode == 0, result.stdout + result.stderr
    root = host_folder / "dist"
    for name, content in HIDDEN_FILES.items():  # what a careless copy brings along: never to be served
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(content)
        (root / name).chmod(0o644)
        (root / name).parent.chmod(0o755)
    yield root
    shutil.rmtree(host_folder, ignore_errors=True)


HIDDEN_FILES = {".git/config": "[remote]", ".env": "SECRET=1", "assets/.htpasswd": "admin:x", ".well-known/x.txt": "ok"}


def strict_umask() -> None:
    os.umask(0o077)


@pytest.fixture(scope="session")
def nginx_url(dist, nginx_port) -> Iterator[str]:
    assert nginx.NGINX.exists() and nginx.BROTLI_MODULE.exists(), "nginx is missing: run `make nginx`"
    with nginx.serve_dist(dist, dist.with_name("dist.csp.conf"), port=nginx_port) as url:
        yield url


def fetch(base: str, path: str, encoding: str = "") -> tuple[int, dict[str, str], bytes]:
    """One GET without any client-side decoding, so the test sees what nginx sent on the wire."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    connection.request("GET", "/" + path, headers={"Accept-Encoding": encoding} if encoding else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def decoded(headers: dict[str, str], body: bytes) -> bytes:
    encoding = headers.get("content-encoding", "")
    return {"br": brotli.decompress, "gzip": gzip.decompress}.get(encoding, lambda b: b)(body)


@pytest.mark.parametrize("path", BOTH_LANGUAGES)
def test_pages_in_both_languages_are_sent_brotli_gzip_or_plain_as_the_browser_asks(nginx_url, dist, path) -> None:
    on_disk = (dist / path / "index.html").read_bytes()
    for accept, expected in (("br, gzip", "br"), ("gzip", "gzip"), ("", None)):
        status, headers, body = fetch(nginx_url, path, accept)
        assert status == 200
        assert headers["content-type"] == "text/html; charset=utf-8"
        assert headers.get("content-encoding") == expected, f"Accept-Encoding: {accept!r}"
        assert "Accept-Encoding" in headers.get("vary", "")
        assert decoded(headers, body) == on_disk
    assert len(fetch(nginx_url, path, "br")[2]) < len(on_disk) / 3


def test_every_response_carries_the_security_headers(nginx_url) -> None:
    for path in ["", "en/qd-166-2021/", "en/no-such-page/", "assets/images/favicon.png"]:
        _, headers, _ = fetch(nginx_url, path)
        assert headers["x-content-type-options"] == "nosniff", path
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin", path
        policy = headers["content-security-policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        assert "unsafe-inline" not in policy, path


def test_fingerprinted_assets_are_cached_for_a_year_and_pages_revalidated(nginx_url, dist) -> None:
    [stylesheet] = (dist / "assets" / "stylesheets").glob("main.*.min.css")
    # the site's own CSS and JS carry a content hash too (sitegen/publish/fingerprint.py)
    own = [asset_file(dist, name) for name in ("site.css", "search.css", "search.js", "reading.js")]
    for asset in (stylesheet, *own):
        status, headers, _ = fetch(nginx_url, asset.relative_to(dist).as_posix(), "br")
        assert status == 200 and headers["content-encoding"] == "br"
        assert headers["cache-control"] == "public, max-age=31536000, immutable"
        assert headers["content-type"].endswith("; charset=utf-8")
    home = (dist / "index.html").read_text(encoding="utf-8")
    assert all(f"assets/{asset.name}" in home for asset in own if asset.name.startswith(("site", "search.")))
    # pages are revalidated on every visit: a page kept longer could name CSS/JS a new deployment replaced
    for path in ["", "en/", "qd-166-2021/ngan-sach-nha-nuoc/", "en/about/"]:
        status, headers, _ = fetch(nginx_url, path)
        assert headers["cache-control"] == "no-cache", path
        assert "etag" in headers or "last-modified" in headers, path  # so the revalidation is a cheap 304
    for path in ["search/vi.json", "search/en.json", "feed.xml"]:  # one index per language
        assert fetch(nginx_url, path)[1]["cache-control"] == "public, max-age=300", path
    # not fingerprinted: a new version must reach readers within the hour
    assert fetch(nginx_url, "assets/images/favicon.png")[1]["cache-control"] == "public, max-age=3600"


def test_a_missing_page_gets_the_404_page_of_its_language(nginx_url, dist) -> None:
    english_404 = dist / "en" / "404.html"
    # until the build writes one 404 page per language, English readers get the site's only one
    expected_en = (english_404 if english_404.exists() else dist / "404.html").read_bytes()
    status, headers, body = fetch(nginx_url, "en/qd-166-2021/no-such-group/", "gzip")
    assert status == 404 and headers["content-type"] == "text/html; charset=utf-8"
    assert decoded(headers, body) == expected_en
    status, _, body = fetch(nginx_url, "qd-166-2021/no-such-group/")
    assert status == 404 and body == (dist / "404.html").read_bytes()


def test_every_page_is_served_by_workers_that_do_not_own_the_files(nginx_url, dist) -> None:
    """The workers are another user than the one who ran `make dist` (with umask 077): every page, asset and
    compressed copy is still served."""
    pages = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        status, _, _ = fetch(nginx_url, page.removesuffix("index.html"), "br, gzip")
        assert status == 200, page
    for asset in (
        asset_file(dist, "site.css").relative_to(dist).as_posix(),
        "sitemap.xml",
        "search/vi.json",
        "feed.xml",
    ):
        assert fetch(nginx_url, asset, "gzip")[0] == 200, asset


@pytest.mark.parametrize("path", [".git/config", ".env", "assets/.htpasswd", ".git/", "en/.env"])
def test_hidden_files_are_never_served(nginx_url, dist, path) -> None:
    status, headers, body = fetch(nginx_url, path)
    assert status == 404, path
    assert headers["x-content-type-options"] == "nosniff"
    assert b"SECRET" not in body and b"admin:" not in body and b"[remote]" not in body


def test_well_known_files_are_served(nginx_url) -> None:
    """/.well-known/ (security.txt, ACME challenges for certificates) is the one hidden folder a host needs."""
    status, _, body = fetch(nginx_url, ".well-known/x.txt")
    assert status == 200 and body == b"ok"


def test_hsts_advice_is_in_the_config_and_works_when_switched_on(nginx_url, dist, tmp_path) -> None:
    """HSTS is commented out (the site may be served over plain HTTP at first); uncommenting the one line as the
    comment says gives every response the header."""
    server_conf = (nginx.DEPLOY_DIR / "site-server.conf").read_text(encoding="utf-8")
    [advice] = re.findall(r"^# (add_header Strict-Transport-Security .*;)$", server_conf, re.M)
    assert "max-age=" in advice and "always" in advice
    switched_on = tmp_path / "deploy"
    shutil.copytree(nginx.DEPLOY_DIR, switched_on)
    (switched_on / "site-server.conf").write_text(server_conf.replace(f"# {advice}", advice), encoding="utf-8")
    with nginx.serve_dist(dist, dist.with_name("dist.csp.conf"), deploy_dir=switched_on) as url:
        for path in ("", "en/no-such-page/", asset_file(dist, "site.css").relative_to(dist).as_posix()):
            _, headers, _ = fetch(url, path)
            assert headers["strict-transport-security"].startswith("max-age="), path
    assert "strict-transport-security" not in fetch(nginx_url, "")[1]  # not sent until switched on


def test_a_folder_without_its_slash_redirects_relative_to_the_host(nginx_url) -> None:
    status, headers, _ = fetch(nginx_url, "en")
    assert status == 301 and headers["location"] == "/en/"


@pytest.mark.browser
def test_the_browser_reports_no_policy_violation_in_either_language(nginx_url, page) -> None:
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => (window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + e.blockedURI))"
    )
    for path in ["", "qd-166-2021/phat-trien-kinh-te/", "en/", "en/about/", "en/no-such-page/"]:
        page.goto(f"{nginx_url}/{path}", wait_until="networkidle")
        # a search loads the search code and this language's index (docs/assets/search.js)
        page.locator("#site-search-input").click()
        page.keyboard.type("ngan sach")
        # the search has run once the form records the query (results or "no results": English has no "ngan")
        # (waited for with a locator: wait_for_function polls with eval, which this very policy forbids)
        page.locator("form.site-search__form[data-query='ngan sach']").wait_for(state="attached")
        assert page.evaluate("document.activeElement.value") == "ngan sach", "the search did not start"
        found = page.evaluate("window.__violations || []")
        assert found == [], f"{path}: {found}"
        assert page.evaluate("document.documentElement.lang") in ("vi", "en")
    assert violations == []
