"""The pages' Jinja environment: every template compiles, text is escaped unless marked as markup,
and a misspelt variable stops the build instead of printing nothing."""

from __future__ import annotations

import jinja2
import pytest
from markupsafe import Markup
from sitegen.pages.templating import TEMPLATES_DIR, environment


def test_every_template_compiles() -> None:
    names = sorted(path.name for path in TEMPLATES_DIR.glob("*.j2"))
    assert "page.md.j2" in names and "text.j2" in names
    for name in names:
        environment().get_template(name)


def test_text_is_escaped_unless_it_is_markup_made_on_purpose() -> None:
    template = environment().from_string('<p title="{{ x }}">{{ x }}</p>{{ svg }}')
    html = template.render(x="<script>\"'&", svg=Markup("<svg></svg>"))
    assert html == '<p title="&lt;script&gt;&quot;&#x27;&amp;">&lt;script&gt;&quot;&#x27;&amp;</p><svg></svg>'


def test_md_filter_makes_markdown_inert_and_escapes_html() -> None:
    line = environment().from_string("# {{ x|md }} {#top}").render(x="*a* [b](c) <i>")
    assert line == r"# \*a\* \[b\]\(c\) &lt;i&gt; {#top}"


def test_a_misspelt_variable_is_an_error() -> None:
    with pytest.raises(jinja2.UndefinedError):
        environment().from_string("{{ titel }}").render(title="x")
