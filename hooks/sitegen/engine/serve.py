"""`make serve`: the same build as `make build` (generate → engine → publish) into a preview folder,
served on HOST:PORT, rebuilt when data/, docs/, overrides/, hooks/ or mkdocs.yml change.

With MkDocs, one warm build process (sitegen/engine/warm.py) keeps the engine loaded and renders again only
the pages a data edit changed; a code edit starts a fresh one, and a crash cannot stop the server. With
Zensical, each build is a process of its own. A failed build keeps the last good site on screen, with the
problems shown at the top of every page until the next build succeeds; open pages reload by themselves.
"""

from __future__ import annotations

import argparse
import errno
import functools
import html
import http.server
import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.content.updates import DRAFTS_VARIABLE, drafts_wanted
from sitegen.engine.engines import ENGINES, die_with_parent
from sitegen.pages.generate import generated_dir
from sitegen.project import PROJECT_DIR, from_make

POLL_SECONDS = 0.5
SETTLE_SECONDS = 0.1  # an editor's save can be several writes: wait until they are over
WATCHED = ("docs", "overrides", "hooks", "mkdocs.yml")
BUILD_PATH = "/__sitegen_build__"  # the build number, which open pages poll to reload after a rebuild
ERROR_TITLE = {
    "vi": "Lỗi dữ liệu: trang dưới đây là bản dựng đúng gần nhất. Sửa tệp theo các dòng sau "
    "(tệp:dòng:cột: trường: lỗi); trang tự cập nhật khi dữ liệu đúng.",
    "en": "Data problem: below is the last good build. Fix the file as each line says "
    "(file:line:column: field: problem); this page updates itself once the data is valid.",
}
RELOAD_SCRIPT = f"""<script>(() => {{ let seen = null; setInterval(async () => {{ try {{
  const now = await (await fetch("{BUILD_PATH}", {{cache: "no-store"}})).text();
  if (seen !== null && now !== seen) location.reload(); seen = now; }} catch (e) {{}} }}, 1000); }})();</script>"""


@dataclass
class Preview:
    """What the server shows: the folder of the last good build, and the problems of the last build if it failed."""

    site_dir: Path
    build_number: int = 0
    error: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would bury the build messages

    def do_GET(self) -> None:
        if self.path == BUILD_PATH:
            return self._send(str(self.preview.build_number).encode(), "text/plain")
        if not self.preview.site_dir.is_dir():  # no good build yet: 503, the page is not there (yet)
            return self._send(self._error_page().encode("utf-8"), "text/html; charset=utf-8", status=503)
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.suffix == ".html" and path.is_file():
            return self._send(
                self._with_notices(path.read_text(encoding="utf-8")).encode("utf-8"), "text/html; charset=utf-8"
            )
        super().do_GET()

    def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _lang(self) -> str:
        return "en" if self.path.startswith("/en/") else "vi"

    def _error_box(self) -> str:
        if not self.preview.error:
            return ""
        return (
            '<div role="alert" style="margin:0;padding:1em;background:#fff3cd;color:#000;border-bottom:3px solid #b00;'
            f'font:16px/1.4 sans-serif"><strong>{html.escape(ERROR_TITLE[self._lang()])}</strong>'
            f'<pre style="white-space:pre-wrap;margin:.5em 0 0">{html.escape(self.preview.error)}</pre></div>'
        )

    def _with_notices(self, page: str) -> str:
        body = page.find("<body")
        body_end = page.find(">", body) + 1 if body != -1 else 0
        page = page[:body_end] + self._error_box() + page[body_end:]
        end = page.rfind("</body>")
        return page[:end] + RELOAD_SCRIPT + page[end:] if end != -1 else page + RELOAD_SCRIPT

    def _error_page(self) -> str:
        return f"<!doctype html><html><body>{self._error_box() or 'Building…'}{RELOAD_SCRIPT}</body></html>"


