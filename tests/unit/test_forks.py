"""sitegen/forks.py: every piece of work is done once, in this process or a fork, and a failed fork fails the step."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitegen import forks


def test_every_item_is_done_once_the_later_ones_in_other_processes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(forks.JOBS_VARIABLE, "2")

    def work(item: str) -> None:
        (tmp_path / item).write_text(str(os.getpid()))

    forks.each_in_parallel(["vi", "en", "fr"], work)
    pids = {item: (tmp_path / item).read_text() for item in ("vi", "en", "fr")}
    assert pids["vi"] == str(os.getpid())  # the first is this process's own
    assert len(set(pids.values())) == 3


def test_one_process_when_jobs_is_one(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(forks.JOBS_VARIABLE, "1")
    forks.each_in_parallel(["vi", "en"], lambda item: (tmp_path / item).write_text(str(os.getpid())))
    assert {(tmp_path / item).read_text() for item in ("vi", "en")} == {str(os.getpid())}


def test_a_failing_child_fails_the_step_after_the_others_finished(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(forks.JOBS_VARIABLE, "2")

    def work(item: str) -> None:
        if item == "en":
            raise OSError("disk full")
        (tmp_path / item).write_text("done")

    with pytest.raises(forks.ChildFailed, match="en"):
        forks.each_in_parallel(["vi", "en"], work)
    assert (tmp_path / "vi").read_text() == "done"
