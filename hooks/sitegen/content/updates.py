"""Press-office updates: read `updates/*.yaml` of a decision folder into `Update`s, checked like all data.

Order (everywhere: lists, timelines, feeds): newest date first; on the same date, the later `time`
first (an update without `time` counts as 00:00); then by slug, A to Z. So the order never depends on
file names or on the file system.
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from sitegen.content.errors import DataError, Problem
from sitegen.content.fields import FieldReader
from sitegen.content.model import Site, TaskGroup, Update, UpdatePhoto, UpdateSource
from sitegen.content.richtext import refused_links
from sitegen.content.yamlsource import Mapping as YamlMapping
from sitegen.content.yamlsource import Scalar, Sequence, read_yaml

T = TypeVar("T")
UPDATES_FOLDER = "updates"
PROVINCE_TIME = ZoneInfo("Asia/Ho_Chi_Minh")  # the press office's calendar, whatever the server's clock says
RESERVED_SLUGS = {"index", "trang"}  # the list's own pages: tin-tuc/index.md, tin-tuc/trang/2.md
DRAFTS_VARIABLE = "SITEGEN_DRAFTS"
PLACEHOLDER = "VIẾT VÀO ĐÂY – WRITE HERE"  # written by `make new-update`; refused once the draft is published

_REQUIRED = ("date", "slug", "title", "summary", "body", "groups")
_OPTIONAL = ("time", "source", "draft", "photo")
MEDIA_FOLDER = "media"  # an update's photo lives in updates/media/ (where the editor uploads it)
PHOTO_TYPES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MAX_PHOTO_BYTES = 5 * 1024 * 1024  # a phone photo; the site serves resized copies, never this file
MIN_PHOTO_WIDTH = 360  # the narrowest phone copy
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def today_in_province() -> datetime.date:
    return datetime.datetime.now(PROVINCE_TIME).date()


def drafts_wanted(command: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Drafts are a preview for `make serve DRAFTS=1`; `mkdocs build` (and so `make build`) never has them."""
    return command == "serve" and environ.get(DRAFTS_VARIABLE, "").strip().lower() in ("1", "true", "yes")


def newest_first(items: Iterable[T], update_of: Callable[[T], Update] = lambda item: item) -> tuple[T, ...]:
    """The site's one order (see the module docstring); `update_of` picks the update out of each item."""
    by_slug = sorted(items, key=lambda item: update_of(item).slug)
    return tuple(
        sorted(
            by_slug, key=lambda item: (update_of(item).date, update_of(item).time or datetime.time.min), reverse=True
        )
    )


def published_only(site: Site) -> Site:
    """The site without draft updates."""
    decisions = tuple(
        dataclasses.replace(d, updates=tuple(u for u in d.updates if not u.draft)) for d in site.decisions
    )
    return dataclasses.replace(site, decisions=decisions)


def load_updates(
    folder: Path,
    display_of: Callable[[Path], str],
    groups: tuple[TaskGroup, ...] | list[TaskGroup],
    today: datetime.date | None = None,
) -> tuple[Update, ...]:
    """Every `folder/updates/*.yaml`, newest first; raises DataError listing every problem.

    `display_of(path)` gives the path as the editor sees it; `today` is injectable for tests.
    """
    today = today or today_in_province()
    problems: list[Problem] = []
    updates: list[Update] = []
    slug_marks: dict[str, tuple[int, int]] = {}
    for path in sorted((folder / UPDATES_FOLDER).glob("*")):
        if path.is_file() and path.suffix != ".yaml" and not path.name.startswith(".") and not path.name.endswith("~"):
            message = f"this file is not read: updates are .yaml files; rename it to {path.stem}.yaml"
            problems.append(Problem(display_of(path), 1, 1, "", message))
    for path in sorted((folder / UPDATES_FOLDER).glob("*.yaml")):
        try:
            update, slug_mark = load_update(path, display_of(path), groups, today)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        updates.append(update)
        slug_marks[update.data_file] = slug_mark
    seen: dict[str, Update] = {}
    for update in updates:
        if update.slug in seen:
            other = seen[update.slug].data_file
            message = f"slug '{update.slug}' is already used by {other}; every update needs its own"
            problems.append(Problem(update.data_file, *slug_marks[update.data_file], "slug", message))
        seen.setdefault(update.slug, update)
    if problems:
        raise DataError(problems)
    return newest_first(updates)


