"""The publish step never writes through a link (sitegen/publish/files.py): `make serve` shares files by hard links."""

from __future__ import annotations

import os
from pathlib import Path

from sitegen.publish.files import write_new


def test_a_hard_linked_file_keeps_its_other_name_unchanged(tmp_path: Path) -> None:
    kept, published = tmp_path / "kept.html", tmp_path / "published.html"
    kept.write_text("engine", encoding="utf-8")
    os.link(kept, published)
    write_new(published, "finished")
    assert published.read_text(encoding="utf-8") == "finished"
    assert kept.read_text(encoding="utf-8") == "engine"
    assert kept.stat().st_nlink == 1


def test_a_symbolic_link_is_replaced_not_written_through(tmp_path: Path) -> None:
    target, link = tmp_path / "target.xml", tmp_path / "link.xml"
    target.write_bytes(b"old")
    link.symlink_to(target)
    write_new(link, b"new")
    assert not link.is_symlink() and link.read_bytes() == b"new"
    assert target.read_bytes() == b"old"


def test_a_file_of_its_own_is_overwritten_and_a_missing_one_created(tmp_path: Path) -> None:
    own, missing = tmp_path / "own.txt", tmp_path / "missing.txt"
    own.write_text("a much longer old text", encoding="utf-8")
    write_new(own, "short")
    write_new(missing, "new")
    assert own.read_text(encoding="utf-8") == "short" and missing.read_text(encoding="utf-8") == "new"
