"""Load every data file under `data/` and validate it into the model; all problems are reported at once."""

from __future__ import annotations

import datetime
from pathlib import Path

from sitegen.content.datafiles import OUTSIDE_MESSAGE, list_data_folder, outside
from sitegen.content.errors import DataError, Problem
from sitegen.content.fields import MAX_SLUG_LENGTH, SLUG_PATTERN, FieldReader
from sitegen.content.model import LANGUAGES, Decision, Site, TaskGroup
from sitegen.content.schema import DECISION, GROUP, complete, read_record
from sitegen.content.updates import load_updates
from sitegen.content.yamlsource import read_yaml

DECISION_FILE = "decision.yaml"
GROUPS_FOLDER = "groups"

# Web addresses the site already uses: a decision folder or task group slug with one of these names would silently
# replace that page (a group slugged `index` replaced its decision's page). Add any new top-level page here.
# top-level pages and folders of the site, and the pages a decision folder holds besides its groups
RESERVED_FOLDER_NAMES = frozenset({*LANGUAGES, "index", "about", "assets", "search", "404", "translations"})


def load_site(data_dir: Path, today: datetime.date | None = None) -> Site:
    """Every decision folder under `data_dir/decisions`, validated; raises DataError listing all problems.

    `today` (default: today in the province) decides which update dates are in the future."""
    problems: list[Problem] = []
    if not data_dir.is_dir():
        raise DataError([Problem(data_dir.as_posix(), 1, 1, "", "the data folder does not exist")])
    root = data_dir / "decisions"
    listing = list_data_folder(root, data_dir, lambda path: _display(path, data_dir), "one folder per decision")
    problems.extend(listing.problems)
    folders = [p for p in listing.paths if p.is_dir()]
    if not folders and listing.readable and not problems:
        display = _display(root, data_dir)
        raise DataError(
            [Problem(display, 1, 1, "", "no decision folder found; expected data/decisions/<slug>/decision.yaml")]
        )
    decisions = []
    for folder in folders:
        try:
            decisions.append(load_decision(folder, data_dir, today))
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    return Site(tuple(decisions))


def load_decision(folder: Path, data_dir: Path, today: datetime.date | None = None) -> Decision:
    """One decision folder: `decision.yaml` plus `groups/*.yaml` and the press office's `updates/*.yaml`."""
    problems: list[Problem] = []
    display = _display(folder / DECISION_FILE, data_dir)
    if not SLUG_PATTERN.fullmatch(folder.name) or len(folder.name) > MAX_SLUG_LENGTH:
        message = f"the folder name '{folder.name}' becomes the web address; use lowercase ASCII letters, digits and hyphens (at most {MAX_SLUG_LENGTH})"
        problems.append(Problem(_display(folder, data_dir), 1, 1, "", message))
    elif folder.name in RESERVED_FOLDER_NAMES:
        message = (
            f"the folder name '{folder.name}' is already the web address of another part of the site; choose another"
        )
        problems.append(Problem(_display(folder, data_dir), 1, 1, "", message))
    decision_fields = None
    if outside(folder / DECISION_FILE, data_dir):
        problems.append(Problem(display, 1, 1, "", OUTSIDE_MESSAGE))
    elif (folder / DECISION_FILE).exists() or (folder / DECISION_FILE).is_symlink():
        try:
            decision_fields = _read_decision(folder / DECISION_FILE, display)
        except DataError as exc:
            problems.extend(exc.problems)
    else:
        problems.append(Problem(display, 1, 1, "", "this file is missing; every decision folder needs one"))

    groups: list[TaskGroup] = []
    listing = list_data_folder(
        folder / GROUPS_FOLDER, data_dir, lambda path: _display(path, data_dir), "task group files named like 01.yaml"
    )
    problems.extend(listing.problems)
    unreadable = len(listing.problems)
    for path in listing.paths:
        if path.suffix != ".yaml":  # `04.yml`, `04.YAML`: would otherwise vanish from the site without a word
            message = f"this is not read: {GROUPS_FOLDER}/ holds only task group files named like 01.yaml"
            problems.append(Problem(_display(path, data_dir), 1, 1, "", message))
            unreadable += 1
            continue
        try:
            groups.append(load_task_group(path, _display(path, data_dir)))
        except DataError as exc:
            problems.extend(exc.problems)
            unreadable += 1
    # a gap caused by a broken file would only repeat that file's problem; duplicates are still worth reporting
    problems.extend(_check_groups(groups, _display(folder / GROUPS_FOLDER, data_dir), all_read=not unreadable))
    updates = ()
    if not unreadable:  # updates name task groups: check them against groups that were read
        try:
            updates = load_updates(folder, data_dir, lambda path: _display(path, data_dir), groups, today)
        except DataError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    assert decision_fields is not None
    groups.sort(key=lambda g: g.number)
    return Decision(slug=folder.name, groups=tuple(groups), data_file=display, updates=updates, **decision_fields)


def _read_decision(path: Path, display: str) -> dict:
    """The fields of `decision.yaml` (declared in schema.DECISION) as Decision's keyword arguments."""
    reader = FieldReader(display)
    values = read_record(reader, read_yaml(path, display), DECISION)
    if reader.problems or not complete(DECISION, values):
        raise DataError(reader.problems)
    assert values is not None
    values["doc_type"] = values.pop("type")
    return values


def load_task_group(path: Path, display: str) -> TaskGroup:
    """One task group file (fields declared in schema.GROUP)."""
    reader = FieldReader(display)
    node = read_yaml(path, display)
    values = read_record(reader, node, GROUP)
    if reader.problems or not complete(GROUP, values):
        raise DataError(reader.problems)
    assert values is not None
    where = {key.value: (value.mark.line, value.mark.column) for key, value in node.pairs}
    return TaskGroup(**values, data_file=display, where=where)


def _check_groups(groups: list[TaskGroup], display: str, all_read: bool = True) -> list[Problem]:
    """Across files: numbers unique and 1..N without gaps, slugs unique."""
    problems = []
    by_number: dict[int, TaskGroup] = {}
    by_slug: dict[str, TaskGroup] = {}
    for group in groups:
        if group.number in by_number:
            other = by_number[group.number].data_file
            problems.append(
                Problem(
                    group.data_file,
                    *group.where["number"],
                    "number",
                    f"number {group.number} is already used by {other}",
                )
            )
        by_number.setdefault(group.number, group)
        if group.slug in by_slug:
            other = by_slug[group.slug].data_file
            problems.append(
                Problem(
                    group.data_file, *group.where["slug"], "slug", f"slug '{group.slug}' is already used by {other}"
                )
            )
        by_slug.setdefault(group.slug, group)
    if not all_read:
        return problems
    if not groups:
        problems.append(Problem(display, 1, 1, "", "no task group files found; expected groups/01.yaml and so on"))
    elif by_number:
        missing = sorted(set(range(1, max(by_number) + 1)) - set(by_number))
        if missing:
            listed = ", ".join(str(n) for n in missing)
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "",
                    f"task group numbers must run 1 to {max(by_number)} without gaps; missing: {listed}",
                )
            )
    return problems


def _display(path: Path, data_dir: Path) -> str:
    """Paths as an editor sees them from the project folder: `data/decisions/...`."""
    try:
        return (Path(data_dir.name) / path.relative_to(data_dir)).as_posix()
    except ValueError:
        return path.as_posix()
