"""Two builds of the same data are byte-identical, and the only date MkDocs writes comes from the data."""

from __future__ import annotations

import datetime
import gzip
import re
import shutil
import struct
import subprocess
from pathlib import Path

from buildhelpers import run_sitegen, tree_digest
from sitegen.content.githistory import committed_dates
from sitegen.content.validate import load_site
from sitegen.publish.reproducible import latest_date, source_date_epoch
from sitegen.publish.sitemap import page_last_changed

PROJECT = Path(__file__).resolve().parents[1]


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path: Path) -> None:
    # The second build differs in everything but the data: the data folder's path (and so the generated docs
    # folder), the hash seed (set and dict order), and the date: SOURCE_DATE_EPOCH is what MkDocs reads as "now",
    # so setting it three days ahead is a build run three days later.
    # A clone keeps the data files' commit dates (sitemap <lastmod>, feed <updated>); the working copy's data
    # is laid over it, so uncommitted edits are uncommitted in both builds.
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(PROJECT), str(tmp_path / "copy")], check=True)
    shutil.copytree(PROJECT / "data", tmp_path / "copy" / "data", dirs_exist_ok=True)
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


FOOTER_DATE = re.compile(rb'<p class="site-footer__date">.*?</p>', re.S)


def test_the_build_date_comes_from_the_data(tmp_path: Path) -> None:
    result = run_sitegen("build", "--site-dir", str(tmp_path / "site"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    data_date = latest_date(load_site(PROJECT / "data"))
    assert data_date is not None

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    # <lastmod>: when each page's data files were committed (not the decision's date, not the clock)
    committed = committed_dates(PROJECT / "data")
    last_changed = page_last_changed(load_site(PROJECT / "data"), committed)
    entries = re.findall(r"<loc>([^<]*)</loc>\s*(?:<lastmod>([^<]*)</lastmod>)?", sitemap)
    assert len(entries) > 20
    for loc, lastmod in entries:
        path = re.sub(r"^https?://[^/]+/(en/)?", "", loc)
        expected = last_changed(path)
        assert lastmod == (expected.isoformat() if expected else ""), loc
    assert data_date.isoformat() not in {lastmod for _, lastmod in entries}
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert struct.unpack("<I", packed[4:8])[0] == source_date_epoch(load_site(PROJECT / "data"))  # gzip MTIME
    assert gzip.decompress(packed).decode("utf-8") == sitemap

    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    commit_days = {d.astimezone(datetime.UTC).date().isoformat() for d in committed.values()}
    commit_days |= {d.date().isoformat() for d in committed.values()}  # feeds keep the commit's own offset
    if today != data_date.isoformat():
        stamped = [p for p in site.rglob("*") if p.is_file() and today.encode() in p.read_bytes()]
        if today in commit_days:  # data committed today: only what dates pages by their commit says so
            stamped = [p for p in stamped if p.name not in ("sitemap.xml", "feed.xml")]
            # the footer's "content last changed" is the data's commit day too; nothing else in a page may be
            stamped = [p for p in stamped if today.encode() in FOOTER_DATE.sub(b"", p.read_bytes())]
        assert stamped == []
