"""What the theme's header and footer show in each language, taken from the model and mkdocs.yml.

The templates in overrides/ read it as `config.extra.site_chrome[lang]`; every path is from the site's
root, language folder included (`en/about/`), as the templates' `url` filter expects it in both
language builds; every fact comes from data/.
"""

from __future__ import annotations

import datetime

from sitegen.content.model import LANGUAGES, Site
from sitegen.pages.labels import format_date, label
from sitegen.pages.urls import decision_path, language_prefix, open_data_path

FEED_PATH = "feed.xml"  # the whole site's Atom feed in each language (pages/news.py SITE_FEED)
ABOUT_PATH = "about/"
ACCESSIBILITY_PATH = "accessibility/"


def site_chrome(site: Site, last_changed: datetime.date | None, site_names: dict[str, str]) -> dict[str, dict]:
    """Per language: the header's name (`Quyết định 166/QĐ-UBND` and ` – Lạng Sơn`, the part a phone
    leaves out), the footer's links and facts (the words are `theme_labels`)."""
    decision = max(site.decisions, key=lambda d: d.date)
    source = decision.source
    chrome: dict[str, dict] = {}
    for lang in LANGUAGES:
        publisher, publisher_lang = source.publisher.best(lang)
        prefix = language_prefix(lang)
        name_first, dash, name_rest = site_names.get(lang, "").partition(" – ")
        chrome[lang] = {
            "name_first": name_first,
            "name_rest": f" – {name_rest}" if dash else "",
            "publisher": publisher,
            "publisher_lang": publisher_lang if publisher_lang != lang else "",
            "source_url": source.url,
            "source_label": label(lang, "source_article"),
            "home_path": prefix,
            "decision_path": prefix + decision_path(decision),
            "about_path": prefix + ABOUT_PATH,
            "accessibility_path": prefix + ACCESSIBILITY_PATH,
            "open_data_path": prefix + open_data_path(decision),
            "feed_path": prefix + FEED_PATH,
            "last_changed": last_changed.isoformat() if last_changed else "",
            "last_changed_text": format_date(last_changed, lang) if last_changed else "",
        }
    return chrome
