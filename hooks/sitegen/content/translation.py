"""Translation state of every text read from data/: collected by walking the model, reported for translators."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from sitegen.content.model import MISSING, OUTDATED, TRANSLATED, UNREVIEWED, Text

STATES = (TRANSLATED, MISSING, OUTDATED, UNREVIEWED)
NEEDS_WORK = (MISSING, OUTDATED, UNREVIEWED)  # what `--check` fails on

_REASONS = {
    MISSING: "no English yet",
    OUTDATED: "the Vietnamese changed after this English was written",
    UNREVIEWED: "English without `en_from`: nobody has marked it reviewed against the Vietnamese",
}


@dataclass(frozen=True)
class TextEntry:
    """One located text, in data-file order."""

    text: Text

    @property
    def key(self) -> str:
        """`file:path`, the handle translators paste into `make translations-review TEXT=...`."""
        origin = self.text.origin
        assert origin is not None
        return f"{origin.file}:{origin.path}"

    @property
    def line(self) -> int:
        origin = self.text.origin
        assert origin is not None
        return origin.en_line or origin.vi_line

    @property
    def state(self) -> str:
        return self.text.state


def iter_texts(value: object) -> Iterator[Text]:
    """Every Text reachable from `value` through dataclass fields, tuples, lists and dict values.

    Walking the model rather than listing fields means a new model (updates, a later decision's extras)
    is covered as soon as its texts are read with `FieldReader.text`."""
    seen: set[int] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, Text):
            yield item
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in reversed(dataclasses.fields(item)))
        elif isinstance(item, tuple | list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))


def collect(site: object) -> list[TextEntry]:
    """The located texts of the site, sorted by file and line; one entry per file and field path."""
    entries: dict[str, TextEntry] = {}
    for text in iter_texts(site):
        if text.origin is not None:
            entry = TextEntry(text)
            entries.setdefault(entry.key, entry)
    return sorted(entries.values(), key=lambda e: (e.text.origin.file, e.text.origin.line, e.text.origin.path))


def summary(entries: list[TextEntry]) -> str:
    counts = {state: sum(1 for e in entries if e.state == state) for state in STATES}
    parts = ", ".join(f"{counts[state]} {state}" for state in STATES)
    return f"{len(entries)} texts: {parts}."


def report(
    entries: list[TextEntry], everything: bool = False, earlier: dict[str, tuple[str, str] | None] | None = None
) -> str:
    """What a translator acts on: `file:line: field: state`, the reason, the Vietnamese and the English.

    `earlier` maps an outdated text's key to the Vietnamese its English was made from and the current one,
    changed words marked (`tools/history.py`), or to None when history does not have the older text."""
    lines = []
    for entry in entries:
        if entry.state == TRANSLATED and not everything:
            continue
        text = entry.text
        origin = text.origin
        assert origin is not None
        lines.append(f"{origin.file}:{entry.line}: {origin.path}: {entry.state} ({_REASONS.get(entry.state, 'ok')})")
        if entry.state == OUTDATED and earlier is not None and entry.key in earlier:
            was = earlier[entry.key]
            if was is None:
                lines.append(
                    f"    vi: {text.vi}\n"
                    f"    vi the English was made from: not found in git history (en_from {text.en_from}); "
                    "compare the English with the Vietnamese above"
                )
            else:
                lines.append(f"    vi then: {was[0]}\n    vi now:  {was[1]}")
        else:
            lines.append(f"    vi: {text.vi}")
        if text.en:
            lines.append(f"    en: {text.en}")
        if entry.state in (OUTDATED, UNREVIEWED):
            lines.append(f"    once the English matches the Vietnamese: make translations-review TEXT={entry.key}")
        if text.orphan_fingerprint:
            lines.append(
                f"    its `en_from` is left over from deleted English: make translations-review TEXT={entry.key} removes it"
            )
    lines.append(summary(entries))
    return "\n".join(lines)


def needing_work(entries: list[TextEntry]) -> list[TextEntry]:
    return [e for e in entries if e.state in NEEDS_WORK]
