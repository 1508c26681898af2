"""The project's `mkdocs.yml` read as data (site address, names per language), and the engine config
that `generate` writes beside the generated pages, so any engine builds them without our hooks."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitegen.content.model import LANGUAGES

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class PythonName:
    """A `!!python/name:module.function` value, kept as its name: the engine imports it, not us."""

    name: str


class _ConfigLoader(yaml.SafeLoader):
    pass


def _env_tag(loader: _ConfigLoader, node: yaml.Node) -> object:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`, as MkDocs and Zensical read it."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        values = loader.construct_sequence(node)
        names, default = values[:-1], values[-1] if len(values) > 1 else None
        names = names or values
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return yaml.safe_load(os.environ[name]) if os.environ[name] else ""
    return default


def _python_name(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> PythonName:
    return PythonName(suffix)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


@dataclass(frozen=True)
class SiteConfig:
    file: Path
    site_url: str  # with one trailing slash
    names: dict[str, str]  # language → site name
    descriptions: dict[str, str]  # language → site description
    custom_dir: Path | None


def read_config(config_file: Path) -> SiteConfig:
    """What the pipeline needs from `mkdocs.yml`; the i18n plugin's per-language entries override the top level."""
    with open(config_file, encoding="utf-8") as source:
        data: dict[str, Any] = yaml.load(source, Loader=_ConfigLoader) or {}  # a SafeLoader subclass
    names = dict.fromkeys(LANGUAGES, str(data.get("site_name", "")))
    descriptions = dict.fromkeys(LANGUAGES, str(data.get("site_description") or ""))
    for language in _i18n_languages(data):
        locale = language.get("locale")
        if locale in names:
            names[locale] = str(language.get("site_name") or names[locale])
            descriptions[locale] = str(language.get("site_description") or descriptions[locale])
    custom_dir = (data.get("theme") or {}).get("custom_dir")
    site_url = (str(data.get("site_url") or "") or DEFAULT_SITE_URL).rstrip("/") + "/"
    return SiteConfig(
        config_file, site_url, names, descriptions, (config_file.parent / custom_dir).resolve() if custom_dir else None
    )


def _i18n_languages(data: dict[str, Any]) -> list[dict[str, Any]]:
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return list((plugin["i18n"] or {}).get("languages") or [])
    return []


def engine_settings(config: SiteConfig, nav: list[str], site_url: str, extra: dict) -> dict:
    """What the generated config sets over the project's: the generated folder, its nav, no hooks.

    MkDocs replaces lists named here (`hooks: []` turns our hook off: generate already ran); Zensical
    merges them and runs no hooks anyway. `custom_dir` is absolute, since both engines read relative
    paths from the generated config's folder."""
    settings: dict[str, Any] = {
        "docs_dir": "docs",  # beside the generated config
        "site_dir": "site",  # Zensical's output (it must be inside the config's folder); MkDocs gets -d
        "site_url": site_url,
        "nav": nav,
        "hooks": [],
        "watch": [],
        "extra": extra,
    }
    if config.custom_dir is not None:
        settings["theme"] = {"custom_dir": str(config.custom_dir)}
    return settings


def write_engine_config(config: SiteConfig, target: Path, settings: dict) -> Path:
    """`target` (a `mkdocs.yml` beside the generated pages) inherits the project's config and overrides it."""
    inherit = os.path.relpath(config.file.resolve(), target.parent.resolve())
    text = yaml.safe_dump({"INHERIT": inherit, **settings}, allow_unicode=True, sort_keys=False, width=200)
    text = "# Written by `python -m sitegen.pages.generate`; edit mkdocs.yml instead.\n" + text
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return target
