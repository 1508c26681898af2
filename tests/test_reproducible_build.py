"""Two builds of the same data are byte-identical, and the only date MkDocs writes comes from the data."""

from __future__ import annotations

import datetime
import gzip
import re
import shutil
import struct
from pathlib import Path

from buildhelpers import run_sitegen, tree_digest
from sitegen.content.validate import load_site
from sitegen.publish.reproducible import latest_date, source_date_epoch

PROJECT = Path(__file__).resolve().parents[1]


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path: Path) -> None:
    # The second build differs in everything but the data: the data folder's path (and so the generated docs
    # folder), the hash seed (set and dict order), and the date: SOURCE_DATE_EPOCH is what MkDocs reads as "now",
    # so setting it three days ahead is a build run three days later.
    shutil.copytree(PROJECT / "data", tmp_path / "copy" / "data")
    later = str(int(datetime.datetime.now(datetime.UTC).timestamp()) + 3 * 86400)
    first = run_sitegen(
        "build", "--data", str(PROJECT / "data"), "--site-dir", str(tmp_path / "a"), cwd=tmp_path,
        env={"PYTHONHASHSEED": "1"},
    )  # fmt: skip
    second = run_sitegen(
        "build", "--data", str(tmp_path / "copy" / "data"), "--site-dir", str(tmp_path / "b"), cwd=tmp_path,
        env={"PYTHONHASHSEED": "2", "SOURCE_DATE_EPOCH": later},
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr

    a, b = tree_digest(tmp_path / "a"), tree_digest(tmp_path / "b")
    assert sorted(a) == sorted(b)
    differing = [name for name in a if a[name] != b[name]]
    assert differing == []
    assert len(a) > 50


def test_the_build_date_comes_from_the_data(tmp_path: Path) -> None:
    result = run_sitegen("build", "--site-dir", str(tmp_path / "site"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    data_date = latest_date(load_site(PROJECT / "data"))
    assert data_date is not None

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {data_date.isoformat()}
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == source_date_epoch(load_site(PROJECT / "data"))  # gzip MTIME
    assert gzip.decompress(packed).decode("utf-8") == sitemap

    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    if today != data_date.isoformat():
        stamped = [p for p in site.rglob("*") if p.is_file() and today.encode() in p.read_bytes()]
        assert stamped == []
