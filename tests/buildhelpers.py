"""Run the project's own build command the way `make build` does, and fingerprint folders."""

from __future__ import annotations

import ctypes
import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2
LARGE = 64 * 1024 * 1024  # files above this are fingerprinted by size and time, not read (an 8 GB sparse file)


def like_an_ordinary_user() -> None:
    """In the child, before exec: root without its power to read and write regardless of permissions, so a folder
    that cannot be read behaves as it does for the press office (tests run as root in CI)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_sitegen(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """`python -m sitegen.engine.build ...`, the command behind `make build` and `make validate`, as a subprocess."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    full_env.pop("SITEGEN_DEBUG", None)
    command = [sys.executable, "-m", "sitegen.engine.build", *args]
    return subprocess.run(
        command,
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=like_an_ordinary_user,
    )


def tree_digest(root: Path) -> dict[str, str]:
    """Every file and folder under `root` with its mode and a hash of its bytes (or a link's target, or what it is when it is no
    ordinary file: reading a named pipe would block)."""
    digest = {}
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            digest[name] = "link:" + os.readlink(path)
        elif stat.S_ISDIR(info.st_mode):
            digest[name] = f"dir:{stat.S_IMODE(info.st_mode):o}"
        elif not stat.S_ISREG(info.st_mode):
            digest[name] = f"special:{stat.S_IFMT(info.st_mode):o}"
        elif info.st_size > LARGE:
            digest[name] = f"large:{info.st_size}:{info.st_mtime_ns}"
        else:
            digest[name] = f"{stat.S_IMODE(info.st_mode):o}:" + hashlib.sha256(path.read_bytes()).hexdigest()
    return digest