def load_update(
    path: Path, display: str, groups: tuple[TaskGroup, ...] | list[TaskGroup], today: datetime.date
) -> tuple[Update, tuple[int, int]]:
    """One update file; also returns where its slug is written, for the check across files."""
    reader = FieldReader(display)
    node = reader.mapping(read_yaml(path, display), "", _REQUIRED, _OPTIONAL)
    if node is None:
        raise DataError(reader.problems)
    date = reader.date(node, "date")
    slug = reader.slug(node, "slug")
    if slug in RESERVED_SLUGS:
        reader.problem(node.get("slug"), "slug", f"'{slug}' is the name of a page of the updates list; choose another")
    draft = _yes_no(reader, node, "draft")
    if date is not None and date > today and not draft:
        reader.problem(
            node.get("date"),
            "date",
            f"{date.isoformat()} is in the future (today is {today.isoformat()}); "
            "add 'draft: true' to prepare an update before its day",
        )
    values = {
        "slug": slug,
        "date": date,
        "time": _time(reader, node),
        "title": reader.text(node, "title"),
        "summary": reader.text(node, "summary"),
        "body": reader.text(node, "body"),
        "groups": _groups(reader, node, groups),
        "source": _source(reader, node),
        "draft": draft,
        "photo": _photo(reader, node, path.parent),
    }
    body = values["body"]
    if body is not None:
        for lang, text in (("vi", body.vi), ("en", body.en)):
            for href in refused_links(text or ""):
                message = f"the link target '{href}' is not a web address; write links as [text](https://...)"
                reader.problem(node.get("body"), f"body.{lang}", message)
    if not draft:
        for key in ("title", "summary", "body"):
            text = values[key]
            if text is not None and any(PLACEHOLDER in (value or "") for value in (text.vi, text.en)):
                reader.problem(
                    node.get(key), key, "still holds the placeholder text; write the update, or keep 'draft: true'"
                )
    required = ("slug", "date", "title", "summary", "body", "groups")
    if reader.problems or any(values[key] is None for key in required):
        raise DataError(reader.problems)
    slug_node = node.get("slug")
    return Update(**values, data_file=display), (slug_node.mark.line, slug_node.mark.column)


def _yes_no(reader: FieldReader, parent: YamlMapping, key: str) -> bool:
    node = parent.get(key)
    if node is None:
        return False
    if isinstance(node, Scalar) and node.value.lower() in ("true", "false"):
        return node.value.lower() == "true"
    reader.problem(node, key, f"expected true or false, got {_shown(node)}")
    return False


def _time(reader: FieldReader, parent: YamlMapping) -> datetime.time | None:
    node = parent.get("time")
    if node is None:
        return None
    if not isinstance(node, Scalar) or not _TIME.fullmatch(node.value):
        reader.problem(node, "time", f"expected a time of day written HH:MM (like 09:30), got {_shown(node)}")
        return None
    return datetime.time.fromisoformat(node.value)


