"""Every field of every data file, declared once: its kind (how it is read, the error a wrong value gets,
what JSON Schema says about it), whether it is required, its own rules with their messages, and a
description for editors. The validators read files through these declarations (`read_record`);
`make schema` writes JSON Schema for editors from them into `data/schema/`.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen.content.fields import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_SLUG_LENGTH,
    SLUG_PATTERN,
    FieldReader,
    join_path,
    shown,
)
from sitegen.content.icons import read_icon
from sitegen.content.model import LANGUAGES, GrowthTarget, Source, TaskGroup, Text, UpdatePhoto, UpdateSource
from sitegen.content.richtext import refused_links
from sitegen.content.yamlsource import Mapping as YamlMapping
from sitegen.content.yamlsource import Scalar, Sequence

MAX_GROUPS = 10_000  # far above any real plan; keeps a typo like 99999 from meaning anything
CARD_SUMMARY_LENGTH = 120  # characters: one line on a home page card, in either language
# Web addresses the site already uses: a group or update slug with one of these names would silently replace
# that page (a group slugged `index` replaced its decision's page).
RESERVED_GROUP_SLUGS = frozenset({"index", "tin-tuc"})
RESERVED_UPDATE_SLUGS = frozenset({"index", "trang"})  # the list's own pages: tin-tuc/index.md, tin-tuc/trang/2.md
PLACEHOLDER = "VIẾT VÀO ĐÂY – WRITE HERE"  # written by `make new-update`; refused once the draft is published
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True)
class Context:
    """What reading a field may need besides the file: the decision's task groups, and today's date."""

    groups: tuple[TaskGroup, ...] = ()
    today: datetime.date | None = None
    folder: Path | None = None  # the data file's folder: an update's photo is found from it


Reader = Callable[[FieldReader, YamlMapping, str, str, Context], Any]  # (reader, parent, key, parent path, context)


@dataclass(frozen=True)
class Kind:
    """One kind of value: how it is read (with the error text of a wrong value) and its JSON Schema."""

    read: Reader
    json: Mapping[str, Any]


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    description: str  # for editors: JSON Schema's description, shown by editors on hover
    required: bool = True
    # checks of the value once read: each yields (sub-path such as ".vi" or "", message)
    rules: tuple[Callable[[Any], Iterable[tuple[str, str]]], ...] = ()


RecordCheck = Callable[[FieldReader, YamlMapping, dict[str, Any], str, Context], None]


@dataclass(frozen=True)
class Record:
    """The fields of one mapping (a data file, or a mapping inside one), and its checks across fields."""

    fields: tuple[Field, ...]
    checks: tuple[RecordCheck, ...] = ()

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if f.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields if not f.required)


def read_record(
    reader: FieldReader, node, record: Record, path: str = "", context: Context | None = None
) -> dict[str, Any] | None:
    """The record's values by key (None where missing or wrong), every problem kept by `reader`;
    None when the node is not a mapping at all."""
    context = context or Context()
    mapping = reader.mapping(node, path, record.required, record.optional)
    if mapping is None:
        return None
    values: dict[str, Any] = {}
    for item in record.fields:
        value = item.kind.read(reader, mapping, item.key, path, context)
        if value is not None:
            for sub_path, message in (problem for rule in item.rules for problem in rule(value)):
                reader.problem(mapping.get(item.key), join_path(path, item.key) + sub_path, message)
        values[item.key] = value
    for check in record.checks:
        check(reader, mapping, values, path, context)
    return values


def complete(record: Record, values: dict[str, Any] | None) -> bool:
    """Every required field has a value."""
    return values is not None and all(values[key] is not None for key in record.required)


def _property(item: Field) -> dict[str, Any]:
    kind_says = item.kind.json.get("description")
    return {**item.kind.json, "description": f"{item.description} ({kind_says})" if kind_says else item.description}


def record_json(record: Record) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.key: _property(f) for f in record.fields},
        "required": list(record.required),
        "additionalProperties": False,
    }


# -- kinds -----------------------------------------------------------------------------------------

# Validation reads every scalar as the characters typed (`no`, `2021` and `07:30` stay text), while an
# editor's YAML 1.2 tooling sees numbers and booleans: both are text here
_STRING = {"type": ["string", "number", "boolean"], "minLength": 1}


def _text_json(max_length: int | None = None) -> dict[str, Any]:
    words = {**_STRING, "maxLength": max_length} if max_length else _STRING
    return {
        "type": "object",
        "properties": {
            "vi": {**words, "description": "Vietnamese, the original"},
            "en": {
                "type": ["string", "number", "boolean", "null"],
                **({"maxLength": max_length} if max_length else {}),
                "description": "English, an unofficial translation; empty until it is ready",
            },
            "en_from": {
                # eight hex digits; all digits (92325693) reads as a number in YAML 1.2
                "anyOf": [{"type": "string", "pattern": "^[0-9a-f]{8}$"}, {"type": "integer", "minimum": 0}],
                "description": "written by `make translations-review`; do not type it by hand",
            },
        },
        "required": ["vi"],
        "additionalProperties": False,
    }


TEXT = Kind(lambda r, parent, key, path, _: r.text(parent, key, path), _text_json())
PLAIN = Kind(lambda r, parent, key, path, _: r.plain(parent, key, path), _STRING)
DATE = Kind(
    lambda r, parent, key, path, _: r.date(parent, key, path),
    {
        "type": "string",
        "format": "date",
        "pattern": r"^\d{4}-\d{2}-\d{2}$",
        "description": f"YYYY-MM-DD, from {EARLIEST_DATE} to {LATEST_DATE}",
    },
)
SLUG = Kind(
    lambda r, parent, key, path, _: r.slug(parent, key, path),
    {
        "anyOf": [
            {"type": "string", "pattern": f"^{SLUG_PATTERN.pattern}$", "maxLength": MAX_SLUG_LENGTH},
            {"type": "integer", "minimum": 0},  # a slug of digits only
        ]
    },
)
URL = Kind(
    lambda r, parent, key, path, _: r.url(parent, key, path), {"type": "string", "pattern": "^https?://[^\\s]+$"}
)
ICON = Kind(
    lambda r, parent, key, path, _: read_icon(r, parent, key),
    {"type": "string", "pattern": "^[a-z0-9]+(?:[-/][a-z0-9]+)*$"},
)


def integer(low: int, high: int) -> Kind:
    return Kind(
        lambda r, parent, key, path, _: r.integer(parent, key, low, high, path),
        {"type": "integer", "minimum": low, "maximum": high},
    )


def number(high: float) -> Kind:
    return Kind(
        lambda r, parent, key, path, _: r.number(parent, key, path, high=high),
        {"type": "number", "minimum": 0, "maximum": high},
    )


def short_text(max_length: int) -> Kind:
    """A bilingual text of at most `max_length` characters in each language (the rule is `_at_most`)."""
    return Kind(TEXT.read, _text_json(max_length))


def nested(record: Record, build: Callable[..., Any]) -> Kind:
    """A mapping inside a file (`source:`), built into `build(**values)` once every required field is read."""

    def read(reader: FieldReader, parent: YamlMapping, key: str, path: str, context: Context) -> Any:
        node = parent.get(key)
        if node is None:
            return None
        values = read_record(reader, node, record, join_path(path, key), context)
        return build(**values) if complete(record, values) else None

    return Kind(read, record_json(record))


MEDIA_FOLDER = "media"  # an update's photo lives in updates/media/ (where the editor uploads it)
PHOTO_TYPES = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
MAX_PHOTO_BYTES = 5 * 1024 * 1024  # a phone photo; the site serves resized copies, never this file
MIN_PHOTO_WIDTH = 360  # the narrowest phone copy


def _read_photo(reader: FieldReader, parent: YamlMapping, key: str, path: str, context: Context) -> UpdatePhoto | None:
    """`photo: {file: media/x.jpg, alt: {vi: ..., en: ...}}`: the file's real type, size and width are checked."""
    node = parent.get(key)
    if node is None:
        return None
    where = join_path(path, key)
    photo = reader.mapping(node, where, ("file", "alt"))
    if photo is None:
        return None
    alt = reader.text(photo, "alt", where)
    file = reader.plain(photo, "file", where)
    if file is None or context.folder is None:
        return None
    at, field_path = photo.get("file"), join_path(where, "file")
    relative = Path(file)
    media = context.folder / MEDIA_FOLDER
    source = context.folder / relative
    kinds = ", ".join(sorted(PHOTO_TYPES))
    if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != (MEDIA_FOLDER,):
        reader.problem(
            at, field_path, f"expected a file in the updates' {MEDIA_FOLDER}/ folder, like {MEDIA_FOLDER}/hop-bao.jpg"
        )
        return None
    if relative.suffix.lower() not in PHOTO_TYPES:
        reader.problem(at, field_path, f"'{file}' is not a photo this site shows; use {kinds}")
        return None
    if not source.is_file() or not source.resolve().is_relative_to(media.resolve()):
        reader.problem(at, field_path, f"there is no file {file} next to this update")
        return None
    size = source.stat().st_size
    if size > MAX_PHOTO_BYTES:
        limit = MAX_PHOTO_BYTES // 1048576
        reader.problem(at, field_path, f"{file} is {size / 1048576:.1f} MB; at most {limit} MB, please make it smaller")
        return None
    from PIL import Image, UnidentifiedImageError  # only when an update has a photo

    try:
        with Image.open(source) as image:
            image.verify()
        with Image.open(source) as image:
            kind, width, height = image.format, image.width, image.height
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        reader.problem(at, field_path, f"{file} cannot be read as a photo ({kinds})")
        return None
    if kind != PHOTO_TYPES[relative.suffix.lower()]:
        reader.problem(at, field_path, f"{file} is a {kind} file under another name; rename it to .{kind.lower()}")
        return None
    if width < MIN_PHOTO_WIDTH:
        reader.problem(at, field_path, f"{file} is {width} pixels wide; at least {MIN_PHOTO_WIDTH} are needed")
        return None
    if alt is None:
        return None
    return UpdatePhoto(file, str(source), alt, width, height)


