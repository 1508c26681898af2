"""Write English texts and `en_from` fingerprints into data files: all files or none, nothing else changed."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitegen.content.errors import DataError
from sitegen.content.model import fingerprint
from sitegen.content.translation import TextEntry, collect
from sitegen.content.validate import load_site
from sitegen.tools.yamledit import (
    EditError,
    TextMapping,
    apply_edits,
    find_text_mappings,
    remove_fingerprint,
    set_english,
    set_fingerprint,
)


@dataclass(frozen=True)
class Change:
    """What to do to one text: new English (or None to keep it), whether to mark it reviewed, and whether to
    remove an orphan fingerprint (an `en_from` left behind when its English was deleted)."""

    entry: TextEntry
    english: str | None = None
    reviewed: bool = False
    drop_fingerprint: bool = False


def data_file(data_dir: Path, display: str) -> Path:
    """`data/decisions/...` as shown in reports, back to the file on disk."""
    return data_dir.parent / display


def apply_changes(data_dir: Path, changes: list[Change]) -> list[Path]:
    """Edit every file in memory, check the result loads and says what was asked, then write.

    Raises EditError (nothing written) when any edit cannot be made or checked."""
    changes = [c for c in changes if c.english is not None or c.reviewed or c.drop_fingerprint]
    by_file: dict[str, list[Change]] = {}
    for change in changes:
        origin = change.entry.text.origin
        assert origin is not None
        by_file.setdefault(origin.file, []).append(change)
    contents: dict[Path, bytes] = {}
    for display, file_changes in sorted(by_file.items()):
        path = data_file(data_dir, display)
        raw = path.read_bytes()
        source = raw.decode("utf-8")
        bom = "\ufeff" if source.startswith("\ufeff") else ""
        edited = _edit_file(source.removeprefix(bom), file_changes, display)
        contents[path] = (bom + edited).encode("utf-8")
    _check_result(data_dir, contents, changes)
    for path, content in contents.items():
        _write_atomically(path, content)
    return sorted(contents)


def _edit_file(source: str, changes: list[Change], display: str) -> str:
    # bottom-up, so an edit never moves a text that is still to be edited
    ordered = sorted(changes, key=lambda c: (c.entry.text.origin.line, c.entry.text.origin.column), reverse=True)
    for change in ordered:
        origin = change.entry.text.origin
        assert origin is not None
        where = (origin.line, origin.column)
        try:
            if change.english is not None:
                mapping = _mapping_at(source, where)
                source = apply_edits(source, set_english(mapping, source, change.english))
            if change.reviewed:
                mapping = _mapping_at(source, where)
                source = apply_edits(source, set_fingerprint(mapping, source, fingerprint(change.entry.text.vi)))
            elif change.drop_fingerprint:
                mapping = _mapping_at(source, where)
                source = apply_edits(source, remove_fingerprint(mapping, source))
        except EditError as exc:
            raise EditError(f"{display}:{origin.line}: {origin.path}: {exc}") from None
    return source


def _mapping_at(source: str, where: tuple[int, int]) -> TextMapping:
    mapping = find_text_mappings(source).get(where)
    if mapping is None:
        raise EditError("the text is no longer where it was read; run the command again")
    return mapping


def _check_result(data_dir: Path, contents: dict[Path, bytes], changes: list[Change]) -> None:
    """Load a copy of data/ with the edits in it: it must validate and hold exactly the asked-for texts."""
    with tempfile.TemporaryDirectory(prefix="translations-") as temp:
        copy = Path(temp) / data_dir.name
        shutil.copytree(data_dir, copy)
        for path, content in contents.items():
            (copy / path.relative_to(data_dir)).write_bytes(content)
        try:
            entries = {e.key: e for e in collect(load_site(copy))}
        except DataError as exc:
            raise EditError(f"the edited files would not validate:\n{exc.report()}") from None
    for change in changes:
        after = entries.get(change.entry.key)
        if after is None or after.text.vi != change.entry.text.vi:
            raise EditError(f"{change.entry.key}: the edit did not keep the text in place")
        if change.english is not None and after.text.en != change.english:
            raise EditError(f"{change.entry.key}: the English would read back as {after.text.en!r}")
        if change.reviewed and after.text.en_from != fingerprint(change.entry.text.vi):
            raise EditError(f"{change.entry.key}: the fingerprint did not reach the file")
        if change.drop_fingerprint and after.text.en_from is not None:
            raise EditError(f"{change.entry.key}: the orphan fingerprint is still in the file")


def _write_atomically(path: Path, content: bytes) -> None:
    if path.read_bytes() == content:
        return
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(content)
    shutil.copymode(path, temp)
    os.replace(temp, path)
