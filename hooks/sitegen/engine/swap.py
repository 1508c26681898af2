"""Put a freshly built folder in the site's place in one step, readable by any web server, and clean up what
killed builds left behind. Readers, and the project, always have a complete `site/`: the old one or the new one.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

PUBLIC_FOLDER = 0o755  # a web server's workers run as another user: they must read every file and folder
PUBLIC_FILE = 0o644
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
STALE_AFTER = 3600  # seconds: a leftover without a process id (older versions) is someone's only after this long


def new_build_folder(site_dir: Path) -> Path:
    """An empty sibling of `site_dir` named after this process, after removing the leftovers of killed builds."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(site_dir)
    return Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-{os.getpid()}-", dir=site_dir.parent))


def clean_leftovers(site_dir: Path) -> None:
    """Folders of builds that no longer run (killed with `kill -9`, the machine switched off) are removed; a site
    that an older version moved aside and never put back is put back."""
    old = site_dir.with_name(f".{site_dir.name}-old")
    for aside in sorted(site_dir.parent.glob(f".{site_dir.name}-old*")):
        if not site_dir.exists() and not site_dir.is_symlink() and aside.is_dir():
            aside.rename(site_dir)  # killed between moving the site aside and moving the new one in
        elif aside == old or not _running(aside, "old"):
            shutil.rmtree(aside, ignore_errors=True)
    for leftover in site_dir.parent.glob(f".{site_dir.name}-new-*"):
        if not _running(leftover, "new"):
            shutil.rmtree(leftover, ignore_errors=True)


def _running(path: Path, kind: str) -> bool:
    """Whether the build that made `path` (`.site-new-<pid>-…`) may still be running."""
    pid_text = path.name.split(f"-{kind}-", 1)[-1].split("-", 1)[0]
    if not pid_text.isdigit():
        with contextlib.suppress(OSError):
            return time.time() - path.lstat().st_mtime < STALE_AFTER
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False  # an earlier build of this very process (tests, serve): nobody else uses it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def make_public(root: Path) -> None:
    """Folders 0755 and files 0644 whatever the umask (`tempfile.mkdtemp` makes 0700, and `cp -r` keeps modes).
    Links are left alone: their own mode means nothing on Linux."""
    os.chmod(root, PUBLIC_FOLDER)
    for folder, folders, files in os.walk(root):
        for name in folders:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, PUBLIC_FOLDER)
        for name in files:
            path = os.path.join(folder, name)
            info = os.lstat(path)
            if stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) != PUBLIC_FILE:
                os.chmod(path, PUBLIC_FILE)


def swap_in(fresh: Path, site_dir: Path, *, remove_previous: bool = True) -> None:
    """`fresh` becomes `site_dir` in one atomic step (Linux renameat2 RENAME_EXCHANGE), so there is no moment, even
    under `kill -9`, without a site; the previous site, now at `fresh`'s name, is then removed (unless the caller
    removes it later: `make serve` answers first)."""
    make_public(fresh)
    if not site_dir.exists() and not site_dir.is_symlink():
        fresh.rename(site_dir)
        return
    if not _exchange(fresh, site_dir):
        _two_renames(fresh, site_dir)
        return
    if not remove_previous:
        return
    try:
        shutil.rmtree(fresh)  # the previous site
    except OSError as exc:  # left for the next build to remove; the new site is in place
        print(f"Note: the previous site could not be removed from {fresh}: {exc.strerror}", file=sys.stderr)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False where the system or file system cannot (then nothing happened)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _two_renames(fresh: Path, site_dir: Path) -> None:
    """Where exchange is impossible: move the site aside under this process's name, move the new one in. A kill
    in between leaves the old site aside, and the next build puts it back (`clean_leftovers`)."""
    aside = site_dir.with_name(f".{site_dir.name}-old-{os.getpid()}")
    site_dir.rename(aside)
    try:
        fresh.rename(site_dir)
    except BaseException:
        aside.rename(site_dir)
        raise
    shutil.rmtree(aside, ignore_errors=True)
