"""`make serve`: the same build as `make build` (generate → engine → publish) into a preview folder,
served on HOST:PORT, rebuilt when data/, docs/, overrides/, hooks/ or mkdocs.yml change.

Each build runs as a child process, so code edits are always picked up and a crash cannot stop the
server. A failed build keeps the last good site on screen, with the problems shown at the top of
every page until the next build succeeds; open pages reload by themselves after each build.
"""

from __future__ import annotations

import argparse
import errno
import functools
import html
import http.server
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.content.updates import DRAFTS_VARIABLE, drafts_wanted
from sitegen.engine.engines import ENGINES
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
    command = [sys.executable, "-m", "sitegen.engine.build", "build", "--data", str(args.data)]
    command += ["--site-dir", str(site_dir), "--site-url", site_url, "--engine", args.engine]
    return command + (["--drafts"] if args.drafts else [])


def rebuild(preview: Preview, command: list[str]) -> None:
    started = time.monotonic()
    result = subprocess.run(command, cwd=PROJECT_DIR, capture_output=True, text=True)
    with preview.lock:
        if result.returncode == 0:
            preview.error = ""
            print(f"Rebuilt in {time.monotonic() - started:.1f} s", flush=True)
        else:
            said = (result.stderr.strip() or result.stdout.strip()).splitlines()
            # "the site in <preview folder> was left as it was" says nothing useful in the browser
            preview.error = "\n".join(line for line in said if not line.startswith("The site in "))
            print(preview.error, file=sys.stderr, flush=True)
        preview.build_number += 1


def watch(preview: Preview, command: list[str], folders: list[Path], stop: threading.Event) -> None:
    """Build, then rebuild whenever a watched file changes. The files are looked at before the first
    build starts, so an edit made while it runs is not mistaken for the state it built."""
    state = snapshot(folders)
    rebuild(preview, command)
    while not stop.wait(POLL_SECONDS):
        current = snapshot(folders)
        if current == state:
            continue
        while not stop.wait(SETTLE_SECONDS) and (settled := snapshot(folders)) != current:
            current = settled
        state = current
        rebuild(preview, command)


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
    command = build_command(args, preview.site_dir, site_url)
    signal.signal(signal.SIGTERM, _stop)  # a service manager stops it like Ctrl-C does
    print(f"Building, then serving on http://{args.host}:{args.port}/ (Ctrl-C stops)", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    try:
        watch(preview, command, [args.data, *(PROJECT_DIR / name for name in WATCHED)], stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
