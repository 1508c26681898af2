"""The real data/ passes `make translations CHECK=1`: every English text carries the fingerprint of its Vietnamese."""

from __future__ import annotations

from pathlib import Path

from sitegen.model import fingerprint
from sitegen.translate import main
from sitegen.translation import collect
from sitegen.validate import load_site

PROJECT = Path(__file__).resolve().parents[1]


def test_every_english_text_in_data_is_marked_as_a_translation_of_the_current_vietnamese() -> None:
    entries = collect(load_site(PROJECT / "data"))
    assert len(entries) == 28
    for entry in entries:
        assert entry.text.en_from == fingerprint(entry.text.vi), entry.key


def test_translation_check_passes_on_the_real_data(capsys) -> None:
    assert main(["--data", str(PROJECT / "data"), "report", "--check"]) == 0
    assert capsys.readouterr().out.strip() == "28 texts: 28 translated, 0 missing, 0 outdated, 0 unreviewed."