PHOTO = Kind(
    _read_photo,
    {
        "type": "object",
        "properties": {
            "file": {
                "type": "string",
                "pattern": rf"^{MEDIA_FOLDER}/[^/]+\.(jpg|jpeg|png|webp|JPG|JPEG|PNG|WEBP)$",
                "description": f"the photo in updates/{MEDIA_FOLDER}/: JPEG, PNG or WebP, at most 5 MB",
            },
            "alt": {**_text_json(), "description": "what the photo shows, for readers who cannot see it"},
        },
        "required": ["file", "alt"],
        "additionalProperties": False,
    },
)


def _read_yes_no(reader: FieldReader, parent: YamlMapping, key: str, path: str, _: Context) -> bool | None:
    node = parent.get(key)
    if node is None:
        return None
    if isinstance(node, Scalar) and node.value.lower() in ("true", "false"):
        return node.value.lower() == "true"
    reader.problem(node, join_path(path, key), f"expected true or false, got {shown(node)}")
    return None


def _read_time(reader: FieldReader, parent: YamlMapping, key: str, path: str, _: Context) -> datetime.time | None:
    node = parent.get(key)
    if node is None:
        return None
    if not isinstance(node, Scalar) or not _TIME.fullmatch(node.value):
        message = f"expected a time of day written HH:MM (like 09:30), got {shown(node)}"
        reader.problem(node, join_path(path, key), message)
        return None
    return datetime.time.fromisoformat(node.value)


