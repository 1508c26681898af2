"""Which entries of a data folder are data: one rule for every folder (decisions, groups, updates).

Hidden files and editor lock, backup and auto-save files are skipped; links out of `data/` are refused.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitegen.content.errors import Problem

OUTSIDE_MESSAGE = "this is a link to a place outside the data folder; copy the file into the data folder instead"


@dataclass(frozen=True)
class Listing:
    """The entries of one data folder that are data, in a stable order, and what was wrong with the folder."""

    paths: tuple[Path, ...]
    problems: tuple[Problem, ...]
    readable: bool = True  # False when the folder itself was refused: what it holds is unknown, not missing


def is_editor_file(name: str) -> bool:
    """Hidden files (`.DS_Store`, `.x.yaml`, Emacs' lock `.#x.yaml`, Vim's `.x.yaml.swp`), backups (`x.yaml~`)
    and Emacs' auto-save files (`#x.yaml#`): an editor's or a system's, never the press office's data."""
    return name.startswith(".") or name.endswith("~") or (name.startswith("#") and name.endswith("#"))


def outside(path: Path, data_dir: Path) -> bool:
    """True for a link that leads out of the data folder: the site publishes only what is in data/."""
    try:
        return not path.resolve().is_relative_to(data_dir.resolve())
    except (OSError, RuntimeError):  # a link loop
        return True


def list_data_folder(folder: Path, data_dir: Path, display_of: Callable[[Path], str], holds: str) -> Listing:
    """The data entries of `folder` (`holds` says what it should hold, for messages).

    A missing folder is an empty listing (the caller knows whether that is allowed); a folder that is a
    file, a link out of data/ or cannot be read is one problem naming the folder, never a silent empty list."""
    display = display_of(folder)
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        if folder.is_symlink():
            return _refused(display, "this is a link to nothing; it should be a folder")
        return Listing((), ())
    except OSError as exc:
        return _refused(display, f"this folder cannot be read: {reason(exc)}")
    if outside(folder, data_dir):
        return _refused(display, OUTSIDE_MESSAGE)
    if not stat.S_ISDIR(info.st_mode):
        message = f"this should be a folder holding {holds}; it is {kind_of(info.st_mode)}"
        return _refused(display, message)
    try:
        names = os.listdir(folder)
    except OSError as exc:
        return _refused(display, f"this folder cannot be read: {reason(exc)}")
    paths: list[Path] = []
    problems: list[Problem] = []
    for name in sorted(names):
        if is_editor_file(name):
            continue
        path = folder / name
        if path.is_symlink() and outside(path, data_dir):
            problems.append(Problem(display_of(path), 1, 1, "", OUTSIDE_MESSAGE))
            continue
        paths.append(path)
    return Listing(tuple(paths), tuple(problems))


def _refused(display: str, message: str) -> Listing:
    return Listing((), (Problem(display, 1, 1, "", message),), readable=False)


def kind_of(mode: int) -> str:
    """What a non-regular entry is, in words an editor knows."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISREG(mode):
        return "a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()
