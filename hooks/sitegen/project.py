"""Where the project's own folders are: the one place the package finds data/, site/ and mkdocs.yml."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]


def data_dir() -> Path:
    """`data/`, or the folder named by SITEGEN_DATA (a copy for a preview, a test or a benchmark)."""
    return Path(os.environ.get("SITEGEN_DATA") or PROJECT_DIR / "data")


def from_make(name: str) -> str | None:
    """A value typed on the `make` command line (`TITLE=...`), which the Makefile hands over in the environment as
    SITEGEN_<name>, never through the shell; None when it was not given."""
    return os.environ.get(f"SITEGEN_{name}") or None