def _read_group_refs(
    reader: FieldReader, parent: YamlMapping, key: str, path: str, context: Context
) -> tuple[int, ...] | None:
    """Task groups by number (`3`) or slug (`ngan-sach-nha-nuoc`); at least one, each once."""
    node = parent.get(key)
    if node is None:
        return None
    full = join_path(path, key)
    if not isinstance(node, Sequence) or not node.items:
        reader.problem(node, full, "expected a list of task group numbers, like [1, 3]")
        return None
    by_number = {g.number: g for g in context.groups}
    by_slug = {g.slug: g for g in context.groups}
    numbers = sorted(by_number)
    known = f"the task groups are numbered {numbers[0]} to {numbers[-1]}" if numbers else "there are no task groups"
    chosen: list[int] = []
    for index, item in enumerate(node.items):
        item_path = f"{full}[{index}]"
        if not isinstance(item, Scalar) or item.kind == "nothing":
            reader.problem(item, item_path, f"expected a task group number or slug, got {item.kind}")
            continue
        value = item.value.strip()
        if value.isascii() and value.isdigit():
            group = by_number.get(int(value))
            if group is None:
                reader.problem(item, item_path, f"no task group {value} in this decision; {known}")
                continue
        else:
            group = by_slug.get(value)
            if group is None:
                close = difflib.get_close_matches(value, list(by_slug), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; {known}"
                reader.problem(item, item_path, f"no task group '{value}' in this decision{hint}")
                continue
        if group.number in chosen:
            reader.problem(item, item_path, f"task group {group.number} is listed twice")
            continue
        chosen.append(group.number)
    return tuple(sorted(chosen)) if len(chosen) == len(node.items) else None


YES_NO = Kind(_read_yes_no, {"type": "boolean"})
TIME = Kind(
    _read_time, {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "description": "HH:MM, like 09:30"}
)
GROUP_REFS = Kind(
    _read_group_refs,
    {
        "type": "array",
        "minItems": 1,
        "uniqueItems": True,
        "items": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "string", "pattern": "^[a-z0-9-]+$"}]},
    },
)


