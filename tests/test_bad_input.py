"""Every mistake an editor can make in data/, run through the real `make build` command.

Each case breaks a copy of a small valid data folder and runs `python -m sitegen.engine.build build` as a subprocess,
beside a site built before: the build must exit 1, print one readable line per problem (file:line:col: field:
what was expected) and no traceback, and leave the previous site, and everything else around it, byte for byte
as it was. A failed validation stops the build before MkDocs starts, so each case takes a fraction of a second.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from buildhelpers import run_sitegen, tree_digest
from datafixtures import group_yaml, update_yaml, write_data
from sitehelpers import serve_folder

PROJECT = Path(__file__).resolve().parents[1]
DECISION = "data/decisions/qd-1-2030/decision.yaml"
GROUPS = "data/decisions/qd-1-2030/groups"
UPDATES = "data/decisions/qd-1-2030/updates"
PROBLEM_LINE = re.compile(r"^[^:]+:\d+:\d+: .+$")
SUMMARY_LINE = re.compile(r"^\d+ problems? found; nothing was built\.$")


# -- how each case breaks the data ----------------------------------------------------------------------------------


def write(relative: str, text: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return mutate


def write_bytes(relative: str, content: bytes) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        (root / relative).write_bytes(content)

    return mutate


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    return mutate


def group(number: int, slug: str = "", title: str = "{vi: Nhóm, en: Group}", text: str = "{vi: Nội dung}") -> str:
    return f"number: {number}\nslug: {slug or f'nhom-thu-{number}'}\ntitle: {title}\ntext: {text}\n"


def remove(relative: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / relative
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()

    return mutate


def link(relative: str, target: Callable[[Path], Path]) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / relative
        if path.exists():
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        path.symlink_to(target(root))

    return mutate


def outside_file(root: Path) -> Path:
    """A valid-looking group file that lives outside the data folder."""
    path = root / "elsewhere" / "secret.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(group_yaml(2), encoding="utf-8")
    return path


def outside_folder(root: Path) -> Path:
    other = root / "elsewhere" / "data"
    write_data(root / "elsewhere", decision="qd-9-2031")
    return other / "decisions" / "qd-9-2031"


def an_update(name: str = "2025-01-05-tin") -> Callable[[Path], None]:
    """A valid update file, so a case can break something beside it."""
    return write(f"{UPDATES}/{name}.yaml", update_yaml("2025-01-05", name.removeprefix("2025-01-05-")))


def fifo(relative: str) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)

    return mutate


def sparse(relative: str, size: int) -> Callable[[Path], None]:
    """A file that says it holds `size` bytes without taking the disk space (an 8 GB copy gone wrong)."""

    def mutate(root: Path) -> None:
        with open(root / relative, "wb") as handle:
            handle.truncate(size)

    return mutate


def unreadable(relative: str) -> Callable[[Path], None]:
    """No permission to list the folder (the build runs without root's power to ignore that: see below)."""

    def mutate(root: Path) -> None:
        (root / relative).chmod(0)

    return mutate


def outside_updates(root: Path) -> Path:
    folder = root / "elsewhere" / "updates"
    folder.mkdir(parents=True)
    (folder / "2025-01-07-ngoai.yaml").write_text(update_yaml("2025-01-07", "ngoai"), encoding="utf-8")
    return folder


def each(*mutations: Callable[[Path], None]) -> Callable[[Path], None]:
    def mutate(root: Path) -> None:
        for mutation in mutations:
            mutation(root)

    return mutate


OVERSIZED = group(2, text="{vi: " + "Nội dung. " * 30_000 + "}")  # 360 KB, as a pasted report might be
PYTHON_TAG = "!!python/object/apply:os.system ['touch {root}/tag-ran']"
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Path], None]
    expected: tuple[str, ...]  # whole lines the build must print, in any order


