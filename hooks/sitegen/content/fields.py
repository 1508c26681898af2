"""Field readers: turn positioned YAML nodes into checked Python values, collecting problems."""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from urllib.parse import urlsplit

from sitegen.content.errors import Problem
from sitegen.content.model import Text, TextOrigin
from sitegen.content.yamlsource import Mapping, Node, Scalar

SLUG_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG_LENGTH = 100  # a web address people can read; and a file name must stay under 255 bytes
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_FINGERPRINT = re.compile(r"[0-9a-f]{8}")
# A typo such as 0021 or 2201 is caught; the build date derived from the data must also fit a gzip header (< 2106).
EARLIEST_DATE = datetime.date(1945, 1, 1)
LATEST_DATE = datetime.date(2099, 12, 31)


def normalise_text(value: str) -> str:
    """NFC, so decomposed input (often pasted from macOS or PDFs) matches what readers type."""
    return unicodedata.normalize("NFC", value).strip()


class FieldReader:
    """Reads the fields of one data file; every problem is kept, none is raised."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.problems: list[Problem] = []

    def problem(self, node: Node, path: str, message: str) -> None:
        self.problems.append(Problem(self.display, node.mark.line, node.mark.column, path, message))

    def mapping(
        self, node: Node, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> Mapping | None:
        """A mapping with exactly these keys; unknown keys get a did-you-mean hint."""
        allowed = required + optional
        if not isinstance(node, Mapping):
            self.problem(node, path, f"expected a mapping of fields ({', '.join(allowed)}), got {node.kind}")
            return None
        for key, _ in node.pairs:
            if key.value not in allowed:
                close = difflib.get_close_matches(key.value, allowed, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f"; allowed keys: {', '.join(allowed)}"
                self.problem(key, join_path(path, key.value), f"unknown key{hint}")
        for key in required:
            if node.get(key) is None:
                self.problem(node, join_path(path, key), "is missing; this field is required")
        return node

    def text(self, parent: Mapping, key: str, path: str = "") -> Text | None:
        """A bilingual text: `{vi: ..., en: ..., en_from: ...}`; Vietnamese required, English optional.

        `en_from` is the fingerprint of the Vietnamese the English was made from (see `model.fingerprint`);
        the Text remembers where it was read, so translation tools can report and edit it in place."""
        node = parent.get(key)
        full = join_path(path, key)
        if node is None:
            return None
        mapping = self.mapping(node, full, ("vi",), ("en", "en_from"))
        if mapping is None:
            return None
        vi = self.plain(mapping, "vi", full)
        en_node = mapping.get("en")
        en = None
        has_english = en_node is not None and not (isinstance(en_node, Scalar) and en_node.kind == "nothing")
        if has_english:
            en = self.plain(mapping, "en", full)
        en_from = self._fingerprint(mapping, full)
        if vi is None:
            return None
        vi_node = mapping.get("vi")
        assert vi_node is not None
        origin = TextOrigin(
            self.display,
            full,
            mapping.mark.line,
            mapping.mark.column,
            vi_node.mark.line,
            en_node.mark.line if en_node is not None else None,
        )
        return Text(vi, en, en_from, origin)

    def _fingerprint(self, mapping: Mapping, path: str) -> str | None:
        node = mapping.get("en_from")
        if node is None:
            return None
        full = join_path(path, "en_from")
        if not isinstance(node, Scalar) or not _FINGERPRINT.fullmatch(node.value):
            message = f"expected 8 hex digits written by `make translations-review` (like 3f9a1c2b), got {shown(node)}"
            self.problem(node, full, message)
            return None
        # Without `en` (a translator deleted a wrong English line) the fingerprint is an orphan: the text is
        # simply missing, the page shows the "not yet translated" notice, and `make translations-review` removes
        # it. Translation state never stops the Vietnamese from being published.
        return node.value

    def plain(self, parent: Mapping, key: str, path: str = "") -> str | None:
        """Text exactly as typed: `no`, `on`, `07:30` stay text rather than YAML 1.1 booleans or numbers."""
        node = parent.get(key)
        full = join_path(path, key)
        if node is None:
            return None
        if not isinstance(node, Scalar) or node.kind == "nothing":
            self.problem(node, full, f"expected text, got {node.kind}")
            return None
        value = normalise_text(node.value)
        if not value:
            self.problem(node, full, "expected text, got an empty text")
            return None
        return value

    def integer(self, parent: Mapping, key: str, low: int, high: int, path: str = "") -> int | None:
        node = parent.get(key)
        full = join_path(path, key)
        if node is None:
            return None
        if not isinstance(node, Scalar) or not node.value.isascii() or not node.value.isdigit():
            self.problem(node, full, f"expected a whole number from {low} to {high}, got {shown(node)}")
            return None
        if len(node.value.lstrip("0")) > len(str(high)):  # int() of thousands of digits is slow, then refused
            self.problem(node, full, f"expected a whole number from {low} to {high}, got a number that long")
            return None
        value = int(node.value)
        if not low <= value <= high:
            self.problem(node, full, f"expected a whole number from {low} to {high}, got {value}")
            return None
        return value

    def number(self, parent: Mapping, key: str, path: str = "", *, high: float = 1e9) -> float | None:
        node = parent.get(key)
        full = join_path(path, key)
        if node is None:
            return None
        if not isinstance(node, Scalar) or not _NUMBER.fullmatch(node.value):
            self.problem(node, full, f"expected a number such as 7.5 (with a dot), got {shown(node)}")
            return None
        value = float(node.value)
        if value > high:
            self.problem(node, full, f"expected a number from 0 to {high:g}, got {shown(node)}")
            return None
        return value

    def date(self, parent: Mapping, key: str, path: str = "") -> datetime.date | None:
        node = parent.get(key)
        full = join_path(path, key)
        if node is None:
            return None
        if not isinstance(node, Scalar) or not _ISO_DATE.fullmatch(node.value):
            self.problem(node, full, f"expected a date written YYYY-MM-DD, got {shown(node)}")
            return None
        try:
            value = datetime.date.fromisoformat(node.value)
        except ValueError:
            self.problem(node, full, f"'{node.value}' is not a real date on the calendar")
            return None
        if not EARLIEST_DATE <= value <= LATEST_DATE:
            self.problem(node, full, f"expected a date from {EARLIEST_DATE} to {LATEST_DATE}, got '{node.value}'")
            return None
        return value

    def slug(self, parent: Mapping, key: str, path: str = "") -> str | None:
        node = parent.get(key)
        full = join_path(path, key)
        if node is None:
            return None
        if not isinstance(node, Scalar) or not SLUG_PATTERN.fullmatch(node.value):
            self.problem(
                node,
                full,
                f"expected a slug of lowercase ASCII letters, digits and single hyphens (like 'ngan-sach'), got {shown(node)}",
            )
            return None
        if len(node.value) > MAX_SLUG_LENGTH:
            self.problem(
                node, full, f"a slug may be at most {MAX_SLUG_LENGTH} characters long; this one has {len(node.value)}"
            )
            return None
        return node.value

    def url(self, parent: Mapping, key: str, path: str = "") -> str | None:
        value = self.plain(parent, key, path)
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
            node = parent.get(key)
            assert node is not None
            self.problem(node, join_path(path, key), f"expected a web address starting with https://, got '{value}'")
            return None
        return value


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def shown(node: Node) -> str:
    if isinstance(node, Scalar) and node.kind != "nothing":
        value = node.value if len(node.value) <= 60 else f"{node.value[:57]}…"
        return f"'{value}'"
    return node.kind