# -- rules -----------------------------------------------------------------------------------------


def _not_reserved(reserved: frozenset[str], message: str) -> Callable[[str], Iterable[tuple[str, str]]]:
    def rule(slug: str) -> Iterable[tuple[str, str]]:
        if slug in reserved:
            yield "", message.format(slug=slug)

    return rule


def _at_most(length: int) -> Callable[[Text], Iterable[tuple[str, str]]]:
    def rule(text: Text) -> Iterable[tuple[str, str]]:
        for lang in LANGUAGES:
            value = text.get(lang)
            if value and len(value) > length:
                yield (
                    f".{lang}",
                    f"a card's summary is one line of at most {length} characters; this one has {len(value)}",
                )

    return rule


def _links_to_web_addresses(text: Text) -> Iterable[tuple[str, str]]:
    for lang in LANGUAGES:
        for href in refused_links(text.get(lang) or ""):
            yield f".{lang}", f"the link target '{href}' is not a web address; write links as [text](https://...)"


def _squashed(text: str) -> str:
    return " ".join(text.split())


def _summary_is_an_excerpt(
    reader: FieldReader, node: YamlMapping, values: dict[str, Any], path: str, _: Context
) -> None:
    """The card shows the group's own words: its Vietnamese summary is taken from its Vietnamese text."""
    summary, text = values.get("summary"), values.get("text")
    if summary is None or text is None:
        return
    words, source = _squashed(summary.vi), _squashed(text.vi)
    # an excerpt may start mid-sentence, so only its first letter's case may differ from the text
    if words not in source and words[:1].lower() + words[1:] not in source:
        message = "a card's summary is an excerpt: copy its words from the group's Vietnamese text"
        reader.problem(node.get("summary"), join_path(path, "summary.vi"), message)


def _low_not_above_high(reader: FieldReader, node: YamlMapping, values: dict[str, Any], path: str, _: Context) -> None:
    low, high = values.get("low_percent"), values.get("high_percent")
    if low is not None and high is not None and low > high:
        reader.problem(node, path, f"low_percent ({low:g}) is above high_percent ({high:g})")
        values["low_percent"] = None  # no target from a reversed range


def _published_date_not_in_future(
    reader: FieldReader, node: YamlMapping, values: dict[str, Any], path: str, context: Context
) -> None:
    date = values.get("date")
    if date is not None and context.today is not None and date > context.today and not values.get("draft"):
        reader.problem(
            node.get("date"),
            join_path(path, "date"),
            f"{date.isoformat()} is in the future (today is {context.today.isoformat()}); "
            "add 'draft: true' to prepare an update before its day",
        )


def _no_placeholder_once_published(
    reader: FieldReader, node: YamlMapping, values: dict[str, Any], path: str, _: Context
) -> None:
    if values.get("draft"):
        return
    for key in ("title", "summary", "body"):
        text = values.get(key)
        if text is not None and any(PLACEHOLDER in (value or "") for value in (text.vi, text.en)):
            message = "still holds the placeholder text; write the update, or keep 'draft: true'"
            reader.problem(node.get(key), join_path(path, key), message)


# -- the data files --------------------------------------------------------------------------------


def _source_record(*, all_required: bool) -> Record:
    """A decision's source names every part; an update's may leave out the author and headline."""
    return Record(
        (
            Field("publisher", TEXT, "who published the article: Văn phòng UBND tỉnh Lạng Sơn"),
            Field("url", URL, "the article's web address"),
            Field("author", PLAIN, "the author line as the article prints it", required=all_required),
            Field("headline", TEXT, "the article's headline", required=all_required),
        )
    )


GROWTH_TARGET = Record(
    (
        Field("indicator", TEXT, "what is measured: Tốc độ tăng trưởng GRDP"),
        Field("year", integer(1945, 2200), "the year the target is for"),
        Field("low_percent", number(100), "the lower end of the range, in percent (7 for 7 - 7,5%)"),
        Field("high_percent", number(100), "the upper end, in percent (7.5 for 7 - 7,5%)"),
    ),
    checks=(_low_not_above_high,),
)

