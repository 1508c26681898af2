"""Integrity of the built site in both languages: links and anchors resolve, no request leaves the
site, and the HTML passes the Nu Html Checker except for the theme's errors listed in README.md."""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from urllib.parse import unquote, urlsplit

import pytest
from sitehelpers import PROJECT

VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
README = PROJECT / "README.md"
LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}


def all_html(root) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def _ids(soup) -> set[str]:
    return {tag["id"] for tag in soup.select("[id]")} | {tag["name"] for tag in soup.select("a[name]")}


def _target_file(root, relative: str, path: str) -> str | None:
    """The built file a same-site path points at (`../about/` → `about/index.html`), or None."""
    if path.startswith("/"):
        resolved = path.lstrip("/")
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(relative), path))
        if resolved.startswith(".."):
            return None
    resolved = "" if resolved == "." else resolved
    for candidate in (resolved, posixpath.join(resolved, "index.html")):
        if candidate and (root / candidate).is_file():
            return candidate
    return None


def test_every_internal_link_and_anchor_resolves(built_site, soup_of, site_url) -> None:
    broken = []
    for relative in all_html(built_site.root):
        soup = soup_of(relative)
        for tag_name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.select(f"{tag_name}[{attribute}]"):
                url = tag[attribute]
                if url.startswith(site_url):  # absolute addresses of this site (canonical, hreflang)
                    url = url.removeprefix(site_url) or "/"
                parts = urlsplit(url)
                if parts.scheme or parts.netloc:
                    continue  # another site: a link to follow, checked below not to be a request
                target = _target_file(built_site.root, relative, unquote(parts.path)) if parts.path else relative
                if target is None:
                    broken.append(f"{relative}: {tag_name} {attribute}={tag[attribute]}")
                elif parts.fragment and target.endswith(".html") and parts.fragment not in _ids(soup_of(target)):
                    broken.append(f"{relative}: {tag[attribute]} has no #{parts.fragment} in {target}")
    assert broken == []


def test_a_visit_to_any_page_requests_only_the_sites_own_host(page_visits, site_url) -> None:
    for relative, visit in page_visits.items():
        assert visit["requests"], relative
        foreign = [url for url in visit["requests"] if not url.startswith(site_url + "/")]
        assert foreign == [], relative


def test_nothing_a_page_loads_is_missing(page_visits) -> None:
    """Not even the theme's sitemap probes: Material's bundle, which fetched sitemap.xml beside every
    <link rel=alternate> (four 404s on a group page), is not loaded (overrides/main.html)."""
    for relative, visit in page_visits.items():
        assert visit["failed"] == [], relative
        assert not [u for u in visit["requests"] if u.endswith("sitemap.xml")], relative


def _documented_theme_errors() -> list[tuple[str, str]]:
    """The (message start, markup) pairs of README's vnu allowlist table."""
    text = README.read_text(encoding="utf-8")
    table = text.split("<!-- vnu-allowlist -->")[1]
    rows = re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", table, re.MULTILINE)
    assert rows, "README.md lost its vnu allowlist table"
    return rows


@pytest.fixture(scope="module")
def vnu_errors(built_site) -> list[dict]:
    assert VNU.is_file(), "vnu.jar is missing: run `make node-tools`"
    files = [str(built_site.root / p) for p in all_html(built_site.root)]
    result = subprocess.run(
        ["java", "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stderr or result.stdout)["messages"]


def test_html_has_no_errors_but_the_documented_theme_ones(vnu_errors, built_site) -> None:
    allowed = _documented_theme_errors()
    ours = []
    for error in vnu_errors:
        extract = error.get("extract", "")
        if not any(error["message"].startswith(message) and markup in extract for message, markup in allowed):
            where = error.get("url", "").removeprefix(built_site.root.as_uri())
            ours.append(f"{where}:{error.get('lastLine')}: {error['message']} | {extract.strip()[:100]}")
    assert ours == []


def test_every_documented_theme_error_still_occurs(vnu_errors) -> None:
    """An allowlist entry the theme no longer triggers must go, so that the list stays true."""
    for message, markup in _documented_theme_errors():
        assert any(e["message"].startswith(message) and markup in e.get("extract", "") for e in vnu_errors), markup
