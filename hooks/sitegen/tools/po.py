"""Exchange with translation tools (Poedit, Weblate, Lokalize): every text as a gettext PO entry.

msgctxt = `file:field.path`, msgid = Vietnamese, msgstr = English, `#, fuzzy` where the English is
outdated or was never reviewed. Importing writes English and fingerprints back into data/ in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib

from sitegen.content.fields import normalise_text
from sitegen.content.model import MISSING, OUTDATED, UNREVIEWED, fingerprint
from sitegen.content.translation import TextEntry
from sitegen.tools.translation_edit import Change

_NOTES = {
    OUTDATED: "outdated: the Vietnamese changed after this English was written; check it, then clear 'fuzzy'",
    UNREVIEWED: "unreviewed: nobody has checked this English against the Vietnamese; check it, then clear 'fuzzy'",
    MISSING: "missing: no English yet",
}


class POError(Exception):
    """A PO file that cannot be imported; the message names the PO file and line."""


def export_po(entries: list[TextEntry], previous: dict[str, str] | None = None) -> str:
    """Every text as a PO entry; `previous` (key → the Vietnamese an outdated English was made from) becomes
    `#| msgid`, which Poedit and Weblate show as the source change."""
    po = polib.POFile(wrapwidth=78)
    po.header = "English translation of the texts in data/. Import with `make po-import PO=file.po` (README.md)."
    po.metadata = {
        "Project-Id-Version": "decision-site data",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": "vi",
    }
    for entry in entries:
        origin = entry.text.origin
        assert origin is not None
        po.append(
            polib.POEntry(
                msgctxt=entry.key,
                msgid=entry.text.vi,
                msgstr=entry.text.en or "",
                occurrences=[(origin.file, str(entry.line))],
                flags=["fuzzy"] if entry.state in (OUTDATED, UNREVIEWED) else [],
                comment=_NOTES.get(entry.state, ""),
                previous_msgid=(previous or {}).get(entry.key),
            )
        )
    return str(po) + "\n"


@dataclass(frozen=True)
class POItem:
    """One entry of a PO file as the strict reader found it."""

    line: int  # where the entry starts (its first comment or keyword), as translation tools count
    msgctxt: str | None
    msgid: str
    msgstr: str
    flags: tuple[str, ...]


_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]+(.*)")
_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "?": "?",
    "'": "'",
}


def parse_po(text: str, display: str) -> list[POItem]:
    """Every entry of a PO file, read as strictly as `msgfmt` reads it; raises POError naming `file.po:line`
    for every line it cannot read, so a half-read text (an unclosed quote) is never imported."""
    problems: list[str] = []
    items: list[POItem] = []
    fields: dict[str, list[str]] = {}
    flags: list[str] = []
    start = 0
    current: str | None = None

    def finish() -> None:
        nonlocal fields, flags, start, current
        if fields:
            if "msgid" not in fields:
                problems.append(f"{display}:{start}: this entry has no msgid")
            elif "msgstr" not in fields:
                problems.append(f"{display}:{start}: msgid without msgstr")
            else:
                context = "".join(fields["msgctxt"]) if "msgctxt" in fields else None
                msgid, msgstr = "".join(fields["msgid"]), "".join(fields["msgstr"])
                items.append(POItem(start, context, msgid, msgstr, tuple(flags)))
        fields, flags, start, current = {}, [], 0, None

    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            finish()
            continue
        if line.startswith("#"):
            if "msgstr" in fields:
                finish()  # a comment after msgstr begins the next entry
            if line.startswith("#~"):
                continue  # an obsolete entry: translation tools keep them, nobody imports them
            start = start or number
            if line.startswith("#,"):
                flags.extend(flag.strip() for flag in line[2:].split(",") if flag.strip())
            continue
        keyword = _KEYWORD.fullmatch(line)
        if keyword:
            name, rest = keyword.groups()
            if name in ("msgctxt", "msgid") and "msgstr" in fields:
                finish()  # the next entry, without a blank line before it
            if name == "msgid_plural" or name.startswith("msgstr["):
                problems.append(f"{display}:{number}: plural forms are not used in this file; export a fresh file")
                name = "msgid" if name == "msgid_plural" else "msgstr"
            elif name in fields:
                problems.append(f"{display}:{number}: {name} appears twice in one entry")
            elif name == "msgctxt" and "msgid" in fields:
                problems.append(f"{display}:{number}: msgctxt must come before msgid")
            elif name == "msgstr" and "msgid" not in fields:
                problems.append(f"{display}:{number}: msgstr without a msgid before it")
            start = start or number
            current = name
            fields.setdefault(name, [])
            string = _po_string(rest, display, number, problems)
            if string is not None:
                fields[name].append(string)
            continue
        if line.startswith('"'):
            if current is None:
                problems.append(f"{display}:{number}: a text in quotes without msgid or msgstr before it")
                continue
            string = _po_string(line, display, number, problems)
            if string is not None:
                fields[current].append(string)
            continue
        problems.append(f"{display}:{number}: this line is not part of a PO file: {_short(line)}")
    finish()
    if problems:
        count = len(problems)
        raise POError("\n".join([*problems, f"{count} problem{'s' if count != 1 else ''} in the PO file."]))
    return items


def _po_string(token: str, display: str, number: int, problems: list[str]) -> str | None:
    """One `"..."` with C escapes, closed on its own line; None (and a problem) otherwise."""
    if not token.startswith('"'):
        problems.append(f"{display}:{number}: expected a text in double quotes, got {_short(token)}")
        return None
    out: list[str] = []
    index = 1
    while index < len(token):
        char = token[index]
        if char == "\\":
            following = token[index + 1 : index + 2]
            if following in _ESCAPES:
                out.append(_ESCAPES[following])
                index += 2
                continue
            octal = re.match(r"[0-7]{1,3}", token[index + 1 :])
            if octal:
                out.append(chr(int(octal.group(), 8)))
                index += 1 + len(octal.group())
                continue
            problems.append(f"{display}:{number}: unknown escape \\{following} in the text; write \\\\ for a backslash")
            return None
        if char == '"':
            if token[index + 1 :].strip():
                problems.append(
                    f"{display}:{number}: something follows the closing double quote: {_short(token[index + 1 :].strip())}"
                )
                return None
            return "".join(out)
        out.append(char)
        index += 1
    problems.append(f'{display}:{number}: the text is not closed with a double quote (")')
    return None


def read_po(po_path: Path, entries: list[TextEntry], skip_stale: bool = False) -> tuple[list[Change], list[str]]:
    """The changes a PO file asks for, and the stale entries skipped (only with `skip_stale`).

    Raises POError listing every problem, so nothing is half-imported. A stale entry (its Vietnamese changed in
    data/ since the export, or the text is gone) is a problem unless `skip_stale`; a syntax error always is."""
    try:
        text = po_path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise POError(f"{po_path}: byte {exc.start} is not UTF-8; save the PO file as UTF-8") from None
    except OSError as exc:
        raise POError(f"{po_path}: this file cannot be read: {(exc.strerror or str(exc)).lower()}") from None
    items = parse_po(text.removeprefix("\ufeff"), str(po_path))
    current = {e.key: e for e in entries}
    problems: list[str] = []
    stale: list[str] = []
    changes: list[Change] = []
    seen: dict[str, int] = {}
    for item in items:
        if item.msgid == "" and item.msgctxt is None:
            continue  # the header
        where = f"{po_path}:{item.line}"
        context = item.msgctxt
        if context is None:
            problems.append(
                f"{where}: msgid {_short(item.msgid)} has no msgctxt; export a fresh file with `make po-export`"
            )
            continue
        if context in seen:
            problems.append(f"{where}: {context} appears twice (first on line {seen[context]})")
            continue
        seen[context] = item.line
        entry = current.get(context)
        if entry is None:
            stale.append(f"{where}: {context} is not a text in data/ any more")
            continue
        if fingerprint(item.msgid) != fingerprint(entry.text.vi):
            stale.append(f"{where}: {context}: the Vietnamese in data/ has changed since this PO file was exported")
            continue
        english = normalise_text(item.msgstr)
        if not english:
            continue  # an empty msgstr never deletes English already in data/
        new_english = english if english != entry.text.en else None
        reviewed = "fuzzy" not in item.flags and entry.text.en_from != fingerprint(entry.text.vi)
        # new English still marked fuzzy must not inherit a fingerprint left over from deleted English
        drop = entry.text.orphan_fingerprint and "fuzzy" in item.flags
        if new_english is not None or reviewed:
            changes.append(Change(entry, new_english, reviewed, drop_fingerprint=drop))
    if stale and not skip_stale:
        advice = (
            "export a fresh file (`make po-export`) and carry the translation over, or import the other "
            "entries with `make po-import PO=... SKIP_STALE=1`"
        )
        problems.extend(f"{line}; {advice}" for line in stale)
    if problems:
        count = len(problems)
        raise POError("\n".join([*problems, f"{count} problem{'s' if count != 1 else ''} in the PO file."]))
    return changes, stale


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _clean(exc: Exception) -> str:
    return str(exc).replace("po file ", "").strip()
