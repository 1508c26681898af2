"""`make serve`'s warm builder: one long-lived process that keeps MkDocs loaded and the engine's last output,
so a data edit re-renders only the pages whose generated Markdown changed (MkDocs' own `dirty` build).

`python -m sitegen.engine.warm …` reads one request per line on stdin (`build` or `full`) and answers each
with one JSON line on stdout; everything else it prints goes to stderr. It stays a separate process so
that `make serve` can start a fresh one after a code edit, and so that a crash never stops the server.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import jinja2
import jinja2.bccache

from sitegen.content.errors import DataError
from sitegen.content.validate import load_site
from sitegen.engine.swap import new_build_folder, swap_in
from sitegen.forks import JOBS_VARIABLE
from sitegen.pages.generate import Generated, generate_docs
from sitegen.project import PROJECT_DIR
from sitegen.publish.memo import PublishMemo
from sitegen.publish.reproducible import ENV_VAR, date_epoch
from sitegen.publish.site import publish_site

ENGINE_OUTPUT = "engine-output"  # beside the served folder: the engine's pages before publish, kept between builds
# MkDocs warns on every dirty build; in strict mode that warning alone would fail it (mkdocs/commands/build.py)
DIRTY_WARNING = "A 'dirty' build is being performed"


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    problems: str = ""  # one problem per line, as the terminal and the preview's error box show them
    full: bool = True  # every page rendered, or only the changed ones
    rendered: int = 0  # pages (HTML files) the engine wrote
    republished: int = 0  # pages the publish step finished again (the others are the served ones, linked)
    pages: int = 0  # pages in the site
    seconds: float = 0.0


@dataclass(frozen=True)
class Shape:
    """What decides how much a build renders: the set of generated files (the same: a dirty build) and the
    engine config (navigation, wording, menu and footer facts, address: when it changes, every page)."""

    engine_config: bytes
    files: tuple[str, ...]


class WarmBuilder:
    """Builds the preview of `data_dir` into `site_dir`, rendering again only what changed since its last build."""

    def __init__(self, data_dir: Path, site_dir: Path, site_url: str, *, drafts: bool, project_dir: Path = PROJECT_DIR):
        self.data_dir, self.site_dir, self.site_url = data_dir, site_dir, site_url
        self.drafts, self.project_dir = drafts, project_dir
        self.engine_output = site_dir.parent / ENGINE_OUTPUT
        self._shape: Shape | None = None  # of the engine output, once a build has completed it
        self._log = EngineLog()
        self._previous_site: Path | None = None
        self._theme_files = ThemeFiles()
        keep_theme_warm(CompiledTemplates(), self._theme_files)
        self._memo = PublishMemo(self.engine_output, site_dir)
        # one process: the publish memo is filled by publish_page, which a forked child would fill for nobody
        os.environ[JOBS_VARIABLE] = "1"

    def remove_previous_site(self) -> None:
        if self._previous_site is not None:
            shutil.rmtree(self._previous_site, ignore_errors=True)
            self._previous_site = None

    def build(self, *, full: bool = False) -> BuildResult:
        """`full`: render every page (a template, stylesheet or config changed, which the data cannot show)."""
        started, started_ns = time.monotonic(), time.time_ns()
        try:
            generated = generate_docs(
                self.project_dir, self.data_dir, self.project_dir / "docs", site_url=self.site_url,
                include_drafts=self.drafts, config_file=self.project_dir / "mkdocs.yml", site=load_site(self.data_dir),
            )  # fmt: skip
        except DataError as exc:
            return BuildResult(ok=False, problems=exc.report())
        shape = shape_of(generated)
        # the same files: MkDocs' dirty build can bring the kept output up to date (a page added or removed
        # changes other pages' links and leaves files behind: then from scratch)
        dirty = not full and self._shape is not None and shape.files == self._shape.files
        dirty = dirty and self.engine_output.is_dir()
        every_page = not dirty or shape.engine_config != self._shape.engine_config
        self._shape = None  # a build that fails half-way leaves an output nobody should build on
        if not dirty:  # from scratch, theme files included (a full build follows a template or config edit)
            self._memo.forget()
            shutil.rmtree(self.engine_output, ignore_errors=True)
            self._theme_files.names.clear()
        elif every_page:  # the engine config changed (the menu's group titles, the footer's date): every page
            touch_pages(generated, lambda relative: True)
        else:
            touch_navigation_pages(generated)
        os.environ.update(
            SITEGEN_DATA=str(self.data_dir), NO_MKDOCS_2_WARNING="1",
            **{ENV_VAR: str(date_epoch(generated.manifest.lastmod_date))},
        )  # fmt: skip
        if not run_mkdocs(generated.engine_config, self.engine_output, dirty=dirty, log=self._log):
            return BuildResult(ok=False, problems="\n".join(self._log.problems) or "The engine failed.", full=not dirty)
        rendered = sum(1 for page in self.engine_output.rglob("*.html") if page.stat().st_mtime_ns >= started_ns)
        self._shape = shape
        fresh = new_build_folder(self.site_dir)
        try:
            link_for_publishing(self.engine_output, fresh)
            publish_site(fresh, generated.manifest, generated.site, self._memo)
            swap_in(fresh, self.site_dir, remove_previous=False)
        except BaseException:
            self._memo.forget()
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        published = len(generated.manifest.published_pages())
        republished = published - self._memo.reused
        self._memo.served()
        self._previous_site = fresh  # removed once the server knows the new one is in place
        pages = len(generated.manifest.pages)
        seconds = round(time.monotonic() - started, 3)
        return BuildResult(True, "", every_page, rendered, republished, pages, seconds)


def link_for_publishing(engine_output: Path, fresh: Path) -> None:
    """The engine's output into a new folder for the publish step, as hard links: the publish step writes each
    file it changes as a new file (sitegen/publish/files.py), so the kept output stays as the engine left it."""
    shutil.copytree(engine_output, fresh, copy_function=os.link, dirs_exist_ok=True)


def shape_of(generated: Generated) -> Shape:
    docs = generated.docs_dir
    files = tuple(sorted(str(path.relative_to(docs)) for path in docs.rglob("*") if path.is_file()))
    return Shape(generated.engine_config.read_bytes(), files)


def touch_navigation_pages(generated: Generated) -> None:
    """A dirty build does not read unchanged pages, so their titles would be missing from the navigation
    of the pages it renders: the few pages in the navigation are always rendered again (in every language)."""
    wanted = set(generated.nav)
    touch_pages(generated, lambda default: default in wanted)


def touch_pages(generated: Generated, chosen: Callable[[str], bool]) -> None:
    """Mark the generated pages `chosen` picks (by their default-language path, `about.md`) as changed, so a
    dirty build renders them again in every language."""
    now = time.time()
    for path in generated.docs_dir.rglob("*.md"):
        relative = path.relative_to(generated.docs_dir).as_posix()
        parts = relative.rsplit(".", 2)  # `about.en.md` is the English `about.md` (i18n's suffix structure)
        if chosen(f"{parts[0]}.md" if len(parts) == 3 else relative):
            os.utime(path, (now, now))


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja's bytecode cache, in memory: MkDocs makes a new theme environment per build and would parse and
    compile every Material template again (about half of a small rebuild). Jinja checks each entry against
    the template's current source, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.codes:
            bucket.bytecode_from_string(self.codes[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


class ThemeFiles:
    """The theme folders' file list, read once per full build instead of twice per build: Material ships
    14,000 icons under `.icons/`, which MkDocs lists and then drops (its filter refuses dot folders)."""

    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], list[str]] = {}

    def listed(self, loader: jinja2.FileSystemLoader) -> list[str]:
        key = tuple(loader.searchpath)
        if key not in self.names:
            every = jinja2.FileSystemLoader.list_templates(loader)
            self.names[key] = [name for name in every if not any(p.startswith(".") for p in name.split("/"))]
        return self.names[key]


def keep_theme_warm(templates: CompiledTemplates, files: ThemeFiles) -> None:
    """Every theme environment MkDocs makes in this process shares the compiled templates and the file list."""
    from mkdocs.theme import Theme

    make_env = getattr(Theme.get_env, "unwarmed", Theme.get_env)

    def get_env(theme: Theme) -> jinja2.Environment:
        env = make_env(theme)
        env.bytecode_cache = templates
        loader = env.loader
        loader.list_templates = lambda: files.listed(loader)
        return env

    get_env.unwarmed = make_env
    Theme.get_env = get_env


class EngineLog(logging.Handler):
    """MkDocs' warnings and errors: printed as `mkdocs build` prints them, and kept for the preview's error box."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.problems: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
        logger = logging.getLogger("mkdocs")
        logger.propagate = False
        logger.setLevel(logging.INFO)  # what strict mode counts reaches its counter; only warnings are shown
        logger.addHandler(self)
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith(DIRTY_WARNING)
        )

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        self.problems.append(line)
        print(line, file=sys.stderr, flush=True)


