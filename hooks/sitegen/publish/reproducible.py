"""Byte-identical builds: the one date MkDocs writes of its own accord comes from the data, not the clock.

MkDocs stamps the sitemap's `<lastmod>`, the gzip header of `sitemap.xml.gz` and the templates'
`build_date_utc` with the build date unless SOURCE_DATE_EPOCH is set (reproducible-builds.org).
"""

from __future__ import annotations

import dataclasses
import datetime
import os

from sitegen.memo import per_object

ENV_VAR = "SOURCE_DATE_EPOCH"


@per_object  # the sitemap of each language asks again; walking a large site costs a quarter second
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


def source_date_epoch(model: object) -> int:
    """Midnight UTC of the latest date in the data, in seconds since 1970 (0 when the data holds no date)."""
    date = latest_date(model)
    if date is None:
        return 0
    epoch = int(datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC).timestamp())
    return min(max(epoch, 0), 2**32 - 1)  # MkDocs writes it into a gzip header: 32 bits, unsigned


def pin_build_date(model: object) -> int:
    """Set SOURCE_DATE_EPOCH for the MkDocs build running in this process; returns the value."""
    epoch = source_date_epoch(model)
    os.environ[ENV_VAR] = str(epoch)
    return epoch
