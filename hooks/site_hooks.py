"""MkDocs hooks, for a plain `mkdocs build`/`mkdocs serve` of mkdocs.yml: run the generate step and
point MkDocs at its folder. Nothing else: the publish step (`sitegen.publish`) runs after any engine,
in `make build` and `make serve` (`sitegen.engine`), and Zensical runs no hooks at all."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import sitegen
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer


def _nested_language_build(config: MkDocsConfig) -> bool:
    # mkdocs-static-i18n builds English by calling build() again on this same, already generated config
    return getattr(config.plugins.get("i18n"), "building", False)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _nested_language_build(config):
        return config
    sitegen.reload_modules()  # MkDocs caches this hook module; reloading the package picks up code edits
    from sitegen.content import errors, updates
    from sitegen.pages import generate
    from sitegen.publish import reproducible

    project = Path(config.config_file_path).parent
    data_dir = Path(os.environ.get("SITEGEN_DATA", project / "data"))
    try:
        generated = generate.generate_docs(
            project,
            data_dir,
            project / "docs",
            site_url=config.site_url or None,
            include_drafts=updates.drafts_wanted(_mkdocs_command()),
            config_file=Path(config.config_file_path),
        )
    except errors.DataError as exc:
        raise Abort(exc.report()) from None
    os.environ[reproducible.ENV_VAR] = str(reproducible.date_epoch(generated.manifest.lastmod_date))
    config.docs_dir = str(generated.docs_dir)
    config.nav = generated.nav
    config.extra.update(generated.extra)
    return config


def _mkdocs_command() -> str:
    """`serve` or `build`: read from the command line rather than kept from on_startup (no module state)."""
    return "serve" if sys.argv[1:2] == ["serve"] else "build"


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    # the generated folder changes on every rebuild; watching it would rebuild forever
    server.unwatch(config.docs_dir)
    if "SITEGEN_DATA" in os.environ:  # a data folder outside the project (a benchmark's copy, a fixture)
        server.watch(os.environ["SITEGEN_DATA"])
    return server
