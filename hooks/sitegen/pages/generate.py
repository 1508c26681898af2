"""Step 1, generate: data/ → validated model → a folder of Markdown pages, a page manifest for the
publish step, and an engine config pointing at them (`python -m sitegen.pages.generate`).

Everything is written under `.build/<key>/` (one key per data folder), never inside `docs/`: an engine
copies every file of its docs folder into the site. Only files whose bytes change are written and
stale ones are removed, so a rebuild touches what changed and a removed task group leaves no page behind.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

from sitegen.content.dates import latest_date
from sitegen.content.errors import DataError
from sitegen.content.githistory import committed_dates
from sitegen.content.model import Site
from sitegen.content.updates import DRAFTS_VARIABLE, published_only
from sitegen.content.validate import load_site
from sitegen.pages.chrome import site_chrome
from sitegen.pages.feeds import render_feeds
from sitegen.pages.labels import SEARCH_LABELS, THEME_LABELS
from sitegen.pages.manifest import Manifest, page_entry, write_manifest
from sitegen.pages.not_found import render_not_found
from sitegen.pages.photos import photo_files
from sitegen.pages.render import render_site
from sitegen.pages.siteconfig import engine_settings, read_config, write_engine_config
from sitegen.pages.text import RenderedPage
from sitegen.pages.translation_pages import finish_pages
from sitegen.pages.urls import ABOUT_PAGE, HOME_PAGE, decision_page, updates_page
from sitegen.project import PROJECT_DIR

GENERATED_ROOT = ".build"
ENGINE_CONFIG = "mkdocs.yml"  # both engines read this name
MANIFEST = "pages.json"


@dataclass(frozen=True)
class Generated:
    docs_dir: Path
    nav: list[str]
    pages: int
    site: Site | None = None  # the validated model (drafts removed unless previewing), for the publish step
    page_paths: tuple[str, ...] = ()  # every published page's address path (`qd-166-2021/`)
    manifest: Manifest | None = None
    manifest_file: Path | None = None
    engine_config: Path | None = None
    extra: dict | None = None  # `config.extra` the theme overrides read (their wording, from labels.py)


def generated_dir(project_dir: Path, data_dir: Path) -> Path:
    """One folder per data folder, so a benchmark on synthetic data never clobbers the real site's."""
    key = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:10]
    return project_dir / GENERATED_ROOT / key


def generated_docs_dir(project_dir: Path, data_dir: Path) -> Path:
    return generated_dir(project_dir, data_dir) / "docs"


def generate_docs(
    project_dir: Path,
    data_dir: Path,
    docs_dir: Path,
    *,
    site_url: str | None = None,
    include_drafts: bool = False,
    today: datetime.date | None = None,
    config_file: Path | None = None,
    site: Site | None = None,
) -> Generated:
    """Validate `data_dir` (unless `site` is the model already read from it), render every page and feed,
    sync them with `docs_dir` into the generated folder, and write the manifest and the engine config.

    Draft updates are left out unless `include_drafts` (a preview); `site_url` (default: the config's)
    makes feed links and the manifest's addresses absolute."""
    config = read_config(config_file or project_dir / ENGINE_CONFIG)
    root = (site_url or config.site_url).rstrip("/") + "/"
    if site is None:
        site = load_site(data_dir, today)
    if not include_drafts:
        site = published_only(site)
    pages = finish_pages(site, render_site(site, root))
    pages += [render_not_found(site, lang) for lang in dict.fromkeys(page.lang for page in pages)]
    folder = generated_dir(project_dir, data_dir)
    target = folder / "docs"
    wanted: dict[Path, bytes] = {target / p.file_name: p.markdown.encode("utf-8") for p in pages}
    committed = committed_dates(data_dir)
    feeds = render_feeds(site, root, committed)  # entries' <updated>: when their file was committed
    wanted.update({target / name: feed for name, feed in feeds.items()})
    for decision in site.decisions:
        wanted.update({target / name: data for name, data in photo_files(decision).items()})
    for source in sorted(docs_dir.rglob("*")) if docs_dir.is_dir() else []:
        if source.is_file():
            wanted.setdefault(target / source.relative_to(docs_dir), source.read_bytes())
    sync_folder(target, wanted)

    entries = tuple(page_entry(site, p.path, p.lang, p.markdown) for p in pages)
    lastmod = latest_date(site)
    manifest = Manifest(
        site_url=root,
        data_dir=str(data_dir.resolve()),
        drafts=include_drafts,
        lastmod=lastmod.isoformat() if lastmod else None,
        site_names=config.names,
        site_descriptions=config.descriptions,
        pages=entries,
    )
    manifest_file = write_manifest(manifest, folder / MANIFEST)
    nav = site_nav(site, pages)
    # the theme's wording, and the header's and footer's facts per language (overrides/partials/)
    extra = {
        "search_labels": SEARCH_LABELS,
        "theme_labels": THEME_LABELS,
        "site_chrome": site_chrome(site, content_last_changed(site, committed), config.names),
    }
    engine_config = write_engine_config(config, folder / ENGINE_CONFIG, engine_settings(config, nav, root, extra))
    page_paths = tuple(dict.fromkeys(entry.path for entry in entries if entry.kind != "not_found"))
    return Generated(target, nav, len(pages), site, page_paths, manifest, manifest_file, engine_config, extra)


def content_last_changed(site: Site, committed: dict[str, datetime.datetime]) -> datetime.date | None:
    """The day (UTC) the data last changed in git, for the footer; None (no date claimed) when a data file
    is not committed or git has no history: the dates inside the data say when things happened, not this."""
    files = [decision.data_file for decision in site.decisions]
    files += [group.data_file for decision in site.decisions for group in decision.groups]
    files += [update.data_file for decision in site.decisions for update in decision.updates]
    dates = [committed.get(file) for file in files]
    if not dates or None in dates:
        return None
    return max(dates).astimezone(datetime.UTC).date()


def sync_folder(target: Path, wanted: dict[Path, bytes]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for path, content in wanted.items():
        if not path.is_file() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def site_nav(site, pages: list[RenderedPage]) -> list[str]:
    """The explicit navigation: home, each decision, about. Task groups stay out of it on purpose:
    a nav holding every page is rendered into every page, which makes the build quadratic."""
    newest_first = sorted(site.decisions, key=lambda d: d.date, reverse=True)
    nav = [HOME_PAGE]
    nav.extend(decision_page(decision) for decision in newest_first)
    nav.extend(updates_page(decision) for decision in newest_first)
    nav.append(ABOUT_PAGE)
    return nav


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=PROJECT_DIR / "data")
    parser.add_argument("--config", type=Path, default=PROJECT_DIR / ENGINE_CONFIG)
    parser.add_argument("--site-url", help="the site's address (default: site_url of the config)")
    parser.add_argument("--drafts", action="store_true", help=f"include draft updates (a preview; {DRAFTS_VARIABLE})")
    args = parser.parse_args(argv)
    try:
        generated = generate_docs(
            PROJECT_DIR, args.data, PROJECT_DIR / "docs", site_url=args.site_url, include_drafts=args.drafts,
            config_file=args.config.resolve(),
        )  # fmt: skip
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"{generated.pages} pages in {generated.docs_dir}; manifest {generated.manifest_file}")
    print(generated.engine_config)
    return 0


if __name__ == "__main__":
    sys.exit(main())