CASES = [
    Case(
        "malformed yaml",
        write(f"{GROUPS}/02.yaml", "number: 2\nslug: [nhom-thu-2\ntitle: {vi: Hai}\n"),
        (
            f"{GROUPS}/02.yaml:3:6: this is not valid YAML: while parsing a flow sequence started on line 2, column 7; did not find expected ',' or ']'",
        ),
    ),
    Case(
        "tab used for indentation",
        write(f"{GROUPS}/02.yaml", "number: 2\nslug: hai\ntitle:\n\tvi: Hai\ntext: {vi: x}\n"),
        (
            f"{GROUPS}/02.yaml:4:1: this is not valid YAML: while scanning for the next token; found character that cannot start any token (a tab: indent with spaces, not tabs)",
        ),
    ),
    Case(
        "empty file",
        write(f"{GROUPS}/02.yaml", ""),
        (f"{GROUPS}/02.yaml:1:1: the file is empty; expected a mapping of fields",),
    ),
    Case(
        "comment-only file",
        write(f"{GROUPS}/02.yaml", "# group two, to do\n"),
        (f"{GROUPS}/02.yaml:1:1: the file is empty; expected a mapping of fields",),
    ),
    Case(
        "a list instead of a mapping",
        write(f"{GROUPS}/02.yaml", "- number: 2\n- slug: nhom-thu-2\n"),
        (f"{GROUPS}/02.yaml:1:1: expected a mapping of fields (number, slug, title, text, icon, summary), got a list",),
    ),
    Case(
        "text instead of a mapping",
        write(DECISION, "Quyết định 166\n"),
        (
            f"{DECISION}:1:1: expected a mapping of fields (type, number, date, issuer, title, summary, motto, objective, growth_target, source, translation_note, jurisdiction), got text",
        ),
    ),
    Case(
        "missing required fields",
        write(f"{GROUPS}/02.yaml", "number: 2\nslug: nhom-thu-2\n"),
        (
            f"{GROUPS}/02.yaml:1:1: text: is missing; this field is required",
            f"{GROUPS}/02.yaml:1:1: title: is missing; this field is required",
        ),
    ),
    Case(
        "missing vietnamese in a text",
        write(f"{GROUPS}/02.yaml", group(2, title="{en: Two}")),
        (f"{GROUPS}/02.yaml:3:8: title.vi: is missing; this field is required",),
    ),
    Case(
        "a list where text is expected",
        write(f"{GROUPS}/02.yaml", group(2, title="\n  vi: Hai\n  en: [a, b]")),
        (f"{GROUPS}/02.yaml:5:7: title.en: expected text, got a list",),
    ),
    Case(
        "plain text where a bilingual mapping is expected",
        write(f"{GROUPS}/02.yaml", group(2, title="Hai")),
        (f"{GROUPS}/02.yaml:3:8: title: expected a mapping of fields (vi, en, en_from), got text",),
    ),
    Case(
        "a mapping where a date is expected",
        replace(DECISION, "date: 2030-02-03", "date: {year: 2030}"),
        (f"{DECISION}:3:7: date: expected a date written YYYY-MM-DD, got a mapping",),
    ),
    Case(
        "empty text",
        write(f"{GROUPS}/02.yaml", group(2, title="{vi: '', en: Two}")),
        (f"{GROUPS}/02.yaml:3:13: title.vi: expected text, got an empty text",),
    ),
    Case(
        "blank text",
        write(f"{GROUPS}/02.yaml", group(2, text="{vi: '   '}")),
        (f"{GROUPS}/02.yaml:4:12: text.vi: expected text, got an empty text",),
    ),
    Case(
        "nothing after the colon",
        write(f"{GROUPS}/02.yaml", group(2, text="{vi: }")),
        (f"{GROUPS}/02.yaml:4:12: text.vi: expected text, got nothing",),
    ),
    Case(
        "unknown key with a hint",
        replace(f"{GROUPS}/02.yaml", "title:", "titel:"),
        (
            f"{GROUPS}/02.yaml:1:1: title: is missing; this field is required",
            f"{GROUPS}/02.yaml:3:1: titel: unknown key; did you mean 'title'?",
        ),
    ),
    Case(
        "unknown key without a close match",
        replace(DECISION, "motto:", "colour: red\nmotto:"),
        (
            f"{DECISION}:7:1: colour: unknown key; allowed keys: type, number, date, issuer, title, summary, motto, objective, growth_target, source, translation_note, jurisdiction",
        ),
    ),
    Case(
        "a card summary of a paragraph",
        write(
            f"{GROUPS}/02.yaml",
            group(2, text="{vi: " + "Nội dung dài. " * 25 + "}") + "summary: {vi: " + "Nội dung dài. " * 21 + "}\n",
        ),
        (
            f"{GROUPS}/02.yaml:5:10: summary.vi: a card's summary is one line of at most 120 characters; this one has 293",
        ),
    ),
    Case(
        "a card summary not taken from the text",
        write(f"{GROUPS}/02.yaml", group(2) + "summary: {vi: Một câu tự viết, en: A sentence of our own}\n"),
        (
            f"{GROUPS}/02.yaml:5:10: summary.vi: a card's summary is an excerpt: copy its words from the group's Vietnamese text",
        ),
    ),
    Case(
        "a key that is not a word",
        write(f"{GROUPS}/02.yaml", group(2) + "[a, b]: c\n"),
        (f"{GROUPS}/02.yaml:5:1: a key must be a plain word",),
    ),
    Case(
        "a number as a key",
        write(f"{GROUPS}/02.yaml", group(2) + "1: c\n"),
        (f"{GROUPS}/02.yaml:5:1: 1: unknown key; allowed keys: number, slug, title, text, icon, summary",),
    ),
    Case(
        "duplicate keys in one mapping",
        write(f"{GROUPS}/02.yaml", group(2) + "slug: hai\n"),
        (
            f"{GROUPS}/02.yaml:5:1: key 'slug' appears twice in the same block (first on line 2); YAML would silently keep only the last one",
        ),
    ),
    Case(
        "duplicate keys inside a text",
        write(f"{GROUPS}/02.yaml", group(2, title="{vi: Hai, en: Two, vi: Ba}")),
        (
            f"{GROUPS}/02.yaml:3:27: key 'vi' appears twice in the same block (first on line 3); YAML would silently keep only the last one",
        ),
    ),
    Case(
        "duplicate group numbers",
        write(f"{GROUPS}/03.yaml", group(2, slug="ba")),
        (f"{GROUPS}/03.yaml:1:9: number: number 2 is already used by {GROUPS}/02.yaml",),
    ),
    Case(
        "duplicate slugs",
        write(f"{GROUPS}/03.yaml", group(3, slug="nhom-thu-1")),
        (f"{GROUPS}/03.yaml:2:7: slug: slug 'nhom-thu-1' is already used by {GROUPS}/01.yaml",),
    ),
    Case(
        "a gap in the group numbers",
        remove(f"{GROUPS}/02.yaml"),
        (f"{GROUPS}:1:1: task group numbers must run 1 to 3 without gaps; missing: 2",),
    ),
    Case(
        "group numbers not starting at 1",
        each(*(write(f"{GROUPS}/0{n}.yaml", group(n + 1)) for n in (1, 2, 3))),
        (f"{GROUPS}:1:1: task group numbers must run 1 to 4 without gaps; missing: 1",),
    ),
    Case(
        "group number zero",
        write(f"{GROUPS}/02.yaml", group(0)),
        (f"{GROUPS}/02.yaml:1:9: number: expected a whole number from 1 to 10000, got 0",),
    ),
    Case(
        "a date far in the future",
        replace(DECISION, "date: 2030-02-03", "date: 2201-01-15"),
        (f"{DECISION}:3:7: date: expected a date from 1945-01-01 to 2099-12-31, got '2201-01-15'",),
    ),
    Case(
        "a date with the century missing",
        replace(DECISION, "date: 2030-02-03", "date: 0021-01-15"),
        (f"{DECISION}:3:7: date: expected a date from 1945-01-01 to 2099-12-31, got '0021-01-15'",),
    ),
    Case(
        "a duplicate slug beside a broken file",
        each(write(f"{GROUPS}/01.yaml", "number: [1\n"), write(f"{GROUPS}/03.yaml", group(3, slug="nhom-thu-2"))),
        (
            f"{GROUPS}/01.yaml:2:1: this is not valid YAML: while parsing a flow sequence started on line 1, column 9; did not find expected ',' or ']'",
            f"{GROUPS}/03.yaml:2:7: slug: slug 'nhom-thu-2' is already used by {GROUPS}/02.yaml",
        ),
    ),
    Case(
        "a date not written YYYY-MM-DD",
        replace(DECISION, "date: 2030-02-03", "date: 15/01/2021"),
        (f"{DECISION}:3:7: date: expected a date written YYYY-MM-DD, got '15/01/2021'",),
    ),
    Case(
        "an impossible date",
        replace(DECISION, "date: 2030-02-03", "date: 2021-02-30"),
        (f"{DECISION}:3:7: date: '2021-02-30' is not a real date on the calendar",),
    ),
    Case(
        "a date with a time",
        replace(DECISION, "date: 2030-02-03", "date: 2021-01-15 07:30"),
        (f"{DECISION}:3:7: date: expected a date written YYYY-MM-DD, got '2021-01-15 07:30'",),
    ),
    Case(
        "yaml 1.1 time where a date is expected",
        replace(DECISION, "date: 2030-02-03", "date: 07:30"),
        (f"{DECISION}:3:7: date: expected a date written YYYY-MM-DD, got '07:30'",),
    ),
    Case(
        "yaml 1.1 boolean where a number is expected",
        write(f"{GROUPS}/02.yaml", group(2).replace("number: 2", "number: yes")),
        (f"{GROUPS}/02.yaml:1:9: number: expected a whole number from 1 to 10000, got 'yes'",),
    ),
    Case(
        "yaml 1.1 boolean where a year is expected",
        replace(DECISION, "year: 2030", "year: on"),
        (f"{DECISION}:11:9: growth_target.year: expected a whole number from 1945 to 2200, got 'on'",),
    ),
    Case(
        "yaml 1.1 float notation where a percentage is expected",
        replace(DECISION, "high_percent: 2.5", "high_percent: 1e3"),
        (f"{DECISION}:13:17: growth_target.high_percent: expected a number such as 7.5 (with a dot), got '1e3'",),
    ),
    Case(
        "a decimal comma",
        replace(DECISION, "high_percent: 2.5", "high_percent: 2,5"),
        (f"{DECISION}:13:17: growth_target.high_percent: expected a number such as 7.5 (with a dot), got '2,5'",),
    ),
    Case(
        "a boolean where a percentage is expected",
        replace(DECISION, "low_percent: 1", "low_percent: true"),
        (f"{DECISION}:12:16: growth_target.low_percent: expected a number such as 7.5 (with a dot), got 'true'",),
    ),
    Case(
        "a percentage above 100",
        replace(DECISION, "high_percent: 2.5", "high_percent: 250"),
        (f"{DECISION}:13:17: growth_target.high_percent: expected a number from 0 to 100, got '250'",),
    ),
    Case(
        "a range upside down",
        replace(DECISION, "low_percent: 1", "low_percent: 3"),
        (f"{DECISION}:10:3: growth_target: low_percent (3) is above high_percent (2.5)",),
    ),
    Case(
        "a group number thousands of digits long",
        write(f"{GROUPS}/02.yaml", group(2).replace("number: 2", "number: " + "9" * 5000)),
        (f"{GROUPS}/02.yaml:1:9: number: expected a whole number from 1 to 10000, got a number that long",),
    ),
    Case(
        "python tag that would run a command",
        lambda root: write(f"{GROUPS}/02.yaml", group(2, text=PYTHON_TAG.format(root=root)))(root),
        (
            f"{GROUPS}/02.yaml:4:7: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; data files hold only plain text, numbers, dates, lists and mappings",
        ),
    ),
    Case(
        "python tag on a whole file",
        write(f"{GROUPS}/02.yaml", "!!python/object:sitegen.content.model.Site {}\n"),
        (
            f"{GROUPS}/02.yaml:1:1: the tag 'tag:yaml.org,2002:python/object:sitegen.content.model.Site' is not allowed; data files hold only plain text, numbers, dates, lists and mappings",
        ),
    ),
    Case(
        "custom tag",
        write(f"{GROUPS}/02.yaml", group(2, text="!include other.yaml")),
        (
            f"{GROUPS}/02.yaml:4:7: the tag '!include' is not allowed; data files hold only plain text, numbers, dates, lists and mappings",
        ),
    ),
    Case(
        "alias and anchor bomb",
        write(f"{GROUPS}/02.yaml", BOMB),
        tuple(f"{GROUPS}/02.yaml:{n + 1}:4: anchors (&{chr(97 + n)}) are not allowed in data files" for n in range(9))
        + tuple(
            f"{GROUPS}/02.yaml:{n}:{column}: aliases (*name) are not allowed in data files; write the text out"
            for n in range(2, 10)
            for column in range(8, 41, 4)
        ),
    ),
    Case(
        "an alias repeating a text",
        write(f"{GROUPS}/02.yaml", group(2, title="&t {vi: Hai}", text="*t")),
        (
            f"{GROUPS}/02.yaml:3:8: anchors (&t) are not allowed in data files",
            f"{GROUPS}/02.yaml:4:7: aliases (*name) are not allowed in data files; write the text out",
        ),
    ),
    Case(
        "a merge key",
        write(f"{GROUPS}/02.yaml", group(2, text="{<<: {vi: x}}")),
        (
            f"{GROUPS}/02.yaml:4:8: text.<<: unknown key; allowed keys: vi, en, en_from",
            f"{GROUPS}/02.yaml:4:7: text.vi: is missing; this field is required",
        ),
    ),
    Case(
        "deep nesting",
        write(f"{GROUPS}/02.yaml", "number: " + "[" * 5000 + "]" * 5000 + "\n"),
        (f"{GROUPS}/02.yaml:1:28: nesting is deeper than 20 levels",),
    ),
    Case(
        "a file over the size limit",
        write(f"{GROUPS}/02.yaml", OVERSIZED),
        (f"{GROUPS}/02.yaml:1:1: the file is {len(OVERSIZED.encode()):,} bytes; a data file may hold at most 262,144",),
    ),
    Case(
        "bytes that are not utf-8",
        write_bytes(
            f"{GROUPS}/02.yaml", group(2, text="{vi: Lạng Sơn}").encode("utf-8").replace("ơ".encode(), b"\xf3")
        ),
        (f"{GROUPS}/02.yaml:4:18: byte offset 76 (0xf3) is not UTF-8 text; save the file with UTF-8 encoding",),
    ),
    Case(
        "utf-16 file",
        write_bytes(f"{GROUPS}/02.yaml", group(2).encode("utf-16")),
        (f"{GROUPS}/02.yaml:1:1: byte offset 0 (0xff) is not UTF-8 text; save the file with UTF-8 encoding",),
    ),
    Case(
        "a control character written as an escape",
        write(f"{GROUPS}/02.yaml", group(2, text='{vi: "Nội\\x00 dung"}')),
        (
            f"{GROUPS}/02.yaml:4:12: the character U+0000 (a control or invisible formatting character) cannot appear on a page; remove it",
        ),
    ),
    Case(
        "a right-to-left override",
        write(f"{GROUPS}/02.yaml", group(2, text="{vi: Nội dung \u202etset}")),
        (
            f"{GROUPS}/02.yaml:4:21: the character U+202E (a control or invisible formatting character) cannot appear on a page; remove it",
        ),
    ),
    Case(
        "a raw control character",
        write(f"{GROUPS}/02.yaml", group(2, text="{vi: Nội\x07 dung}")),
        (f"{GROUPS}/02.yaml:4:15: the character U+0007 is not allowed in a data file; remove it",),
    ),
    Case(
        "two documents in one file",
        write(f"{GROUPS}/02.yaml", group(2) + "---\n" + group(3)),
        (f"{GROUPS}/02.yaml:5:1: a data file holds one document; remove the second '---'",),
    ),
    Case(
        "slug climbing out of the site folder",
        write(f"{GROUPS}/02.yaml", group(2, slug="../../x")),
        (
            f"{GROUPS}/02.yaml:2:7: slug: expected a slug of lowercase ASCII letters, digits and single hyphens (like 'ngan-sach'), got '../../x'",
        ),
    ),
    Case(
        "slug that is an absolute path",
        write(f"{GROUPS}/02.yaml", group(2, slug="/tmp/x")),
        (
            f"{GROUPS}/02.yaml:2:7: slug: expected a slug of lowercase ASCII letters, digits and single hyphens (like 'ngan-sach'), got '/tmp/x'",
        ),
    ),
    Case(
        "slug with a newline",
        write(f"{GROUPS}/02.yaml", group(2, slug='"hai\\nba"')),
        (
            f"{GROUPS}/02.yaml:2:7: slug: expected a slug of lowercase ASCII letters, digits and single hyphens (like 'ngan-sach'), got 'hai\\nba'",
        ),
    ),
    Case(
        "slug with vietnamese letters",
        write(f"{GROUPS}/02.yaml", group(2, slug="ngân-sách")),
        (
            f"{GROUPS}/02.yaml:2:7: slug: expected a slug of lowercase ASCII letters, digits and single hyphens (like 'ngan-sach'), got 'ngân-sách'",
        ),
    ),
    Case(
        "a slug too long for a file name",
        write(f"{GROUPS}/02.yaml", group(2, slug="-".join(["nhiem-vu"] * 40))),
        (f"{GROUPS}/02.yaml:2:7: slug: a slug may be at most 100 characters long; this one has 359",),
    ),
    Case(
        "a slug that would replace the decision's page",
        write(f"{GROUPS}/02.yaml", group(2, slug="index")),
        (
            f"{GROUPS}/02.yaml:2:7: slug: 'index' is already the web address of another page of this decision; choose another slug",
        ),
    ),
    Case(
        "a decision folder named like the english site",
        lambda root: (root / "data/decisions/qd-1-2030").rename(root / "data/decisions/en"),
        (
            "data/decisions/en:1:1: the folder name 'en' is already the web address of another part of the site; choose another",
        ),
    ),
    Case(
        "a web address that is not one",
        replace(DECISION, "url: https://example.test/article", "url: javascript:alert(1)"),
        (f"{DECISION}:16:8: source.url: expected a web address starting with https://, got 'javascript:alert(1)'",),
    ),
    Case(
        "a decision folder with a name that is no web address",
        lambda root: (root / "data/decisions/qd-1-2030").rename(root / "data/decisions/QĐ 1 2030"),
        (
            "data/decisions/QĐ 1 2030:1:1: the folder name 'QĐ 1 2030' becomes the web address; use lowercase ASCII letters, digits and hyphens (at most 100)",
        ),
    ),
    Case(
        "a decision folder without its decision file",
        remove(DECISION),
        (f"{DECISION}:1:1: this file is missing; every decision folder needs one",),
    ),
    Case(
        "a folder named like a group file",
        lambda root: (root / GROUPS / "04.yaml").mkdir(),
        (f"{GROUPS}/04.yaml:1:1: this file cannot be read: it is a folder, not a file",),
    ),
    Case(
        "a group file with another extension",
        write(f"{GROUPS}/04.yml", group(4)),
        (f"{GROUPS}/04.yml:1:1: this is not read: groups/ holds only task group files named like 01.yaml",),
    ),
    Case(
        "a broken link",
        link(f"{GROUPS}/02.yaml", lambda root: root / "data" / "nowhere.yaml"),
        (f"{GROUPS}/02.yaml:1:1: this file cannot be read: no such file or directory",),
    ),
    Case(
        "a group file linking out of data",
        link(f"{GROUPS}/02.yaml", outside_file),
        (
            f"{GROUPS}/02.yaml:1:1: this is a link to a place outside the data folder; copy the file into the data folder instead",
        ),
    ),
    Case(
        "a decision folder linking out of data",
        link("data/decisions/qd-9-2031", outside_folder),
        (
            "data/decisions/qd-9-2031:1:1: this is a link to a place outside the data folder; copy the file into the data folder instead",
        ),
    ),
    Case(
        "an update linking out of data",
        each(an_update(), link(f"{UPDATES}/2025-01-06-ngoai.yaml", outside_file)),
        (
            f"{UPDATES}/2025-01-06-ngoai.yaml:1:1: this is a link to a place outside the data folder; copy the file into the data folder instead",
        ),
    ),
    Case(
        "an updates folder linking out of data",
        each(an_update(), link(UPDATES, lambda root: outside_updates(root))),
        (
            f"{UPDATES}:1:1: this is a link to a place outside the data folder; copy the file into the data folder instead",
        ),
    ),
    Case(
        "an updates folder that is a file",
        write(UPDATES, "date: 2025-01-05\n"),
        (f"{UPDATES}:1:1: this should be a folder holding update files named like 2021-01-15-x.yaml; it is a file",),
    ),
    Case(
        "an updates folder that cannot be read",
        each(an_update(), unreadable(UPDATES)),
        (f"{UPDATES}:1:1: this folder cannot be read: permission denied",),
    ),
    Case(
        "a groups folder that cannot be read, beside updates that name its groups",
        each(an_update(), unreadable(GROUPS)),
        (f"{GROUPS}:1:1: this folder cannot be read: permission denied",),
    ),
    Case(
        "a groups folder that is a file",
        each(remove(GROUPS), write(GROUPS, "number: 1\n")),
        (f"{GROUPS}:1:1: this should be a folder holding task group files named like 01.yaml; it is a file",),
    ),
    Case(
        "a named pipe among the group files",
        fifo(f"{GROUPS}/04.yaml"),
        (f"{GROUPS}/04.yaml:1:1: this is a named pipe, not an ordinary file; data files must be ordinary files",),
    ),
    Case(
        "a named pipe among the updates",
        each(an_update(), fifo(f"{UPDATES}/2025-01-06-ong.yaml")),
        (
            f"{UPDATES}/2025-01-06-ong.yaml:1:1: this is a named pipe, not an ordinary file; data files must be ordinary files",
        ),
    ),
    Case(
        "an 8 GB file",
        sparse(f"{GROUPS}/02.yaml", 8 * 1024**3),
        (f"{GROUPS}/02.yaml:1:1: the file is 8,589,934,592 bytes; a data file may hold at most 262,144",),
    ),
    Case(
        "an invisible space inside a word",
        write(f"{GROUPS}/02.yaml", group(2, text="{vi: Nội dung ngân\u200bsách}")),
        (
            f"{GROUPS}/02.yaml:4:25: the invisible character U+200B (zero width space) is here; delete it (retype the text around it)",
        ),
    ),
    Case(
        "a right-to-left mark on the second line of a text",
        write(f"{GROUPS}/02.yaml", group(2, text="\n  vi: |\n    Dòng một\n    Dòng \u200fhai")),
        (
            f"{GROUPS}/02.yaml:7:10: the invisible character U+200F (right-to-left mark) is here; delete it (retype the text around it)",
        ),
    ),
    Case(
        "a byte-order mark in the middle of a text",
        write(f"{GROUPS}/02.yaml", group(2, title="{vi: Hai\ufeff, en: Two}")),
        (
            f"{GROUPS}/02.yaml:3:16: the invisible character U+FEFF (zero width no-break space) is here; delete it (retype the text around it)",
        ),
    ),
    Case(
        "no decision folder",
        remove("data/decisions/qd-1-2030"),
        ("data/decisions:1:1: no decision folder found; expected data/decisions/<slug>/decision.yaml",),
    ),
    Case(
        "no group files",
        remove(GROUPS),
        (f"{GROUPS}:1:1: no task group files found; expected groups/01.yaml and so on",),
    ),
    Case(
        "several mistakes in several files",
        each(
            replace(DECISION, "date: 2030-02-03", "date: 2021-02-30"),
            replace(f"{GROUPS}/01.yaml", "title:", "titel:"),
            write(f"{GROUPS}/03.yaml", "number: 3\nslug: Ba\ntitle: {vi: ''}\ntext: {vi: x}\n"),
        ),
        (
            f"{DECISION}:3:7: date: '2021-02-30' is not a real date on the calendar",
            f"{GROUPS}/01.yaml:1:1: title: is missing; this field is required",
            f"{GROUPS}/01.yaml:3:1: titel: unknown key; did you mean 'title'?",
            f"{GROUPS}/03.yaml:2:7: slug: expected a slug of lowercase ASCII letters, digits and single hyphens (like 'ngan-sach'), got 'Ba'",
            f"{GROUPS}/03.yaml:3:13: title.vi: expected text, got an empty text",
        ),
    ),
]


