"""Open data: each decision with its task groups as JSON, one file per language, at a stable address
(`/<slug>/decision.json`, `/en/<slug>/decision.json`). The schema is described in README.md."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.content.model import DEFAULT_LANGUAGE, LANGUAGES, Decision, Site, Text, Update
from sitegen.pages.urls import absolute, decision_path, group_path, language_prefix, open_data_path, update_path
from sitegen.publish.files import write_new

# 2: `authoritative` gave way to `original` and `full_text`: the Vietnamese is the original of the site's text, and
# neither language holds the decision's full text, only what the source article reports.
SCHEMA_VERSION = 2


def text_in(text: Text, lang: str) -> str | None:
    """The text in `lang`; null in English where no translation exists yet (never Vietnamese in disguise)."""
    return text.get(lang) or None


def decision_record(decision: Decision, lang: str, root: str) -> dict:
    target = decision.growth_target
    source = decision.source
    return {
        "schema_version": SCHEMA_VERSION,
        "language": lang,
        "original": lang == DEFAULT_LANGUAGE,  # the Vietnamese original; English is an unofficial translation
        "full_text": False,  # the decision as the source article reports it, never its full text
        "translation_note": text_in(decision.translation_note, lang),
        "url": absolute(root, open_data_path(decision), lang),
        "page": absolute(root, decision_path(decision), lang),
        "other_languages": {
            other: absolute(root, open_data_path(decision), other) for other in LANGUAGES if other != lang
        },
        "decision": {
            "id": decision.slug,
            "type": text_in(decision.doc_type, lang),
            "number": decision.number,
            "date": decision.date.isoformat(),
            "issuer": text_in(decision.issuer, lang),
            "jurisdiction": text_in(decision.jurisdiction, lang) if decision.jurisdiction else None,
            "title": text_in(decision.title, lang),
            "summary": text_in(decision.summary, lang),
            "motto": text_in(decision.motto, lang),
            "objective": text_in(decision.objective, lang),
            "growth_target": {
                "indicator": text_in(target.indicator, lang),
                "year": target.year,
                "low_percent": target.low_percent,
                "high_percent": target.high_percent,
            },
            "source": {
                "publisher": text_in(source.publisher, lang),
                "headline": text_in(source.headline, lang),
                "author": source.author,
                "url": source.url,
            },
            "groups": [
                {
                    "number": group.number,
                    "id": group.slug,
                    "title": text_in(group.title, lang),
                    "text": text_in(group.text, lang),
                    "page": absolute(root, group_path(decision, group), lang),
                }
                for group in decision.groups
            ],
            "updates": [update_record(decision, update, lang, root) for update in decision.updates],
        },
    }


def update_record(decision: Decision, update: Update, lang: str, root: str) -> dict:
    """A published press-office update (drafts never reach the site, nor this file)."""
    source = update.source
    return {
        "id": update.slug,
        "date": update.date.isoformat(),
        "time": update.time.strftime("%H:%M") if update.time else None,
        "title": text_in(update.title, lang),
        "summary": text_in(update.summary, lang),
        "body": text_in(update.body, lang),
        "groups": list(update.groups),
        "source": None
        if source is None
        else {
            "publisher": text_in(source.publisher, lang),
            "headline": text_in(source.headline, lang) if source.headline else None,
            "author": source.author,
            "url": source.url,
        },
        "page": absolute(root, update_path(decision, update), lang),
    }


def open_data_files(site: Site, root: str) -> dict[str, bytes]:
    """Site-relative file name → JSON bytes; the same data always gives the same bytes."""
    files = {}
    for decision in site.decisions:
        for lang in LANGUAGES:
            prefix = language_prefix(lang)
            record = decision_record(decision, lang, root)
            text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
            files[prefix + open_data_path(decision)] = text.encode("utf-8")
    return files


def write_open_data(site: Site, root: str, site_dir: Path) -> None:
    for name, content in open_data_files(site, root).items():
        target = site_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_new(target, content)
