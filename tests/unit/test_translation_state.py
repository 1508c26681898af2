"""Translation state per text: the `en_from` fingerprint, the report, `--check` and marking a text reviewed."""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from pathlib import Path

import pytest
from datafixtures import write_data
from sitegen.content.errors import DataError
from sitegen.content.fields import FieldReader
from sitegen.content.model import Text, fingerprint
from sitegen.content.translation import collect
from sitegen.content.validate import load_site
from sitegen.content.yamlsource import parse_yaml_text
from sitegen.tools.translate import main

GROUP_2 = "decisions/qd-1-2030/groups/02.yaml"


def reviewed_fixture(tmp_path: Path, groups: int = 3) -> Path:
    """The test data with every English text marked reviewed, as the real data/ is."""
    data = write_data(tmp_path, groups=groups)
    assert main(["--data", str(data), "review", "--all-unreviewed"]) == 0
    return data


def states(data: Path) -> dict[str, str]:
    return {entry.key: entry.state for entry in collect(load_site(data))}


def test_fingerprint_is_documented_hash_of_the_nfc_text_ignoring_rewrapping() -> None:
    text = "Phòng, chống dịch Covid-19 và “mục tiêu kép”"
    assert fingerprint(text) == hashlib.sha256(text.encode()).hexdigest()[:8]
    assert fingerprint(unicodedata.normalize("NFD", text)) == fingerprint(text)
    assert fingerprint(text.replace(" và ", "\n  và   ")) == fingerprint(text)
    assert fingerprint(text.replace("kép", "kếp")) != fingerprint(text)


def test_each_text_is_translated_missing_outdated_or_unreviewed() -> None:
    assert Text("Nhóm").state == "missing"
    assert Text("Nhóm", "Group").state == "unreviewed"
    assert Text("Nhóm", "Group", fingerprint("Nhóm")).state == "translated"
    assert Text("Nhóm mới", "Group", fingerprint("Nhóm")).state == "outdated"


def test_the_reader_keeps_the_fingerprint_and_where_the_text_is() -> None:
    source = "# comment\ntitle:\n  vi: Nhóm\n  en: Group\n  en_from: 1a2b3c4d\n"
    reader = FieldReader("data/x.yaml")
    text = reader.text(parse_yaml_text(source, "data/x.yaml"), "title")
    assert reader.problems == []
    assert (text.vi, text.en, text.en_from) == ("Nhóm", "Group", "1a2b3c4d")
    assert (text.origin.file, text.origin.path, text.origin.vi_line, text.origin.en_line) == (
        "data/x.yaml",
        "title",
        3,
        4,
    )


@pytest.mark.parametrize(
    ("text_yaml", "message"),
    [
        ("{vi: Một, en: One, en_from: xyz}", "01.yaml:3:36: title.en_from: expected 8 hex digits"),
        ("{vi: Một, en: One, from: 1a2b3c4d}", "title.from: unknown key; did you mean 'en_from'?"),
    ],
)
def test_a_broken_fingerprint_is_a_clear_data_error(tmp_path, text_yaml: str, message: str) -> None:
    data = write_data(tmp_path)
    (data / "decisions/qd-1-2030/groups/01.yaml").write_text(
        f"number: 1\nslug: mot\ntitle: {text_yaml}\ntext: {{vi: Nội dung}}\n"
    )
    with pytest.raises(DataError) as caught:
        load_site(data)
    assert message in caught.value.report()


def test_texts_of_any_model_read_with_the_text_reader_are_collected() -> None:
    """A model another part of the site adds later (updates, say) needs no registration."""

    @dataclasses.dataclass(frozen=True)
    class Update:
        title: Text
        paragraphs: tuple[Text, ...]

    source = "title: {vi: Tin}\nbody:\n  - text: {vi: Đoạn một, en: One}\n  - text: {vi: Đoạn hai}\n"
    reader = FieldReader("data/updates/tin.yaml")
    root = parse_yaml_text(source, "x")
    paragraphs = tuple(reader.text(item, "text", f"body[{i}]") for i, item in enumerate(root.get("body").items))
    update = Update(reader.text(root, "title"), paragraphs)
    entries = collect({"updates": [update]})
    assert [(e.key, e.line, e.state) for e in entries] == [
        ("data/updates/tin.yaml:title", 1, "missing"),
        ("data/updates/tin.yaml:body[0].text", 3, "unreviewed"),
        ("data/updates/tin.yaml:body[1].text", 4, "missing"),
    ]


