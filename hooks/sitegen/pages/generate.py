"""Write the rendered pages and the hand-written `docs/` into one folder that MkDocs builds from.

Only files whose bytes change are written and stale ones are removed, so a rebuild touches what
changed and a removed task group leaves no page behind.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sitegen.content.githistory import committed_dates
from sitegen.content.model import Site
from sitegen.content.updates import published_only
from sitegen.content.validate import load_site
from sitegen.pages.feeds import render_feeds
from sitegen.pages.render import render_site
from sitegen.pages.text import RenderedPage
from sitegen.pages.translation_pages import finish_pages
from sitegen.pages.urls import ABOUT_PAGE, HOME_PAGE, decision_page, page_url_path, updates_page

GENERATED_ROOT = ".build"


@dataclass(frozen=True)
class Generated:
    docs_dir: Path
    nav: list[str]
    pages: int
    site: Site | None = None  # the validated model, e.g. for the build date (sitegen.publish.reproducible)
    page_paths: tuple[str, ...] = ()  # every page's address path (`qd-166-2021/`), for the sitemap


def generated_docs_dir(project_dir: Path, data_dir: Path) -> Path:
    """One folder per data folder, so a benchmark on synthetic data never clobbers the real site's."""
    key = hashlib.sha1(str(data_dir.resolve()).encode()).hexdigest()[:10]
    return project_dir / GENERATED_ROOT / f"docs-{key}"


def generate_docs(
    project_dir: Path,
    data_dir: Path,
    docs_dir: Path,
    *,
    site_url: str = "http://127.0.0.1:8000/",
    include_drafts: bool = False,
    today: datetime.date | None = None,
) -> Generated:
    """Validate `data_dir`, render every page and feed and sync them with `docs_dir` into the generated folder.

    Draft updates are left out unless `include_drafts` (a preview); feeds use `site_url` for absolute links."""
    site = load_site(data_dir, today)
    if not include_drafts:
        site = published_only(site)
    pages = finish_pages(site, render_site(site, site_url))
    target = generated_docs_dir(project_dir, data_dir)
    wanted: dict[Path, bytes] = {target / p.file_name: p.markdown.encode("utf-8") for p in pages}
    feeds = render_feeds(site, site_url, committed_dates(data_dir))
    wanted.update({target / name: feed for name, feed in feeds.items()})
    for source in sorted(docs_dir.rglob("*")) if docs_dir.is_dir() else []:
        if source.is_file():
            wanted.setdefault(target / source.relative_to(docs_dir), source.read_bytes())
    sync_folder(target, wanted)
    page_paths = tuple(dict.fromkeys(page_url_path(p.path) for p in pages))
    return Generated(target, site_nav(site, pages), len(pages), site, page_paths)


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
