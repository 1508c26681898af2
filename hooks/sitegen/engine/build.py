"""`make build` and `make validate`: validate → generate → engine into a fresh folder → publish over
it → swap it in. A failed build leaves the previous `site/` exactly as it was; a successful one
replaces it whole.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from sitegen.content.errors import DataError, printable
from sitegen.content.model import Site
from sitegen.content.updates import DRAFTS_VARIABLE
from sitegen.content.validate import load_site
from sitegen.engine.engines import ENGINES, EngineMissing, run_engine
from sitegen.engine.swap import new_build_folder, swap_in
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
    finish: Callable[[Path], None] | None = None,
) -> int:
    """Generate, run the engine into a temporary sibling of `site_dir`, publish over it, and swap it in
    only when every step succeeded. `site_url` overrides the config's (e.g. `make serve`'s address);
    `finish` completes the folder before anyone can see it (`make dist`'s compressed copies)."""
    site = checked_site(data_dir)
    if site is None:
        print(f"The site in {site_dir} was left as it was.", file=sys.stderr)
        return 1
    project = config.parent
    generated = generate_docs(
        project, data_dir, project / "docs", site_url=site_url, include_drafts=drafts, config_file=config, site=site
    )
    site_dir = site_dir.resolve()
    fresh = new_build_folder(site_dir)  # also removes what killed builds left behind
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
        if finish is not None:
            finish(fresh)
        swap_in(fresh, site_dir)
    finally:  # also on Ctrl-C: no half-built folder is left beside the site
        shutil.rmtree(fresh, ignore_errors=True)
    print(f"Built {site_dir}")
    return 0


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
    except OSError as exc:  # the disk is full, a folder cannot be written: the system's words, one line
        print(f"Could not write {exc.filename or args.site_dir}: {exc.strerror or exc}.", file=sys.stderr)
        print(f"The build failed; the site in {args.site_dir} was left as it was.", file=sys.stderr)
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