def assert_clean_report(stderr: str, expected: tuple[str, ...]) -> None:
    """One line per problem, each located, then the count; no traceback, nothing else."""
    assert "Traceback" not in stderr and 'File "' not in stderr, stderr
    lines = stderr.splitlines()
    problems = [line for line in lines if PROBLEM_LINE.match(line) and not SUMMARY_LINE.match(line)]
    assert sorted(problems) == sorted(expected), stderr
    count = len(expected)
    assert f"{count} problem{'s' if count != 1 else ''} found; nothing was built." in lines, stderr


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_is_refused_clearly_and_the_site_is_kept(case: Case, workspace: Path) -> None:
    case.mutate(workspace)
    site_before = tree_digest(workspace / "site")
    everything_before = tree_digest(workspace)

    result = run_sitegen("build", "--data", "data", "--site-dir", "site", cwd=workspace)

    assert result.returncode == 1, result.stdout + result.stderr
    assert_clean_report(result.stderr, case.expected)
    assert "The site in site was left as it was." in result.stderr
    assert tree_digest(workspace / "site") == site_before
    assert tree_digest(workspace) == everything_before  # nothing written beside the site either
    assert not (workspace / "tag-ran").exists()


@pytest.mark.parametrize(
    "case",
    [
        c
        for c in CASES
        if c.id in {"malformed yaml", "a gap in the group numbers", "a broken link", "a card summary of a paragraph"}
    ],
    ids=lambda case: case.id,
)
def test_make_validate_reports_the_same_lines(case: Case, tmp_path: Path) -> None:
    write_data(tmp_path)
    case.mutate(tmp_path)
    result = run_sitegen("validate", "--data", "data", cwd=tmp_path)
    assert result.returncode == 1
    assert_clean_report(result.stderr, case.expected)