def test_a_changed_vietnamese_text_is_outdated_until_marked_reviewed(tmp_path, capsys) -> None:
    data = reviewed_fixture(tmp_path)
    assert set(states(data).values()) == {"translated"}
    path = data / GROUP_2
    path.write_text(path.read_text().replace("Nội dung thử 2.", "Nội dung thử 2 đã sửa."))
    key = f"data/{GROUP_2}:text"
    assert states(data)[key] == "outdated"
    capsys.readouterr()

    assert main(["--data", str(data), "report", "--check"]) == 1
    out = capsys.readouterr().out
    assert f"data/{GROUP_2}:4: text: outdated" in out
    assert "    vi: Nội dung thử 2 đã sửa." in out
    assert f"make translations-review TEXT={key}" in out
    assert "16 texts: 15 translated, 0 missing, 1 outdated, 0 unreviewed." in out

    assert states(data)[key] == "outdated"  # reporting changes nothing
    before = path.read_text()
    assert main(["--data", str(data), "review", key]) == 0
    after = path.read_text()
    assert states(data)[key] == "translated"
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b]
    assert changed == [
        (
            "text: {vi: Nội dung thử 2 đã sửa., en: English text., en_from: f8680eb3}",
            f"text: {{vi: Nội dung thử 2 đã sửa., en: English text., en_from: {fingerprint('Nội dung thử 2 đã sửa.')}}}",
        )
    ]
    assert main(["--data", str(data), "report", "--check"]) == 0


def test_check_fails_on_a_missing_text_and_the_report_says_where(tmp_path, capsys) -> None:
    data = reviewed_fixture(tmp_path)
    path = data / GROUP_2
    path.write_text(
        "number: 2\nslug: nhom-thu-2\n# no English yet\ntitle: {vi: Nhóm thử 2}\ntext: {vi: Nội dung thử 2.}\n"
    )
    capsys.readouterr()
    assert main(["--data", str(data), "report", "--check"]) == 1
    captured = capsys.readouterr()
    assert f"data/{GROUP_2}:4: title: missing (no English yet)\n    vi: Nhóm thử 2\n" in captured.out
    assert f"data/{GROUP_2}:5: text: missing" in captured.out
    assert "2 missing" in captured.out
    assert "Translations need work" in captured.err
    assert main(["--data", str(data), "report"]) == 0  # without --check the report never fails


def test_english_never_marked_reviewed_fails_the_check(tmp_path, capsys) -> None:
    data = write_data(tmp_path)  # English everywhere, but no en_from anywhere
    assert main(["--data", str(data), "report", "--check"]) == 1
    assert "16 texts: 0 translated, 0 missing, 0 outdated, 16 unreviewed." in capsys.readouterr().out


