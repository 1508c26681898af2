from __future__ import annotations

import pytest
from sitegen.content.errors import DataError
from sitegen.content.yamlsource import MAX_BYTES, Mapping, Scalar, parse_yaml_text, read_yaml


def problems_of(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_yaml_text(text, "data/x.yaml")
    return [str(p) for p in caught.value.problems]


def test_scalars_keep_the_characters_typed() -> None:
    root = parse_yaml_text("a: no\nb: 07:30\nc: 1e3\nd: on\n", "x.yaml")
    assert isinstance(root, Mapping)
    values = {key: value.value for key, value in ((k.value, v) for k, v in root.pairs) if isinstance(value, Scalar)}
    assert values == {"a": "no", "b": "07:30", "c": "1e3", "d": "on"}


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    [message] = problems_of("title: a\nother: b\ntitle: c\n")
    assert message.startswith("data/x.yaml:3:1: key 'title' appears twice")
    assert "first on line 1" in message


def test_anchors_and_aliases_are_refused_without_expanding() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9)
    )
    messages = problems_of(bomb)
    assert any("anchors (&a) are not allowed" in m for m in messages)
    assert any("aliases (*name) are not allowed" in m for m in messages)


@pytest.mark.parametrize(
    "tag", ["!!python/object/apply:os.system ['echo hi']", "!!binary aGk=", "!custom x", "!!set {a}"]
)
def test_unsafe_and_unknown_tags_are_refused(tag: str) -> None:
    [message] = problems_of(f"title: {tag}\n")
    assert "data/x.yaml:1:8: the tag" in message
    assert "is not allowed" in message


def test_malformed_yaml_names_line_and_column() -> None:
    [message] = problems_of("title: [unclosed\nnext: 1\n")
    assert message.startswith("data/x.yaml:")
    assert "this is not valid YAML" in message


def test_deep_nesting_is_refused() -> None:
    messages = problems_of("a: " + "[" * 200 + "]" * 200 + "\n")
    assert any("nesting is deeper than" in m for m in messages)


def test_empty_and_comment_only_files_are_empty() -> None:
    for text in ("", "# only a comment\n", "---\n"):
        assert problems_of(text) == ["data/x.yaml:1:1: the file is empty; expected a mapping of fields"]


def test_non_utf8_bytes_name_the_offset(tmp_path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"title: Lang\nother: S\xf3n\n")  # Latin-1, as an old editor might save it
    with pytest.raises(DataError) as caught:
        read_yaml(path, "data/x.yaml")
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (2, 9)
    assert "byte offset 20 (0xf3) is not UTF-8 text" in str(problem)


def test_bom_is_accepted(tmp_path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("\ufefftitle: Lạng Sơn\n".encode())
    root = read_yaml(path, "x.yaml")
    assert isinstance(root, Mapping) and root.keys() == ["title"]


def test_oversized_file_is_refused_before_parsing(tmp_path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: " + b"x" * MAX_BYTES)
    with pytest.raises(DataError, match="a data file may hold at most"):
        read_yaml(path, "x.yaml")


def test_equals_sign_and_double_angle_are_text_not_yaml_11_merge_or_value() -> None:
    root = parse_yaml_text("a: =\n'<<': x\n", "x.yaml")
    assert isinstance(root, Mapping)
    assert [(k.value, v.value, v.kind) for k, v in root.pairs if isinstance(v, Scalar)] == [
        ("a", "=", "text"),
        ("<<", "x", "text"),
    ]


def test_a_tab_used_for_indentation_gets_a_hint() -> None:
    [message] = problems_of("title:\n\tvi: x\n")
    assert message.startswith("data/x.yaml:2:1: this is not valid YAML")
    assert message.endswith("(a tab: indent with spaces, not tabs)")


def test_raw_control_characters_are_located_in_characters_not_bytes() -> None:
    [message] = problems_of("tiêu đề: Lạng\x07Sơn\n")
    assert message == "data/x.yaml:1:14: the character U+0007 is not allowed in a data file; remove it"


def test_a_folder_named_like_a_data_file_is_reported(tmp_path) -> None:
    (tmp_path / "x.yaml").mkdir()
    with pytest.raises(DataError) as caught:
        read_yaml(tmp_path / "x.yaml", "data/x.yaml")
    assert str(caught.value.problems[0]) == "data/x.yaml:1:1: this file cannot be read: it is a folder, not a file"
