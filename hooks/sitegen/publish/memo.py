"""What the publish step made of each page last time, so `make serve` publishes again only the pages whose
engine output or head changed; the others are hard links to the page already served, and their search
entries come from memory. `make build` never uses it: a site for publishing is finished whole."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.pages.manifest import PageEntry
from sitegen.publish.headmeta import PageHead
from sitegen.publish.search_index import IndexedPage


@dataclass(frozen=True)
class PublishedPage:
    made_from: tuple[int, int, int]  # the engine's page it was made from: inode, modification time, size
    entry: PageEntry
    head: PageHead
    indexed: IndexedPage


@dataclass
class PublishMemo:
    engine_output: Path  # where the engine's pages are kept between builds
    served_site: Path  # the folder whose pages the memo describes
    pages: dict[str, PublishedPage] = field(default_factory=dict)
    _next: dict[str, PublishedPage] = field(default_factory=dict)
    reused: int = 0  # pages taken from the served site in the current build

    def reuse(self, page: PageEntry, head: PageHead, file: Path) -> IndexedPage | None:
        """If the page is what was published last time from the same engine page, with the same head: put the
        served page at `file` (a hard link) and return its search entry; otherwise None (publish it)."""
        known = self.pages.get(page.url)
        if known is None or known.entry != page or known.head != head or known.made_from != self._stamp(page):
            return None
        served = self.served_site / page.url / "index.html"
        try:
            file.unlink(missing_ok=True)
            os.link(served, file)
        except OSError:  # the served page is gone (removed by hand): publish it again
            return None
        self._next[page.url] = known
        self.reused += 1
        return known.indexed

    def remember(self, page: PageEntry, head: PageHead, indexed: IndexedPage) -> None:
        self._next[page.url] = PublishedPage(self._stamp(page), page, head, indexed)

    def served(self) -> None:
        """The pages remembered during this build are now the served ones."""
        self.pages, self._next, self.reused = self._next, {}, 0

    def forget(self) -> None:
        """After a full build or a failure: nothing may be taken from the served site next time."""
        self.pages, self._next, self.reused = {}, {}, 0

    def _stamp(self, page: PageEntry) -> tuple[int, int, int]:
        try:
            info = (self.engine_output / page.url / "index.html").stat()
        except OSError:
            return (0, 0, 0)
        return (info.st_ino, info.st_mtime_ns, info.st_size)
