"""`make bench`: run every benchmark piece in bench/, print one table each, write bench/results/latest.json.

A piece is any bench/<name>.py with `run() -> dict` (files starting with `_` are helpers). A piece may
return {"table": {"title", "columns", "rows"}} to be printed as a table; anything else is printed as
key: value lines. Not a test: numbers depend on the machine and its load, and nothing here fails on them.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import os
import platform
import sys
import time
import traceback
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results"
# the pieces of this directory in a sensible order; pieces added by others run after them, by name
ORDER = ("site_build", "serve_rebuild", "compare", "scale", "page_weight", "load")


def discover() -> list[str]:
    names = [p.stem for p in BENCH_DIR.glob("*.py") if not p.stem.startswith("_") and p.stem != "run"]
    known = [n for n in ORDER if n in names]
    return known + sorted(n for n in names if n not in ORDER)


def load(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def format_table(table: dict) -> str:
    columns = [str(c) for c in table["columns"]]
    # ragged rows are padded: a piece's table must never cost the figures of the run
    width = max([len(columns), *(len(row) for row in table["rows"])])
    columns += [""] * (width - len(columns))
    rows = [[str(cell) for cell in row] + [""] * (width - len(row)) for row in table["rows"]]
    widths = [
        max(len(columns[i]), *(len(r[i]) for r in rows)) if rows else len(columns[i]) for i in range(len(columns))
    ]
    line = "| " + " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    return "\n".join([f"### {table.get('title', '')}", "", line, rule, *body])


def format_result(name: str, result: dict) -> str:
    if isinstance(result.get("table"), dict):
        text = format_table(result["table"])
    else:
        text = f"### {name}\n\n" + "\n".join(f"- {k}: {v}" for k, v in result.items() if not isinstance(v, dict | list))
    notes = [f"- {k}: {v}" for k, v in result.items() if k.endswith("_note")]
    return "\n".join([text, *notes])


def machine() -> dict:
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "quick": os.environ.get("BENCH_QUICK", ""),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs, sizes up to 1,000, 3 s load check")
    parser.add_argument("--only", nargs="*", help="run only these pieces (e.g. scale page_weight)")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    if args.quick:
        os.environ["BENCH_QUICK"] = "1"
    sys.path.insert(0, str(BENCH_DIR))
    sys.path.insert(0, str(BENCH_DIR.parent / "tests"))  # nginx_helpers: the test-only nginx runner
    names = [n for n in discover() if not args.only or n in args.only]
    report: dict = {"machine": machine(), "results": {}, "errors": {}}
    print(f"Benchmark pieces: {', '.join(names)} (load average {report['machine']['load_average']})\n")
    for name in names:
        started = time.perf_counter()
        try:
            result = load(name).run()
        except Exception:  # one broken piece must not hide the others' numbers
            report["errors"][name] = traceback.format_exc()
            print(f"### {name}: FAILED\n{traceback.format_exc()}", flush=True)
            continue
        result["bench_seconds"] = round(time.perf_counter() - started, 1)
        report["results"][name] = result
        print(format_result(name, result) + f"\n\n({name}: {result['bench_seconds']} s)\n", flush=True)
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Written {args.output}")
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