def test_a_missing_data_folder_is_named(tmp_path: Path) -> None:
    result = run_sitegen("validate", "--data", "no-such-folder", cwd=tmp_path)
    assert result.returncode == 1
    assert_clean_report(result.stderr, ("no-such-folder:1:1: the data folder does not exist",))


def test_mkdocs_itself_stops_with_the_same_lines(tmp_path: Path) -> None:
    """`mkdocs build` and `mkdocs serve` run the hook, which stops MkDocs with the report: no traceback."""
    data = write_data(tmp_path)
    (data / "decisions/qd-1-2030/groups/02.yaml").write_text(group(2).replace("title:", "titel:"), encoding="utf-8")
    env = {**os.environ, "SITEGEN_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(PROJECT / "mkdocs.yml")]
    result = subprocess.run(
        [*command, "-d", str(tmp_path / "site")], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 1
    expected = (
        f"{GROUPS}/02.yaml:1:1: title: is missing; this field is required",
        f"{GROUPS}/02.yaml:3:1: titel: unknown key; did you mean 'title'?",
    )
    assert_clean_report(result.stdout + result.stderr, expected)  # MkDocs prints its Abort message on stdout
    assert not (tmp_path / "site").exists()


# -- input that looks odd but is right: it builds, and reaches the page as typed ------------------------------------

TYPED_MARKUP = (
    '<script>alert("from data")</script> <b>not bold</b> **not bold** [no link](javascript:alert(1)) '
    '<img src=x onerror=alert(1)> "quoted" & {: .class onclick=alert(1) }'
)
LINE_BREAKS = """\
number: 4
slug: nhieu-dong
title:
  vi: |
    Tiêu đề
    ===
text:
  vi: |
    Đoạn một
    ===

        thụt lề bốn dấu cách
    - không phải danh sách
"""
LONE_CARRIAGE_RETURNS = 'number: 5\nslug: xuong-dong\ntitle: {vi: "Năm\\r==="}\ntext: {vi: "a\\r===\\r\\r    b"}\n'
EDITOR_FILES = {
    ".an.yaml": "tin-an",
    ".#2025-01-05-tin.yaml": "",
    "2025-01-05-tin.yaml~": "sao-luu",
    "#tin.yaml#": "tu-luu",
}
OLD_STYLE = "Văn hoá, sức khoẻ, thuỷ lợi"  # tone mark on the second vowel; the source's own spelling stays


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build of a data folder holding every odd-but-valid input at once (one build instead of five)."""
    root = tmp_path_factory.mktemp("accepted")
    data = write_data(root)
    groups = data / "decisions/qd-1-2030/groups"
    bom_group = group(1, title="{vi: Phòng chống dịch, en: Epidemic control}", text="\n  vi: 07:30\n  en: 1e3")
    (groups / "01.yaml").write_bytes(b"\xef\xbb\xbf" + bom_group.encode("utf-8"))
    (groups / "02.yaml").write_text(
        unicodedata.normalize("NFD", group(2, title=f"{{vi: '{OLD_STYLE}', en: Culture}}")), encoding="utf-8"
    )
    quoted = json.dumps(TYPED_MARKUP)  # a JSON string is a valid double-quoted YAML string
    (groups / "03.yaml").write_text(group(3, title=f"{{vi: {quoted}}}", text=f"{{vi: {quoted}}}"), encoding="utf-8")
    (groups / "04.yaml").write_text(LINE_BREAKS, encoding="utf-8")
    (groups / "05.yaml").write_text(LONE_CARRIAGE_RETURNS, encoding="utf-8")
    updates = data / "decisions/qd-1-2030/updates"
    updates.mkdir()
    body = "Viết cho <a@b.c> nhé."
    (updates / "2025-01-05-tin.yaml").write_text(update_yaml("2025-01-05", "tin", body_vi=body), encoding="utf-8")
    for folder in (groups, updates):  # what editors leave beside the file they edit: none of it is data
        for name, slug in EDITOR_FILES.items():
            if name.startswith(".#"):  # Emacs' lock is a link to nowhere
                (folder / name).symlink_to("banbientap@may-tinh.4242:1700000000")
            else:
                (folder / name).write_text(update_yaml("2025-01-06", slug), encoding="utf-8")
    decision = data / "decisions/qd-1-2030/decision.yaml"
    text = decision.read_text(encoding="utf-8").replace("{vi: khẩu hiệu thử, en: test motto}", "{vi: no, en: on}")
    decision.write_text(text, encoding="utf-8")
    result = run_sitegen("build", "--data", "data", "--site-dir", "site", cwd=root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "WARNING" not in result.stderr, result.stderr
    return root / "site"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def squashed(node) -> str:
    return " ".join(node.get_text(" ").split())


def test_a_byte_order_mark_is_accepted(accepted_site: Path) -> None:
    page = soup(accepted_site, "qd-1-2030/nhom-thu-1/index.html")
    assert squashed(page.select_one("article h1")) == "Phòng chống dịch"
    for html in accepted_site.rglob("*.html"):
        assert "\ufeff" not in html.read_text(encoding="utf-8"), html


def test_decomposed_text_reaches_the_page_composed(accepted_site: Path) -> None:
    html = (accepted_site / "qd-1-2030/nhom-thu-2/index.html").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", html) == html  # no decomposed character anywhere on the page
    assert unicodedata.normalize("NFC", OLD_STYLE) in squashed(BeautifulSoup(html, "html.parser").select_one("h1"))


def test_old_style_tone_marks_are_kept_as_typed(accepted_site: Path) -> None:
    """`hoá`/`khoẻ` and `hóa`/`khỏe` are both correct Vietnamese: NFC normalises the characters, not the spelling
    (search folds both; issue 4)."""
    title = squashed(soup(accepted_site, "qd-1-2030/nhom-thu-2/index.html").select_one("h1"))
    assert "Văn hoá" in title and "sức khoẻ" in title and "thuỷ lợi" in title


def test_yaml_11_words_reach_the_page_as_typed(accepted_site: Path) -> None:
    decision = soup(accepted_site, "qd-1-2030/index.html")
    assert squashed(decision.select_one(".motto")) == "“no”"
    assert squashed(soup(accepted_site, "en/qd-1-2030/index.html").select_one(".motto")) == "“on”"
    assert "07:30" in squashed(soup(accepted_site, "qd-1-2030/nhom-thu-1/index.html").select_one("article"))
    assert "1e3" in squashed(soup(accepted_site, "en/qd-1-2030/nhom-thu-1/index.html").select_one("article"))


@pytest.mark.parametrize("page", ["qd-1-2030/nhom-thu-3/index.html", "en/qd-1-2030/nhom-thu-3/index.html"])
def test_markup_typed_into_data_is_inert_everywhere_on_the_page(accepted_site: Path, page: str) -> None:
    html = soup(accepted_site, page)
    for script in html.find_all("script"):
        if script.get("type") == "application/ld+json":
            # structured data (issue 7) carries the typed text as a JSON value, with < > & escaped so it
            # can neither end the element nor be read as markup
            assert not set("<>&") & set(script.get_text()), script
            data = json.loads(script.get_text())
            assert TYPED_MARKUP in data["name"], data  # the typed group title, as plain text
            continue
        assert "from data" not in script.get_text(), script
    assert not html.select("article b, img[src=x], [onerror], [onclick], a[href^='javascript:']")
    assert TYPED_MARKUP in squashed(html.select_one("article h1"))  # shown as the characters typed
    assert TYPED_MARKUP in squashed(html.select_one("article"))
    assert TYPED_MARKUP in html.title.get_text()
    assert html.select_one('meta[name="description"]')["content"] == TYPED_MARKUP


def test_markup_typed_into_data_is_inert_in_the_search_index_and_lists(accepted_site: Path, page) -> None:
    """The search index holds text, not HTML, and the search box shows it as text (docs/assets/search-engine.js)."""
    pages = json.loads((accepted_site / "search/vi.json").read_text(encoding="utf-8"))["pages"]
    found = [p for p in pages if "from data" in p["title"] + json.dumps(p["sections"], ensure_ascii=False)]
    assert any(TYPED_MARKUP in p["title"] for p in found), found
    server, url = serve_folder(accepted_site)
    try:
        page.goto(url + "/")
        page.locator("#site-search-input").press_sequentially("from data")
        results = page.locator(".site-search__results")
        results.locator("li").first.wait_for()
        assert results.locator("script, img, b, [onerror], [onclick]").count() == 0
        assert "<img src=x onerror=alert(1)>" in results.inner_text()
        assert page.evaluate("window.__xss === undefined")
    finally:
        server.shutdown()
    decision = soup(accepted_site, "qd-1-2030/index.html")
    [item] = [a for a in decision.select("article a") if "from data" in a.get_text()]
    assert squashed(item) == f"Nhóm 3. {TYPED_MARKUP}"


def test_line_breaks_typed_into_data_make_no_markup(accepted_site: Path) -> None:
    """A `===` line would underline a heading, four spaces start a code block, `- ` a list: none of it happens."""
    article = soup(accepted_site, "qd-1-2030/nhieu-dong/index.html").select_one("article")
    [title] = article.select("h1")
    assert title["id"] == "group-4" and squashed(title) == "Tiêu đề ==="
    assert not article.select("pre, code")
    assert not [item for item in article.select("li") if "không phải" in item.get_text()]
    paragraphs = [squashed(p) for p in article.select("p")]
    assert "Đoạn một ===" in paragraphs
    assert "thụt lề bốn dấu cách - không phải danh sách" in paragraphs


def test_lone_carriage_returns_make_no_markup(accepted_site: Path) -> None:
    """A `\\r` in a quoted text is a line break like any other: no heading, no code block, the anchor kept."""
    article = soup(accepted_site, "qd-1-2030/xuong-dong/index.html").select_one("article")
    [title] = article.select("h1")
    assert title["id"] == "group-5" and squashed(title) == "Năm ==="
    assert not article.select("pre, code")
    assert "a" not in [squashed(heading) for heading in article.select("h1, h2, h3, h4, h5, h6")]
    paragraphs = [squashed(p) for p in article.select("p")]
    assert "a ===" in paragraphs and "b" in paragraphs  # the blank line between them starts a paragraph


def test_hidden_files_and_editor_files_are_not_data(accepted_site: Path) -> None:
    """Hidden files, Emacs' lock (a link to nowhere) and auto-save, and backups `~` are ignored in groups/ and updates/
    alike: the build succeeded (fixture) and none of them reached the site."""
    pages = {p.relative_to(accepted_site).as_posix() for p in accepted_site.rglob("*.html")}
    assert "qd-1-2030/tin-tuc/tin/index.html" in pages
    for slug in ("tin-an", "sao-luu", "tu-luu"):
        assert not [page for page in pages if slug in page], slug


def test_a_mail_address_in_angle_brackets_is_a_mail_link(accepted_site: Path) -> None:
    body = soup(accepted_site, "qd-1-2030/tin-tuc/tin/index.html").select_one("article")
    [link] = [a for a in body.select("a") if a.get("href", "").startswith("mailto:")]
    assert link["href"] == "mailto:a@b.c" and squashed(link) == "a@b.c"


def test_a_successful_build_replaces_the_site_whole(tmp_path: Path, built_before: Path) -> None:
    write_data(tmp_path)
    shutil.copytree(built_before, tmp_path / "site")
    (tmp_path / "site/left-over.html").write_text("a page nobody generates any more", encoding="utf-8")
    assert (tmp_path / "site/qd-1-2030/nhom-thu-3/index.html").is_file()
    (tmp_path / GROUPS / "03.yaml").unlink()

    result = run_sitegen("build", "--data", "data", "--site-dir", "site", cwd=tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    site = tmp_path / "site"
    assert (site / "qd-1-2030/nhom-thu-2/index.html").is_file()
    assert not (site / "qd-1-2030/nhom-thu-3").exists()
    assert not (site / "en/qd-1-2030/nhom-thu-3").exists()
    assert not (site / "left-over.html").exists()
    assert "nhom-thu-3" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]  # no temporary folder left behind
