"""Decision site generator: YAML in data/ → validated model → Markdown pages per language."""

from __future__ import annotations

import importlib
import sys

# dependency order, so each reloaded module sees its reloaded dependencies
_MODULES = (
    "errors",
    "model",
    "slugs",
    "yamlsource",
    "fields",
    "richtext",  # issue 5: updates
    "updates",
    "validate",
    "escape",
    "labels",
    "icons",
    "urls",
    "sharing",
    "overview",
    "render",
    "translation",
    "translation_pages",
    "news",
    "feeds",
    "generate",
    "reproducible",
    "search_index",
    "structured_data",  # issue 7: head metadata, JSON-LD, sitemaps, open data, print
    "print_meta",
    "headmeta",
    "sitemap",
    "opendata",
    "publish",
    "page_fixes",
)


def reload_modules() -> None:
    """Re-import the package's modules, for `mkdocs serve`, whose hook module is never reloaded."""
    for name in _MODULES:
        module = sys.modules.get(f"{__name__}.{name}")
        if module is not None:
            importlib.reload(module)
