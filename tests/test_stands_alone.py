"""The project stands alone: no tracked file reads or names anything outside the repository."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

# `../` chains as they appear in code, comments, Markdown and workflows
_UP_PATH = re.compile(r"(?<![\w./-])((?:\.\./)+)([\w.@-]*)")
# Web addresses between built pages (`href` values the site's own tests expect) are not files: they are
# resolved against the site's URL, never against the repository. Each such line is named here.
_WEB_ADDRESS_CONTEXT = re.compile(r"""\[["']href["']\]|href=|hreflang|new URL\(""")
# Hostile values the tests feed the validator to see them refused: data, never opened as paths.
_REFUSED_INPUTS = ("../../x",)
# Files people read from the project folder as well as from their own (documentation, commands, data):
# a path in them must stay inside the repository either way.
_READ_FROM_THE_ROOT = (".md", ".yaml", ".yml", ".txt", ".toml", ".cfg", ".sh", "Makefile", ".js", ".json", "run")
_NAMES_OUTSIDE = ("shared/source", "stack-findings", "/work/", "../shared")


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=PROJECT, capture_output=True, check=True).stdout.decode(
        "utf-8"
    )
    files = []
    for name in filter(None, listed.split("\0")):
        path = PROJECT / name
        if name == "package-lock.json" or not path.is_file():
            continue
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        files.append(path)
    return files


def escapes(path: Path, ups: str) -> bool:
    """True when `ups` climbs out of the repository both from the file's folder and from the project root
    (the two places a path in a file is read from: beside the file, or where `make` runs); code and tests
    open paths from their own folder (`Path(__file__)`)."""
    depth = ups.count("../")
    from_file = len(path.parent.relative_to(PROJECT).parts)
    if path.name.endswith(_READ_FROM_THE_ROOT):
        return depth > 0
    return depth > from_file


def test_the_scan_sees_the_whole_repository() -> None:
    names = {p.relative_to(PROJECT).as_posix() for p in tracked_text_files()}
    assert {"Makefile", "README.md", ".github/workflows/pages.yml", "tests/test_data.py"} <= names
    assert "data/decisions/qd-166-2021/source/article.txt" in names


def test_no_tracked_file_climbs_out_of_the_repository() -> None:
    found = []
    for path in tracked_text_files():
        if path == Path(__file__).resolve():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in _UP_PATH.finditer(line):
                if not escapes(path, match.group(1)) or _WEB_ADDRESS_CONTEXT.search(line):
                    continue
                if match.group(0) not in _REFUSED_INPUTS:
                    found.append(f"{path.relative_to(PROJECT)}:{number}: {match.group(0)}")
    assert not found, "paths that lead outside the repository:\n" + "\n".join(found)


def test_no_tracked_file_names_a_folder_beside_the_repository() -> None:
    found = []
    for path in tracked_text_files():
        if path == Path(__file__).resolve():
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.relative_to(PROJECT)}: {name}" for name in _NAMES_OUTSIDE if name in text]
        if re.search(r"PROJECT(?:_DIR)?\.parent\b|parents\[\d\]\.parent\b", text):
            found.append(f"{path.relative_to(PROJECT)}: reads beside the project folder")
    assert not found, "\n".join(found)


def test_the_scan_catches_what_the_old_data_tests_did() -> None:
    # the two ways this repository once read ../shared/source/: a comment in data/ and a test's path
    data_file = PROJECT / "data" / "decisions" / "qd-166-2021" / "updates" / "x.yaml"
    [match] = _UP_PATH.finditer("# Facts: ../../../../../shared/source/ (article)")
    assert escapes(data_file, match.group(1))
    [match] = _UP_PATH.finditer("# see ../shared/source/README.md")
    assert escapes(PROJECT / "data" / "x.yaml", match.group(1))
    [match] = _UP_PATH.finditer('SOURCE = PROJECT.parent / "shared"  # ../shared')
    assert escapes(PROJECT / "tests" / "test_data.py", "../../")
    [match] = _UP_PATH.finditer('link = "../en/"')
    assert not escapes(PROJECT / "hooks" / "sitegen" / "pages" / "render.py", match.group(1))
