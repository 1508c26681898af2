"""The engine on every core: `python -m sitegen.engine.parallel build …` is `mkdocs build …` with English
built by a forked child while the parent builds Vietnamese.

mkdocs-static-i18n builds English as a second, nested build in the same process, after Vietnamese; its
`build_only_locale` cannot build one language of a two-language site alone (it moves it to the root).
So the fork happens where the outer build hands its configuration to i18n (`on_config`, after our
generate step): the child is the nested build, begun early, into a folder of its own; when i18n reaches
its nested build, the parent waits for the child and moves its files in. Same code, same configuration,
same order of writes: the same bytes as `SITEGEN_JOBS=1` (tested).
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import click
from mkdocs.exceptions import Abort

from sitegen import forks


@dataclass(frozen=True)
class LanguageChild:
    lang: str
    pid: int
    site_dir: Path  # the child's own output folder, beside the real one


_children: dict[str, LanguageChild] = {}


def start_other_languages(config, i18n) -> bool:
    """Fork one child per further language; returns True in a child, which then goes on building its
    language. The parent goes on with the default language."""
    if not forks.can_fork() or i18n is None:
        return False
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    site_dir = Path(config.site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    for lang in others:
        own_dir = Path(tempfile.mkdtemp(prefix=f".{site_dir.name.lstrip('.')}-{lang}-", dir=site_dir.parent))
        forks.prepare_fork()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            forks.die_with_parent(parent)
            _children.clear()  # a child waits for nobody
            # exactly the state i18n sets before its nested build (plugin.py, on_post_build)
            i18n.building = True
            i18n.current_language = lang
            config.site_dir = str(own_dir)
            return True
        _children[lang] = LanguageChild(lang, pid, own_dir)
    if _children:
        _replace_nested_build()
    return False


def install() -> None:
    """Fork at the start of i18n's first `on_config` (its event priority, -100, is kept by `wraps`)."""
    from mkdocs_static_i18n.plugin import I18n

    original = I18n.on_config
    if getattr(original, "forks_languages", False):
        return

    @functools.wraps(original)
    def on_config(plugin, config):
        if not plugin.building and plugin.current_language is None:  # the outer build, once
            start_other_languages(config, plugin)
        return original(plugin, config)

    on_config.forks_languages = True
    I18n.on_config = on_config


def main(argv: list[str] | None = None) -> int:
    """`mkdocs build` (MkDocs' own command line, logging and strict mode) with the languages in parallel."""
    from mkdocs.__main__ import cli

    install()
    parent = os.getpid()
    try:
        cli.main(args=argv if argv is not None else sys.argv[1:], prog_name="mkdocs", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except Abort as error:
        error.show()
        return 1
    finally:
        if os.getpid() == parent:
            stop_children()  # after a failure: no child left building, no folder left beside the site
    return 0


def _replace_nested_build() -> None:
    """i18n calls `build(config)` for each further language; in the parent that call collects the child."""
    from mkdocs_static_i18n import plugin

    original = plugin.build

    def collect(config, **_options) -> None:
        lang = plugin_language(config)
        child = _children.pop(lang, None)
        if child is None:  # not forked (a second build in this process): build it here as usual
            original(config, **_options)
            return
        try:
            finish(child, Path(config.site_dir))
        finally:
            if not _children:
                plugin.build = original

    plugin.build = collect


def plugin_language(config) -> str:
    return config.plugins["i18n"].current_language


def finish(child: LanguageChild, site_dir: Path) -> None:
    """Wait for the child; move its files over the parent's, as the nested build would have written them."""
    try:
        _, status = os.waitpid(child.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise Abort(f"The {child.lang} build failed (see above).")
        merge_into(child.site_dir, site_dir)
    finally:
        shutil.rmtree(child.site_dir, ignore_errors=True)


def merge_into(source: Path, target: Path) -> None:
    """Every file of `source` into `target`, replacing what is there (renames on one file system)."""
    for folder, _dirs, files in os.walk(source):
        here = target / Path(folder).relative_to(source)
        here.mkdir(parents=True, exist_ok=True)
        for name in files:
            os.replace(Path(folder) / name, here / name)


def stop_children() -> None:
    """A failed or interrupted parent leaves no child building and no half-built folder behind."""
    for child in list(_children.values()):
        try:
            os.kill(child.pid, signal.SIGTERM)
            os.waitpid(child.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        shutil.rmtree(child.site_dir, ignore_errors=True)
    _children.clear()


if __name__ == "__main__":
    sys.exit(main())
