"""When each data file last changed, from git: the committed date, the same on every build of a commit.

A file with uncommitted changes, an untracked file, or a data folder outside any repository has no such date:
whoever shows dates (sitemaps, feeds) then leaves the claim out or says what it falls back to.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def git(cwd: Path, *args: str) -> str | None:
    """`git args` in `cwd`; None when git is missing or the command fails (no repository, unknown path)."""
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8")
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


def committed_dates(data_dir: Path) -> dict[str, datetime.datetime]:
    """`data/decisions/…` (as `Decision.data_file` and reports name files) → when the file's committed content
    was committed; only for files whose working copy is that content."""
    data_dir = data_dir.resolve()
    top = git(data_dir, "rev-parse", "--show-toplevel")
    if top is None:
        return {}
    top_dir = Path(top.strip())
    log = git(top_dir, "log", "--format=@%cI", "--name-only", "--no-renames", "--", str(data_dir))
    dates: dict[str, datetime.datetime] = {}
    current: datetime.datetime | None = None
    for line in (log or "").splitlines():
        if line.startswith("@"):
            current = datetime.datetime.fromisoformat(line[1:])
        elif line and current is not None:
            dates.setdefault(_display(top_dir / line, data_dir), current)  # the log is newest first
    status = git(top_dir, "status", "--porcelain", "-z", "--untracked-files=all", "--", str(data_dir))
    for record in (status or "").split("\0"):
        if len(record) > 3:
            dates.pop(_display(top_dir / record[3:], data_dir), None)
    return dates


def _display(path: Path, data_dir: Path) -> str:
    try:
        return (Path(data_dir.name) / path.relative_to(data_dir)).as_posix()
    except ValueError:
        return path.as_posix()
