"""Exchange with translation tools (Poedit, Weblate, Lokalize): every text as a gettext PO entry.

msgctxt = `file:field.path`, msgid = Vietnamese, msgstr = English, `#, fuzzy` where the English is
outdated or was never reviewed. Importing writes English and fingerprints back into data/ in place.
"""

from __future__ import annotations

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


def read_po(po_path: Path, entries: list[TextEntry]) -> list[Change]:
    """The changes a PO file asks for; raises POError listing every problem, so nothing is half-imported."""
    try:
        po = polib.pofile(po_path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise POError(f"{po_path}: byte {exc.start} is not UTF-8; save the PO file as UTF-8") from None
    except (OSError, ValueError) as exc:
        raise POError(f"{po_path}: not a valid PO file: {_clean(exc)}") from None
    current = {e.key: e for e in entries}
    problems: list[str] = []
    changes: list[Change] = []
    seen: dict[str, int] = {}
    for item in po:
        if item.obsolete:
            continue
        where = f"{po_path}:{item.linenum}"
        context = item.msgctxt
        if context is None:
            problems.append(
                f"{where}: msgid {_short(item.msgid)} has no msgctxt; export a fresh file with `make po-export`"
            )
            continue
        if context in seen:
            problems.append(f"{where}: {context} appears twice (first on line {seen[context]})")
            continue
        seen[context] = item.linenum
        entry = current.get(context)
        if entry is None:
            problems.append(f"{where}: {context} is not a text in data/ any more; export a fresh file")
            continue
        if fingerprint(item.msgid) != fingerprint(entry.text.vi):
            problems.append(
                f"{where}: {context}: the Vietnamese in data/ has changed since this PO file was exported; "
                f"export a fresh file (`make po-export`) and carry the translation over"
            )
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
    if problems:
        count = len(problems)
        raise POError("\n".join([*problems, f"{count} problem{'s' if count != 1 else ''} in the PO file."]))
    return changes


def _short(text: str) -> str:
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _clean(exc: Exception) -> str:
    return str(exc).replace("po file ", "").strip()
