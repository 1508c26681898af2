"""`make new-update`: a press officer's answers become a valid draft update file."""

from __future__ import annotations

import datetime

from datafixtures import write_data
from sitegen.content.validate import load_site
from sitegen.tools.new_update import main


def test_options_write_a_valid_draft_and_say_how_to_preview(tmp_path, capsys) -> None:
    data = write_data(tmp_path, groups=3)
    code = main(
        [
            "--data",
            str(data),
            "--date",
            "2025-01-02",
            "--title",
            "Họp báo: “nhóm 3” & ngân sách",
            "--groups",
            "3, nhom-thu-1",
        ]
    )
    assert code == 0
    path = data / "decisions/qd-1-2030/updates/2025-01-02-hop-bao-nhom-3-ngan-sach.yaml"
    assert path.is_file()
    [update] = load_site(data, datetime.date(2025, 6, 1)).decisions[0].updates
    assert update.title.vi == "Họp báo: “nhóm 3” & ngân sách"
    assert update.groups == (1, 3) and update.draft is True and update.title.en is None
    said = capsys.readouterr().out
    assert "make serve DRAFTS=1" in said and "/qd-1-2030/tin-tuc/hop-bao-nhom-3-ngan-sach/" in said
    assert "draft: true" in said


def test_questions_are_asked_again_until_the_answer_is_usable(tmp_path, capsys) -> None:
    data = write_data(tmp_path, groups=3)
    answers = iter(["15/01/2025", "2025-01-15", "", "Tin mới", "7", "2"])
    assert main(["--data", str(data)], read=lambda prompt: next(answers)) == 0
    [update] = load_site(data, datetime.date(2025, 6, 1)).decisions[0].updates
    assert (update.date, update.slug, update.groups) == (datetime.date(2025, 1, 15), "tin-moi", (2,))
    errors = capsys.readouterr().err
    assert "'15/01/2025' is not a date written YYYY-MM-DD" in errors
    assert "the title cannot be empty" in errors
    assert "there is no task group '7'; the task groups are 1, 2, 3" in errors


def test_a_second_update_with_the_same_title_gets_its_own_slug(tmp_path) -> None:
    data = write_data(tmp_path)
    for _ in range(2):
        assert main(["--data", str(data), "--date", "2025-01-02", "--title", "Tin", "--groups", "1"]) == 0
    slugs = sorted(u.slug for u in load_site(data, datetime.date(2025, 6, 1)).decisions[0].updates)
    assert slugs == ["tin", "tin-2"]
