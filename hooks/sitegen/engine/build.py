"""`make build` and `make validate`: check data/, build into a fresh folder, then swap it in.

A failed build leaves the previous `site/` exactly as it was; a successful one replaces it whole.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from sitegen.content.errors import DataError, printable
from sitegen.content.validate import load_site
from sitegen.project import PROJECT_DIR


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


def build(site_dir: Path, data_dir: Path, config: Path) -> int:
    """Build into a temporary sibling of `site_dir` and swap it in only when MkDocs succeeded."""
    if validate(data_dir):
        print(f"The site in {site_dir} was left as it was.", file=sys.stderr)
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    env = {**os.environ, "SITEGEN_DATA": str(data_dir.resolve()), "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(fresh)]
    try:
        result = subprocess.run(command, env=env, cwd=config.parent)
        if result.returncode != 0:
            print(f"The build failed; the site in {site_dir} was left as it was.", file=sys.stderr)
            return 1
        swap_in(fresh, site_dir)
    finally:  # also on Ctrl-C: no half-built folder is left beside the site
        shutil.rmtree(fresh, ignore_errors=True)
    print(f"Built {site_dir}")
    return 0


def swap_in(fresh: Path, site_dir: Path) -> None:
    """Two renames on one file system: readers see the old site or the new one, never a mix."""
    old = site_dir.with_name(f".{site_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    had_site = site_dir.exists()
    if had_site:
        site_dir.rename(old)
    try:
        fresh.rename(site_dir)
    except BaseException:
        if had_site:
            old.rename(site_dir)  # put the previous site back
        raise
    shutil.rmtree(old, ignore_errors=True)


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
