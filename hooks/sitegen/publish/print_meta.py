"""The lines a printed page ends with: which document, its source, and the page's address.

On screen the page shows these elsewhere (metadata panel, about page); on paper there is no link to
follow, so they are printed in full. Shown only in print (class `print-only`).
"""

from __future__ import annotations

from sitegen.pages.labels import citation, label
from sitegen.pages.urls import PageRef


def print_rows(page: PageRef, lang: str, address: str) -> tuple[tuple[str, str], ...]:
    """(label, plain text) rows, in the page's language."""
    rows = []
    if page.decision is not None and page.update is None:  # a decision or task group page
        decision = page.decision
        rows.append((label(lang, "print_document"), citation(decision, lang, page.group)))
        source = decision.source
        rows.append((label(lang, "source"), f"{source.publisher.best(lang)[0]}, {source.url}"))
        if lang != "vi":
            rows.append((label(lang, "language"), label(lang, "language_status")))
    rows.append((label(lang, "print_address"), address))
    return tuple(rows)
