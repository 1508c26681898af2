"""The one Jinja environment the pages are rendered with: every value a template prints is escaped
unless it is markup made on purpose (Markup), so text from data/ is inert by construction."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from sitegen.pages import escape
from sitegen.pages.labels import label

TEMPLATES_DIR = Path(__file__).parent / "templates"
# Replaced, per page, by the relative address of the page's Vietnamese counterpart (translation_pages.py)
VI_COUNTERPART = "@vi-counterpart@"


def _escape_for_html(value: Any) -> Any:
    # Autoescaping is on; this only picks html.escape's forms (`&quot;`, `&#x27;`) over MarkupSafe's
    # (`&#34;`, `&#39;`), the same characters, so the generated pages keep the bytes they always had.
    if hasattr(value, "__html__"):
        return value
    return Markup(escape.h(str(value)))


def _md(value: str) -> Markup:
    """`{{ text|md }}`: plain text in a Markdown line (a heading, a link text, a paragraph)."""
    return Markup(escape.md(value))


def _md_paragraphs(value: str) -> Markup:
    return Markup(escape.md_paragraphs(value))


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_escape_for_html,
        trim_blocks=True,  # a block tag's own line break is not output: the Markdown's blank lines are the template's
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # a template edit under `make serve` reloads this module (sitegen.reload_modules), and with it the templates
        # `{#top}` is a heading id in Markdown (attr_list), so Jinja's comments are `{## ... ##}`
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(md=_md, md_paragraphs=_md_paragraphs)
    env.globals.update(label=label, VI_COUNTERPART=VI_COUNTERPART)
    return env


def render(template: str, **data: Any) -> str:
    """A page body (Markdown with raw HTML blocks) from a template under `templates/` and plain data."""
    return environment().get_template(template).render(**data)


def macros(template: str) -> Any:
    """A template's macros, callable from Python (as Material's own hooks call theirs): `macros("text.j2").block(...)`."""
    return environment().get_template(template).module
