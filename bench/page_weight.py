"""What a reader downloads: per page type and language, the bytes of a first visit and of a second page
(assets cached), measured in headless Chromium against nginx serving `make dist`; and the search index."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from _common import PROJECT, child_env, compressed_sizes, mkdocs_build, real_dist

TARGET_FIRST_VISIT_BYTES = 45_000  # issue 17 (issue 8 had 70,000)
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


def stock_material_dist(temp: Path) -> Path:
    """The same pages (the real data's generated Markdown) built by stock Material: its own templates,
    JavaScript bundle and search plugin, none of our overrides, stylesheets or scripts; compressed like ours."""
    import _synthetic
    import yaml
    from sitegen.publish.dist import csp_include_path, precompress, write_csp_include

    config = _synthetic.write_plain_twin(PROJECT / "data", temp / "stock")
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    (temp / "no-overrides").mkdir()
    settings["theme"] = {"custom_dir": str(temp / "no-overrides")}
    settings["extra_css"], settings["extra_javascript"] = [], []
    config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    dist = temp / "stock-dist"
    mkdocs_build(dist, child_env(), config)
    precompress(dist)
    write_csp_include(dist, csp_include_path(dist))
    return dist


def measure_site(dist: Path, browser) -> dict[str, dict]:
    from nginx_helpers import serve_dist
    from sitegen.publish.dist import csp_include_path

    results: dict[str, dict] = {}
    with serve_dist(dist, csp_include_path(dist)) as base:
        for lang, prefix in (("vi", ""), ("en", "en/")):
            for name, path in PAGE_TYPES.items():
                other = "about/" if name == "home" else ""
                results[f"{lang} {name}"] = measure(browser, base, prefix, path, other)
    return results


def run() -> dict:
    import tempfile

    from playwright.sync_api import sync_playwright

    dist = real_dist()
    with tempfile.TemporaryDirectory(prefix="bench-stock-") as temp, sync_playwright() as playwright:
        stock = stock_material_dist(Path(temp))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        try:
            results = measure_site(dist, browser)
            stock_results = measure_site(stock, browser)
        finally:
            browser.close()
    worst = max(r["first_visit"]["bytes_without_search_index"] for r in results.values())
    worst_stock = max(r["first_visit"]["bytes"] for r in stock_results.values())
    worst_stock_without_search = max(r["first_visit"]["bytes_without_search"] for r in stock_results.values())
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
            f"{stock_results[key]['first_visit']['bytes'] / 1000:.1f} ({stock_results[key]['first_visit']['requests']})",
            f"{stock_results[key]['first_visit']['bytes_without_search'] / 1000:.1f}",
        ]
        for key, r in results.items()
    ]
    return {
        "pages": results,
        "stock_material_pages": stock_results,
        "worst_first_visit_bytes": max(r["first_visit"]["bytes"] for r in results.values()),
        "stock_worst_first_visit_bytes": worst_stock,
        "stock_worst_first_visit_without_search_bytes": worst_stock_without_search,
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
                "stock Material 1st visit KB (requests)",
                "stock Material without its search KB",
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
                    "",
                    "",
                ]
                for name, sizes in indexes.items()
            ],
        },
    }
