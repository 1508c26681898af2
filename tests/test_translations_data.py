"""The real data/ may be translated in part (the translator follows the press office): `make translations`
reports every text's state correctly, and no state fails the tests (issue 13 §6)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

import yaml
from sitegen.content.translation import collect
from sitegen.content.validate import load_site
from sitegen.tools.translate import main

PROJECT = Path(__file__).resolve().parents[1]
STATES = ("translated", "missing", "outdated", "unreviewed")


def documented_fingerprint(vietnamese: str) -> str:
    """`en_from` as README.md defines it: SHA-256 of the NFC text, runs of white space made one space, 8 hex digits."""
    canonical = " ".join(unicodedata.normalize("NFC", vietnamese).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


def state_of(text: dict) -> str:
    if not text.get("en"):
        return "missing"  # an `en_from` left behind after deleting the English changes nothing
    if text.get("en_from") is None:
        return "unreviewed"
    return "translated" if str(text["en_from"]) == documented_fingerprint(text["vi"]) else "outdated"


def text_states(data_dir: Path, published_only: bool = False) -> dict[str, str]:
    """An independent reading of data/: every mapping with a `vi` key in any YAML file, as `file:field` (the key
    `make translations` prints) → its state. `published_only` leaves out draft updates, which the site does not show."""
    states: dict[str, str] = {}

    def walk(node: object, file: str, path: str) -> None:
        if isinstance(node, dict):
            if "vi" in node:
                states[f"{file}:{path}"] = state_of(node)
                return
            for key, value in node.items():
                walk(value, file, f"{path}.{key}" if path else str(key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, file, f"{path}[{index}]")

    for source in sorted(data_dir.rglob("*.yaml")):
        document = yaml.safe_load(source.read_text(encoding="utf-8"))
        if published_only and isinstance(document, dict) and document.get("draft"):
            continue
        walk(document, f"{data_dir.name}/{source.relative_to(data_dir).as_posix()}", "")
    return states


def counts(states: dict[str, str]) -> dict[str, int]:
    return {state: sum(1 for s in states.values() if s == state) for state in STATES}


def report_lines(output: str) -> tuple[dict[str, str], str]:
    """`make translations`' output: `file:line: field: state (...)` per text → {file:field: state}, and its last line."""
    listed = {}
    for line in output.splitlines():
        found = re.match(r"(\S+\.yaml):\d+: (\S+): (\w+) \(", line)
        if found:
            listed[f"{found[1]}:{found[2]}"] = found[3]
    return listed, output.strip().splitlines()[-1]


REAL = PROJECT / "data"


def test_every_text_in_data_has_the_state_its_yaml_gives() -> None:
    expected = text_states(REAL)
    assert len(expected) >= 28  # the decision's 10 texts and 2 for each of the 9 groups, at least
    assert {entry.key: entry.state for entry in collect(load_site(REAL))} == expected


def test_make_translations_lists_exactly_the_texts_that_need_work_with_the_right_totals(capsys) -> None:
    expected = text_states(REAL)
    assert main(["--data", str(REAL), "report"]) == 0  # without CHECK it never fails, whatever the state
    listed, last = report_lines(capsys.readouterr().out)
    assert listed == {key: state for key, state in expected.items() if state != "translated"}
    n = counts(expected)
    assert last == (
        f"{len(expected)} texts: {n['translated']} translated, {n['missing']} missing, "
        f"{n['outdated']} outdated, {n['unreviewed']} unreviewed."
    )


def test_the_translators_check_fails_exactly_when_a_text_needs_work(capsys) -> None:
    """`make translations CHECK=1` is the translator's own check; CI does not run it on data/ (README)."""
    needs_work = any(state != "translated" for state in text_states(REAL).values())
    assert main(["--data", str(REAL), "report", "--check"]) == (1 if needs_work else 0)
    assert ("Translations need work" in capsys.readouterr().err) == needs_work
