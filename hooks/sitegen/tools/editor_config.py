"""The Decap CMS configuration of the press office's editor, generated from `data/` and one setting.

`EDITOR_BACKEND` is the setting: `local` for `make edit` (decap-server on this checkout, no login), or a
Git host (`github:owner/repo`, `gitlab:group/repo#main`, `gitea:https://git.example.org/owner/repo`), which
also turns on the editorial workflow (each update a pull request). Nothing else differs between the two.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.content.model import Decision, Site
from sitegen.content.schema import MAX_PHOTO_BYTES, MEDIA_FOLDER
from sitegen.content.updates import UPDATES_FOLDER, today_in_province
from sitegen.pages.urls import UPDATES_FOLDER as UPDATES_ADDRESS

BACKEND_VARIABLE = "EDITOR_BACKEND"
LOCAL = "local"
API_PATH = "/api/v1"  # where `make edit` answers Decap's local backend (decap-server behind our server)
GIT_HOSTS = {
    # name: (API path on a self-hosted server, default public host)
    "github": ("/api/v3", "github.com"),
    "gitlab": ("/api/v4", "gitlab.com"),
    "gitea": ("/api/v1", None),
}
# Every key of an update the editor shows; the normaliser keeps any other key of a file untouched.
SHOWN_KEYS = frozenset({"date", "slug", "draft", "title", "summary", "body", "groups", "source", "photo"})
# The editor's name of each field (and of the problems it shows: editor_wording), by its path in an update
FIELD_LABELS = {
    "date": "Ngày",
    "slug": "Địa chỉ trang",
    "draft": "Bản nháp hay đăng tin",
    "title": "Tiêu đề",
    "summary": "Tóm tắt",
    "body": "Nội dung",
    "groups": "Nhóm nhiệm vụ",
    "source": "Nguồn",
    "source.publisher": "Cơ quan đăng",
    "source.url": "Địa chỉ bài",
    "source.author": "Tác giả",
    "source.headline": "Tên bài",
    "photo": "Ảnh",
    "photo.file": "Tệp ảnh",
    "photo.alt": "Mô tả ảnh",
}


class BadSetting(ValueError):
    """`EDITOR_BACKEND` names no backend this editor knows; the message says what to write."""


@dataclass(frozen=True)
class Backend:
    name: str  # `local` or a key of GIT_HOSTS
    repo: str = ""
    branch: str = "main"
    host: str | None = None  # a self-hosted Git server's address, e.g. https://git.example.org

    def config(self) -> dict:
        """Decap's `backend` (plus `publish_mode` for a Git host: every update is a pull request)."""
        if self.name == LOCAL:
            # Decap's proxy backend talks to decap-server; editor.js makes the address absolute
            return {"backend": {"name": "proxy", "proxy_url": API_PATH, "branch": self.branch}}
        backend: dict = {"name": self.name, "repo": self.repo, "branch": self.branch}
        api_path, public_host = GIT_HOSTS[self.name]
        if self.host and (public_host is None or urlsplit(self.host).hostname != public_host):
            backend["base_url"] = self.host
            backend["api_root"] = self.host.rstrip("/") + api_path
        return {"backend": backend, "publish_mode": "editorial_workflow"}


def parse_backend(setting: str) -> Backend | None:
    """`local`, `github:owner/repo`, `gitlab:group/repo#branch`, `gitea:https://host/owner/repo#branch`;
    empty: no editor."""
    setting = setting.strip()
    if not setting:
        return None
    if setting == LOCAL:
        return Backend(LOCAL)
    name, _, rest = setting.partition(":")
    if name not in GIT_HOSTS or not rest:
        hosts = ", ".join(f"{n}:owner/repo" for n in GIT_HOSTS)
        raise BadSetting(f"{BACKEND_VARIABLE}={setting!r}: expected '{LOCAL}' or one of {hosts} (optionally #branch)")
    rest, _, branch = rest.partition("#")
    host = None
    if rest.startswith(("https://", "http://")):
        parts = urlsplit(rest)
        host = f"{parts.scheme}://{parts.netloc}"
        rest = parts.path
    repo = rest.strip("/")
    if repo.count("/") < 1 or not all(repo.split("/")):
        raise BadSetting(f"{BACKEND_VARIABLE}={setting!r}: the repository is written owner/name")
    if name == "gitea" and host is None:
        raise BadSetting(
            f"{BACKEND_VARIABLE}={setting!r}: a Gitea server needs its address, gitea:https://host/owner/repo"
        )
    return Backend(name, repo, branch or "main", host)


def editor_config(site: Site, data_folder: str, backend: Backend, today: datetime.date | None = None) -> dict:
    """Decap's whole configuration: one "Tin tức" collection per decision, fields as in the update schema.

    `data_folder` is where data/ is from the repository root (Decap's paths are relative to it)."""
    today = today or today_in_province()
    config = {
        **backend.config(),
        "load_config_file": False,
        "locale": "vi",
        # Decap wants a media folder even when no field uploads anything (the photo is not built yet)
        "media_folder": f"{data_folder}/media",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [_collection(decision, data_folder, today) for decision in site.decisions],
    }
    return config


