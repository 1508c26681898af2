"""`make build` and `make validate`: check data/, build into a fresh folder, then swap it in.

A failed build leaves the previous `site/` exactly as it was; a successful one replaces it whole.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sitegen.content.errors import DataError, printable
from sitegen.content.validate import load_site
from sitegen.engine.swap import new_build_folder, swap_in
from sitegen.project import PROJECT_DIR

_PR_SET_PDEATHSIG = 1


def validate(data_dir: Path) -> int:
    try:
        site = load_site(data_dir)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    groups = sum(len(d.groups) for d in site.decisions)
    updates = sum(len(d.updates) for d in site.decisions)
    print(f"{data_dir}: {len(site.decisions)} decision(s), {groups} task groups, {updates} update(s): all valid.")
    return 0


def build(site_dir: Path, data_dir: Path, config: Path, finish: Callable[[Path], None] | None = None) -> int:
    """Build into a temporary sibling of `site_dir` and swap it in only when MkDocs (and `finish`, which completes
    the folder before anyone can see it, like `make dist`'s compressed copies) succeeded."""
    if validate(data_dir):
        print(f"The site in {site_dir} was left as it was.", file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    fresh = new_build_folder(site_dir)
    env = {**os.environ, "SITEGEN_DATA": str(data_dir.resolve()), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(fresh)]
    try:
        if run_engine(command, env, config.parent) != 0:
            print(f"The build failed; the site in {site_dir} was left as it was.", file=sys.stderr)
            return 1
        if finish is not None:
            finish(fresh)
        swap_in(fresh, site_dir)
    finally:  # also on Ctrl-C: no half-built folder is left beside the site
        shutil.rmtree(fresh, ignore_errors=True)
    print(f"Built {site_dir}")
    return 0


_OS_ERROR_LINE = re.compile(r"(?:\w+\.)*\w*Error: \[Errno \d+\] (?P<reason>[^:]+)(?:: '(?P<path>.*)')?")


def run_engine(command: list[str], env: dict[str, str], cwd: Path) -> int:
    """Run the engine; a system error (disk full, no permission) becomes one line naming the path, not a traceback.

    The engine dies with this process (`kill -9` of the build included), so it cannot write on afterwards."""
    result = subprocess.run(command, env=env, cwd=cwd, stderr=subprocess.PIPE, text=True, preexec_fn=_die_with_parent)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    system_error = _OS_ERROR_LINE.fullmatch(lines[-1].strip()) if lines and "Traceback" in result.stderr else None
    if result.returncode != 0 and system_error:
        path = system_error["path"] or "a file of the site"
        print(f"Could not write {path}: {system_error['reason']}.", file=sys.stderr)
    else:
        sys.stderr.write(result.stderr)
    return result.returncode


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=("build", "validate"))
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data")
    parser.add_argument("--site-dir", type=Path, default=PROJECT_DIR / "site")
    parser.add_argument("--config", type=Path, default=PROJECT_DIR / "mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return validate(args.data)
        return build(args.site_dir, args.data, args.config.resolve())
    except KeyboardInterrupt:
        print(f"Stopped; the site in {args.site_dir} was left as it was.", file=sys.stderr)
        return 130
    except OSError as exc:  # the disk is full, a folder cannot be written: the system's words, one line
        where = exc.filename or args.site_dir
        print(
            f"Could not write {where}: {exc.strerror or exc}; the site in {args.site_dir} was left as it was.",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # a bug in the generator, never a data mistake: those are DataErrors
        if os.environ.get("SITEGEN_DEBUG"):
            raise
        print(
            f"Unexpected error ({type(exc).__name__}: {printable(str(exc))}); the site in {args.site_dir} was left "
            "as it was. This is a bug in the site generator, not a mistake in data/: please report this line "
            "(SITEGEN_DEBUG=1 shows the details).",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
