"""`make build` and `make validate`: validate → generate → engine into a fresh folder → publish over
it → swap it in. A failed build leaves the previous `site/` exactly as it was; a successful one
replaces it whole.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from sitegen.content.errors import DataError, printable
from sitegen.content.model import Site
from sitegen.content.updates import DRAFTS_VARIABLE
from sitegen.content.validate import load_site
from sitegen.engine.engines import ENGINES, EngineMissing, run_engine
from sitegen.pages.generate import generate_docs
from sitegen.project import PROJECT_DIR
from sitegen.publish.reproducible import ENV_VAR, date_epoch
from sitegen.publish.site import publish_site


def validate(data_dir: Path) -> int:
    return 0 if checked_site(data_dir) is not None else 1


def checked_site(data_dir: Path) -> Site | None:
    """The validated model, or None after printing one line per problem."""
    try:
        site = load_site(data_dir)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return None
    groups = sum(len(d.groups) for d in site.decisions)
    updates = sum(len(d.updates) for d in site.decisions)
    print(f"{data_dir}: {len(site.decisions)} decision(s), {groups} task groups, {updates} update(s): all valid.")
    return site


def build(
    site_dir: Path,
    data_dir: Path,
    config: Path,
    *,
    engine: str = "mkdocs",
    drafts: bool = False,
    site_url: str | None = None,
) -> int:
    """Generate, run the engine into a temporary sibling of `site_dir`, publish over it, and swap it in
    only when every step succeeded. `site_url` overrides the config's (e.g. `make serve`'s address)."""
    site = checked_site(data_dir)
    if site is None:
        print(f"The site in {site_dir} was left as it was.", file=sys.stderr)
        return 1
    project = config.parent
    generated = generate_docs(
        project, data_dir, project / "docs", site_url=site_url, include_drafts=drafts, config_file=config, site=site
    )
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    # the engine's own dates (sitemap, gzip headers) come from the data, never from the clock
    epoch = str(date_epoch(generated.manifest.lastmod_date))
    env = {**os.environ, "SITEGEN_DATA": str(data_dir.resolve()), "NO_MKDOCS_2_WARNING": "1", ENV_VAR: epoch}
    try:
        try:
            result = run_engine(engine, generated.engine_config, fresh, env)
        except EngineMissing as exc:
            print(f"{exc}; the site in {site_dir} was left as it was.", file=sys.stderr)
            return 1
        if result.returncode != 0:
            print(f"The build failed; the site in {site_dir} was left as it was.", file=sys.stderr)
            return 1
        publish_site(fresh, generated.manifest, generated.site)
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
    parser.add_argument("--engine", choices=ENGINES, default=os.environ.get("ENGINE") or "mkdocs")
    parser.add_argument("--drafts", action="store_true", help=f"include draft updates (a preview; {DRAFTS_VARIABLE})")
    parser.add_argument("--site-url", help="the site's address (default: site_url of the config)")
    args = parser.parse_args(argv)
    try:
        if args.command == "validate":
            return validate(args.data)
        return build(
            args.site_dir, args.data, args.config.resolve(), engine=args.engine, drafts=args.drafts,
            site_url=args.site_url,
        )  # fmt: skip
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