def test_marking_reviewed_writes_only_the_fingerprint_line(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/decision.yaml"
    original = (
        "# A comment the translator wrote.\n"
        "type: {vi: Quyết định, en: Decision}   # trailing comment\n"
        "number: 1/QĐ-TEST\n"
        "date: 2030-02-03\n"
        "issuer:\n"
        "  vi: Cơ quan thử\n"
        "  en: 'Test body'  # quoted on purpose\n"
        "\n"
        "title:\n"
        "  vi: >-\n"
        "    Tiêu đề thử\n"
        "    dài\n"
        "  en: >-\n"
        "    Test title\n"
        "    long\n"
        "  # a comment after the English\n"
        "summary: {vi: Tóm tắt thử., en: Test summary.}\n"
    ) + path.read_text().split("summary: {vi: Tóm tắt thử., en: Test summary.}\n", 1)[1]
    path.write_bytes(original.encode())
    for field in ("type", "issuer", "title"):
        assert main(["--data", str(data), "review", f"data/decisions/qd-1-2030/decision.yaml:{field}"]) == 0
    expected = original.replace(
        "type: {vi: Quyết định, en: Decision}",
        f"type: {{vi: Quyết định, en: Decision, en_from: {fingerprint('Quyết định')}}}",
    )
    expected = expected.replace(
        "  en: 'Test body'  # quoted on purpose\n",
        f"  en: 'Test body'  # quoted on purpose\n  en_from: {fingerprint('Cơ quan thử')}\n",
    )
    expected = expected.replace("    long\n", f"    long\n  en_from: {fingerprint('Tiêu đề thử dài')}\n")
    assert path.read_bytes() == expected.encode()


def test_review_refuses_unknown_or_untranslated_texts_and_changes_nothing(tmp_path, capsys) -> None:
    data = write_data(tmp_path)
    path = data / GROUP_2
    path.write_text("number: 2\nslug: nhom-thu-2\ntitle: {vi: Nhóm thử 2}\ntext: {vi: Nội dung thử 2.}\n")
    snapshot = {p: p.read_bytes() for p in data.rglob("*.yaml")}
    assert main(["--data", str(data), "review", f"data/{GROUP_2}:titel"]) == 1
    assert main(["--data", str(data), "review", f"data/{GROUP_2}:title"]) == 1
    err = capsys.readouterr().err
    assert "titel: no such text" in err and "there is no English to mark as reviewed" in err
    assert {p: p.read_bytes() for p in data.rglob("*.yaml")} == snapshot


def test_review_by_report_line_keeps_windows_line_endings(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / GROUP_2
    original = "number: 2\r\nslug: nhom-thu-2\r\ntitle:\r\n  vi: Nhóm thử 2\r\n  en: Group 2\r\ntext: {vi: Nội dung, en: Text}\r\n"
    path.write_bytes(original.encode())
    assert main(["--data", str(data), "review", f"data/{GROUP_2}:5"]) == 0  # `file:line` as the report prints it
    expected = original.replace("  en: Group 2\r\n", f"  en: Group 2\r\n  en_from: {fingerprint('Nhóm thử 2')}\r\n")
    assert path.read_bytes() == expected.encode()


def test_an_orphan_fingerprint_is_a_missing_text_and_review_removes_it(tmp_path, capsys) -> None:
    """A translator deletes a wrong English line and leaves `en_from`: nothing breaks, the text is missing."""
    data = reviewed_fixture(tmp_path)
    path = data / GROUP_2
    orphan = fingerprint("Nội dung thử 2.")
    path.write_text(path.read_text().replace("en: English text., ", ""))
    assert f"text: {{vi: Nội dung thử 2., en_from: {orphan}}}" in path.read_text()
    key = f"data/{GROUP_2}:text"
    assert states(data)[key] == "missing"  # loads without a problem
    capsys.readouterr()
    assert main(["--data", str(data), "report", "--check"]) == 1
    out = capsys.readouterr().out
    assert f"data/{GROUP_2}:4: text: missing (no English yet)" in out
    assert f"its `en_from` is left over from deleted English: make translations-review TEXT={key} removes it" in out
    assert "16 texts: 15 translated, 1 missing, 0 outdated, 0 unreviewed." in out

    before = path.read_text()
    assert main(["--data", str(data), "review", key]) == 0
    assert f"removed the left-over en_from (no English yet): {key}" in capsys.readouterr().out
    assert path.read_text() == before.replace(f", en_from: {orphan}}}", "}")
    assert states(data)[key] == "missing"
    assert not collect(load_site(data))[-1].text.orphan_fingerprint


def test_review_of_every_unreviewed_text_also_removes_orphans_in_block_style(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / GROUP_2
    path.write_text(
        "number: 2\nslug: nhom-thu-2\ntitle:\n  vi: Nhóm thử 2\n  en_from: 1a2b3c4d  # English deleted\n"
        "text: {en_from: 0badcafe, vi: Nội dung thử 2.}\n"
    )
    assert main(["--data", str(data), "review", "--all-unreviewed"]) == 0
    assert path.read_text() == "number: 2\nslug: nhom-thu-2\ntitle:\n  vi: Nhóm thử 2\ntext: {vi: Nội dung thử 2.}\n"
    assert states(data)[f"data/{GROUP_2}:title"] == "missing"


def test_an_orphan_fingerprint_shows_the_not_yet_translated_notice_and_the_site_builds(tmp_path) -> None:
    import subprocess
    import sys

    from sitegen.project import PROJECT_DIR

    data = reviewed_fixture(tmp_path)
    path = data / GROUP_2
    path.write_text(path.read_text().replace("en: English text., ", ""))
    site_dir = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "sitegen.engine.build", "build", "--data", str(data), "--site-dir", str(site_dir)],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    vietnamese = (site_dir / "qd-1-2030/nhom-thu-2/index.html").read_text(encoding="utf-8")
    english = (site_dir / "en/qd-1-2030/nhom-thu-2/index.html").read_text(encoding="utf-8")
    assert "Nội dung thử 2." in vietnamese and "untranslated" not in vietnamese
    assert '<div class="untranslated" lang="vi" id="text-1"' in english and "Not yet translated" in english


def git(cwd: Path, *args: str) -> None:
    import subprocess

    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.test", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=cwd, check=True, capture_output=True)


def test_an_outdated_text_shows_the_vietnamese_it_was_made_from_beside_the_current_one(tmp_path, capsys) -> None:
    data = reviewed_fixture(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "translated")
    path = data / GROUP_2
    path.write_text(path.read_text().replace("Nội dung thử 2.", "Nội dung mới thử 2 đã sửa."))
    git(tmp_path, "commit", "-q", "-am", "the Vietnamese changed")
    path.write_text(path.read_text().replace("Nhóm thử 2", "Nhóm thử hai"))  # not committed yet: still found
    capsys.readouterr()
    assert main(["--data", str(data), "report"]) == 0
    out = capsys.readouterr().out
    assert (
        f"data/{GROUP_2}:4: text: outdated (the Vietnamese changed after this English was written)\n"
        "    vi then: Nội dung thử [-2.-]\n"
        "    vi now:  Nội dung {+mới+} thử {+2 đã sửa.+}\n"
        "    en: English text.\n"
    ) in out
    assert "    vi then: Nhóm thử [-2-]\n    vi now:  Nhóm thử {+hai+}\n    en: Group title 2\n" in out


def test_an_outdated_text_whose_older_vietnamese_history_lacks_says_so(tmp_path, capsys) -> None:
    data = reviewed_fixture(tmp_path)  # not a git repository: no history at all
    path = data / GROUP_2
    path.write_text(path.read_text().replace("Nội dung thử 2.", "Nội dung thử 2 đã sửa."))
    capsys.readouterr()
    assert main(["--data", str(data), "report"]) == 0
    out = capsys.readouterr().out
    assert (
        "    vi: Nội dung thử 2 đã sửa.\n"
        f"    vi the English was made from: not found in git history (en_from {fingerprint('Nội dung thử 2.')}); "
        "compare the English with the Vietnamese above\n"
    ) in out


def test_changed_words_are_marked_as_a_word_diff() -> None:
    from sitegen.tools.history import marked_changes

    assert marked_changes("a b c d", "a x c d e") == ("a [-b-] c d", "a {+x+} c d {+e+}")
    assert marked_changes("same  words\n here", "same words here") == ("same words here", "same words here")


def test_the_po_file_carries_the_older_vietnamese_as_previous_msgid(tmp_path) -> None:
    import polib

    data = reviewed_fixture(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "data")
    git(tmp_path, "commit", "-q", "-m", "translated")
    path = data / GROUP_2
    path.write_text(path.read_text().replace("Nội dung thử 2.", "Nội dung thử 2 đã sửa."))
    assert main(["--data", str(data), "po-export", str(tmp_path / "en.po")]) == 0
    [item] = [e for e in polib.pofile(str(tmp_path / "en.po")) if e.msgctxt == f"data/{GROUP_2}:text"]
    assert (item.previous_msgid, item.msgid, "fuzzy" in item.flags) == (
        "Nội dung thử 2.",
        "Nội dung thử 2 đã sửa.",
        True,
    )
