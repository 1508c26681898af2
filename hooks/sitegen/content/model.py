"""The typed content model the pages are rendered from; built only by `validate`."""

from __future__ import annotations

import datetime
import hashlib
import unicodedata
from dataclasses import dataclass, field

LANGUAGES = ("vi", "en")  # Vietnamese is the original and the site's root
DEFAULT_LANGUAGE = "vi"


# Translation states of a Text (see `Text.state`); only TRANSLATED needs no translator's attention.
TRANSLATED = "translated"
MISSING = "missing"
OUTDATED = "outdated"  # the Vietnamese changed after the English was written
UNREVIEWED = "unreviewed"  # English with no `en_from` yet: nobody recorded which Vietnamese it translates


def fingerprint(vietnamese: str) -> str:
    """The `en_from` value: 8 hex digits of SHA-256 of the NFC text with runs of white space made one space,
    so re-wrapping a YAML paragraph or switching to decomposed accents does not make a translation outdated."""
    canonical = " ".join(unicodedata.normalize("NFC", vietnamese).split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class TextOrigin:
    """Where a Text was read: enough for a translator's report and for editing the file in place."""

    file: str  # as shown to people: `data/decisions/qd-166-2021/groups/01.yaml`
    path: str  # field path inside the file: `title`, `source.headline`
    line: int  # where the `{vi: ..., en: ...}` mapping starts (1-based)
    column: int
    vi_line: int
    en_line: int | None = None


@dataclass(frozen=True)
class Text:
    """One translatable text: Vietnamese always, English when a translator has provided it.

    `en_from` is the fingerprint of the Vietnamese the English was translated from (YAML key `en_from`)."""

    vi: str
    en: str | None = None
    en_from: str | None = None
    origin: TextOrigin | None = field(default=None, compare=False, repr=False)

    @property
    def state(self) -> str:
        if not self.en:
            return MISSING
        if self.en_from is None:
            return UNREVIEWED
        return TRANSLATED if self.en_from == fingerprint(self.vi) else OUTDATED

    @property
    def orphan_fingerprint(self) -> bool:
        """An `en_from` without `en`: left behind when a translator deleted the English; harmless, and removed by
        `make translations-review`."""
        return not self.en and self.en_from is not None

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
    updates: tuple[Update, ...] = ()  # newest first; see updates.newest_first
    jurisdiction: Text | None = None  # the area the decision applies to, for machine-readable metadata


@dataclass(frozen=True)
class UpdateSource:
    """Where a press-office update's facts come from."""

    publisher: Text
    url: str
    author: str | None = None
    headline: Text | None = None


@dataclass(frozen=True)
class UpdatePhoto:
    """An update's optional photo: a JPEG, PNG or WebP file in `updates/media/`, with its alt text."""

    file: str  # as written in the data: `media/hop-bao.jpg`
    source: str  # the file on disk, read when the phone-sized copies are made
    alt: Text
    width: int
    height: int


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
    photo: UpdatePhoto | None = None


@dataclass(frozen=True)
class Site:
    """Everything the build publishes."""

    decisions: tuple[Decision, ...]
