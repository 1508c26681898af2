"""The home page's overview: the motto and the growth target at a glance, and one card per task group."""

from __future__ import annotations

from sitegen.content.model import Decision, TaskGroup
from sitegen.pages.escape import h
from sitegen.pages.icons import icon_svg
from sitegen.pages.labels import format_percent_range, label
from sitegen.pages.text import text_html
from sitegen.pages.urls import group_page, relative_url

DEFAULT_GROUP_ICON = "material/format-list-checks"  # for a group whose data file names no icon


def _lang_attr(actual: str, page_lang: str) -> str:
    """Vietnamese shown on an English page (untranslated) is marked, so screen readers pronounce it right."""
    return f' lang="{actual}"' if actual != page_lang else ""


def highlights(decision: Decision, lang: str) -> str:
    """Two tiles: the motto, and the GRDP target in large figures with the full objective one tap away."""
    objective, objective_lang = decision.objective.best(lang)
    target = decision.growth_target
    value = format_percent_range(target.low_percent, target.high_percent, lang)
    indicator = target.indicator.best(lang)[0]
    return (
        '<div class="highlights" markdown>\n\n'
        '<section class="highlight highlight--motto" markdown>\n\n'
        f"## {h(label(lang, 'motto'))} {{#motto}}\n\n"
        f'<p class="motto" id="motto-text">“{text_html(decision.motto, lang)}”</p>\n\n'
        "</section>\n\n"
        '<section class="highlight highlight--target" markdown>\n\n'
        f"## {h(label(lang, 'objective'))} {{#objective}}\n\n"
        f'<p class="growth-target" id="growth-target"><strong class="growth-target__value">{h(value)}</strong> '
        f'<span class="growth-target__label">{h(label(lang, "growth_target_year", indicator=indicator, year=target.year))}</span></p>\n'
        f'<details class="quote objective-details"><summary>{h(label(lang, "objective_full"))}</summary>\n'
        f'<p id="objective-text"{_lang_attr(objective_lang, lang)}>{h(objective)}</p>\n</details>\n\n'
        "</section>\n\n"
        "</div>\n\n"
    )


def group_cards(decision: Decision, from_path: str, lang: str) -> str:
    """The nine groups as a grid of cards, each one link: icon, number, short title, one-line summary."""
    items = "".join(
        _card(decision, group, relative_url(from_path, group_page(decision, group)), lang) for group in decision.groups
    )
    return f'<nav class="group-list group-cards" aria-labelledby="task-groups">\n<ul>\n{items}</ul>\n</nav>\n\n'


def _card(decision: Decision, group: TaskGroup, href: str, lang: str) -> str:
    title, title_lang = group.title.best(lang)
    summary, summary_lang = (group.summary or group.text).best(lang)
    return (
        f'<li class="group-card" id="card-{group.number}"><a href="{h(href)}">'
        f'<span class="group-card__icon">{icon_svg(group.icon or DEFAULT_GROUP_ICON)}</span>'
        f'<span class="group-card__number">{h(label(lang, "group_n", n=group.number))}</span>'
        f'<span class="group-card__title"{_lang_attr(title_lang, lang)}>{h(title)}</span>'
        f'<span class="group-card__summary"{_lang_attr(summary_lang, lang)}>{h(summary)}</span>'
        "</a></li>\n"
    )
