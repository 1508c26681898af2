"""Decision site generator: YAML in data/ → validated model → Markdown pages per language."""

from __future__ import annotations

import importlib
import sys

# dependency order, so each reloaded module sees its reloaded dependencies
_MODULES = (
    "content.errors",
    "content.model",
    "content.slugs",
    "content.yamlsource",
    "content.fields",
    "content.richtext",  # issue 5: updates
    "content.updates",
    "content.validate",
    "pages.escape",
    "pages.labels",
    "pages.icons",
    "pages.urls",
    "pages.text",
    "pages.sharing",
    "pages.overview",
    "pages.news",
    "pages.render",
    "content.translation",
    "pages.translation_pages",
    "pages.feeds",
    "pages.generate",
    "publish.reproducible",
    "publish.search_index",
    "publish.structured_data",  # issue 7: head metadata, JSON-LD, sitemaps, open data, print
    "publish.print_meta",
    "publish.headmeta",
    "publish.sitemap",
    "publish.opendata",
    "publish.languages",
    "publish.page_fixes",
)


def reload_modules() -> None:
    """Re-import the package's modules, for `mkdocs serve`, whose hook module is never reloaded."""
    for name in _MODULES:
        module = sys.modules.get(f"{__name__}.{name}")
        if module is not None:
            importlib.reload(module)
