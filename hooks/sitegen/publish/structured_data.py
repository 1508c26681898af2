"""schema.org JSON-LD: each page is a `WebPage` (an update an `Article`) *about* the decision, a `Legislation`.

The site is not the decision: it publishes the decision as the article of the Office of the Provincial People's
Committee reports it. So the `Legislation` node carries only what identifies the decision (number, type, date,
issuer, jurisdiction), has no address on this site, and has no parts: the nine groups and their numbers are the
site's way of presenting the article's list, not divisions of the decision.
"""

from __future__ import annotations

import json

from sitegen.content.model import DEFAULT_LANGUAGE, LANGUAGES, Decision, TaskGroup, Update
from sitegen.pages.labels import decision_name, label
from sitegen.pages.urls import PageRef, absolute, decision_path, group_path, open_data_path, update_path

SCHEMA = "https://schema.org"


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


def legislation_id(root: str, decision: Decision) -> str:
    """One identifier for the decision in both languages (a node name, not a page of the site)."""
    return absolute(root, decision_path(decision), DEFAULT_LANGUAGE) + "#legislation"


def group_name(group: TaskGroup, lang: str) -> str:
    return f"{label(lang, 'group_n', n=group.number)}: {group.title.best(lang)[0]}"


def legislation(decision: Decision, lang: str, root: str) -> dict:
    """The decision itself, named in `lang`: number, type, date, issuer and jurisdiction, from data."""
    data: dict = {
        "@type": "Legislation",
        "@id": legislation_id(root, decision),
        "name": decision_name(decision, lang),
        "legislationIdentifier": decision.number,
        "legislationType": decision.doc_type.best(lang)[0],
        "legislationDate": decision.date.isoformat(),
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": decision.issuer.best(lang)[0]},
        "inLanguage": DEFAULT_LANGUAGE,  # the decision is in Vietnamese, whatever the page's language
    }
    if decision.jurisdiction is not None:
        data["legislationJurisdiction"] = {"@type": "AdministrativeArea", "name": decision.jurisdiction.best(lang)[0]}
    data["subjectOf"] = {
        "@type": "Dataset",
        "name": decision_name(decision, lang),
        "distribution": {
            "@type": "DataDownload",
            "encodingFormat": "application/json",
            "contentUrl": absolute(root, open_data_path(decision), lang),
        },
    }
    return data


def legislation_reference(decision: Decision, lang: str, root: str) -> dict:
    return {
        "@type": "Legislation",
        "@id": legislation_id(root, decision),
        "name": decision_name(decision, lang),
        "legislationIdentifier": decision.number,
    }


def source_article(decision: Decision, lang: str, root: str) -> dict:
    """The Office's article the page follows: a news article about the decision (its own text, in Vietnamese)."""
    source = decision.source
    return {
        "@type": "NewsArticle",
        "url": source.url,
        "headline": source.headline.vi,
        "inLanguage": DEFAULT_LANGUAGE,
        "author": {"@type": "Person", "name": source.author},
        "publisher": {"@type": "GovernmentOrganization", "name": source.publisher.best(lang)[0]},
        "about": {"@id": legislation_id(root, decision)},
    }


def _web_page(kind: str, path: str, name: str, lang: str, root: str) -> dict:
    other = other_language(lang)
    relation = "workTranslation" if lang == DEFAULT_LANGUAGE else "translationOfWork"
    return {
        "@context": SCHEMA,
        "@type": kind,
        "@id": absolute(root, path, lang),
        "url": absolute(root, path, lang),
        "name": name,
        "inLanguage": lang,
        relation: {"@id": absolute(root, path, other)},
    }


def decision_page(decision: Decision, lang: str, root: str) -> dict:
    """The decision's page: a web page about the decision, based on the Office's article."""
    data = _web_page("WebPage", decision_path(decision), decision_name(decision, lang), lang, root)
    data["about"] = legislation(decision, lang, root)
    data["isBasedOn"] = source_article(decision, lang, root)
    return data


def group_page(decision: Decision, group: TaskGroup, lang: str, root: str) -> dict:
    """A task group's page: part of the decision's page, about the decision."""
    data = _web_page("WebPage", group_path(decision, group), group_name(group, lang), lang, root)
    data["about"] = legislation_reference(decision, lang, root)
    data["isPartOf"] = {"@type": "WebPage", "@id": absolute(root, decision_path(decision), lang)}
    data["isBasedOn"] = {"@type": "NewsArticle", "url": decision.source.url}
    return data


def update_article(decision: Decision, update: Update, lang: str, root: str) -> dict:
    """A press-office update: an article about the decision. It claims a publication date only when it is its
    own: an update dated the decision's day reports the decision's date, and its source prints none."""
    data = _web_page("Article", update_path(decision, update), update.title.best(lang)[0], lang, root)
    data["headline"] = data["name"]
    data["about"] = legislation_reference(decision, lang, root)
    if update.date != decision.date:
        data["datePublished"] = update.date.isoformat()
    if update.source is not None:
        data["isBasedOn"] = {"@type": "CreativeWork", "url": update.source.url}
    return data


def page_json_ld(page: PageRef, lang: str, root: str) -> dict | None:
    if page.decision is None:
        return None
    if page.update is not None:
        return update_article(page.decision, page.update, lang, root)
    if page.group is None:
        return decision_page(page.decision, lang, root)
    return group_page(page.decision, page.group, lang, root)


def script_json(data: dict) -> str:
    """JSON safe inside `<script>`: no `</script>` or `<!--` can end or confuse the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
