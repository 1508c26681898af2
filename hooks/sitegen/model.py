"""The typed content model the pages are rendered from; built only by `validate`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

LANGUAGES = ("vi", "en")  # Vietnamese is the authoritative text and the site's root
DEFAULT_LANGUAGE = "vi"


@dataclass(frozen=True)
class Text:
    """One translatable text: Vietnamese always, English when a translator has provided it."""

    vi: str
    en: str | None = None

    def get(self, lang: str) -> str | None:
        return self.vi if lang == "vi" else self.en

    def best(self, lang: str) -> tuple[str, str]:
        """The text for `lang` and the language it is really in (Vietnamese when untranslated)."""
        value = self.get(lang)
        return (value, lang) if value else (self.vi, "vi")


@dataclass(frozen=True)
class GrowthTarget:
    """A growth target as a range of percentages for one year (the source gives only GRDP)."""

    indicator: Text
    year: int
    low_percent: float
    high_percent: float


@dataclass(frozen=True)
class Source:
    """Where the published text comes from."""

    publisher: Text
    url: str
    author: str
    headline: Text


@dataclass(frozen=True)
class TaskGroup:
    number: int
    slug: str
    title: Text
    text: Text
    data_file: str
    # line and column of each field, so cross-file problems point at the right place
    where: dict[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Decision:
    slug: str
    doc_type: Text
    number: str
    date: datetime.date
    issuer: Text
    title: Text
    summary: Text
    motto: Text
    objective: Text
    growth_target: GrowthTarget
    source: Source
    translation_note: Text
    groups: tuple[TaskGroup, ...]
    data_file: str
    updates: tuple[Update, ...] = ()  # newest first; see updates.newest_first


@dataclass(frozen=True)
class UpdateSource:
    """Where a press-office update's facts come from."""

    publisher: Text
    url: str
    author: str | None = None
    headline: Text | None = None


@dataclass(frozen=True)
class Update:
    """One dated press-office update about a decision and the task groups it concerns."""

    slug: str
    date: datetime.date
    time: datetime.time | None  # only to order updates of the same day
    title: Text
    summary: Text  # plain text
    body: Text  # a small Markdown subset, see richtext.py
    groups: tuple[int, ...]  # task group numbers, ascending
    source: UpdateSource | None
    draft: bool
    data_file: str


@dataclass(frozen=True)
class Site:
    """Everything the build publishes."""

    decisions: tuple[Decision, ...]
