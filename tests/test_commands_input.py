"""The press office's and translators' `make` commands with careless and hostile input, run as typed.

Each test runs the real `make` target on a made-up data folder (SITEGEN_DATA) and checks the exit status, the
exact message, that no traceback is printed and that data/ changed only where it should.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest
from buildhelpers import tree_digest
from datafixtures import update_yaml, write_data, write_update
from sitegen.content.validate import load_site

PROJECT = Path(__file__).resolve().parents[1]
GROUP_1 = "decisions/qd-1-2030/groups/01.yaml"
UPDATES = "decisions/qd-1-2030/updates"


def make(target: str, *assignments: str, data: Path) -> subprocess.CompletedProcess[str]:
    """`make target NAME=value ...` in the project, on `data` instead of the project's data/."""
    env = {**os.environ, "SITEGEN_DATA": str(data), "NO_MKDOCS_2_WARNING": "1"}
    for name in ("TEXT", "PO", "TITLE", "DATE", "GROUPS", "SKIP_STALE", "UNREVIEWED"):
        env.pop(name, None)
    command = ["make", "--no-print-directory", "-C", str(PROJECT), target, *assignments]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr, result.stderr


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return write_data(tmp_path)


# -- make new-update ----------------------------------------------------------------------------------------------


def test_a_title_with_shell_characters_reaches_the_file_as_typed(data: Path, tmp_path: Path) -> None:
    title = f"giá $100 `whoami` $(id) \"trích\" 'dẫn'; touch {tmp_path}/ran $HOME"
    result = make("new-update", "DATE=2025-01-02", f"TITLE={title}", "GROUPS=1, 3", data=data)
    assert result.returncode == 0, result.stderr
    no_traceback(result)
    [path] = (data / UPDATES).glob("*.yaml")
    assert f"Created / Đã tạo: data/{UPDATES}/{path.name}" in result.stdout
    [update] = load_site(data, datetime.date(2025, 6, 1)).decisions[0].updates
    assert update.title.vi == title and update.groups == (1, 3)
    assert not (tmp_path / "ran").exists()


def test_new_update_never_overwrites_an_update_whose_slug_was_edited(data: Path) -> None:
    """The file name comes from the title; the slug inside was changed after publication, so only the file name
    is taken. Writing anyway would silently replace a published update."""
    write_update(data, update_yaml("2025-01-02", "ten-moi-sau-khi-dang"), "2025-01-02-hop-bao")
    before = tree_digest(data)
    result = make("new-update", "DATE=2025-01-02", "TITLE=Họp báo", "GROUPS=1", data=data)
    assert result.returncode != 0
    no_traceback(result)
    expected = (
        f"data/{UPDATES}/2025-01-02-hop-bao.yaml already exists; no update was written. "
        "Open that file to change it, or give the new update another title."
    )
    assert expected in result.stderr.splitlines(), result.stderr
    assert tree_digest(data) == before


# -- make translations-review -------------------------------------------------------------------------------------


def test_a_text_name_with_shell_characters_runs_nothing(data: Path, tmp_path: Path) -> None:
    before = tree_digest(data)
    result = make("translations-review", f"TEXT=x; touch {tmp_path}/ran", data=data)
    assert result.returncode != 0
    no_traceback(result)
    expected = f"x; touch {tmp_path}/ran: no such text; use `file:field` as `make translations` prints it"
    assert expected in result.stderr.splitlines(), result.stderr
    assert not (tmp_path / "ran").exists() and tree_digest(data) == before


# -- make po-export / po-import -----------------------------------------------------------------------------------


def exported(data: Path, tmp_path: Path, name: str = "bản dịch $HOME `x`.po") -> Path:
    """`make po-export PO=...` into a file whose name holds a space, `$` and backticks."""
    po = tmp_path / name
    result = make("po-export", f"PO={po}", data=data)
    assert result.returncode == 0, result.stderr
    assert po.is_file(), result.stdout
    return po


def translated(po: Path, context: str, english: str) -> None:
    """Fill in one entry's msgstr the way a translation tool saves it."""
    text = po.read_text(encoding="utf-8")
    marker = f'msgctxt "{context}"\n'
    start = text.index(marker)
    msgstr = text.index("msgstr ", start)
    end = text.find("\n\n", msgstr)
    end = len(text) if end < 0 else end
    po.write_text(text[:msgstr] + f"msgstr {english}" + text[end:], encoding="utf-8")


def entry_start(po: Path, context: str) -> int:
    """The line an entry starts on (its first comment), as the import names it."""
    lines = po.read_text(encoding="utf-8").splitlines()
    index = lines.index(f'msgctxt "{context}"')
    while index > 0 and lines[index - 1].startswith("#"):
        index -= 1
    return index + 1


