"""Synthetic data for the scale benchmark, written into temporary folders (never into data/).

Same YAML shape as data/decisions/qd-166-2021: the real decision.yaml, and N task groups whose texts
cycle through the real nine (so page sizes are realistic) under made-up numbers and slugs.
The plain-Markdown twin of the same content is what MkDocs builds without our hooks.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable
from pathlib import Path

import yaml
from _common import CONFIG, PROJECT

REAL_DECISION = PROJECT / "data" / "decisions" / "qd-166-2021"
DECISION_SLUG = "qd-9999-2099"  # made up on purpose: nobody mistakes it for the real decision


def _write_updates(folder: Path, count: int) -> None:
    """`count` invented press updates, three a day from 2021-01-16, each naming two task groups,
    every other one without English (so both language states are built)."""
    target = folder / "updates"
    target.mkdir(parents=True, exist_ok=True)
    groups = len(list((folder / "groups").glob("*.yaml")))
    for i in range(count):
        date = datetime.date(2021, 1, 16) + datetime.timedelta(days=i // 3)
        english = f"\n  en: Synthetic update {i}" if i % 2 else ""
        named = sorted({i % groups + 1, (i + 4) % groups + 1})
        (target / f"{date}-bench-{i}.yaml").write_text(
            f"date: {date}\nslug: bench-{i}\ntitle:\n  vi: Tin thử {i}{english}\n"
            f"summary:\n  vi: Tóm tắt {i}.\nbody:\n  vi: |\n    Nội dung *thử* {i}.\n\n    - một\n    - hai\n"
            f"groups: {named}\n",
            encoding="utf-8",
        )


# The scale run's press updates (the model is sitegen/updates.py); None would leave them out.
write_updates: Callable[[Path, int], None] | None = _write_updates


def real_groups() -> list[dict]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REAL_DECISION / "groups").glob("*.yaml"))]


def write_data(root: Path, groups: int, updates: int = 0) -> Path:
    """A data folder with one decision and `groups` task groups; returns the `data` folder."""
    data = root / "data"
    folder = data / "decisions" / DECISION_SLUG
    (folder / "groups").mkdir(parents=True)
    shutil.copyfile(REAL_DECISION / "decision.yaml", folder / "decision.yaml")
    models = real_groups()
    width = max(2, len(str(groups)))
    for number in range(1, groups + 1):
        model = models[(number - 1) % len(models)]
        group = {
            "number": number,
            "slug": f"nhom-{number}-{model['slug']}",
            # the numbered title is a new text: its translation fingerprint (en_from) would no longer match
            "title": {lang: f"{model['title'][lang]} ({number})" for lang in ("vi", "en")},
            "text": model["text"],
        }
        text = yaml.safe_dump(group, allow_unicode=True, sort_keys=False, width=100)
        (folder / "groups" / f"{number:0{width}d}.yaml").write_text(text, encoding="utf-8")
    if updates and write_updates is not None:
        write_updates(folder, updates)
    return data


def write_plain_twin(data_dir: Path, root: Path) -> Path:
    """The same pages as plain Markdown files plus a config without our hooks; returns the config path.

    The files are exactly what our pipeline generates (pages, feeds, the hand-written docs/), copied once
    here, so the two builds differ only by what our hooks do per build: read and validate the YAML,
    render, sync the generated folder, and write the per-language search indexes.
    """
    from sitegen.pages.generate import generate_docs, generated_dir

    generated = generate_docs(PROJECT, data_dir, PROJECT / "docs")
    docs = root / "docs"
    shutil.copytree(generated.docs_dir, docs)
    shutil.rmtree(generated_dir(PROJECT, data_dir), ignore_errors=True)
    config = root / "mkdocs.yml"
    settings = {
        "INHERIT": str(CONFIG),
        "docs_dir": str(docs),
        "hooks": [],
        "watch": [],
        "nav": generated.nav,
        "theme": {"custom_dir": str(PROJECT / "overrides")},
        "extra": generated.extra,  # the wording and chrome our overrides read, which our hook passes
        # a plain Material site searches with Material's own plugin; ours replaces it with search_index.py
        "plugins": [{"search": {"lang": ["vi", "en"]}}, *_configured_plugins()],
    }
    config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def _configured_plugins() -> list:
    """The project's plugins (i18n) as mkdocs.yml sets them; INHERIT would replace the list, not merge it."""
    from mkdocs.utils.yaml import yaml_load

    with open(CONFIG, encoding="utf-8") as config:
        return list(yaml_load(config)["plugins"])


def with_updates(root: Path, count: int, date_of: Callable[[int], datetime.date]) -> Path:
    """The real data/ copied to `root/data` plus `count` invented updates (the `i`th dated `date_of(i)`), every
    other one without English, each concerning two task groups."""
    data = root / "data"
    shutil.copytree(PROJECT / "data", data)
    folder = data / "decisions" / "qd-166-2021" / "updates"
    for i in range(count):
        date = date_of(i)
        english = f"\n  en: Synthetic update {i}" if i % 2 else ""
        (folder / f"{date}-bench-{i}.yaml").write_text(
            f"date: {date}\nslug: bench-{i}\ntitle:\n  vi: Tin thử {i}{english}\n"
            f"summary:\n  vi: Tóm tắt {i}.\nbody:\n  vi: |\n    Nội dung *thử* {i}.\n\n    - một\n    - hai\n"
            f"groups: [{i % 9 + 1}, {(i + 4) % 9 + 1}]\n",
            encoding="utf-8",
        )
    return data
