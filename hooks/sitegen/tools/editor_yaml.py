"""The editor's saves written like hand-written update files: the schema's key order, block scalars for
paragraphs, unchanged parts of an existing file (comments included) kept byte for byte.

Decap CMS serialises an entry with its own YAML library (its key order, quoting and line length); every
update file it saves passes through `normalise_update` first, so a diff shows only what the person changed.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import yaml

from sitegen.tools.editor_config import SHOWN_KEYS
from sitegen.tools.yamledit import WRAP_AT, format_scalar

# The order `make new-update` and the hand-written files use; keys the editor does not know follow, in
# the order the file had them.
KEY_ORDER = ("date", "time", "slug", "draft", "title", "summary", "body", "groups", "source", "photo")
TEXT_KEYS = ("title", "summary", "body")
TEXT_ORDER = ("vi", "en", "en_from")
SOURCE_ORDER = ("publisher", "url", "author", "headline", "file", "alt")
NEW_FILE_HEADER = '# A press-office update written with make edit (README: "Publishing an update").\n'

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NotAnUpdate(ValueError):
    """What the editor sent is not a YAML mapping; nothing is written."""


def normalise_update(raw: str, original: str | None = None) -> str:
    """The text to write for an update the editor saved as `raw`; `original` is the file as it was.

    Keys the editor does not show (`en_from`, `time`, anything else) are taken from `original` when the
    editor's copy lacks them, so translation state and hand-added keys survive an edit."""
    try:
        data = yaml.load(raw, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise NotAnUpdate(f"the editor sent text that is not YAML: {exc}") from None
    if not isinstance(data, dict):
        raise NotAnUpdate("the editor sent something that is not a list of fields")
    old = _old_data(original)
    data = _carry_over(_cleaned(data), old)
    chunks, header = _chunks(original) if original else ({}, NEW_FILE_HEADER)
    ordered = [k for k in KEY_ORDER if k in data] + [k for k in data if k not in KEY_ORDER]
    parts = [header]
    for key in ordered:
        if key in chunks and key in old and _same(old[key], data[key]):
            parts.append(chunks[key])
        else:
            parts.append(_format_key(key, data[key]))
    text = "".join(parts)
    if _comparable(yaml.load(text, Loader=_Loader)) != _comparable(yaml.load(_plain_dump(data), Loader=_Loader)):
        # never expected; a plain dump is still a correct file
        return _plain_dump(data)
    return text


def _comparable(value: Any) -> Any:
    """Texts without their final line break: a `|` block ends with one, the editor's text does not; and without
    an `en_from` left behind by deleted English, which means nothing (content.model: the text is missing)."""
    if isinstance(value, str):
        return value.rstrip("\n")
    if isinstance(value, dict):
        orphan = "vi" in value and "en" not in value
        return {k: _comparable(v) for k, v in value.items() if not (orphan and k == "en_from")}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def _old_data(original: str | None) -> dict:
    if not original:
        return {}
    try:
        loaded = yaml.load(original, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _cleaned(data: dict) -> dict:
    """Empty fields dropped (an empty English is "not translated yet"), dates as dates, groups as numbers."""
    cleaned: dict[str, Any] = {}
    for key, value in data.items():
        if key in TEXT_KEYS or (isinstance(value, dict) and "vi" in value):
            value = _clean_text(value)
        elif key == "source" and isinstance(value, dict):
            value = _clean_source(value)
        elif key == "photo" and isinstance(value, dict):
            value = _clean_source(value)  # `file` and an `alt` text, cleaned alike
            if not value.get("file"):
                continue  # a description without a photo describes nothing
        elif key == "date" and isinstance(value, str):
            value = _as_date(value)
        elif key == "groups" and isinstance(value, list):
            value = [int(v) if isinstance(v, str) and v.strip().isdigit() else v for v in value]
        elif key == "draft":
            value = value if not isinstance(value, str) else value.strip().lower() == "true"
            if value is False:
                continue  # a published update has no draft line, as README says
        if _empty(value):
            continue
        cleaned[key] = value
    return cleaned


def _clean_text(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    text = {}
    for key, item in value.items():
        if isinstance(item, str):
            item = item.replace("\r\n", "\n").strip()
        if not _empty(item):
            text[key] = item
    ordered = {k: text[k] for k in TEXT_ORDER if k in text}
    ordered.update({k: v for k, v in text.items() if k not in ordered})
    if "en" not in ordered:
        ordered.pop("en_from", None)  # a fingerprint of a translation that is gone means nothing
    return ordered


def _clean_source(value: dict) -> dict:
    source = {}
    for key, item in value.items():
        if isinstance(item, dict):
            item = _clean_text(item)
        elif isinstance(item, str):
            item = item.strip()
        if not _empty(item):
            source[key] = item
    ordered = {k: source[k] for k in SOURCE_ORDER if k in source}
    ordered.update({k: v for k, v in source.items() if k not in ordered})
    return ordered


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or (isinstance(value, dict) and not value)


def _as_date(value: str) -> Any:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        return value  # left as typed: the validator names the problem


def _carry_over(data: dict, old: dict) -> dict:
    """Hidden keys of the file as it was: top-level keys the editor's copy lacks, and inside each text
    the keys besides `vi`/`en` (`en_from`) when the English is still there."""
    merged = dict(data)
    for key, value in old.items():
        if key not in merged and key not in SHOWN_KEYS:
            merged[key] = value
    for key in TEXT_KEYS:
        _carry_text(merged.get(key), old.get(key))
    if isinstance(merged.get("source"), dict) and isinstance(old.get("source"), dict):
        for key in ("publisher", "headline"):
            _carry_text(merged["source"].get(key), old["source"].get(key))
    if isinstance(merged.get("photo"), dict) and isinstance(old.get("photo"), dict):
        _carry_text(merged["photo"].get("alt"), old["photo"].get("alt"))
    for key in merged:
        if isinstance(merged[key], dict) and key in TEXT_KEYS:
            merged[key] = _clean_text(merged[key])
    return merged


def _carry_text(new: Any, old: Any) -> None:
    if not isinstance(new, dict) or not isinstance(old, dict) or "en" not in new:
        return
    for key, value in old.items():
        if key not in ("vi", "en") and key not in new:
            new[key] = value


def _same(old: Any, new: Any) -> bool:
    """Unchanged as far as the site can tell: a field the editor did not change is kept byte for byte, even when
    its English was deleted by hand and left its `en_from` behind (the editor drops that only in a field it writes)."""
    old, new = _comparable(old), _comparable(new)
    return json.dumps(old, sort_keys=True, default=str) == json.dumps(new, sort_keys=True, default=str)


def _chunks(original: str) -> tuple[dict[str, str], str]:
    """The original file cut at its top-level keys: {key: its lines, with the comments just above it}."""
    try:
        node = yaml.compose(original, Loader=_Loader)
    except yaml.YAMLError:
        return {}, ""
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        return {}, ""
    lines = original.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    starts = [(key.value, key.start_mark.line) for key, _ in node.value]
    if not starts:
        return {}, ""
    firsts = [starts[0][1]]  # the comments above the first key are the file's header
    for (_, line), (_, previous) in zip(starts[1:], starts[:-1], strict=True):
        firsts.append(_comment_start(lines, line, previous))
    header = "".join(lines[: firsts[0]])
    chunks = {}
    for index, (key, _) in enumerate(starts):
        end = firsts[index + 1] if index + 1 < len(starts) else len(lines)
        chunks[key] = "".join(lines[firsts[index] : end])
    return chunks, header


def _comment_start(lines: list[str], line: int, previous: int) -> int:
    """The first line of the comment block right above `line` (comments describe what follows them)."""
    while line - 1 > previous and lines[line - 1].lstrip().startswith("#"):
        line -= 1
    return line


def _format_key(key: str, value: Any) -> str:
    if key in TEXT_KEYS and isinstance(value, dict):
        return f"{key}:\n" + _format_text(value, 2)
    if key == "date" and isinstance(value, datetime.date):
        return f"date: {value.isoformat()}\n"
    if key == "draft" and isinstance(value, bool):
        return f"draft: {'true' if value else 'false'}\n"
    if key == "groups" and isinstance(value, list) and all(isinstance(v, int | str) for v in value):
        return f"groups: [{', '.join(_flow_item(v) for v in value)}]\n"
    if key in ("source", "photo") and isinstance(value, dict):
        lines = []
        for sub, item in value.items():
            if isinstance(item, dict) and "vi" in item:
                lines.append(f"  {sub}:\n" + _format_text(item, 4))
            else:
                lines.append(_plain_key(sub, item, 2))
        return f"{key}:\n" + "".join(lines)
    return _plain_key(key, value, 0)


def _format_text(text: dict, indent: int) -> str:
    out = []
    for key, value in text.items():
        if isinstance(value, str):
            out.append(" " * indent + f"{key}: {_scalar(value, indent, key)}\n")
        else:
            out.append(_plain_key(key, value, indent))
    return "".join(out)


def _scalar(text: str, column: int, key: str) -> str:
    """One line: plain, or a folded `>-` paragraph when long (the translators' tools write the same);
    several lines (paragraphs, lists): a literal `|` block, lines as the person typed them."""
    if "\n" not in text:
        formatted = format_scalar(text, False, column, key)
        quoted = json.dumps(text, ensure_ascii=False)
        if formatted.startswith(">-") and column + len(key) + 2 + len(quoted) <= WRAP_AT:
            return quoted  # a short line that cannot be plain (a colon in a title): quoted, as people write it
        return formatted
    pad = " " * (column + 2)
    lines = text.rstrip().split("\n")
    block = "|\n" + "\n".join(pad + line.rstrip() if line.strip() else "" for line in lines)
    try:
        back = yaml.load(f"{key}: {block}\n", Loader=_Loader)
    except yaml.YAMLError:
        back = None
    if (
        isinstance(back, dict)
        and isinstance(back.get(key), str)
        and back[key].rstrip() == "\n".join(line.rstrip() for line in lines)
    ):
        return block
    return json.dumps(text, ensure_ascii=False)


def _flow_item(value: int | str) -> str:
    if isinstance(value, int):
        return str(value)
    return format_scalar(value, True, 0, "x")


def _plain_key(key: str, value: Any, indent: int) -> str:
    dumped = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=88, default_flow_style=False)
    return "".join(" " * indent + line + "\n" for line in dumped.splitlines())


def _plain_dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=88)
