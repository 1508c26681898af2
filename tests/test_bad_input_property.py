"""Property test: whatever an editor's keyboard (or a broken save) leaves in a data file, loading and validating
it either succeeds or ends in DataError with one located line per problem, never another exception."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sitegen.content.errors import DataError
from sitegen.content.validate import load_site
from sitegen.pages.render import render_site

PROJECT = Path(__file__).resolve().parents[1]
REAL_FILES = sorted((PROJECT / "data").rglob("*.yaml"))
PROBLEM_LINE = re.compile(r"^[^:]+:\d+:\d+: .+")
SUMMARY_LINE = re.compile(r"^\d+ problems? found; nothing was built\.$")
EXAMPLES = int(os.environ.get("BAD_INPUT_EXAMPLES", "500"))

# characters that mean something to YAML, or to Unicode, or to nobody
SPECIAL = [*":-[]{}#&*!|>'\"%@`,?~\\=<\n\t\r ", "\ufeff", "\u0301", "\u0323", "ộ", "đ", "\x00", "\x07"]
SPECIAL += ["\x85", "\u2028", "\ud800", "\U0001f600", "\u202e", "\xa0"]
YAML_SURPRISES = ["no", "on", "off", "yes", "~", "null", "1e3", "07:30", "0x1F", "0o17", ".inf", "2021-02-30", "''"]
YAML_SURPRISES += ["[]", "{}", "-", "|", ">-", "&a x", "*a", "!!python/object/apply:os.system ['true']", "!x y"]
YAML_SURPRISES += ["9" * 40, "<script>alert(1)</script>", "../../x", "/etc/passwd", '"\\x00"', '"\\ud800"']
TAGS = ["!!python/name:os.system ", "!!binary ", "!!str ", "!!int ", "!!set ", "!custom ", "!<tag:x> ", "! "]

Mutation = Callable[[st.DrawFn, str], str]


def _position(draw: st.DrawFn, text: str) -> int:
    return draw(st.integers(0, len(text)))


def _line_index(draw: st.DrawFn, lines: list[str]) -> int:
    return draw(st.integers(0, max(len(lines) - 1, 0)))


def delete_line(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if lines:
        del lines[_line_index(draw, lines)]
    return "".join(lines)


def duplicate_line(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if lines:
        i = _line_index(draw, lines)
        lines.insert(draw(st.integers(0, len(lines))), lines[i])
    return "".join(lines)


def swap_characters(draw: st.DrawFn, text: str) -> str:
    if len(text) < 2:
        return text
    i = draw(st.integers(0, len(text) - 2))
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def insert_text(draw: st.DrawFn, text: str) -> str:
    piece = draw(st.text(st.one_of(st.sampled_from(SPECIAL), st.characters()), min_size=1, max_size=8))
    i = _position(draw, text)
    return text[:i] + piece + text[i:]


def delete_characters(draw: st.DrawFn, text: str) -> str:
    i = _position(draw, text)
    return text[:i] + text[i + draw(st.integers(1, 10)) :]


def reindent(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    i = _line_index(draw, lines)
    change = draw(st.sampled_from(["  ", " ", "\t", "    ", "-", "dedent"]))
    lines[i] = lines[i].lstrip(" ") if change == "dedent" else change + lines[i]
    return "".join(lines)


def replace_value(draw: st.DrawFn, text: str) -> str:
    """Put a YAML 1.1 surprise, a tag, an anchor or an alias where a value was."""
    lines = text.splitlines(keepends=True)
    candidates = [i for i, line in enumerate(lines) if ": " in line]
    if not candidates:
        return text
    i = draw(st.sampled_from(candidates))
    key, _, value = lines[i].partition(": ")
    kind = draw(st.sampled_from(["surprise", "tag", "anchor"]))
    if kind == "surprise":
        value = draw(st.sampled_from(YAML_SURPRISES)) + "\n"
    elif kind == "tag":
        value = draw(st.sampled_from(TAGS)) + value
    else:
        value = "&a " + value
        lines.append(f"{draw(st.sampled_from(['title', 'extra', 'slug']))}: *a\n")
    lines[i] = f"{key}: {value}"
    return "".join(lines)


def truncate(draw: st.DrawFn, text: str) -> str:
    return text[: _position(draw, text)]


MUTATIONS: list[Mutation] = [
    delete_line,
    duplicate_line,
    swap_characters,
    insert_text,
    delete_characters,
    reindent,
    replace_value,
    truncate,
]


@st.composite
def mutated_real_file(draw: st.DrawFn) -> tuple[Path, bytes]:
    path = draw(st.sampled_from(REAL_FILES))
    text = path.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        text = draw(st.sampled_from(MUTATIONS))(draw, text)
    return path, text.encode("utf-8", "surrogatepass")


@st.composite
def generated_file(draw: st.DrawFn) -> tuple[Path, bytes]:
    path = draw(st.sampled_from(REAL_FILES))
    alphabet = st.one_of(st.sampled_from(SPECIAL), st.sampled_from("abvienslugtd0123 "), st.characters())
    pieces = draw(st.lists(st.one_of(st.text(alphabet, max_size=12), st.sampled_from(YAML_SURPRISES)), max_size=30))
    return path, "".join(pieces).encode("utf-8", "surrogatepass")


@st.composite
def raw_bytes(draw: st.DrawFn) -> tuple[Path, bytes]:
    path = draw(st.sampled_from(REAL_FILES))
    original = path.read_bytes()
    i = draw(st.integers(0, len(original)))
    return path, original[:i] + draw(st.binary(min_size=1, max_size=6)) + original[i:]


broken_files = st.one_of(mutated_real_file(), mutated_real_file(), mutated_real_file(), generated_file(), raw_bytes())


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real data/, whose files each example breaks and then restores."""
    data = tmp_path_factory.mktemp("property") / "data"
    shutil.copytree(PROJECT / "data", data)
    return data


def test_the_real_data_is_valid_to_start_with(data_copy: Path) -> None:
    assert render_site(load_site(data_copy))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: CI stays stable
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(broken=broken_files)
def test_any_file_content_validates_or_gives_clean_error_lines(data_copy: Path, broken: tuple[Path, bytes]) -> None:
    real, content = broken
    target = data_copy / real.relative_to(PROJECT / "data")
    original = target.read_bytes()
    target.write_bytes(content)
    try:
        try:
            site = load_site(data_copy)
        except DataError as exc:
            event("refused")
            lines = exc.report().splitlines()
            assert lines and SUMMARY_LINE.match(lines[-1]), lines
            assert len(lines) == len(exc.problems) + 1  # one line per problem: nothing spills onto a second line
            for line in lines[:-1]:
                assert PROBLEM_LINE.match(line), line
            assert all(p.file.startswith("data/") and p.line >= 1 and p.column >= 1 for p in exc.problems)
        else:
            event("valid")
            assert render_site(site)  # what validates also renders
    finally:
        target.write_bytes(original)
