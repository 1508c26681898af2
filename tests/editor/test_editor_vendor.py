"""The vendored Decap CMS: pinned, complete, loading nothing from a CDN, and absent from the public site."""

from __future__ import annotations

import re

from sitehelpers import PROJECT

VENDOR = PROJECT / "editor" / "vendor" / "decap-cms"  # written by scripts/install-cms.sh (make test runs it)
# hosts that serve fonts, scripts or styles to web pages
CDN = re.compile(r"fonts\.(googleapis|gstatic)\.com|unpkg\.com|cdn\.jsdelivr\.net|cdnjs\.cloudflare\.com|use\.typekit")


def test_the_pinned_version_is_installed_with_its_chunks() -> None:
    assert (VENDOR / "VERSION").read_text().strip() == "3.16.3"
    bundle = (VENDOR / "decap-cms.js").read_text(encoding="utf-8")
    assert "decap-cms 3.16.3" in bundle
    chunks = sorted(p.name for p in VENDOR.glob("*.decap-cms.js"))
    assert len(chunks) > 10  # the bundle loads these from its own folder when a widget needs them
    assert not list(VENDOR.glob("*.map"))


def test_no_vendored_file_names_a_font_or_script_cdn() -> None:
    named = {p.name: CDN.findall(p.read_text(encoding="utf-8", errors="replace")) for p in VENDOR.iterdir()}
    assert {name: hosts for name, hosts in named.items() if hosts} == {}


def test_the_public_site_has_no_editor(built_site) -> None:
    assert not (built_site.root / "admin").exists()
    assert not list(built_site.root.rglob("decap-cms*.js"))
