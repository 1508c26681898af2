"""Atom feeds of the updates: one per language for the whole site, one per language and task group.

Each feed holds the newest FEED_ENTRIES updates. Written as `feed.xml` (Vietnamese) and `feed.en.xml` (English) into the generated docs folder:
mkdocs-static-i18n's suffix convention puts them at `/feed.xml` and `/en/feed.xml`. URLs are absolute
(`site_url`), times are the province's (+07:00) and nothing depends on the build's clock, so the same
data gives the same bytes. An entry claims a publication time (`<published>`) only when the update gives
its `time`; its `<updated>` is when its data file was committed (sitegen/content/githistory.py), or, for a
file not committed yet, its date at the given time or 00:00.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as etree
from collections.abc import Mapping

from markupsafe import Markup, escape

from sitegen.content.model import LANGUAGES, Decision, Site, TaskGroup, Update
from sitegen.content.richtext import to_html
from sitegen.content.updates import PROVINCE_TIME, newest_first
from sitegen.pages.labels import label
from sitegen.pages.news import group_feed_title, site_feed_title
from sitegen.pages.photos import picture
from sitegen.pages.templating import macros
from sitegen.pages.text import plain
from sitegen.pages.urls import (
    HOME_PAGE,
    SITE_FEED,
    absolute_file_url,
    absolute_url,
    group_feed_file,
    group_page,
    localised_file,
    update_page,
    updates_page,
)

FEED_ENTRIES = 50  # the newest; readers keep what they have seen, and the file stays small as updates pile up
ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
etree.register_namespace("", ATOM)


def published_at(update: Update) -> datetime.datetime:
    return datetime.datetime.combine(update.date, update.time or datetime.time.min, tzinfo=PROVINCE_TIME)


def changed_at(update: Update, committed: Mapping[str, datetime.datetime]) -> datetime.datetime:
    """When the entry last changed: its file's commit, else its own date (and time)."""
    return committed.get(update.data_file) or published_at(update)


def render_feeds(
    site: Site, site_url: str, committed: Mapping[str, datetime.datetime] | None = None
) -> dict[str, bytes]:
    """File name in the docs folder → feed bytes, for every feed in every language; `committed` maps data
    files to their commit dates (`githistory.committed_dates`)."""
    committed = committed or {}
    feeds: dict[str, bytes] = {}
    everything = list(newest_first(((d, u) for d in site.decisions for u in d.updates), lambda pair: pair[1]))
    fallback = max(d.date for d in site.decisions)
    for lang in LANGUAGES:
        newest = max(site.decisions, key=lambda d: d.date)
        feeds[localised_file(SITE_FEED, lang)] = atom_feed(
            site_url,
            lang,
            title=site_feed_title(lang),
            feed_path=SITE_FEED,
            page=updates_page(newest),
            entries=everything,
            fallback=fallback,
            committed=committed,
        )
        for decision in site.decisions:
            for group in decision.groups:
                # decision.updates is newest first already (model.py): no sort per group
                concerning = [(decision, u) for u in decision.updates if group.number in u.groups]
                feeds[localised_file(group_feed_file(decision, group), lang)] = atom_feed(
                    site_url,
                    lang,
                    title=group_feed_title(group, lang),
                    feed_path=group_feed_file(decision, group),
                    page=group_page(decision, group),
                    entries=concerning,
                    fallback=decision.date,
                    committed=committed,
                )
    return feeds


def atom_feed(
    site_url: str,
    lang: str,
    *,
    title: str,
    feed_path: str,
    page: str,
    entries: list[tuple[Decision, Update]],
    fallback: datetime.date,
    committed: Mapping[str, datetime.datetime] | None = None,
) -> bytes:
    committed = committed or {}
    feed = etree.Element(f"{{{ATOM}}}feed", {XML_LANG: lang})
    self_url = absolute_file_url(site_url, feed_path, lang)
    _add(feed, "id", self_url)
    _add(feed, "title", title)
    _add(feed, "subtitle", label(lang, "updates_intro"))
    newest = max((changed_at(u, committed) for _, u in entries), default=None)
    if newest is None:
        newest = datetime.datetime.combine(fallback, datetime.time.min, tzinfo=PROVINCE_TIME)
    _add(feed, "updated", newest.isoformat())
    _link(feed, "self", self_url, "application/atom+xml")
    _link(feed, "alternate", absolute_url(site_url, page, lang), "text/html", hreflang=lang)
    author = etree.SubElement(feed, f"{{{ATOM}}}author")
    _add(author, "name", label(lang, "home_title"))
    _add(author, "uri", absolute_url(site_url, HOME_PAGE, lang))
    for decision, update in entries[:FEED_ENTRIES]:
        feed.append(_entry(site_url, decision, update, lang, committed))
    etree.indent(feed)
    return etree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(
    site_url: str, decision: Decision, update: Update, lang: str, committed: Mapping[str, datetime.datetime]
) -> etree.Element:
    title, actual = update.title.best(lang)
    entry = etree.Element(f"{{{ATOM}}}entry", {XML_LANG: actual})
    url = absolute_url(site_url, update_page(decision, update), lang)
    _add(entry, "id", url)
    _add(entry, "title", title)
    if update.time is not None:  # a date alone is no publication time: nobody knows the hour
        _add(entry, "published", published_at(update).isoformat())
    _add(entry, "updated", changed_at(update, committed).isoformat())
    _link(entry, "alternate", url, "text/html", hreflang=lang)
    groups = {g.number: g for g in decision.groups}
    for number in update.groups:
        group: TaskGroup = groups[number]
        etree.SubElement(
            entry,
            f"{{{ATOM}}}category",
            {"term": group.slug, "label": f"{label(lang, 'group_n', n=number)}: {plain(group.title, lang)}"},
        )
    _add(entry, "summary", plain(update.summary, lang))
    body, body_lang = update.body.best(lang)
    html = Markup(to_html(body))  # safe by construction: content/richtext.py
    photo = picture(update, lang)
    if photo is not None:  # feed readers show one image, not a <picture>: the JPEG copy, by absolute address
        src = url + photo.src
        alt = escape(photo.alt.value)
        html = f'<p><img src="{escape(src)}" width="{photo.width}" height="{photo.height}" alt="{alt}"></p>\n{html}'
    if body_lang != lang or actual != lang:  # the reader learns why the text is Vietnamese
        html = macros("news.j2").feed_untranslated(lang, html)
    content = _add(entry, "content", str(html))
    content.set("type", "html")
    return entry


def _add(parent: etree.Element, tag: str, text: str) -> etree.Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{tag}")
    element.text = text
    return element


def _link(parent: etree.Element, rel: str, href: str, media_type: str, hreflang: str | None = None) -> None:
    attributes = {"rel": rel, "type": media_type, "href": href}
    if hreflang:
        attributes["hreflang"] = hreflang
    etree.SubElement(parent, f"{{{ATOM}}}link", attributes)