DECISION = Record(
    (
        Field("type", TEXT, "the kind of document: Quyết định"),
        Field("number", PLAIN, "the document's number as printed: 166/QĐ-UBND"),
        Field("date", DATE, "the date it was signed"),
        Field("issuer", TEXT, "who issued it: UBND tỉnh Lạng Sơn"),
        Field("title", TEXT, "its title, as the source gives it"),
        Field("summary", TEXT, "a few sentences on what it decides, from the source article"),
        Field("motto", TEXT, "its motto of action"),
        Field("objective", TEXT, "its overall objective"),
        Field("growth_target", nested(GROWTH_TARGET, GrowthTarget), "the growth target it sets"),
        Field("source", nested(_source_record(all_required=True), Source), "the article the site's text comes from"),
        Field("translation_note", TEXT, "what English pages say about the translation"),
        Field("jurisdiction", TEXT, "where it applies: tỉnh Lạng Sơn", required=False),
    )
)

GROUP = Record(
    (
        Field("number", integer(1, MAX_GROUPS), "the group's number in the decision: 1, 2, 3 …"),
        Field(
            "slug",
            SLUG,
            "the group's web address, the same in both languages: ngan-sach-nha-nuoc",
            rules=(
                _not_reserved(
                    RESERVED_GROUP_SLUGS,
                    "'{slug}' is already the web address of another page of this decision; choose another slug",
                ),
            ),
        ),
        Field("title", TEXT, "a short title this site gives the group"),
        Field("text", TEXT, "the group's text, word for word from the source article"),
        Field("icon", ICON, "the card's icon from Material's bundled sets: material/leaf", required=False),
        Field(
            "summary",
            short_text(CARD_SUMMARY_LENGTH),
            f"the card's one line (at most {CARD_SUMMARY_LENGTH} characters): an excerpt of the text",
            required=False,
            rules=(_at_most(CARD_SUMMARY_LENGTH),),
        ),
    ),
    checks=(_summary_is_an_excerpt,),
)

UPDATE = Record(
    (
        Field("date", DATE, "the day of the news; not in the future unless draft: true"),
        Field(
            "slug",
            SLUG,
            "the update's web address: ban-hanh-quyet-dinh",
            rules=(
                _not_reserved(
                    RESERVED_UPDATE_SLUGS, "'{slug}' is the name of a page of the updates list; choose another"
                ),
            ),
        ),
        Field("title", TEXT, "the headline"),
        Field("summary", TEXT, "one or two sentences shown in lists and feeds"),
        Field(
            "body",
            TEXT,
            "the text: paragraphs, *emphasis*, **bold**, lists, quotes and links [words](https://...)",
            rules=(_links_to_web_addresses,),
        ),
        Field("groups", GROUP_REFS, "the task groups it concerns, by number or slug: [1, 3]"),
        Field("time", TIME, "the time of day, for two updates on one day", required=False),
        Field(
            "source",
            nested(_source_record(all_required=False), UpdateSource),
            "where the news was first published",
            required=False,
        ),
        Field("draft", YES_NO, "true: shown only in a preview (make serve DRAFTS=1)", required=False),
        Field("photo", PHOTO, "one photo, shown on the update's page and in the feeds", required=False),
    ),
    checks=(_published_date_not_in_future, _no_placeholder_once_published),
)

FILES = {"decision": DECISION, "group": GROUP, "update": UPDATE}


# -- JSON Schema for editors -----------------------------------------------------------------------


def json_schemas() -> dict[str, str]:
    """File name → JSON Schema text, for `data/schema/`."""
    titles = {
        "decision": "decision.yaml of a decision folder",
        "group": "groups/NN.yaml: one task group",
        "update": "updates/YYYY-MM-DD-slug.yaml: one press-office update",
    }
    schemas = {}
    for name, record in FILES.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$comment": "Generated by `make schema` from hooks/sitegen/content/schema.py; do not edit by hand.",
            "title": titles[name],
            **record_json(record),
        }
        schemas[f"{name}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return schemas


def write_json_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in json_schemas().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    from sitegen.project import PROJECT_DIR

    changed = write_json_schemas(PROJECT_DIR / "data" / "schema")
    print(
        f"data/schema/: {len(changed)} file{'s' if len(changed) != 1 else ''} written"
        if changed
        else "data/schema/: up to date"
    )