def run_mkdocs(config_file: Path, out_dir: Path, *, dirty: bool, log: EngineLog) -> bool:
    """MkDocs' `build` in this process (its modules, theme and plugins stay loaded between builds)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    log.problems.clear()
    argv, cwd = sys.argv, os.getcwd()
    # i18n starts its nested English build with `dirty` only when the command line says so (its plugin.py)
    sys.argv = ["mkdocs", "build", *(["--dirty"] if dirty else [])]
    os.chdir(config_file.parent)  # as the engine's own process runs (sitegen/engine/engines.py)
    try:
        config = load_config(str(config_file), site_dir=str(out_dir), strict=True)
        build(config, dirty=dirty)
        return True
    except MkDocsException as exc:
        log.problems.append(str(exc))
        return False
    except SystemExit:
        return False
    finally:
        sys.argv = argv
        os.chdir(cwd)


def serve_requests(builder: WarmBuilder, requests, answers) -> None:
    """One JSON answer per request line, until stdin closes."""
    for line in requests:
        request = line.strip()
        if request not in ("build", "full"):
            continue
        try:
            result = builder.build(full=request == "full")
        except OSError as exc:  # the disk is full, a folder cannot be written: the system's words, one line
            result = BuildResult(
                ok=False, problems=f"Could not write {exc.filename or builder.site_dir}: {exc.strerror or exc}."
            )
        except Exception as exc:  # a bug in the generator: the server shows it and keeps the last good site
            result = BuildResult(
                ok=False, problems=f"Unexpected error ({type(exc).__name__}: {exc}); please report it."
            )
        answers.write(json.dumps(asdict(result), ensure_ascii=False) + "\n")
        answers.flush()
        builder.remove_previous_site()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--site-url", required=True)
    parser.add_argument("--drafts", action="store_true")
    args = parser.parse_args(argv)
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # whatever else prints must not garble the answers
    builder = WarmBuilder(args.data.resolve(), args.site_dir.resolve(), args.site_url, drafts=args.drafts)
    with contextlib.suppress(KeyboardInterrupt):
        serve_requests(builder, sys.stdin, answers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
