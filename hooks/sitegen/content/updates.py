"""Press-office updates: read `updates/*.yaml` of a decision folder into `Update`s, checked like all data.

Order (everywhere: lists, timelines, feeds): newest date first; on the same date, the later `time`
first (an update without `time` counts as 00:00); then by slug, A to Z. So the order never depends on
file names or on the file system.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from sitegen.content.datafiles import list_data_folder
from sitegen.content.errors import DataError, Problem
from sitegen.content.fields import FieldReader
from sitegen.content.model import Site, TaskGroup, Update
from sitegen.content.schema import UPDATE, Context, complete, read_record
from sitegen.content.yamlsource import read_yaml

T = TypeVar("T")
UPDATES_FOLDER = "updates"
PROVINCE_TIME = ZoneInfo("Asia/Ho_Chi_Minh")  # the press office's calendar, whatever the server's clock says
DRAFTS_VARIABLE = "SITEGEN_DRAFTS"


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
    data_dir: Path,
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
    listing = list_data_folder(
        folder / UPDATES_FOLDER, data_dir, display_of, "update files named like 2021-01-15-x.yaml"
    )
    problems.extend(listing.problems)
    for path in listing.paths:
        if path.suffix != ".yaml":
            if path.is_file():
                message = f"this file is not read: updates are .yaml files; rename it to {path.stem}.yaml"
                problems.append(Problem(display_of(path), 1, 1, "", message))
            continue
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
    """One update file (fields declared in schema.UPDATE); also returns where its slug is written, for the
    check across files."""
    reader = FieldReader(display)
    node = read_yaml(path, display)
    values = read_record(reader, node, UPDATE, context=Context(tuple(groups), today, path.parent))
    if reader.problems or not complete(UPDATE, values):
        raise DataError(reader.problems)
    assert values is not None
    values["draft"] = bool(values["draft"])
    slug_node = node.get("slug")
    return Update(**values, data_file=display), (slug_node.mark.line, slug_node.mark.column)
