"""The home page's overview: the task groups as a compact list, the motto and the growth target at a
glance (templates/overview.j2)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from sitegen.content.icons import icon_svg
from sitegen.content.model import Decision
from sitegen.pages.labels import format_percent_range
from sitegen.pages.templating import macros
from sitegen.pages.text import Shown, plain, shown
from sitegen.pages.urls import group_page, relative_url

DEFAULT_GROUP_ICON = "material/format-list-checks"  # for a group whose data file names no icon


@dataclass(frozen=True)
class GroupLink:
    """One task group in the home page's list: one link (its title), the icon beside it."""

    number: int
    href: str
    icon: Markup
    title: Shown


def highlights(decision: Decision, lang: str) -> Markup:
    """Two tiles: the motto, and the GRDP target in large figures with the full objective one tap away."""
    target = decision.growth_target
    return macros("overview.j2").highlights(
        lang,
        motto=shown(decision.motto, lang),
        target_value=format_percent_range(target.low_percent, target.high_percent, lang),
        indicator=plain(target.indicator, lang),
        year=target.year,
        objective=shown(decision.objective, lang),
    )


def group_list(decision: Decision, from_path: str, lang: str) -> Markup:
    """The task groups as a compact numbered list, each item one link (its title), the icon decorative."""
    items = [
        GroupLink(
            number=group.number,
            href=relative_url(from_path, group_page(decision, group)),
            icon=Markup(icon_svg(group.icon or DEFAULT_GROUP_ICON)),  # an SVG file bundled with the theme
            title=shown(group.title, lang),
        )
        for group in decision.groups
    ]
    return macros("overview.j2").group_list(lang, items)