def snapshot(folders: list[Path]) -> dict[str, tuple[int, int]]:
    """Every watched file's modification time and size: a change in either means an edit."""
    seen = {}
    for folder in folders:
        paths = [folder] if folder.is_file() else folder.rglob("*")
        for path in paths:
            if "__pycache__" in path.parts or not path.is_file():
                continue
            try:
                stat = path.stat()
            except OSError:  # removed while we looked
                continue
            seen[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return seen


def build_command(args: argparse.Namespace, site_dir: Path, site_url: str) -> list[str]:
    """A build of its own (another engine than MkDocs): `make build`'s command into the preview folder."""
    command = [sys.executable, "-m", "sitegen.engine.build", "build", "--data", str(args.data)]
    command += ["--site-dir", str(site_dir), "--site-url", site_url, "--engine", args.engine]
    return command + (["--drafts"] if args.drafts else [])


def warm_command(args: argparse.Namespace, site_dir: Path, site_url: str) -> list[str]:
    command = [sys.executable, "-m", "sitegen.engine.warm", "--data", str(args.data)]
    command += ["--site-dir", str(site_dir), "--site-url", site_url]
    return command + (["--drafts"] if args.drafts else [])


@dataclass(frozen=True)
class Outcome:
    ok: bool
    problems: str = ""
    summary: str = ""


class ColdBuilder:
    """One process per build: what any engine can do."""

    def __init__(self, command: list[str]):
        self.command = command

    def build(self, *, full: bool = True) -> Outcome:
        result = subprocess.run(self.command, cwd=PROJECT_DIR, capture_output=True, text=True)
        if result.returncode == 0:
            return Outcome(True, summary="all pages")
        said = (result.stderr.strip() or result.stdout.strip()).splitlines()
        # "the site in <preview folder> was left as it was" says nothing useful in the browser
        return Outcome(False, "\n".join(line for line in said if not line.startswith("The site in ")))

    def restart(self) -> None:
        pass  # every build is a new process already

    def stop(self) -> None:
        pass


class WarmBuilder:
    """The warm build process (sitegen/engine/warm.py): started on the first build, started again after a
    code edit (its modules would be stale) or if it ever dies."""

    def __init__(self, command: list[str]):
        self.command = command
        self.process: subprocess.Popen[str] | None = None

    def build(self, *, full: bool = False) -> Outcome:
        if self.process is None or self.process.poll() is not None:
            self.process = subprocess.Popen(
                self.command, cwd=PROJECT_DIR, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                encoding="utf-8", preexec_fn=die_with_parent,
            )  # fmt: skip
        try:
            self.process.stdin.write("full\n" if full else "build\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline()
        except OSError:
            answer = ""
        if not answer:  # it died (its own words are in the terminal): the next build starts a fresh one
            self.stop()
            return Outcome(False, "The build process stopped unexpectedly; see the terminal. Saving again retries.")
        result = json.loads(answer)
        if not result["ok"]:
            return Outcome(False, result["problems"])
        rendered = "all" if result["full"] else str(result["rendered"])
        return Outcome(True, summary=f"{rendered} of {result['pages']} pages rendered")

    def restart(self) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


def rebuild(preview: Preview, builder: ColdBuilder | WarmBuilder, *, full: bool = False) -> None:
    started = time.monotonic()
    outcome = builder.build(full=full)
    with preview.lock:
        if outcome.ok:
            preview.error = ""
            print(f"Rebuilt in {time.monotonic() - started:.1f} s ({outcome.summary})", flush=True)
        else:
            preview.error = outcome.problems
            print(preview.error, file=sys.stderr, flush=True)
        preview.build_number += 1


class EditAlarm:
    """Wakes the watch loop as soon as the system reports a write under the watched folders (inotify, through
    watchdog, MkDocs' own watcher library), so an edit is seen at once rather than at the next poll. The poll
    stays the judge of what changed, and the only watcher where inotify is not available."""

    def __init__(self, folders: list[Path]):
        self.event = threading.Event()
        self.observer = None
        try:
            from watchdog.events import FileSystemEventHandler
            from watchdog.observers.inotify import InotifyObserver

            alarm = self.event

            class Handler(FileSystemEventHandler):
                def on_any_event(self, event) -> None:
                    if event.event_type not in ("opened", "closed_no_write"):  # reads are not edits
                        alarm.set()

            observer = InotifyObserver()
            for folder in folders:
                if folder.is_dir():
                    observer.schedule(Handler(), str(folder), recursive=True)
                elif folder.is_file():
                    observer.schedule(Handler(), str(folder.parent), recursive=False)
            observer.daemon = True
            observer.start()
            self.observer = observer
        except Exception:  # no inotify here (another system, or its limits reached): polling alone
            self.observer = None

    def wait(self, stop: threading.Event, seconds: float) -> bool:
        """True once `stop` is set; otherwise returns after an edit or `seconds`, whichever comes first."""
        self.event.wait(seconds)
        self.event.clear()
        return stop.is_set()

    def close(self) -> None:
        if self.observer is not None:
            self.observer.stop()


def what_changed(before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def watch(
    preview: Preview,
    builder: ColdBuilder | WarmBuilder,
    data_dir: Path,
    others: list[Path],
    stop: threading.Event,
    code_dir: Path = PROJECT_DIR / "hooks",
) -> None:
    """Build, then rebuild whenever a watched file changes. The files are looked at before the first
    build starts, so an edit made while it runs is not mistaken for the state it built."""
    folders = [data_dir, *others]
    alarm = EditAlarm(folders)
    try:
        state = snapshot(folders)
        rebuild(preview, builder, full=True)
        while not alarm.wait(stop, POLL_SECONDS):
            current = snapshot(folders)
            if current == state:
                continue
            while not stop.wait(SETTLE_SECONDS) and (settled := snapshot(folders)) != current:
                current = settled
            changed = what_changed(state, current)
            state = current
            if any(path.startswith(f"{code_dir}{os.sep}") for path in changed):
                builder.restart()  # its modules are the old code
            # a data edit renders only what it changed; a template, stylesheet or config edit, every page
            rebuild(preview, builder, full=not all(path.startswith(f"{data_dir}{os.sep}") for path in changed))
    finally:
        alarm.close()


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # the defaults are what `make serve HOST=... PORT=...` hands over in the environment (never through a shell)
    parser.add_argument("--host", default=from_make("HOST") or "127.0.0.1")
    parser.add_argument("--port", default=from_make("PORT") or "8000")
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("SITEGEN_DATA", PROJECT_DIR / "data")))
    parser.add_argument("--engine", choices=ENGINES, default=os.environ.get("ENGINE") or "mkdocs")
    parser.add_argument("--drafts", action="store_true", default=drafts_wanted("serve"), help=f"or {DRAFTS_VARIABLE}=1")
    args = parser.parse_args(argv)
    if not (args.port.isascii() and args.port.isdigit() and 0 < int(args.port) < 65536):
        print(
            f"PORT must be a number from 1 to 65535, like `make serve PORT=8001`; got '{args.port}'.", file=sys.stderr
        )
        return 1
    args.port = int(args.port)
    args.data = args.data.resolve()
    site_url = os.environ.get("SITE_URL") or f"http://{args.host}:{args.port}/"
    preview = Preview(generated_dir(PROJECT_DIR, args.data) / "preview" / "site")
    handler = type("Handler", (PreviewHandler,), {"preview": preview})
    try:
        server = http.server.ThreadingHTTPServer(
            (args.host, args.port), functools.partial(handler, directory=str(preview.site_dir))
        )
    except OSError as exc:  # one line, never a traceback: what is wrong and what to type instead
        if exc.errno == errno.EADDRINUSE:
            message = f"Port {args.port} on {args.host} is in use (another `make serve`?); pick another: `make serve PORT={args.port + 1}`."
        else:
            message = f"Cannot serve on {args.host}:{args.port}: {exc.strerror or exc}; pick another: `make serve PORT=8001` (or HOST=127.0.0.1)."
        print(message, file=sys.stderr)
        return 1
    if args.engine == "mkdocs":
        builder: ColdBuilder | WarmBuilder = WarmBuilder(warm_command(args, preview.site_dir, site_url))
    else:
        builder = ColdBuilder(build_command(args, preview.site_dir, site_url))
    signal.signal(signal.SIGTERM, _stop)  # a service manager stops it like Ctrl-C does
    print(f"Building, then serving on http://{args.host}:{args.port}/ (Ctrl-C stops)", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    try:
        watch(preview, builder, args.data, [PROJECT_DIR / name for name in WATCHED], stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        builder.stop()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
