from __future__ import annotations

import unicodedata

import pytest
from datafixtures import write_data
from sitegen.content.errors import DataError
from sitegen.content.validate import load_site


def problems(data) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data)
    return [str(p) for p in caught.value.problems]


def test_valid_data_becomes_the_model(tmp_path) -> None:
    site = load_site(write_data(tmp_path, groups=3))
    [decision] = site.decisions
    assert decision.slug == "qd-1-2030"
    assert [g.number for g in decision.groups] == [1, 2, 3]
    assert decision.growth_target.low_percent == 1.0
    assert decision.growth_target.high_percent == 2.5
    assert decision.title.en == "Test title"


def test_unknown_key_gets_a_did_you_mean_hint(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/groups/02.yaml"
    path.write_text(path.read_text().replace("title:", "titel:"))
    found = problems(data)
    assert "data/decisions/qd-1-2030/groups/02.yaml:3:1: titel: unknown key; did you mean 'title'?" in found
    assert "data/decisions/qd-1-2030/groups/02.yaml:1:1: title: is missing; this field is required" in found


def test_wrong_type_names_field_path_and_what_was_expected(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/groups/03.yaml"
    path.write_text("number: 3\nslug: ba\ntitle:\n  vi: Ba\n  en: [a, b]\ntext: {vi: x}\n")
    assert problems(data) == ["data/decisions/qd-1-2030/groups/03.yaml:5:7: title.en: expected text, got a list"]


def test_all_problems_in_all_files_are_reported_at_once(tmp_path) -> None:
    data = write_data(tmp_path)
    (data / "decisions/qd-1-2030/groups/01.yaml").write_text(
        "number: 1\nslug: Bad Slug\ntitle: {vi: ''}\ntext: {vi: x}\n"
    )
    (data / "decisions/qd-1-2030/decision.yaml").write_text("- a list\n")
    found = problems(data)
    assert len(found) == 3, found
    assert any("decision.yaml:1:1: expected a mapping of fields" in f for f in found)
    assert any("01.yaml:2:7: slug: expected a slug" in f for f in found)
    assert any("01.yaml:3:13: title.vi: expected text, got an empty text" in f for f in found)


def test_duplicate_numbers_slugs_and_gaps(tmp_path) -> None:
    data = write_data(tmp_path, groups=4)
    groups = data / "decisions/qd-1-2030/groups"
    (groups / "04.yaml").write_text("number: 2\nslug: nhom-thu-1\ntitle: {vi: x}\ntext: {vi: y}\n")
    found = problems(data)
    assert (
        "data/decisions/qd-1-2030/groups/04.yaml:1:9: number: number 2 is already used by data/decisions/qd-1-2030/groups/02.yaml"
        in found
    )
    assert (
        "data/decisions/qd-1-2030/groups/04.yaml:2:7: slug: slug 'nhom-thu-1' is already used by data/decisions/qd-1-2030/groups/01.yaml"
        in found
    )
    (groups / "04.yaml").write_text("number: 5\nslug: nam\ntitle: {vi: x}\ntext: {vi: y}\n")
    assert problems(data) == [
        "data/decisions/qd-1-2030/groups:1:1: task group numbers must run 1 to 5 without gaps; missing: 4"
    ]


def test_impossible_dates_are_refused(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/decision.yaml"
    path.write_text(path.read_text().replace("date: 2030-02-03", "date: 2021-02-30"))
    assert problems(data) == [
        "data/decisions/qd-1-2030/decision.yaml:3:7: date: '2021-02-30' is not a real date on the calendar"
    ]


def test_decomposed_text_is_normalised_to_nfc(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/groups/01.yaml"
    path.write_text(unicodedata.normalize("NFD", "number: 1\nslug: mot\ntitle: {vi: Sức khoẻ}\ntext: {vi: Văn hoá}\n"))
    group = load_site(data).decisions[0].groups[0]
    assert group.title.vi == unicodedata.normalize("NFC", "Sức khoẻ")  # normalised, tone mark left where written
    assert group.text.vi == "Văn hoá"


def test_yaml_11_words_stay_the_text_typed(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/groups/01.yaml"
    path.write_text("number: 1\nslug: mot\ntitle: {vi: no, en: on}\ntext: {vi: '07:30', en: 1e3}\n")
    group = load_site(data).decisions[0].groups[0]
    assert (group.title.vi, group.title.en, group.text.vi, group.text.en) == ("no", "on", "07:30", "1e3")


def test_english_may_be_missing(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/groups/01.yaml"
    path.write_text("number: 1\nslug: mot\ntitle: {vi: Một}\ntext: {vi: Nội dung, en: }\n")
    group = load_site(data).decisions[0].groups[0]
    assert group.title.en is None and group.text.en is None


def test_hidden_files_and_editor_backups_are_ignored(tmp_path) -> None:
    data = write_data(tmp_path)
    groups = data / "decisions/qd-1-2030/groups"
    (groups / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (groups / "._02.yaml").write_bytes(b"\x00\x05\x16\x07")  # macOS resource fork on a USB stick
    (groups / ".#02.yaml").symlink_to("user@host.1234")  # Emacs lock file: a dangling link
    (groups / "02.yaml~").write_text("number: [broken\n")
    (data / "decisions/.git").mkdir()
    assert len(load_site(data).decisions[0].groups) == 3


def test_problem_lines_stay_one_line_whatever_was_typed(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/groups/02.yaml"
    path.write_text('number: 2\nslug: "a\\nb\\tc"\ntitle: {vi: x}\ntext: {vi: y}\n')
    [line] = problems(data)
    assert line.endswith("got 'a\\nb\\tc'")


def test_a_huge_value_is_shortened_in_the_message(tmp_path) -> None:
    data = write_data(tmp_path)
    path = data / "decisions/qd-1-2030/groups/02.yaml"
    path.write_text(f"number: 2\nslug: {'x_' * 5000}\ntitle: {{vi: x}}\ntext: {{vi: y}}\n")
    [line] = problems(data)
    assert len(line) < 300 and line.endswith("…'")


def test_make_validate_says_what_it_checked(tmp_path, capsys) -> None:
    from sitegen.engine.build import validate

    data = write_data(tmp_path, groups=3)
    assert validate(data) == 0
    assert capsys.readouterr().out.strip().endswith(": 1 decision(s), 3 task groups, 0 update(s): all valid.")
