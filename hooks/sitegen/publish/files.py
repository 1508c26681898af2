"""Every file the publish step changes is written as a new file: a folder it finishes may share its files by
hard links with another (`make serve` links the engine's kept output), which must stay as it was."""

from __future__ import annotations

from pathlib import Path


def write_new(path: Path, content: str | bytes) -> None:
    """`content` at `path` in a file of its own (never through a link the path may be)."""
    path.unlink(missing_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
