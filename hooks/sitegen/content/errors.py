"""Data errors as people read them: `file:line:col: field.path: what was expected`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in one data file, located as precisely as the input allows."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{printable(self.file)}:{self.line}:{self.column}"
        field, message = printable(self.field), printable(self.message)
        return f"{where}: {field}: {message}" if field else f"{where}: {message}"


def printable(text: str) -> str:
    """One readable line: a newline, control character or undecodable file-name byte typed into data
    is shown as an escape (`\\n`, `\\x07`), so every problem stays one line a terminal prints safely."""
    if text.isprintable():
        return text
    out = []
    for char in text:
        code = ord(char)
        if char.isprintable():
            out.append(char)
        elif 0xDC80 <= code <= 0xDCFF:  # a byte of a non-UTF-8 file name (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        else:
            out.append(char.encode("unicode_escape").decode("ascii"))
    return "".join(out)


class DataError(Exception):
    """Raised with every problem found in a run, so editors fix them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column, p.field))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found; nothing was built.")
        return "\n".join(lines)
