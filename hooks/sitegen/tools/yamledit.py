"""Precise in-place edits of bilingual texts in a YAML file: only the bytes of `en`/`en_from` change.

A round-trip library re-emits whole files (quotes, wrapping, spacing); replacing one scalar's
character span keeps every comment, key order and line of the file exactly as the editor left it.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field

import yaml

WRAP_AT = 88  # folded English paragraphs are wrapped like the hand-written ones in data/


class EditError(Exception):
    """An edit that cannot be made safely; nothing is written."""


@dataclass
class _Span:
    key_start: int
    key_column: int  # 0-based
    start: int  # the value's first character
    end: int  # just after the value's last non-blank character
    value: str


@dataclass
class TextMapping:
    """The character spans of one `{vi: ..., en: ..., en_from: ...}` mapping in a file's text."""

    flow: bool
    start: int
    end: int  # flow: index of the closing brace
    fields: dict[str, _Span] = field(default_factory=dict)


@dataclass
class _Frame:
    mapping: bool
    start: int
    flow: bool
    line: int
    column: int
    expect_key: bool = True
    key: yaml.ScalarEvent | None = None
    scalars: dict[str, _Span] = field(default_factory=dict)


def find_text_mappings(source: str) -> dict[tuple[int, int], TextMapping]:
    """Every mapping that has a scalar `vi`, by the 1-based line and column where it starts.

    Positions match `yamlsource` marks, which is how a Text's origin finds its bytes again."""
    found: dict[tuple[int, int], TextMapping] = {}
    stack: list[_Frame] = []

    def value_done(is_scalar_event: yaml.ScalarEvent | None) -> None:
        if not stack or not stack[-1].mapping:
            return
        top = stack[-1]
        if top.expect_key:
            top.key = is_scalar_event
            top.expect_key = False
            return
        if top.key is not None and is_scalar_event is not None:
            end = _trim_end(source, is_scalar_event.start_mark.index, is_scalar_event.end_mark.index)
            top.scalars[top.key.value] = _Span(
                top.key.start_mark.index,
                top.key.start_mark.column,
                is_scalar_event.start_mark.index,
                end,
                is_scalar_event.value,
            )
        top.expect_key = True
        top.key = None

    for event in yaml.parse(source, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            value_done(event if isinstance(event, yaml.ScalarEvent) else None)
        elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
            mark = event.start_mark
            flow = bool(event.flow_style)
            stack.append(
                _Frame(isinstance(event, yaml.MappingStartEvent), mark.index, flow, mark.line + 1, mark.column + 1)
            )
        elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            done = stack.pop()
            if done.mapping and "vi" in done.scalars:
                end = event.start_mark.index if done.flow else max(s.end for s in done.scalars.values())
                found[(done.line, done.column)] = TextMapping(done.flow, done.start, end, done.scalars)
            value_done(None)
    return found


def set_fingerprint(mapping: TextMapping, source: str, fingerprint: str) -> list[tuple[int, int, str]]:
    """The edits that write `en_from: <fingerprint>` into `mapping` (replaced, or added after `en`)."""
    if "en" not in mapping.fields:
        raise EditError("there is no English text to mark as reviewed")
    existing = mapping.fields.get("en_from")
    if existing is not None:
        return [(existing.start, existing.end, fingerprint)]
    return [_insert_after(mapping, source, mapping.fields["en"], f"en_from: {fingerprint}")]


def remove_fingerprint(mapping: TextMapping, source: str) -> list[tuple[int, int, str]]:
    """The edit that deletes `en_from` (its whole line, or its `, en_from: …` in a flow mapping)."""
    existing = mapping.fields.get("en_from")
    if existing is None:
        return []
    if mapping.flow:
        before = source.rfind(",", mapping.start, existing.key_start)
        if before != -1:
            return [(before, existing.end, "")]
        after = source.find(",", existing.end, mapping.end)  # `{en_from: x, vi: y}`: the first key
        end = mapping.end if after == -1 else after + 1
        while end < mapping.end and source[end] == " ":
            end += 1
        return [(existing.key_start, end, "")]
    line_start = source.rfind("\n", 0, existing.key_start) + 1
    if source[line_start : existing.key_start].strip():
        raise EditError("`en_from` shares its line with another key; remove it by hand")
    line_end = source.find("\n", existing.end)
    return [(line_start, len(source) if line_end == -1 else line_end + 1, "")]


def set_english(mapping: TextMapping, source: str, english: str) -> list[tuple[int, int, str]]:
    """The edits that make `en` hold `english` (replaced in place, or added after `vi`)."""
    existing = mapping.fields.get("en")
    vi = mapping.fields["vi"]
    if existing is None:
        scalar = format_scalar(english, mapping.flow, vi.key_column, "en")
        return [_insert_after(mapping, source, vi, f"en: {scalar}")]
    scalar = format_scalar(english, mapping.flow, existing.key_column, "en")
    if existing.start == existing.end:  # `en:` with nothing after it
        return [(existing.start, existing.end, f" {scalar}")]
    return [(existing.start, existing.end, scalar)]


def apply_edits(source: str, edits: list[tuple[int, int, str]]) -> str:
    """Apply non-overlapping edits from the end backwards, so earlier offsets stay valid."""
    ordered = sorted(edits, key=lambda e: (e[0], e[1]))
    for (_, end_a, _), (start_b, _, _) in itertools.pairwise(ordered):
        if start_b < end_a:
            raise EditError("two edits overlap")
    for start, end, replacement in reversed(ordered):
        source = source[:start] + replacement + source[end:]
    return source


def format_scalar(text: str, flow: bool, key_column: int, key: str) -> str:
    """`text` as a YAML scalar that reads back as exactly `text`: plain when that is safe and short, a literal `|-`
    block when it has line breaks, a folded `>-` paragraph when long, double quotes otherwise (always valid, in
    flow or block)."""
    quoted = json.dumps(text, ensure_ascii=False)
    if "#" not in text and not text.startswith(("'", '"')):
        if flow and not any(c in text for c in ",[]{}?:") and _reads_back(f"{{{key}: {text}}}", text):
            return text
        if not flow and key_column + len(key) + 2 + len(text) <= WRAP_AT and _reads_back(f"{key}: {text}", text):
            return text
    if flow:
        return quoted
    indent = " " * (key_column + 2)
    if "\n" in text:  # paragraphs: a literal block like the Vietnamese beside it, not one line of "\n"
        literal = "|-\n" + "\n".join(indent + line if line else "" for line in text.split("\n"))
        if _reads_back(f"{key}: {literal}", text):
            return literal
        return quoted
    lines = _wrap(text, WRAP_AT - len(indent))
    folded = ">-\n" + "\n".join(indent + line for line in lines)
    if lines and _reads_back(f"{key}: {folded}", text):
        return folded
    return quoted


def _wrap(text: str, width: int) -> list[str]:
    """Break at single spaces only, so folding joins the lines back into exactly `text`."""
    if "\n" in text or text != text.strip() or "  " in text or "\t" in text:
        return []
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def _reads_back(document: str, text: str) -> bool:
    try:
        loaded = yaml.safe_load(document)
    except yaml.YAMLError:
        return False
    return isinstance(loaded, dict) and list(loaded.values()) == [text]


def _insert_after(mapping: TextMapping, source: str, after: _Span, line_text: str) -> tuple[int, int, str]:
    if mapping.flow:
        position = _trim_end(source, mapping.start, mapping.end)
        return (position, position, f", {line_text}")
    newline = "\r\n" if "\r\n" in source else "\n"
    line_end = source.find("\n", after.end)
    if line_end == -1:
        line_end = len(source)
    elif source[line_end - 1] == "\r":
        line_end -= 1
    return (line_end, line_end, f"{newline}{' ' * after.key_column}{line_text}")


def _trim_end(source: str, start: int, end: int) -> int:
    while end > start and source[end - 1] in " \t\r\n":
        end -= 1
    return end
