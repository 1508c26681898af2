"""Every file the publish step changes is written as a new file: a folder it finishes may share its files by
hard links with another (`make serve` links the engine's kept output), which must stay as it was."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def write_new(path: Path, content: str | bytes) -> None:
    """`content` at `path` in a file of its own (never through a link the path may be). A file no other name
    shares is overwritten in place: removing and creating each of 4,000 pages cost `make build` twice the writing."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        pass
    else:
        if stat.S_ISLNK(info.st_mode) or info.st_nlink > 1:
            path.unlink()
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
