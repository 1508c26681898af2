"""Independent pieces of work on every core: one forked child per piece but the first, which this
process does itself. Used where a step's work splits by language (the engine, the publish step)."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

JOBS_VARIABLE = "SITEGEN_JOBS"  # `make build JOBS=1` sets it: everything in one process

Item = TypeVar("Item")


def jobs_wanted() -> int:
    """How many processes a build may use: SITEGEN_JOBS, else every core."""
    value = os.environ.get(JOBS_VARIABLE, "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return os.cpu_count() or 1


def can_fork() -> bool:
    return jobs_wanted() > 1 and hasattr(os, "fork")


def prepare_fork() -> None:
    """Flush output (or the child prints it again) and freeze the objects made so far: the collector then
    leaves them alone in both processes, so their memory stays shared instead of being copied page by page."""
    sys.stdout.flush()
    sys.stderr.flush()
    gc.freeze()


def die_with_parent(parent: int) -> None:
    """In a child: end when the parent ends (a killed build leaves no child writing on), as the engine does."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    if os.getppid() != parent:  # the parent ended before the line above
        os._exit(1)


class ChildFailed(Exception):
    pass


def each_in_parallel(items: Sequence[Item], work: Callable[[Item], None]) -> None:
    """`work(item)` for every item, the later ones in forked children (their results are files they
    write); raises ChildFailed if a child failed (its traceback is already on stderr)."""
    if not can_fork() or len(items) < 2:
        for item in items:
            work(item)
        return
    children = []
    prepare_fork()
    parent = os.getpid()
    for item in items[1:]:
        pid = os.fork()
        if pid == 0:  # the child: its piece, then out without running the parent's clean-up
            die_with_parent(parent)
            status = 0
            try:
                work(item)
            except BaseException:
                traceback.print_exc()
                status = 1
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
        children.append((item, pid))
    try:
        work(items[0])
    finally:
        failed = [item for item, pid in children if os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) != 0]
    if failed:
        raise ChildFailed(f"the work for {', '.join(map(str, failed))} failed (see above)")
