"""schema.org JSON-LD for the decision page (`Legislation`) and each task group page (`isPartOf`).

The English pages are an unofficial translation: their `Legislation` is a `translationOfWork` of the
Vietnamese one and carries a `LegislationObject` whose legal value is `UnofficialLegalValue`.
"""

from __future__ import annotations

import json

from sitegen.content.model import LANGUAGES, Decision, TaskGroup
from sitegen.pages.labels import decision_name, label
from sitegen.pages.urls import PageRef, absolute, decision_path, group_path, open_data_path

SCHEMA = "https://schema.org"


def other_language(lang: str) -> str:
    return next(other for other in LANGUAGES if other != lang)


def decision_id(root: str, decision: Decision, lang: str) -> str:
    return absolute(root, decision_path(decision), lang) + "#decision"


def group_id(root: str, decision: Decision, group: TaskGroup, lang: str) -> str:
    return absolute(root, group_path(decision, group), lang) + "#group"


def group_name(group: TaskGroup, lang: str) -> str:
    return f"{label(lang, 'group_n', n=group.number)}: {group.title.best(lang)[0]}"


def decision_legislation(decision: Decision, lang: str, root: str) -> dict:
    """The decision as schema.org `Legislation` in `lang`, with its groups as parts."""
    url = absolute(root, decision_path(decision), lang)
    other = other_language(lang)
    data: dict = {
        "@context": SCHEMA,
        "@type": "Legislation",
        "@id": decision_id(root, decision, lang),
        "url": url,
        "name": decision_name(decision, lang),
        "headline": decision.title.best(lang)[0],
        "inLanguage": lang,
        "legislationIdentifier": decision.number,
        "legislationType": decision.doc_type.best(lang)[0],
        "legislationDate": decision.date.isoformat(),
        "legislationPassedBy": {"@type": "GovernmentOrganization", "name": decision.issuer.best(lang)[0]},
    }
    if decision.jurisdiction is not None:
        data["legislationJurisdiction"] = {"@type": "AdministrativeArea", "name": decision.jurisdiction.best(lang)[0]}
    data["isBasedOn"] = decision.source.url
    data["hasPart"] = [
        {
            "@type": "Legislation",
            "@id": group_id(root, decision, group, lang),
            "url": absolute(root, group_path(decision, group), lang),
            "name": group_name(group, lang),
            "position": group.number,
        }
        for group in decision.groups
    ]
    data["subjectOf"] = {
        "@type": "Dataset",
        "name": decision_name(decision, lang),
        "distribution": {
            "@type": "DataDownload",
            "encodingFormat": "application/json",
            "contentUrl": absolute(root, open_data_path(decision), lang),
        },
    }
    if lang == "vi":
        data["workTranslation"] = {"@id": decision_id(root, decision, other)}
    else:
        data["translationOfWork"] = {"@id": decision_id(root, decision, other)}
        data["encoding"] = {
            "@type": "LegislationObject",
            "contentUrl": url,
            "encodingFormat": "text/html",
            "inLanguage": lang,
            "legislationLegalValue": f"{SCHEMA}/UnofficialLegalValue",
        }
    return data


def group_legislation(decision: Decision, group: TaskGroup, lang: str, root: str) -> dict:
    """A task group as a part of the decision (`isPartOf`), linked to its other-language page."""
    other = other_language(lang)
    relation = "workTranslation" if lang == "vi" else "translationOfWork"
    return {
        "@context": SCHEMA,
        "@type": "Legislation",
        "@id": group_id(root, decision, group, lang),
        "url": absolute(root, group_path(decision, group), lang),
        "name": group_name(group, lang),
        "inLanguage": lang,
        "position": group.number,
        "isPartOf": {
            "@type": "Legislation",
            "@id": decision_id(root, decision, lang),
            "name": decision_name(decision, lang),
            "legislationIdentifier": decision.number,
        },
        relation: {"@id": group_id(root, decision, group, other)},
    }


def page_json_ld(page: PageRef, lang: str, root: str) -> dict | None:
    if page.decision is None:
        return None
    if page.group is None:
        return decision_legislation(page.decision, lang, root)
    return group_legislation(page.decision, page.group, lang, root)


def script_json(data: dict) -> str:
    """JSON safe inside `<script>`: no `</script>` or `<!--` can end or confuse the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
