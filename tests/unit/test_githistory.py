"""When data files last changed, from git: committed files only, the same for every build of a commit."""

from __future__ import annotations

import datetime
import os
import subprocess

from sitegen.content.githistory import committed_dates


def commit(cwd, message: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    identity = ["-c", "user.name=T", "-c", "user.email=t@example.test", "-c", "commit.gpgsign=false"]
    subprocess.run(
        ["git", *identity, "commit", "-q", "-am" if message != "first" else "-m", message], cwd=cwd, env=env, check=True
    )


def test_each_file_gets_the_date_of_its_last_commit_and_uncommitted_ones_none(tmp_path) -> None:
    data = tmp_path / "data"
    (data / "groups").mkdir(parents=True)
    for name in ("a.yaml", "groups/b.yaml", "groups/c.yaml"):
        (data / name).write_text("x: 1\n")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    commit(tmp_path, "first", "2025-01-02T03:04:05+07:00")
    (data / "groups/b.yaml").write_text("x: 2\n")
    commit(tmp_path, "second", "2025-02-01T00:00:00+00:00")
    (data / "groups/c.yaml").write_text("x: 3\n")  # changed, not committed
    (data / "new.yaml").write_text("x: 4\n")  # never committed
    dates = committed_dates(data)
    assert dates == {
        "data/a.yaml": datetime.datetime(2025, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=7))),
        "data/groups/b.yaml": datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC),
    }


def test_a_data_folder_outside_any_repository_has_no_dates(tmp_path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yaml").write_text("x: 1\n")
    assert committed_dates(tmp_path / "data") == {}
