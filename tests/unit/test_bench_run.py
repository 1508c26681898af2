"""`make bench`'s orchestrator: it runs every bench/<name>.py piece (other issues add their own), prints
their tables and writes all figures to JSON, and one failing piece does not hide the others."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bench(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_run_under_test", PROJECT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "BENCH_DIR", tmp_path)
    return module


def write_piece(folder: Path, name: str, body: str) -> None:
    (folder / f"{name}.py").write_text(body, encoding="utf-8")


def test_pieces_added_by_others_are_found_after_the_known_ones(bench, tmp_path) -> None:
    for name in ("search", "scale", "_helpers", "run", "site_build"):
        write_piece(tmp_path, name, "def run():\n    return {}\n")
    assert bench.discover() == ["site_build", "scale", "search"]


def test_tables_are_printed_and_every_figure_is_written(bench, tmp_path, capsys) -> None:
    table = {"title": "Search", "columns": ["query", "ms"], "rows": [["ngan sach", 12]]}
    write_piece(tmp_path, "search", f"def run():\n    return {{'p50_ms': 12, 'table': {table!r}}}\n")
    write_piece(tmp_path, "broken", "def run():\n    raise ValueError('no index')\n")
    output = tmp_path / "results" / "latest.json"
    assert bench.main(["--output", str(output)]) == 1, "a failed piece makes the run fail"
    printed = capsys.readouterr().out
    assert "| query     | ms |" in printed and "| ngan sach | 12 |" in printed
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["results"]["search"]["p50_ms"] == 12
    assert "ValueError: no index" in report["errors"]["broken"]
