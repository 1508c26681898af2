"""Where the project's own folders are: the one place the package finds data/, site/ and mkdocs.yml."""

from __future__ import annotations

from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
