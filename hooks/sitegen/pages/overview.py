"""The home page's overview: the motto and the growth target at a glance, and one card per task group
(templates/overview.j2)."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from sitegen.content.model import Decision
from sitegen.pages.icons import icon_svg
from sitegen.pages.labels import format_percent_range
from sitegen.pages.templating import macros
from sitegen.pages.text import Shown, plain, shown
from sitegen.pages.urls import group_page, relative_url

DEFAULT_GROUP_ICON = "material/format-list-checks"  # for a group whose data file names no icon


@dataclass(frozen=True)
class Card:
    number: int
    href: str
    icon: Markup
    title: Shown
    summary: Shown


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


def group_cards(decision: Decision, from_path: str, lang: str) -> Markup:
    """The nine groups as a grid of cards, each one link: icon, number, short title, one-line summary."""
    cards = [
        Card(
            number=group.number,
            href=relative_url(from_path, group_page(decision, group)),
            icon=Markup(icon_svg(group.icon or DEFAULT_GROUP_ICON)),
            title=shown(group.title, lang),
            summary=shown(group.summary or group.text, lang),
        )
        for group in decision.groups
    ]
    return macros("overview.j2").group_cards(lang, cards)
