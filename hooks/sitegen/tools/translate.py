"""The translator's commands: `make translations`, `make translations-review`, `make po-export`, `make po-import`.

Run as `python -m sitegen.tools.translate report|review|po-export|po-import`; every message is one line per
problem with the file and line, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sitegen.content.errors import DataError
from sitegen.content.model import OUTDATED
from sitegen.content.translation import TextEntry, collect, needing_work, report, summary
from sitegen.content.validate import load_site
from sitegen.project import data_dir, from_make
from sitegen.tools.history import History, marked_changes
from sitegen.tools.po import POError, export_po, read_po
from sitegen.tools.translation_edit import Change, apply_changes
from sitegen.tools.yamledit import EditError


def load_entries(data_dir: Path) -> list[TextEntry]:
    return collect(load_site(data_dir))


def run_report(data_dir: Path, check: bool, everything: bool, summary_only: bool = False) -> int:
    entries = load_entries(data_dir)
    if summary_only:  # `make test` prints it: the team sees what is left, and the tests never fail on it
        print(f"Translations: {summary(entries)} `make translations` lists what is left.")
        return 0
    print(report(entries, everything, earlier_vietnamese(data_dir, entries)))
    if check and needing_work(entries):
        print("Translations need work (see above); `make translations` in README.md says what to do.", file=sys.stderr)
        return 1
    return 0


def earlier_vietnamese(data_dir: Path, entries: list[TextEntry]) -> dict[str, tuple[str, str] | None]:
    """For each outdated text: the Vietnamese its English was made from beside the current one, changed words
    marked, found in git history by the `en_from` fingerprint; None when history does not have it."""
    history = History(data_dir.resolve().parent)
    earlier: dict[str, tuple[str, str] | None] = {}
    for entry in entries:
        if entry.state != OUTDATED:
            continue
        text = entry.text
        assert text.origin is not None and text.en_from is not None
        before = history.vietnamese_for(text.origin.file, text.en_from)
        earlier[entry.key] = None if before is None else marked_changes(before, text.vi)
    return earlier


def run_review(data_dir: Path, targets: list[str], all_unreviewed: bool) -> int:
    """Record that each English text was checked against the current Vietnamese (writes `en_from` only)."""
    entries = {e.key: e for e in load_entries(data_dir)}
    chosen: list[TextEntry] = []
    for target in targets:
        entry = entries.get(target) or _by_line(entries.values(), target)
        if entry is None:
            print(f"{target}: no such text; use `file:field` as `make translations` prints it", file=sys.stderr)
            return 1
        if entry.text.en is None and not entry.text.orphan_fingerprint:
            print(f"{target}: there is no English to mark as reviewed; translate it first", file=sys.stderr)
            return 1
        chosen.append(entry)
    if all_unreviewed:
        named = {e.key for e in chosen}
        chosen.extend(
            e for e in entries.values() if (e.state == "unreviewed" or e.text.orphan_fingerprint) and e.key not in named
        )
    if not chosen:
        print(
            "Nothing to mark: name a text (TEXT=file:field) or mark every unreviewed one (UNREVIEWED=1).",
            file=sys.stderr,
        )
        return 1
    # a text without English cannot be reviewed; its left-over fingerprint is removed instead
    changes = [
        Change(e, drop_fingerprint=True) if e.text.orphan_fingerprint else Change(e, reviewed=True) for e in chosen
    ]
    written = apply_changes(data_dir, changes)
    for entry in chosen:
        if entry.text.orphan_fingerprint:
            print(f"removed the left-over en_from (no English yet): {entry.key}")
        else:
            print(f"marked reviewed: {entry.key}")
    print(f"{len(written)} file(s) changed.")
    return 0


def _by_line(entries, target: str) -> TextEntry | None:
    """Also accept `file:line` as the report prints it."""
    file, _, line = target.rpartition(":")
    if not line.isdigit():
        return None
    for entry in entries:
        origin = entry.text.origin
        if origin.file == file and int(line) in (origin.line, origin.vi_line, origin.en_line):
            return entry
    return None


def run_po_export(data_dir: Path, output: Path) -> int:
    entries = load_entries(data_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    history = History(data_dir.resolve().parent)
    previous = {
        e.key: before
        for e in entries
        if e.state == OUTDATED and (before := history.vietnamese_for(e.text.origin.file, e.text.en_from))
    }
    output.write_text(export_po(entries, previous), encoding="utf-8")
    print(f"Wrote {output}: {summary(entries)}")
    return 0


def run_po_import(data_dir: Path, po_path: Path, skip_stale: bool = False) -> int:
    changes, stale = read_po(po_path, load_entries(data_dir), skip_stale)
    for line in stale:
        print(f"{line}; skipped", file=sys.stderr)
    if not changes:
        print(f"{po_path}: nothing to import; data/ already holds these translations.")
        return 0
    written = apply_changes(data_dir, changes)
    for change in changes:
        what = " and ".join(
            part
            for part, done in (("English updated", change.english is not None), ("marked reviewed", change.reviewed))
            if done
        )
        print(f"{change.entry.key}: {what}")
    print(f"{len(changes)} text(s) imported into {len(written)} file(s).")
    print(summary(load_entries(data_dir)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=data_dir())
    commands = parser.add_subparsers(dest="command", required=True)
    report_cmd = commands.add_parser("report", help="list missing, outdated and unreviewed texts")
    report_cmd.add_argument("--check", action="store_true", help="exit 1 if any text needs work (for CI)")
    report_cmd.add_argument("--all", action="store_true", help="list translated texts too")
    report_cmd.add_argument("--summary", action="store_true", help="one line: how many texts are in each state")
    review_cmd = commands.add_parser("review", help="mark English texts as checked against the current Vietnamese")
    review_cmd.add_argument(
        "texts",
        nargs="*",
        default=[text] if (text := from_make("TEXT")) else [],
        help="file:field (or file:line) as the report prints it (default: SITEGEN_TEXT, set by make TEXT=...)",
    )
    review_cmd.add_argument("--all-unreviewed", action="store_true", help="every English text without en_from")
    export_cmd = commands.add_parser("po-export", help="write every text to a gettext PO file")
    export_cmd.add_argument("output", type=Path, nargs="?", default=Path(from_make("PO") or "translations/en.po"))
    import_cmd = commands.add_parser("po-import", help="write a translated PO file back into data/")
    import_cmd.add_argument("po", type=Path, nargs=None if from_make("PO") is None else "?", default=from_make("PO"))
    import_cmd.add_argument(
        "--skip-stale", action="store_true", help="import the other entries when some Vietnamese changed since export"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "report":
            return run_report(args.data, args.check, args.all, args.summary)
        if args.command == "review":
            return run_review(args.data, args.texts, args.all_unreviewed)
        if args.command == "po-export":
            return run_po_export(args.data, args.output)
        return run_po_import(args.data, args.po, args.skip_stale)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
    except (POError, EditError) as exc:
        print(exc, file=sys.stderr)
        print("Nothing was changed.", file=sys.stderr)
    except OSError as exc:
        print(f"{exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
