"""Lighthouse 12 (pinned in package.json), mobile, on every page type in both languages, served by nginx as
`make dist` is served. Scores depend on the machine's load (performance most): read them as measured here.

The 404 pages are loaded at their own address (`/404.html`): Lighthouse refuses a page answered with
status 404, and nginx sends the very same file for any missing address.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path

from _common import PROJECT, child_env, mkdocs_build, quick

LIGHTHOUSE = PROJECT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "home": "",
    "decision": "qd-166-2021/",
    "group": "qd-166-2021/ngan-sach-nha-nuoc/",
    "update": "qd-166-2021/tin-tuc/ban-hanh-quyet-dinh/",
    "404": "404.html",
}
QUICK_PAGES = ("home", "group")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100, "cls": 0.01}


def lighthouse(url: str, out: Path) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox",
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = report["audits"]
    failed = sorted(
        key
        for key, audit in audits.items()
        if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
    )
    return {
        **scores,
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 4),
        "lcp_ms": round(audits["largest-contentful-paint"]["numericValue"]),
        "failed_audits": failed,
    }


def run() -> dict:
    from nginx_helpers import free_port, serve_dist
    from sitegen.publish.dist import csp_include_path, precompress, write_csp_include

    if not LIGHTHOUSE.exists():
        raise RuntimeError("Lighthouse is missing: run `make node-tools`")
    pages = {k: v for k, v in PAGES.items() if not quick() or k in QUICK_PAGES}
    port = free_port()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as temp:
        dist = Path(temp) / "dist"
        # built for the address nginx serves it at, as the hosting test does: canonical and hreflang name it
        mkdocs_build(dist, child_env(PROJECT / "data", SITE_URL=f"http://127.0.0.1:{port}/"))
        precompress(dist)
        write_csp_include(dist, csp_include_path(dist))
        with serve_dist(dist, csp_include_path(dist), port=port) as base:
            for lang, prefix in (("vi", ""), ("en", "en/")):
                for kind, path in pages.items():
                    results[f"{kind} ({lang})"] = lighthouse(f"{base}/{prefix}{path}", Path(temp) / "report.json")
    met = {
        page: all(r[c] >= TARGETS[c] for c in CATEGORIES) and r["cls"] <= TARGETS["cls"] for page, r in results.items()
    }
    return {
        "pages": results,
        "targets": TARGETS,
        "all_targets_met": all(met.values()),
        "table": {
            "title": "Lighthouse 12.2.3, mobile, nginx serving make dist on 127.0.0.1 "
            "(targets: performance >= 95, others 100, CLS <= 0.01)",
            "columns": ["page", "performance", "accessibility", "best practices", "SEO", "CLS", "LCP ms", "failed"],
            "rows": [
                [
                    page,
                    r["performance"],
                    r["accessibility"],
                    r["best-practices"],
                    r["seo"],
                    r["cls"],
                    r["lcp_ms"],
                    ", ".join(r["failed_audits"]) or "-",
                ]
                for page, r in results.items()
            ],
        },
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
