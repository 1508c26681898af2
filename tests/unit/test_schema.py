"""The JSON Schema editors get (data/schema/) says what validation says: it is generated from the same
field declarations, committed current, and the real data and the made-up fixtures pass it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from datafixtures import group_yaml, update_yaml, write_data, write_update
from sitegen.content.schema import json_schemas
from sitegen.content.yamlsource import Mapping, Scalar, Sequence, parse_yaml_text

PROJECT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = PROJECT / "data" / "schema"
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def as_json(node):
    """A data file as an editor's YAML 1.2 tooling sees it: unquoted 2021-01-15 and 09:30 are text."""
    if isinstance(node, Mapping):
        return {key.value: as_json(value) for key, value in node.pairs}
    if isinstance(node, Sequence):
        return [as_json(item) for item in node.items]
    assert isinstance(node, Scalar)
    if not node.plain:
        return node.value
    if node.value in ("", "~", "null", "Null", "NULL"):
        return None
    if node.value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return node.value.lower() == "true"
    if _INT.fullmatch(node.value):
        return int(node.value)
    if _FLOAT.fullmatch(node.value):
        return float(node.value)
    return node.value


def validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def data_files(data: Path) -> list[tuple[str, Path]]:
    files = []
    for decision in sorted((data / "decisions").iterdir()):
        files.append(("decision", decision / "decision.yaml"))
        files += [("group", path) for path in sorted((decision / "groups").glob("*.yaml"))]
        files += [("update", path) for path in sorted((decision / "updates").glob("*.yaml"))]
    return files


def errors(name: str, path: Path) -> list[str]:
    document = as_json(parse_yaml_text(path.read_text(encoding="utf-8"), str(path)))
    return [error.message for error in validator(name).iter_errors(document)]


def test_the_committed_schema_is_the_one_the_declarations_give() -> None:
    for name, text in json_schemas().items():
        path = SCHEMA_DIR / name
        assert path.is_file() and path.read_text(encoding="utf-8") == text, f"{name} is out of date: run make schema"
    assert sorted(p.name for p in SCHEMA_DIR.glob("*.json")) == sorted(json_schemas())


def test_every_real_data_file_passes_its_schema() -> None:
    files = data_files(PROJECT / "data")
    assert {name for name, _ in files} == {"decision", "group", "update"}
    for name, path in files:
        assert errors(name, path) == [], path


def test_the_made_up_fixtures_pass_too(tmp_path: Path) -> None:
    data = write_data(tmp_path)
    write_update(data, update_yaml("2030-02-04", "tin", groups="[1, nhom-thu-2]", time="09:30", draft=True), "a")
    for name, path in data_files(data):
        assert errors(name, path) == [], path


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("group", group_yaml(1) + "summary: {vi: " + "Nội dung thử. " * 20 + "}\n", "is too long"),
        ("group", group_yaml(1).replace("slug: nhom-thu-1", "slug: Nhóm 1"), "is not valid under any"),
        ("group", group_yaml(1) + "colour: red\n", "Additional properties"),
        ("group", group_yaml(1).replace("number: 1", "number: 0"), "less than the minimum"),
        ("update", update_yaml("2030-02-04", "tin", groups="[]"), "should be non-empty"),
        (
            "update",
            update_yaml("2030-02-04", "tin").replace("draft", "x") + "draft: maybe\n",
            "is not of type 'boolean'",
        ),
    ],
)
def test_the_schema_refuses_what_validation_refuses(tmp_path: Path, name: str, text: str, expected: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    found = errors(name, path)
    assert any(expected in message for message in found), found
