"""MkDocs hooks: hand MkDocs the pages rendered from data/. All logic lives in `sitegen`."""

from __future__ import annotations

import os
from pathlib import Path

import sitegen
from mkdocs.exceptions import Abort

_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config):
    # mkdocs-static-i18n builds English by calling build() again on this same config: already done
    if getattr(config.plugins.get("i18n"), "building", False):
        return config
    if _command == "serve":
        sitegen.reload_modules()  # MkDocs caches this hook module, but code edits should still show
    from sitegen import errors, generate, reproducible, updates

    project = Path(config.config_file_path).parent
    data_dir = Path(os.environ.get("SITEGEN_DATA", project / "data"))
    try:
        generated = generate.generate_docs(
            project,
            data_dir,
            project / "docs",
            site_url=config.site_url or "",
            include_drafts=updates.drafts_wanted(_command),
        )
    except errors.DataError as exc:
        raise Abort(exc.report()) from None
    reproducible.pin_build_date(generated.site)  # sitemap <lastmod>, sitemap.xml.gz: dated by the data, not the clock
    config.docs_dir = str(generated.docs_dir)
    config.nav = generated.nav
    from sitegen.labels import SEARCH_LABELS

    config.extra["search_labels"] = SEARCH_LABELS
    return config


def on_serve(server, config, builder):
    # the generated folder changes on every rebuild; watching it would rebuild forever
    server.unwatch(config.docs_dir)
    # `watch: [data]` covers the project's data/; a data folder given in SITEGEN_DATA (the serve
    # benchmark's copy, a fixture site) must rebuild on its edits too (a path watched twice is counted once)
    if "SITEGEN_DATA" in os.environ:
        server.watch(os.environ["SITEGEN_DATA"])
    return server


# Search: one index per build language (i18n builds English as a nested build with these same hooks)
_search_pages: dict[str, list] = {}


def on_pre_build(config) -> None:
    _search_pages[config.theme["language"]] = []


def on_page_content(html, page, config, files):
    from sitegen import search_index

    priority = int(page.meta.get("search_priority", 0))
    _search_pages[config.theme["language"]].append(search_index.indexed_page(page.url, page.title, html, priority))
    return html


def on_post_build(config) -> None:
    from sitegen import search_index

    lang = config.theme["language"]
    search_index.write_index(Path(config.site_dir), lang, _search_pages.pop(lang, []))
