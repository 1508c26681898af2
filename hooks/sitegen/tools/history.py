"""The Vietnamese an outdated English was made from, found in git history by its `en_from` fingerprint.

Each data file's committed versions are read newest first; every bilingual mapping in them is fingerprinted,
so the older text is found even if the field moved. Without git, or when no version matches, it says so.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from sitegen.content.githistory import git
from sitegen.content.model import fingerprint

MAX_VERSIONS = 200  # far more edits than a data file sees; bounds the time `make translations` can take

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader


class History:
    """Older Vietnamese texts of the data files, read lazily from git and kept per file."""

    def __init__(self, project_dir: Path) -> None:
        self.project_dir = project_dir
        self._by_file: dict[str, dict[str, str]] = {}

    def vietnamese_for(self, display: str, wanted: str) -> str | None:
        """The Vietnamese text whose fingerprint is `wanted`, from any committed version of `display`
        (`data/decisions/...`, as reports show it), or None when history does not have it."""
        known = self._by_file.get(display)
        if known is None:
            known = self._by_file[display] = self._read(display)
        return known.get(wanted)

    def _read(self, display: str) -> dict[str, str]:
        found: dict[str, str] = {}
        commits = git(self.project_dir, "log", f"--max-count={MAX_VERSIONS}", "--format=%H", "--", display)
        for commit in (commits or "").split():
            text = git(self.project_dir, "show", f"{commit}:./{display}")  # ./: relative to project_dir
            if text is None:
                continue
            try:
                document = yaml.load(text, Loader=_Loader)  # a safe loader (CSafeLoader or SafeLoader)
            except yaml.YAMLError:
                continue
            for vietnamese in _vietnamese_texts(document):
                found.setdefault(fingerprint(vietnamese), vietnamese)  # newest version first
        return found


def _vietnamese_texts(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["vi"]] if isinstance(node.get("vi"), str) else []
        return found + [t for value in node.values() for t in _vietnamese_texts(value)]
    if isinstance(node, list):
        return [t for value in node for t in _vietnamese_texts(value)]
    return []


def marked_changes(before: str, after: str) -> tuple[str, str]:
    """Both texts with the words that differ marked as `git diff --word-diff` does: `[-removed-]` in the
    older text, `{+added+}` in the current one."""
    old, new = re.split(r"\s+", before.strip()), re.split(r"\s+", after.strip())
    old_out: list[str] = []
    new_out: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            old_out += old[i1:i2]
            new_out += new[j1:j2]
            continue
        if i2 > i1:
            old_out.append("[-" + " ".join(old[i1:i2]) + "-]")
        if j2 > j1:
            new_out.append("{+" + " ".join(new[j1:j2]) + "+}")
    return " ".join(old_out), " ".join(new_out)
