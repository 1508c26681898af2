"""The latest date anywhere in the model: the site's "last changed" date, the same on every build of the same data."""

from __future__ import annotations

import dataclasses
import datetime


def latest_date(model: object) -> datetime.date | None:
    """The latest date anywhere in the model (a decision's date, later an update's), found by walking it,
    so a new dated kind of content counts without a change here."""
    found: list[datetime.date] = []

    def walk(value: object) -> None:
        if isinstance(value, datetime.date):
            found.append(value if not isinstance(value, datetime.datetime) else value.date())
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for item in dataclasses.fields(value):
                walk(getattr(value, item.name))
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(model)
    return max(found, default=None)
