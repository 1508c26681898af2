"""What a reader downloads: per page type and language, the bytes of a first visit and of a second page
(assets cached), measured in headless Chromium against nginx serving `make dist`; and the search index."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from _common import compressed_sizes, real_dist

TARGET_FIRST_VISIT_BYTES = 70_000
CHROMIUM = "/usr/bin/chromium"
PAGE_TYPES = {
    "home": "",
    "decision": "qd-166-2021/",
    "task group": "qd-166-2021/ngan-sach-nha-nuoc/",
    "about": "about/",
}


def is_search_index(url: str) -> bool:
    path = urlsplit(url).path
    return "/search/" in path and path.endswith(".json")


def is_search(url: str) -> bool:
    """The search machinery: the index, the search worker and the lunr language files it loads."""
    path = urlsplit(url).path
    return is_search_index(url) or "/workers/search" in path or "/lunr/" in path


class Recorder:
    """What came over the network (not from the cache): body bytes as sent (Content-Length of the
    compressed response) and header bytes, for every request of the page and of its workers."""

    def __init__(self, page) -> None:
        self.fetched: list[dict] = []
        page.on("requestfinished", self.record)

    def record(self, request) -> None:
        response = request.response()
        sizes = request.sizes()
        if response is None or sizes["responseBodySize"] < 0:  # negative: served from the browser's cache
            return
        self.fetched.append(
            {
                "url": request.url,
                "status": response.status,
                "encoding": response.headers.get("content-encoding", "identity"),
                "body": int(response.headers.get("content-length", sizes["responseBodySize"])),
                "headers": sizes["responseHeadersSize"],
            }
        )

    def totals(self, base: str) -> dict:
        def total(items: list[dict]) -> int:
            # bodies only: over HTTP/2 the repeated headers are compressed away (HPACK); listed apart
            return sum(i["body"] for i in items)

        search = [i for i in self.fetched if is_search(i["url"])]
        index = [i for i in self.fetched if is_search_index(i["url"])]
        return {
            "requests": len(self.fetched),
            "bytes": total(self.fetched),
            "bytes_without_search_index": total(self.fetched) - total(index),
            "bytes_without_search": total(self.fetched) - total(search),
            "search_bytes": total(search),
            "search_index_bytes": total(index),
            "header_bytes": sum(i["headers"] for i in self.fetched),
            "encodings": sorted({i["encoding"] for i in self.fetched}),
            "responses": [
                {**i, "url": i["url"].removeprefix(base)} for i in sorted(self.fetched, key=lambda i: i["url"])
            ],
        }


def measure(browser, base: str, lang_prefix: str, path: str, other: str) -> dict:
    context = browser.new_context()
    page = context.new_page()
    recorder = Recorder(page)
    page.goto(f"{base}/{lang_prefix}{path}", wait_until="networkidle")
    first = recorder.totals(base)
    context.close()
    # second page: this page reached from another page of the site, the assets in the cache
    context = browser.new_context()
    page = context.new_page()
    recorder = Recorder(page)
    page.goto(f"{base}/{lang_prefix}{other}", wait_until="networkidle")
    recorder.fetched.clear()
    page.goto(f"{base}/{lang_prefix}{path}", wait_until="networkidle")
    second = recorder.totals(base)
    context.close()
    return {"first_visit": first, "second_page": second}


def search_indexes(dist: Path) -> dict[str, dict[str, int]]:
    return {
        p.relative_to(dist).as_posix(): compressed_sizes(p.read_bytes()) for p in sorted(dist.glob("**/search/*.json"))
    }


def run() -> dict:
    from nginx_helpers import serve_dist
    from playwright.sync_api import sync_playwright
    from sitegen.publish.dist import csp_include_path

    dist = real_dist()
    results: dict[str, dict] = {}
    with serve_dist(dist, csp_include_path(dist)) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        try:
            for lang, prefix in (("vi", ""), ("en", "en/")):
                for name, path in PAGE_TYPES.items():
                    other = "about/" if name == "home" else ""
                    results[f"{lang} {name}"] = measure(browser, base, prefix, path, other)
        finally:
            browser.close()
    worst = max(r["first_visit"]["bytes_without_search_index"] for r in results.values())
    worst_without_search = max(r["first_visit"]["bytes_without_search"] for r in results.values())
    indexes = search_indexes(dist)
    encodings = sorted({e for r in results.values() for e in r["first_visit"]["encodings"]})
    rows = [
        [
            key,
            r["first_visit"]["requests"],
            f"{r['first_visit']['bytes'] / 1000:.1f}",
            f"{r['first_visit']['bytes_without_search_index'] / 1000:.1f}",
            f"{r['first_visit']['bytes_without_search'] / 1000:.1f}",
            f"{r['first_visit']['search_bytes'] / 1000:.1f}",
            f"{r['first_visit']['header_bytes'] / 1000:.1f}",
            f"{r['second_page']['bytes'] / 1000:.1f}",
            r["second_page"]["requests"],
        ]
        for key, r in results.items()
    ]
    return {
        "pages": results,
        "search_indexes": indexes,
        "encodings_seen": encodings,
        "worst_first_visit_without_search_index_bytes": worst,
        "worst_first_visit_without_search_bytes": worst_without_search,
        "target_first_visit_bytes": TARGET_FIRST_VISIT_BYTES,
        "target_met": worst < TARGET_FIRST_VISIT_BYTES,
        "search_index_fetched_on_page_load": any(r["first_visit"]["search_index_bytes"] for r in results.values()),
        "table": {
            "title": (
                "What a reader downloads: compressed KB as sent ("
                f"encodings: {', '.join(encodings)}), headless Chromium against nginx serving make dist; "
                "headers apart, as HTTP/2 compresses them"
            ),
            "columns": [
                "page",
                "1st visit requests",
                "1st visit KB",
                "without search index KB",
                "without any search KB",
                "search (index, worker, lunr) KB",
                "1st visit headers KB (HTTP/1.1)",
                "2nd page KB",
                "2nd page requests",
            ],
            "rows": rows
            + [
                [
                    f"search index {name}",
                    "",
                    f"raw {sizes['raw'] / 1000:.1f}",
                    f"gzip {sizes['gzip'] / 1000:.1f}",
                    f"br {sizes['brotli'] / 1000:.1f}",
                    "",
                    "",
                    "",
                    "",
                ]
                for name, sizes in indexes.items()
            ],
        },
    }
