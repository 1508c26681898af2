"""`make new-update`: write a correctly formed update file for the press office, as a draft.

Takes the date, title and task groups as options or asks for them, writes
`data/decisions/<decision>/updates/<date>-<slug>.yaml`, checks it, and says how to preview and publish.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable
from pathlib import Path

from sitegen.content.errors import DataError
from sitegen.content.schema import PLACEHOLDER, RESERVED_UPDATE_SLUGS
from sitegen.content.slugs import slugify
from sitegen.content.updates import UPDATES_FOLDER as DATA_FOLDER
from sitegen.content.updates import today_in_province
from sitegen.content.validate import load_site
from sitegen.pages.urls import UPDATES_FOLDER
from sitegen.project import data_dir, from_make

MAX_SLUG = 60


class Refused(ValueError):
    """An answer that cannot be used; the message says what to type instead."""


def parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise Refused(f"'{value}' is not a date written YYYY-MM-DD, like 2021-01-15") from None


def parse_groups(value: str, known: dict[str, int]) -> list[int]:
    """`1, 3` or `1 3` or slugs; every one must be a task group of the decision."""
    numbers: list[int] = []
    for part in value.replace(",", " ").split():
        if part not in known:
            listed = ", ".join(sorted({str(n) for n in known.values()}, key=int))
            raise Refused(f"there is no task group '{part}'; the task groups are {listed}")
        if known[part] not in numbers:
            numbers.append(known[part])
    if not numbers:
        raise Refused("name at least one task group, like: 1, 3")
    return sorted(numbers)


def make_slug(title: str, taken: set[str]) -> str:
    """An ASCII slug from the title, cut at a word, made unique among the decision's updates."""
    slug = slugify(title)[:MAX_SLUG].rstrip("-")
    if "-" in slug and len(slugify(title)) > MAX_SLUG:
        slug = slug.rsplit("-", 1)[0]
    slug = slug or "tin"
    if slug in RESERVED_UPDATE_SLUGS:
        slug = f"tin-{slug}"
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def update_yaml(date: datetime.date, slug: str, title: str, groups: list[int]) -> str:
    quoted = json.dumps(title, ensure_ascii=False)  # a JSON string is a YAML string, whatever the title holds
    return f"""\
# A press-office update. Write the summary and the text below, in Vietnamese; add English when
# translated (or leave `en:` empty). Bodies may use *emphasis*, **bold**, lists ("- item"),
# and links written [text](https://...). HTML is shown as typed, never run.
# While `draft: true` is here, the update shows only in a preview (make serve DRAFTS=1).
# To publish it, delete the `draft: true` line.
date: {date.isoformat()}
slug: {slug}
draft: true
title:
  vi: {quoted}
  en:
summary:
  vi: {PLACEHOLDER}
  en:
body:
  vi: |
    {PLACEHOLDER}
  en:
groups: [{", ".join(str(n) for n in groups)}]
"""


def ask(prompt: str, parse: Callable[[str], object], given: str | None, read: Callable[[str], str] = input):
    """Use `given` when it parses; otherwise ask until the answer is usable (only if a person is typing)."""
    if given is not None:
        try:
            return parse(given)
        except Refused as exc:
            if not sys.stdin.isatty():
                raise
            print(f"  {exc}", file=sys.stderr)
    while True:
        try:
            return parse(read(prompt))
        except Refused as exc:
            print(f"  {exc}", file=sys.stderr)


def main(argv: list[str] | None = None, read: Callable[[str], str] = input) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=data_dir())
    parser.add_argument("--decision", help="decision folder, e.g. qd-166-2021 (default: the newest)")
    # the defaults are what `make new-update DATE=... TITLE=... GROUPS=...` hands over in the environment
    parser.add_argument("--date", default=from_make("DATE"), help="YYYY-MM-DD (default: asked)")
    parser.add_argument("--title", default=from_make("TITLE"), help="title in Vietnamese (default: asked)")
    parser.add_argument("--groups", default=from_make("GROUPS"), help="task group numbers, e.g. '1,3' (default: asked)")
    args = parser.parse_args(argv)

    try:
        site = load_site(args.data)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        print("Fix these first; no update was written.", file=sys.stderr)
        return 1
    decisions = {d.slug: d for d in site.decisions}
    decision = decisions.get(args.decision) if args.decision else max(site.decisions, key=lambda d: d.date)
    if decision is None:
        print(f"No decision folder '{args.decision}'; there are: {', '.join(decisions)}", file=sys.stderr)
        return 1
    known = {str(g.number): g.number for g in decision.groups} | {g.slug: g.number for g in decision.groups}
    today = today_in_province()

    try:
        date = ask(
            f"Date / Ngày (YYYY-MM-DD) [{today.isoformat()}]: ",
            lambda v: parse_date(v or today.isoformat()),
            args.date,
            read,
        )
        title = ask("Title in Vietnamese / Tiêu đề: ", _title, args.title, read)
        groups = ask(
            f"Task groups / Nhóm nhiệm vụ (1-{len(decision.groups)}, e.g. 1, 3): ",
            lambda v: parse_groups(v, known),
            args.groups,
            read,
        )
    except (Refused, EOFError) as exc:
        print(f"No update was written. {exc}", file=sys.stderr)
        return 1

    slug = make_slug(title, {u.slug for u in decision.updates})
    folder = args.data / "decisions" / decision.slug / DATA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{date.isoformat()}-{slug}.yaml"
    try:  # "x": never over a file already there (its slug may have been edited inside, so `taken` missed it)
        with open(path, "x", encoding="utf-8") as handle:
            handle.write(update_yaml(date, slug, title, groups))
    except FileExistsError:
        print(
            f"{_shown(path, args.data)} already exists; no update was written. Open that file to change it, "
            "or give the new update another title.",
            file=sys.stderr,
        )
        return 1
    try:
        load_site(args.data)
    except DataError as exc:  # would be a bug in this command; never leave a broken file behind
        path.unlink()
        print(exc.report(), file=sys.stderr)
        return 1

    print(f"Created / Đã tạo: {_shown(path, args.data)}")
    print("Next / Tiếp theo:")
    print("  1. Open the file; write the summary and the text (replace the placeholder).")
    print("  2. Preview: make serve DRAFTS=1, then open")
    print(f"     http://127.0.0.1:8000/{decision.slug}/{UPDATES_FOLDER}/{slug}/")
    print("  3. Publish: delete the line 'draft: true', check with make serve, then commit and push.")
    return 0


def _shown(path: Path, data: Path) -> Path:
    return path.relative_to(data.parent) if path.is_relative_to(data.parent) else path


def _title(value: str) -> str:
    value = value.strip()
    if not value:
        raise Refused("the title cannot be empty")
    return value


if __name__ == "__main__":
    sys.exit(main())
