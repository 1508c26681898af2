"""Search benchmark: index bytes per language (real site and 1,000 synthetic task groups per language)
and the time from a key press to results shown in headless Chromium.

`run() -> dict` for `make bench`; `python bench/search.py` prints the same as JSON.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT / "hooks"))

from sitegen.content.validate import load_site  # noqa: E402
from sitegen.engine import build as sitegen_build  # noqa: E402
from sitegen.pages.generate import generated_dir  # noqa: E402
from sitegen.publish.fingerprint import asset_file  # noqa: E402

REAL_DECISION = PROJECT / "data" / "decisions" / "qd-166-2021"
SYNTHETIC_DECISIONS = 10
SYNTHETIC_GROUPS_PER_DECISION = 100  # 1,000 task groups per language in all
QUERIES = {"vi": "ngan sach", "en": "budget"}
REPEATS = 7
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def write_synthetic_data(root: Path, decisions: int, groups: int, seed: int = 166) -> Path:
    """Decision folders shaped like data/decisions/qd-166-2021, with groups made of the real words.

    Words are drawn at random from the real texts of each language, so the index compresses like
    varied prose rather than like one paragraph repeated a thousand times.
    """
    rng = random.Random(seed)
    words = {lang: _vocabulary(lang) for lang in ("vi", "en")}
    decision_yaml = (REAL_DECISION / "decision.yaml").read_text(encoding="utf-8")
    data = root / "data"
    for d in range(decisions):
        folder = data / "decisions" / f"qd-{1000 + d}-2030"
        (folder / "groups").mkdir(parents=True)
        (folder / "decision.yaml").write_text(decision_yaml, encoding="utf-8")
        for n in range(1, groups + 1):
            title = {lang: _sentence(rng, words[lang], 5, 10) for lang in words}
            text = {lang: _sentence(rng, words[lang], 35, 70) + "." for lang in words}
            (folder / "groups" / f"{n:03d}.yaml").write_text(
                f"number: {n}\nslug: nhom-{n}\n"
                f"title:\n  vi: {json.dumps(title['vi'], ensure_ascii=False)}\n  en: {json.dumps(title['en'])}\n"
                f"text:\n  vi: {json.dumps(text['vi'], ensure_ascii=False)}\n  en: {json.dumps(text['en'])}\n",
                encoding="utf-8",
            )
    return data


def _vocabulary(lang: str) -> list[str]:
    """Every distinct word of the real decision's texts in one language."""
    decision = load_site(PROJECT / "data").decisions[0]
    texts = [decision.title, decision.summary, decision.motto, decision.objective]
    texts += [t for g in decision.groups for t in (g.title, g.text)]
    return sorted(set(re.findall(r"[^\W\d_]{2,}", " ".join(t.best(lang)[0] for t in texts))))


def _sentence(rng: random.Random, words: list[str], low: int, high: int) -> str:
    chosen = rng.choices(words, k=rng.randint(low, high))
    return " ".join(chosen).capitalize()


def index_sizes(site: Path) -> dict[str, dict[str, int]]:
    sizes = {}
    for lang in ("vi", "en"):
        raw = (site / "search" / f"{lang}.json").read_bytes()
        sizes[lang] = {"raw": len(raw), "gzip": len(gzip.compress(raw, 9)), "pages": raw.count(b'"url":')}
    return sizes


def script_bytes(site: Path) -> dict[str, dict[str, int]]:
    """The loader every page fetches, and the engine fetched with the index on first use."""
    sizes = {}
    for name in ("search.js", "search-engine.js", "search.css"):
        raw = asset_file(site, name).read_bytes()
        sizes[name] = {"raw": len(raw), "gzip": len(gzip.compress(raw, 9))}
    return sizes


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


_RECORDER = """() => {
  const form = document.querySelector('form.site-search__form');
  const input = form.querySelector('input');
  window.__bench = {down: 0, shown: 0};
  document.addEventListener('keydown', () => { window.__bench.down = performance.now(); }, true);
  new MutationObserver(() => {
    if (form.dataset.query === input.value) window.__bench.shown = performance.now();
  }).observe(form, {attributes: true, attributeFilter: ['data-query'], subtree: true, childList: true});
}"""
_WAIT = "q => document.querySelector('form.site-search__form').dataset.query === q"


def key_to_results(site: Path) -> dict[str, dict[str, float]]:
    """Median ms from the key press that completes the query to its results shown, per language:
    `first` on a fresh page (the index is fetched, parsed and searched), `typing` once it is loaded."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    timings: dict[str, dict[str, float]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for lang, query in QUERIES.items():
                first, typing = [], []
                for _ in range(REPEATS):
                    context = browser.new_context()
                    page = context.new_page()
                    page.goto(base + ("/en/" if lang == "en" else "/"))
                    page.evaluate(_RECORDER)
                    box = page.locator("#site-search-input")
                    box.press(query[0])  # focus and first key: the index is fetched now
                    page.wait_for_function(_WAIT, arg=query[0])
                    first.append(page.evaluate("window.__bench.shown - window.__bench.down"))
                    box.press_sequentially(query[1:-1])
                    page.wait_for_function(_WAIT, arg=query[:-1])
                    box.press(query[-1])
                    page.wait_for_function(_WAIT, arg=query)
                    typing.append(page.evaluate("window.__bench.shown - window.__bench.down"))
                    context.close()
                timings[lang] = {
                    "first_key_ms": round(statistics.median(first), 1),
                    "key_to_results_ms": round(statistics.median(typing), 1),
                }
            browser.close()
    finally:
        server.shutdown()
    return timings


def measure_site(site: Path) -> dict:
    return {"index": index_sizes(site), "timing": key_to_results(site)}


def build(data_dir: Path, site_dir: Path) -> float:
    started = time.perf_counter()
    with contextlib.redirect_stdout(sys.stderr):  # stdout carries the benchmark's JSON only
        status = sitegen_build.build(site_dir, data_dir, PROJECT / "mkdocs.yml")
    if status != 0:
        raise RuntimeError(f"building {data_dir} failed")
    return round(time.perf_counter() - started, 1)


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        tmp_path = Path(tmp)
        real_site = tmp_path / "real-site"
        build(PROJECT / "data", real_site)
        synthetic_data = write_synthetic_data(tmp_path, SYNTHETIC_DECISIONS, SYNTHETIC_GROUPS_PER_DECISION)
        synthetic_site = tmp_path / "synthetic-site"
        try:
            build_seconds = build(synthetic_data, synthetic_site)
        finally:
            shutil.rmtree(generated_dir(PROJECT, synthetic_data), ignore_errors=True)
        script = script_bytes(real_site)
        result = {
            "assets": script,
            "real": measure_site(real_site),
            "synthetic_1000_groups": {**measure_site(synthetic_site), "build_seconds": build_seconds},
        }
    # everything search adds to what a phone downloads until the first results show
    fixed = sum(sizes["gzip"] for sizes in script.values())
    for name in ("real", "synthetic_1000_groups"):
        result[name]["bytes_before_first_result_gzip"] = {
            lang: fixed + sizes["gzip"] for lang, sizes in result[name]["index"].items()
        }
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
