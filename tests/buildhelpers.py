"""Run the project's own build command the way `make build` does, and fingerprint folders."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path


def run_sitegen(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m sitegen.engine.build ...`, the command behind `make build` and `make validate`, as a subprocess."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env.pop("SITEGEN_DEBUG", None)
    command = [sys.executable, "-m", "sitegen.engine.build", *args]
    return subprocess.run(command, cwd=cwd, env=full_env, capture_output=True, text=True, timeout=600)


def tree_digest(root: Path) -> dict[str, str]:
    """Every file and folder under `root` with a hash of its bytes (or a link's target)."""
    digest = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            digest[name] = "link:" + os.readlink(path)
        elif path.is_dir():
            digest[name] = "dir"
        else:
            digest[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest
