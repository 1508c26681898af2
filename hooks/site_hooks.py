"""MkDocs hooks: hand MkDocs the pages rendered from data/. All logic lives in `sitegen`."""

from __future__ import annotations

import html
import os
from pathlib import Path

import sitegen
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from sitegen.content.model import DEFAULT_LANGUAGE

_command = "build"
_state: dict = {}  # the validated site and root URL of the current build, shared by both languages


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def _nested_language_build(config) -> bool:
    # mkdocs-static-i18n builds English by calling build() again on this same config
    return getattr(config.plugins.get("i18n"), "building", False)


def on_config(config):
    if _nested_language_build(config):
        from sitegen.publish import languages as publish

        # the default language's 404 page and sitemap are done; the next build would overwrite them
        _state["kept"] = publish.keep_default_language_files(Path(config.site_dir))
        return config
    if _command == "serve":
        sitegen.reload_modules()  # MkDocs caches this hook module, but code edits should still show
    from sitegen.content import errors, updates
    from sitegen.pages import generate, urls
    from sitegen.publish import reproducible

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
    from sitegen.pages.labels import SEARCH_LABELS

    config.extra["search_labels"] = SEARCH_LABELS
    from sitegen.content.githistory import committed_dates

    _state.update(
        site=generated.site,
        paths=generated.page_paths,
        root=urls.site_root(config.site_url),
        kept={},
        committed=committed_dates(data_dir),  # sitemap <lastmod>: when each page's data was committed
    )
    return config


# Search: one index per build language (i18n builds English as a nested build with these same hooks)
_search_pages: dict[str, list] = {}


def on_pre_build(config) -> None:
    _search_pages[config.theme["language"]] = []


def on_page_content(html, page, config, files):
    from sitegen.publish import search_index

    priority = int(page.meta.get("search_priority", 0))
    _search_pages[config.theme["language"]].append(search_index.indexed_page(page.url, page.title, html, priority))
    return html


def on_page_context(context, page, config, nav):
    from sitegen.publish import headmeta

    meta = page.meta or {}
    # page.meta holds HTML-escaped text (render.front_matter); sitegen_head holds plain text, escaped once by the template
    title = html.unescape(meta.get("title") or page.title or "")
    description = html.unescape(meta.get("description") or config.site_description or "")
    lang = config.theme["language"]
    context["sitegen_head"] = headmeta.page_head(
        _state["site"], _state["root"], page.url, lang, title, description, config.site_name
    )
    return context


def on_post_page(output, page, config):
    from sitegen.publish import page_fixes

    return page_fixes.fix_page(output)


def on_template_context(context, template_name, config):
    from sitegen.publish import languages as publish
    from sitegen.publish import sitemap

    lang = config.theme["language"]
    if template_name == "sitemap.xml":
        context["sitegen_sitemap"] = sitemap.sitemap_entries(
            _state["paths"], _state["root"], lang, sitemap.page_last_changed(_state["site"], _state["committed"])
        )
    elif template_name == "404.html" and getattr(config.extra, "alternate", None):
        # i18n leaves the last page's switch links here (as an attribute); a 404 page switches to the homes
        config.extra.alternate = publish.home_switch_links(config.extra.alternate, _state["root"])
    return context


@event_priority(-200)  # after i18n's own post-build, which builds the other languages
def on_post_build(config):
    from sitegen.publish import languages as publish
    from sitegen.publish import opendata, search_index

    site_dir = Path(config.site_dir)
    nested = _nested_language_build(config)
    # after i18n's nested build, config.theme still names its language: the outer build is the default one
    lang = config.theme["language"] if nested else DEFAULT_LANGUAGE
    search_index.write_index(site_dir, lang, _search_pages.pop(lang, []))  # one event per hook module: both here
    if nested:
        publish.move_language_files(site_dir, lang, _state["kept"])
    else:
        opendata.write_open_data(_state["site"], _state["root"], site_dir)


def on_serve(server, config, builder):
    # the generated folder changes on every rebuild; watching it would rebuild forever
    server.unwatch(config.docs_dir)
    # `watch: [data]` covers the project's data/; a data folder given in SITEGEN_DATA (the serve
    # benchmark's copy, a fixture site) must rebuild on its edits too (a path watched twice is counted once)
    if "SITEGEN_DATA" in os.environ:
        server.watch(os.environ["SITEGEN_DATA"])
    return server