def test_an_unclosed_quote_in_a_po_file_changes_nothing_and_names_the_line(data: Path, tmp_path: Path) -> None:
    """`msgstr "Decision` (the closing quote lost): a lenient reader imported "Decisio" as a reviewed translation."""
    po = exported(data, tmp_path)
    translated(po, "data/decisions/qd-1-2030/decision.yaml:type", '"Decision')
    line = po.read_text(encoding="utf-8").splitlines().index('msgstr "Decision') + 1
    before = tree_digest(data)
    result = make("po-import", f"PO={po}", data=data)
    assert result.returncode != 0
    no_traceback(result)
    lines = result.stderr.splitlines()
    assert f'{po}:{line}: the text is not closed with a double quote (")' in lines, result.stderr
    assert "1 problem in the PO file." in lines and "Nothing was changed." in lines
    assert tree_digest(data) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('msgctxt "a"\nmsgid "b"\n', "msgid without msgstr"),
        ('msgid "a"\nmsgstr "b" "c"\n', "something follows the closing double quote: '\"c\"'"),
        ('msgid "a"\nmsgstr "b\\q"\n', "unknown escape \\q in the text; write \\\\ for a backslash"),
        ('msgid "a"\nmsgstr "b"\nmsgstr "c"\n', "msgstr appears twice in one entry"),
        ('msgid "a"\nmsgstr "b"\nmsgid_plural "c"\n', "plural forms are not used in this file; export a fresh file"),
        ('msgid "a"\nmsgstr "b"\nDecision\n', "this line is not part of a PO file: 'Decision'"),
    ],
)
def test_any_syntax_error_changes_nothing(data: Path, tmp_path: Path, content: str, message: str) -> None:
    po = exported(data, tmp_path)
    translated(po, "data/decisions/qd-1-2030/decision.yaml:type", '"A decision"')
    po.write_text(po.read_text(encoding="utf-8") + "\n" + content, encoding="utf-8")
    before = tree_digest(data)
    result = make("po-import", f"PO={po}", data=data)
    assert result.returncode != 0
    no_traceback(result)
    assert [line for line in result.stderr.splitlines() if line.endswith(message)], result.stderr
    assert "Nothing was changed." in result.stderr.splitlines()
    assert tree_digest(data) == before


def test_stale_entries_are_reported_and_the_others_imported_only_when_asked(data: Path, tmp_path: Path) -> None:
    po = exported(data, tmp_path)
    translated(po, f"data/{GROUP_1}:title", '"Checked group one"')
    translated(po, "data/decisions/qd-1-2030/groups/02.yaml:title", '"Checked group two"')
    group_2 = data / "decisions/qd-1-2030/groups/02.yaml"  # its Vietnamese changes after the export
    group_2.write_text(group_2.read_text(encoding="utf-8").replace("Nhóm thử 2", "Nhóm thử hai"), encoding="utf-8")
    start = entry_start(po, "data/decisions/qd-1-2030/groups/02.yaml:title")
    stale = (
        f"{po}:{start}: data/decisions/qd-1-2030/groups/02.yaml:title: the Vietnamese in data/ has changed since "
        "this PO file was exported"
    )
    before = tree_digest(data)

    refused = make("po-import", f"PO={po}", data=data)
    assert refused.returncode != 0
    no_traceback(refused)
    advice = (
        "; export a fresh file (`make po-export`) and carry the translation over, or import the other entries "
        "with `make po-import PO=... SKIP_STALE=1`"
    )
    assert stale + advice in refused.stderr.splitlines(), refused.stderr
    assert tree_digest(data) == before

    skipped = make("po-import", f"PO={po}", "SKIP_STALE=1", data=data)
    assert skipped.returncode == 0, skipped.stderr
    no_traceback(skipped)
    assert stale + "; skipped" in skipped.stderr.splitlines(), skipped.stderr
    assert "Checked group one" in (data / GROUP_1).read_text(encoding="utf-8")
    assert "Checked group two" not in group_2.read_text(encoding="utf-8")


def test_multi_line_english_is_written_as_a_block_like_the_vietnamese(data: Path, tmp_path: Path) -> None:
    group = data / GROUP_1
    group.write_text(
        "number: 1\nslug: nhom-thu-1\ntitle: {vi: Nhóm thử 1}\ntext:\n  vi: |\n    Đoạn một,\n    dòng hai.\n\n"
        "    Đoạn hai.\n",
        encoding="utf-8",
    )
    po = exported(data, tmp_path)
    translated(po, f"data/{GROUP_1}:text", '""\n"Paragraph one,\\n"\n"line two.\\n"\n"\\n"\n"Paragraph two."')
    result = make("po-import", f"PO={po}", data=data)
    assert result.returncode == 0, result.stderr
    assert group.read_text(encoding="utf-8").endswith(
        "    Đoạn hai.\n  en: |-\n    Paragraph one,\n    line two.\n\n    Paragraph two.\n  en_from: "
        + group.read_text(encoding="utf-8").rsplit("en_from: ", 1)[1]
    )
    assert "\\n" not in group.read_text(encoding="utf-8")
