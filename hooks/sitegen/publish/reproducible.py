"""Byte-identical builds: the one date MkDocs writes of its own accord comes from the data, not the clock.

MkDocs stamps the sitemap's `<lastmod>`, the gzip header of `sitemap.xml.gz` and the templates'
`build_date_utc` with the build date unless SOURCE_DATE_EPOCH is set (reproducible-builds.org).
"""

from __future__ import annotations

import datetime
import os

from sitegen.content.dates import latest_date

ENV_VAR = "SOURCE_DATE_EPOCH"
__all__ = ["ENV_VAR", "date_epoch", "latest_date", "pin_build_date", "source_date_epoch"]


def source_date_epoch(model: object) -> int:
    """Midnight UTC of the latest date in the data, in seconds since 1970 (0 when the data holds no date)."""
    return date_epoch(latest_date(model))


def date_epoch(date: datetime.date | None) -> int:
    if date is None:
        return 0
    epoch = int(datetime.datetime(date.year, date.month, date.day, tzinfo=datetime.UTC).timestamp())
    return min(max(epoch, 0), 2**32 - 1)  # it goes into gzip headers: 32 bits, unsigned


def pin_build_date(model: object) -> int:
    """Set SOURCE_DATE_EPOCH for the MkDocs build running in this process; returns the value."""
    epoch = source_date_epoch(model)
    os.environ[ENV_VAR] = str(epoch)
    return epoch
