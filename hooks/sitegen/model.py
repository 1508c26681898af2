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
    icon: str | None = None  # a Material icon name such as `material/leaf`, for the home page's card
    summary: Text | None = None  # a one-line excerpt of the text, for the home page's card
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


@dataclass(frozen=True)
class Site:
    """Everything the build publishes."""

    decisions: tuple[Decision, ...]