def _groups(
    reader: FieldReader, parent: YamlMapping, groups: tuple[TaskGroup, ...] | list[TaskGroup]
) -> tuple[int, ...] | None:
    """Task groups by number (`3`) or slug (`ngan-sach-nha-nuoc`); at least one, each once."""
    node = parent.get("groups")
    if node is None:
        return None
    if not isinstance(node, Sequence) or not node.items:
        reader.problem(node, "groups", "expected a list of task group numbers, like [1, 3]")
        return None
    by_number = {g.number: g for g in groups}
    by_slug = {g.slug: g for g in groups}
    numbers = sorted(by_number)
    known = f"the task groups are numbered {numbers[0]} to {numbers[-1]}" if numbers else "there are no task groups"
    chosen: list[int] = []
    for index, item in enumerate(node.items):
        path = f"groups[{index}]"
        if not isinstance(item, Scalar) or item.kind == "nothing":
            reader.problem(item, path, f"expected a task group number or slug, got {item.kind}")
            continue
        value = item.value.strip()
        if value.isascii() and value.isdigit():
            group = by_number.get(int(value))
            if group is None:
                reader.problem(item, path, f"no task group {value} in this decision; {known}")
                continue
        else:
            group = by_slug.get(value)
            if group is None:
                close = difflib.get_close_matches(value, list(by_slug), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; {known}"
                reader.problem(item, path, f"no task group '{value}' in this decision{hint}")
                continue
        if group.number in chosen:
            reader.problem(item, path, f"task group {group.number} is listed twice")
            continue
        chosen.append(group.number)
    return tuple(sorted(chosen)) if len(chosen) == len(node.items) else None


def _source(reader: FieldReader, parent: YamlMapping) -> UpdateSource | None:
    node = parent.get("source")
    if node is None:
        return None
    source = reader.mapping(node, "source", ("publisher", "url"), ("author", "headline"))
    if source is None:
        return None
    publisher = reader.text(source, "publisher", "source")
    url = reader.url(source, "url", "source")
    author = reader.plain(source, "author", "source")
    headline = reader.text(source, "headline", "source")
    if publisher is None or url is None:
        return None
    return UpdateSource(publisher, url, author, headline)


def _photo(reader: FieldReader, parent: YamlMapping, folder: Path) -> UpdatePhoto | None:
    """`photo: {file: media/x.jpg, alt: {vi: ..., en: ...}}`: the file's type, size and pixels are checked."""
    node = parent.get("photo")
    if node is None:
        return None
    photo = reader.mapping(node, "photo", ("file", "alt"))
    if photo is None:
        return None
    alt = reader.text(photo, "alt", "photo")
    file = reader.plain(photo, "file", "photo")
    if file is None:
        return None
    where = photo.get("file")
    relative = Path(file)
    media = folder / MEDIA_FOLDER
    source = folder / relative
    kinds = ", ".join(sorted(PHOTO_TYPES))
    if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != (MEDIA_FOLDER,):
        reader.problem(
            where,
            "photo.file",
            f"expected a file in the updates' {MEDIA_FOLDER}/ folder, like {MEDIA_FOLDER}/hop-bao.jpg",
        )
        return None
    if relative.suffix.lower() not in PHOTO_TYPES:
        reader.problem(where, "photo.file", f"'{file}' is not a photo this site shows; use {kinds}")
        return None
    if not source.is_file() or not source.resolve().is_relative_to(media.resolve()):
        reader.problem(where, "photo.file", f"there is no file {file} next to this update")
        return None
    size = source.stat().st_size
    if size > MAX_PHOTO_BYTES:
        reader.problem(
            where,
            "photo.file",
            f"{file} is {size / 1048576:.1f} MB; at most {MAX_PHOTO_BYTES // 1048576} MB, please make it smaller",
        )
        return None
    from PIL import Image, UnidentifiedImageError  # only when an update has a photo

    try:
        with Image.open(source) as image:
            image.verify()
        with Image.open(source) as image:
            kind, width, height = image.format, image.width, image.height
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        reader.problem(where, "photo.file", f"{file} cannot be read as a photo ({kinds})")
        return None
    if kind != PHOTO_TYPES[relative.suffix.lower()]:
        reader.problem(where, "photo.file", f"{file} is a {kind} file under another name; rename it to .{kind.lower()}")
        return None
    if width < MIN_PHOTO_WIDTH:
        reader.problem(where, "photo.file", f"{file} is {width} pixels wide; at least {MIN_PHOTO_WIDTH} are needed")
        return None
    if alt is None:
        return None
    return UpdatePhoto(file, str(source), alt, width, height)


def _shown(node) -> str:
    if isinstance(node, Scalar) and node.kind != "nothing":
        return f"'{node.value}'"
    return node.kind
