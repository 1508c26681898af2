"""What the theme's header, phone menu and footer show in each language, taken from the model and mkdocs.yml.

The templates in overrides/ read it as `config.extra.site_chrome[lang]`; every `*_path` is from the language's
root (`about/`), which the templates join to the engine's own `nav.homepage.url` (`en/` in MkDocs' English
build, `` in Zensical's, which writes English addresses from its own root); every fact comes from data/.
"""

from __future__ import annotations

import datetime

from sitegen.content.model import LANGUAGES, Decision, Site
from sitegen.pages.labels import format_date, label
from sitegen.pages.render import GROUP_NAV_ALL
from sitegen.pages.text import shown
from sitegen.pages.urls import DECISION_GROUPS_ANCHOR, decision_path, group_path, open_data_path

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
        name_first, dash, name_rest = site_names.get(lang, "").partition(" – ")
        chrome[lang] = {
            "name_first": name_first,
            "name_rest": f" – {name_rest}" if dash else "",
            "publisher": publisher,
            "publisher_lang": publisher_lang if publisher_lang != lang else "",
            "source_url": source.url,
            "source_label": label(lang, "source_article"),
            "about_path": ABOUT_PATH,
            "accessibility_path": ACCESSIBILITY_PATH,
            "open_data_path": open_data_path(decision),
            "feed_path": FEED_PATH,
            "last_changed": last_changed.isoformat() if last_changed else "",
            "last_changed_text": format_date(last_changed, lang) if last_changed else "",
            "drawer": [drawer_groups(decision, lang) for decision in site.decisions],
        }
    return chrome


def drawer_groups(decision: Decision, lang: str) -> dict:
    """The task groups the phone menu lists under the decision's entry (overrides/partials/nav.html).

    Paths are from the language's root (`qd-166-2021/ngan-sach/`): the template joins them to the
    engine's own `nav.homepage.url` (`en/` in MkDocs' English build, `` in Zensical's), so the same data
    makes the right links, and finds the decision's entry and the current page, under both engines.
    A plan of more than GROUP_NAV_ALL groups (the group pages' rule) gets one link to the decision's
    list instead: the menu is in every page, and a list of every group in every page is quadratic."""
    many = len(decision.groups) > GROUP_NAV_ALL
    groups = () if many else decision.groups
    items = []
    for group in groups:
        title = shown(group.title, lang)
        items.append(
            {
                "number": group.number,
                "title": title.value,
                "title_lang": title.lang if title.fallback else "",  # Vietnamese on an English page
                "path": group_path(decision, group),
            }
        )
    return {
        "path": decision_path(decision),
        "label": label(lang, "groups_nav"),
        "groups": items,
        "all_groups_path": f"{decision_path(decision)}#{DECISION_GROUPS_ANCHOR}" if many else "",
        "all_groups_text": label(lang, "drawer_all_groups", n=len(decision.groups)) if many else "",
    }