def _collection(decision: Decision, data_folder: str, today: datetime.date) -> dict:
    title = decision.title.vi
    groups = [
        {"label": f"{group.number}. {group.title.vi}", "value": group.number}
        for group in sorted(decision.groups, key=lambda g: g.number)
    ]
    return {
        "name": f"tin-tuc-{decision.slug}",
        "label": f"Tin tức – {decision.doc_type.vi} {decision.number}",
        "label_singular": "tin",
        "description": f"{decision.doc_type.vi} {decision.number}: {title}",
        "folder": f"{data_folder}/decisions/{decision.slug}/{UPDATES_FOLDER}",
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "delete": True,
        "identifier_field": "slug",
        # the file name `make new-update` writes: 2021-02-01-hop-bao.yaml
        "slug": "{{fields.date}}-{{fields.slug}}",
        "summary": "{{fields.date}} · {{fields.title.vi}}",
        "sortable_fields": ["date", "slug"],
        "preview_path": f"{decision.slug}/{UPDATES_ADDRESS}/{{{{fields.slug}}}}/",
        "editor": {"preview": True},
        # photos go into updates/media/, and the update names them `media/<file>` (content/updates.py)
        "media_folder": MEDIA_FOLDER,
        "public_folder": MEDIA_FOLDER,
        "fields": [
            {
                "name": "date",
                "label": FIELD_LABELS["date"],
                "widget": "ngay",
                "default": today.isoformat(),
                "hint": "Ngày/tháng/năm, ví dụ 15/01/2021 (cũng nhận 2021-01-15).",
            },
            {
                "name": "slug",
                "label": FIELD_LABELS["slug"],
                "widget": "dia-chi",
                "hint": "Tự tạo từ tiêu đề tiếng Việt: chữ thường không dấu, số và dấu gạch ngang. Có thể sửa.",
                "address": f"/{decision.slug}/{UPDATES_ADDRESS}/",
            },
            {
                "name": "draft",
                "label": FIELD_LABELS["draft"],
                # editor.js: the switch, what it means now, and a "Đăng tin" button (publishing = draft off + Lưu)
                "widget": "ban-nhap",
                "default": True,
                "required": False,  # a published file has no draft line at all
            },
            _bilingual("title", FIELD_LABELS["title"], required=True, multiline=True, rows=2),
            _bilingual("summary", FIELD_LABELS["summary"], required=True, multiline=True, hint="Một hoặc hai câu."),
            _bilingual(
                "body",
                FIELD_LABELS["body"],
                required=True,
                multiline=True,
                rows=12,
                hint="Để một dòng trống giữa các đoạn. Được dùng *nghiêng*, **đậm**, danh sách (dòng bắt đầu "
                "bằng “- ”) và liên kết [chữ](https://...). HTML, hình và tiêu đề hiện đúng như gõ.",
            ),
            {
                "name": "groups",
                "label": FIELD_LABELS["groups"],
                "widget": "select",
                "multiple": True,
                "min": 1,
                "options": groups,
                "hint": "Chọn ít nhất một nhóm nhiệm vụ mà tin này nói đến.",
            },
            {
                "name": "source",
                "label": FIELD_LABELS["source"],
                "widget": "object",
                "required": False,
                "collapsed": True,
                "hint": "Nếu tin lấy từ một bài đã đăng ở nơi khác.",
                "fields": [
                    _bilingual("publisher", FIELD_LABELS["source.publisher"], required=False),
                    {
                        "name": "url",
                        "label": FIELD_LABELS["source.url"] + " (https://...)",
                        "widget": "string",
                        "required": False,
                    },
                    {"name": "author", "label": FIELD_LABELS["source.author"], "widget": "string", "required": False},
                    _bilingual("headline", FIELD_LABELS["source.headline"], required=False),
                ],
            },
            {
                "name": "photo",
                "label": FIELD_LABELS["photo"],
                "widget": "object",
                "required": False,
                "collapsed": True,
                "hint": "Một ảnh cho tin (không bắt buộc). Trang web tự làm bản nhỏ cho điện thoại.",
                "fields": [
                    {
                        "name": "file",
                        "label": f"{FIELD_LABELS['photo.file']} (JPEG, PNG hoặc WebP, rộng ít nhất 360 điểm ảnh, tối đa {MAX_PHOTO_BYTES // 1048576} MB)",
                        "widget": "image",
                        "required": False,
                        "choose_url": False,
                    },
                    _bilingual(
                        "alt",
                        FIELD_LABELS["photo.alt"],
                        required=False,  # required once there is a file: the project's validator says so
                        hint="Bắt buộc khi có ảnh: ảnh cho thấy gì, cho người không xem được ảnh.",
                    ),
                ],
            },
        ],
    }


def _bilingual(name: str, label: str, required: bool, multiline: bool = False, rows: int = 3, hint: str = "") -> dict:
    field = {
        "name": name,
        "label": label,
        "widget": "song-ngu",
        "required": required,  # the widget checks the Vietnamese itself (see editor.js)
        "multiline": multiline,
        "rows": rows,
    }
    if hint:
        field["hint"] = hint
    return field


def data_folder_of(data_dir: Path, repo_root: Path) -> str:
    """data/ as a path from the root Decap reads and writes (decap-server's folder, or the Git repository)."""
    return data_dir.resolve().relative_to(repo_root.resolve()).as_posix()
