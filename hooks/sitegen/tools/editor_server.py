"""`make edit`: the live preview and the Decap CMS editor at /admin/ on one address of 127.0.0.1.

One server in front of two helpers it starts: decap-server (Decap's local backend, reading and writing the
data folder) and the live preview (`make serve DRAFTS=1`'s server). Every save of an update is written the way a
person writes the file (editor_yaml) and checked with the project's validator first: a save that would make
data/ invalid is refused, the editor says why, and the preview shows the project's own error.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import http.server
import json
import mimetypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jinja2
import yaml

from sitegen.content.errors import DataError, Problem
from sitegen.content.schema import MEDIA_FOLDER, RESERVED_UPDATE_SLUGS
from sitegen.content.slugs import slugify
from sitegen.content.updates import DRAFTS_VARIABLE, UPDATES_FOLDER
from sitegen.content.validate import load_site
from sitegen.pages.urls import UPDATES_FOLDER as UPDATES_ADDRESS
from sitegen.project import PROJECT_DIR
from sitegen.tools.editor_config import (
    API_PATH,
    BACKEND_VARIABLE,
    LOCAL,
    BadSetting,
    editor_config,
    parse_backend,
)
from sitegen.tools.editor_wording import vietnamese_line, vietnamese_message
from sitegen.tools.editor_yaml import NotAnUpdate, normalise_update
from sitegen.tools.new_update import make_slug

EDITOR_DIR = PROJECT_DIR / "editor"
ADMIN_DIR = EDITOR_DIR / "admin"
VENDOR_DIR = EDITOR_DIR / "vendor" / "decap-cms"
DECAP_SERVER = EDITOR_DIR / "node_modules" / "decap-server" / "dist" / "index.js"
ADMIN_PREFIX = "/admin/"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}
# The editor page may load nothing from another host: Decap's bundle names CDNs and Git hosts in code it
# does not run here; this header makes sure a stray request is blocked, not sent. Decap styles its
# components with inline <style> (emotion), reads uploads back from blob: addresses (still this page), its config check (AJV) compiles code with eval, and its bundle compiles WebAssembly.
ADMIN_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob:; frame-src 'self'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'"
)
ERROR_WORDING = {
    # the preview's error page, in the language of the page it replaces
    "vi": {
        "title": "Chưa xem trước được: dữ liệu có lỗi",
        "refused": "Lần lưu gần nhất chưa được ghi vào data/ vì tin có lỗi. Sửa trong trình soạn thảo rồi bấm Lưu lại.",
        "how": "Mỗi dòng: tệp : dòng : cột : trường : điều cần sửa.",
        "count": "{n} lỗi",
        "reload": "Trang này tự tải lại sau khi sửa xong.",
    },
    "en": {
        "title": "No preview yet: the data has errors",
        "refused": "The last save was not written to data/ because the update has errors. Fix it in the editor and save again.",
        "how": "Each line: file : line : column : field : what to fix.",
        "count": "{n} problem(s)",
        "reload": "This page reloads by itself once it is fixed.",
    },
}
TEXT_TYPES = ("text/", "application/xml", "application/atom+xml", "application/json", "application/javascript")
# the editor's toast reads "Chưa lưu được: " (editor.js) and then this, each problem as a Vietnamese line
REFUSED_TOAST = "tin chưa được ghi (data/ không thay đổi) vì có lỗi:"
MEDIA_ONLY = f"ảnh chỉ được lưu vào thư mục {MEDIA_FOLDER}/ của các tin"
UPDATES_ONLY = "trình soạn thảo chỉ ghi các tệp tin tức"
NOT_AN_UPDATE = "trình soạn thảo gửi tới một tin không đọc được ({reason}); tải lại trang rồi thử lại"


@dataclass
class EditorState:
    """What the server knows between requests: the last refused save of each file."""

    data_dir: Path
    repo_root: Path  # decap-server's folder: Decap's paths (data/decisions/...) are relative to it
    refused: dict[str, list[Problem]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def check_candidate(self, relative: str, text: str, assets: dict[str, bytes] | None = None) -> list[Problem]:
        """The problems data/ would have with `text` written at `relative` and the uploaded `assets` beside
        it (checked in a copy)."""
        with tempfile.TemporaryDirectory(prefix="editor-check-") as scratch:
            copy = Path(scratch) / self.data_dir.name  # same folder name: problems name data/... as usual
            shutil.copytree(self.data_dir, copy)
            target = Path(scratch) / relative
            if not target.resolve().is_relative_to(copy.resolve()):
                return [Problem(relative, 1, 1, "", "the editor may only write inside the data folder")]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            for asset, data in (assets or {}).items():
                (Path(scratch) / asset).parent.mkdir(parents=True, exist_ok=True)
                (Path(scratch) / asset).write_bytes(data)
            try:
                load_site(copy)
            except DataError as exc:
                return exc.problems
        return []


def taken_slugs(folder: Path, except_file: Path | None) -> dict[str, str]:
    """Slugs of the updates in `folder` (file name by slug), without the file being edited."""
    taken = {}
    for path in sorted(folder.glob("*.yaml")):
        if except_file is not None and path.resolve() == except_file.resolve():
            continue
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError, UnicodeDecodeError):
            continue
        if isinstance(loaded, dict) and isinstance(loaded.get("slug"), str):
            taken[loaded["slug"]] = path.name
    return taken


def render_error_page(problems: list[Problem], lang: str) -> str:
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(EDITOR_DIR / "templates"), autoescape=True, keep_trailing_newline=True
    )
    words = ERROR_WORDING[lang]
    return templates.get_template("preview-error.html").render(
        lang=lang,
        words=words,
        reason=words["refused"],
        count=words["count"].format(n=len(problems)),
        problems=[
            (f"{p.file}:{p.line}:{p.column}", p.field, vietnamese_message(p) if lang == "vi" else p.message)
            for p in problems
        ],
    )


def make_handler(state: EditorState, decap_port: int, preview_port: int):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "make-edit"

        def log_message(self, format: str, *args: object) -> None:
            if os.environ.get("EDITOR_DEBUG"):
                super().log_message(format, *args)

        # --- routing
        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            if path == ADMIN_PREFIX.rstrip("/"):
                return self._redirect(ADMIN_PREFIX)
            if path.startswith(ADMIN_PREFIX):
                return self._admin(path)
            return self._preview()

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_POST(self) -> None:
            if urlsplit(self.path).path == API_PATH:
                return self._backend()
            self._send(405, b"", "text/plain")

        # --- the editor
        def _admin(self, path: str) -> None:
            rest = path[len(ADMIN_PREFIX) :]
            if rest in ("", "index.html"):
                return self._file(ADMIN_DIR / "index.html", policy=True)
            if rest == "config.json":
                return self._json(200, self._config())
            if rest == "api/slug":
                return self._json(200, self._slug(parse_qs(urlsplit(self.path).query)))
            if rest.startswith("decap-cms/"):
                return self._file(VENDOR_DIR / rest.removeprefix("decap-cms/"), root=VENDOR_DIR, cache=True)
            return self._file(ADMIN_DIR / rest, root=ADMIN_DIR)

        def _config(self) -> dict:
            site = load_site(state.data_dir)
            backend = parse_backend(LOCAL)
            folder = state.data_dir.resolve().relative_to(state.repo_root.resolve()).as_posix()
            config = editor_config(site, folder, backend)
            previews = {
                collection["name"]: decision.slug
                for collection, decision in zip(config["collections"], site.decisions, strict=True)
            }
            return {"config": config, "previews": previews, "updates_address": UPDATES_ADDRESS}

        def _slug(self, query: dict[str, list[str]]) -> dict:
            """A slug for a title, and whether a slug is free: slugs are unique among a decision's updates."""
            folder = self._inside(query.get("folder", [""])[0])
            entry = query.get("path", [""])[0]
            if folder is None:
                return {"error": "unknown folder"}
            taken = taken_slugs(folder, self._inside(entry) if entry else None)
            answer: dict = {"taken": sorted(taken)}
            if "title" in query:
                answer["suggestion"] = make_slug(query["title"][0], set(taken)) if query["title"][0].strip() else ""
            if "slug" in query:
                slug = query["slug"][0]
                answer["free"] = slug not in taken and slug not in RESERVED_UPDATE_SLUGS
                answer["used_by"] = taken.get(slug)
                answer["ascii"] = slugify(slug) == slug
            return answer

        def _inside(self, relative: str) -> Path | None:
            if not relative:
                return None
            path = (state.repo_root / relative).resolve()
            return path if path.is_relative_to(state.data_dir.resolve()) else None

        # --- Decap's local backend, with every update save written like a hand-written file and checked
        def _backend(self) -> None:
            body = self._body()
            try:
                request = json.loads(body)
            except ValueError:
                return self._json(400, {"error": "not JSON"})
            action = request.get("action")
            params = request.get("params") or {}
            if action == "getDeployPreview":
                return self._json(200, self._deploy_preview(params))
            if action == "persistMedia" and self._media_path((params.get("asset") or {}).get("path", "")) is None:
                return self._json(422, {"error": MEDIA_ONLY})
            if action == "persistEntry":
                refusal = self._prepare_save(params)
                if refusal:
                    return self._json(422, {"error": refusal})
                body = json.dumps(request).encode("utf-8")
            status, headers, answer = self._forward(decap_port, "POST", API_PATH, body, self._forward_headers(body))
            if status == 200 and action in ("deleteFile", "deleteFiles"):
                gone = params.get("paths") or [params.get("path")]
                with state.lock:
                    for path in gone:
                        state.refused.pop(path, None)
            self._relay(status, headers, answer)

        def _deploy_preview(self, params: dict) -> dict | None:
            """Decap's "preview" button: the saved update's page in the live preview."""
            config = self._config()
            decision = config["previews"].get(params.get("collection", ""))
            folders = {c["name"]: c["folder"] for c in config["config"]["collections"]}
            target = self._inside(f"{folders.get(params.get('collection', ''), '')}/{params.get('slug', '')}.yaml")
            if decision is None or target is None or not target.is_file():
                return None
            slug = (yaml.safe_load(target.read_text(encoding="utf-8")) or {}).get("slug")
            if not isinstance(slug, str):
                return None
            host = self.headers.get("Host", "127.0.0.1")
            return {"url": f"http://{host}/{decision}/{UPDATES_ADDRESS}/{slug}/", "status": "SUCCESS"}

        def _media_path(self, relative: str) -> Path | None:
            """Uploads go only into an updates folder's media/ folder, as photos of its updates."""
            target = self._inside(relative)
            if target is None or target.parent.name != MEDIA_FOLDER or target.parent.parent.name != UPDATES_FOLDER:
                return None
            return target

        def _prepare_save(self, params: dict) -> str | None:
            assets: dict[str, bytes] = {}
            for asset in params.get("assets") or []:
                if self._media_path(asset.get("path", "")) is None:
                    return f"{asset.get('path')}: {MEDIA_ONLY}"
                assets[asset["path"]] = base64.b64decode(asset.get("content", ""))
            files = params.get("dataFiles") or ([params["entry"]] if params.get("entry") else [])
            for data_file in files:
                relative = data_file.get("path", "")
                target = self._inside(relative)
                if target is None or target.suffix != ".yaml" or target.parent.name != UPDATES_FOLDER:
                    return f"{relative}: {UPDATES_ONLY}"
                original = target.read_text(encoding="utf-8") if target.is_file() else None
                try:
                    text = normalise_update(data_file.get("raw", ""), original)
                except NotAnUpdate as exc:
                    return f"{relative}: {NOT_AN_UPDATE.format(reason=exc)}"
                problems = state.check_candidate(relative, text, assets)
                with state.lock:
                    if problems:
                        state.refused[relative] = problems
                    else:  # this file is fixed; a refused new update never written was given up
                        state.refused = {
                            path: found
                            for path, found in state.refused.items()
                            if path != relative and (state.repo_root / path).exists()
                        }
                if problems:
                    return " ".join([REFUSED_TOAST, *(f"{vietnamese_line(p)};" for p in problems)]).rstrip(";")
                data_file["raw"] = text
            if params.get("entry") and files:
                params["entry"] = files[0]
            return None

        # --- the live preview, or the project's error when data/ is (or a refused save would be) invalid
        def _preview(self) -> None:
            status, headers, answer = self._forward(
                preview_port, self.command, self.path, None, self._forward_headers()
            )
            content_type = dict((k.lower(), v) for k, v in headers).get("content-type", "")
            if content_type.startswith(TEXT_TYPES):
                # should a page name the preview's inner address (a dev server making its own address
                # the site's), the browser must still only ever see this server's
                inner = f"http://127.0.0.1:{preview_port}".encode()
                answer = answer.replace(inner, f"http://{self.headers.get('Host', '127.0.0.1')}".encode())
            if content_type.startswith("text/html"):
                # a refused save never reached data/, so the preview's own build cannot know about it;
                # problems of data/ itself are shown by the preview (make serve) on every page
                with state.lock:
                    problems = [p for problems in state.refused.values() for p in problems]
                if problems:
                    lang = "en" if urlsplit(self.path).path.startswith("/en/") else "vi"
                    page = render_error_page(problems, lang).encode("utf-8")
                    return self._send(200, page, "text/html; charset=utf-8", extra={"Cache-Control": "no-store"})
            self._relay(status, headers, answer)

        # --- plumbing
        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _forward_headers(self, body: bytes | None = None) -> dict[str, str]:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP | {"content-length"}}
            headers["Accept-Encoding"] = "identity"
            if body is not None:
                headers["Content-Length"] = str(len(body))
            return headers

        def _forward(self, port: int, method: str, path: str, body: bytes | None, headers: dict[str, str]):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                return response.status, response.getheaders(), response.read()
            except OSError as exc:
                message = f"the preview is starting or has stopped ({exc}); reload in a moment"
                return 502, [("Content-Type", "text/plain; charset=utf-8")], message.encode("utf-8")
            finally:
                connection.close()

        def _relay(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
            self.send_response(status)
            for name, value in headers:
                if name.lower() not in HOP_BY_HOP | {"content-length"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _file(self, path: Path, root: Path = ADMIN_DIR, policy: bool = False, cache: bool = False) -> None:
            resolved = path.resolve()
            if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
                return self._send(404, b"not found", "text/plain")
            content_type = mimetypes.guess_type(resolved.name)[0] or "application/octet-stream"
            if content_type.startswith("text/") or content_type.endswith("javascript"):
                content_type += "; charset=utf-8"
            extra = {"Content-Security-Policy": ADMIN_POLICY} if policy else {}
            extra["Cache-Control"] = "max-age=86400" if cache else "no-cache"
            self._send(200, resolved.read_bytes(), content_type, extra)

        def _json(self, status: int, value: object) -> None:
            self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

        def _redirect(self, location: str) -> None:
            self._send(301, b"", "text/plain", {"Location": location})

        def _send(self, status: int, body: bytes, content_type: str, extra: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Content-Type-Options", "nosniff")
            for name, value in (extra or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

    return Handler


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, what: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped before it was ready (exit code {process.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{what} did not start within {seconds:.0f} s")


def write_admin(site_dir: Path, data_dir: Path, setting: str) -> Path:
    """The same editor as a static folder `site_dir/admin/` for a Git host backend (EDITOR_BACKEND):
    the same files and widgets, config.json generated the same way, only the backend differs."""
    backend = parse_backend(setting)
    if backend is None or backend.name == LOCAL:
        raise BadSetting(f"{BACKEND_VARIABLE} must name a Git host to put the editor into the site (see README)")
    site = load_site(data_dir)
    config = editor_config(site, "data", backend)
    admin = site_dir / "admin"
    if admin.exists():
        shutil.rmtree(admin)
    shutil.copytree(ADMIN_DIR, admin)
    shutil.copytree(VENDOR_DIR, admin / "decap-cms")
    previews = {c["name"]: d.slug for c, d in zip(config["collections"], site.decisions, strict=True)}
    answer = {"config": config, "previews": previews, "updates_address": UPDATES_ADDRESS}
    (admin / "config.json").write_text(json.dumps(answer, ensure_ascii=False, indent=1), encoding="utf-8")
    return admin


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-admin", type=Path, metavar="SITE_DIR", help="put the editor into a built site")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("SITEGEN_DATA", PROJECT_DIR / "data")))
    args = parser.parse_args(argv)
    if args.write_admin:
        try:
            admin = write_admin(args.write_admin, args.data.resolve(), os.environ.get(BACKEND_VARIABLE, ""))
        except (BadSetting, DataError) as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"The editor for {os.environ[BACKEND_VARIABLE]}: {admin}/")
        return 0
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print("make edit listens on this computer only (HOST=127.0.0.1): its backend has no login.", file=sys.stderr)
        return 2
    try:
        setting = os.environ.get(BACKEND_VARIABLE, LOCAL) or LOCAL
        if parse_backend(setting) != parse_backend(LOCAL):
            print(f"make edit always uses the local backend; {BACKEND_VARIABLE}={setting} is for the built site.")
    except BadSetting as exc:
        print(exc, file=sys.stderr)
        return 2
    data_dir = args.data.resolve()
    if not VENDOR_DIR.joinpath("decap-cms.js").is_file() or not DECAP_SERVER.is_file():
        print("The editor is not installed: run bash scripts/install-cms.sh (make edit does).", file=sys.stderr)
        return 1
    try:
        load_site(data_dir)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        print("Fix these first (make validate); the editor did not start.", file=sys.stderr)
        return 1

    decap_port, preview_port = free_port(), free_port()
    address = f"http://{args.host}:{args.port}"
    decap = subprocess.Popen(
        ["node", str(DECAP_SERVER)],
        cwd=EDITOR_DIR,
        env={
            **os.environ,
            "PORT": str(decap_port),
            "BIND_HOST": "127.0.0.1",
            "MODE": "fs",
            "GIT_REPO_DIRECTORY": str(data_dir.parent),
            "LOG_LEVEL": "warn",
        },
    )
    # the same preview as `make serve DRAFTS=1` (generate → engine → publish, rebuilt on every save)
    preview_command = [sys.executable, "-m", "sitegen.engine.serve", "--host", "127.0.0.1"]
    preview_command += ["--port", str(preview_port), "--data", str(data_dir), "--drafts"]
    preview = subprocess.Popen(
        preview_command, cwd=PROJECT_DIR, env={**os.environ, "SITE_URL": address + "/", DRAFTS_VARIABLE: "1"}
    )
    helpers = (decap, preview)

    def stop(*_: object) -> None:
        for process in helpers:
            if process.poll() is None:
                process.terminate()
        for process in helpers:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()

    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a service manager or a test like by Ctrl+C
    try:
        wait_for(decap_port, decap, "decap-server")
        wait_for(preview_port, preview, "the preview (make serve)")
        state = EditorState(data_dir, data_dir.parent)
        server = http.server.ThreadingHTTPServer((args.host, args.port), make_handler(state, decap_port, preview_port))
        server.daemon_threads = True
        print(f"Editor / Trình soạn thảo: {address}/admin/")
        print(f"Preview with drafts / Xem trước (cả bản nháp): {address}/")
        print("Stop with Ctrl+C.", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
