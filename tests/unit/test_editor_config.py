"""The editor's Decap configuration: generated from data/, one setting decides local or Git host."""

from __future__ import annotations

import pytest
from sitegen.content.validate import load_site
from sitegen.tools.editor_config import BadSetting, editor_config, parse_backend
from sitehelpers import PROJECT


@pytest.fixture(scope="module")
def site():
    return load_site(PROJECT / "data")


def fields_of(config: dict) -> dict[str, dict]:
    return {f["name"]: f for f in config["collections"][0]["fields"]}


def test_the_groups_field_offers_every_group_of_the_data_by_title_and_stores_its_number(site) -> None:
    groups = fields_of(editor_config(site, "data", parse_backend("local")))["groups"]
    decision = site.decisions[0]
    assert groups["multiple"] is True and groups["min"] == 1
    assert groups["options"] == [{"label": f"{g.number}. {g.title.vi}", "value": g.number} for g in decision.groups]
    assert len(groups["options"]) == 9


def test_the_fields_are_the_update_schema_in_its_order(site) -> None:
    config = editor_config(site, "data", parse_backend("local"))
    assert list(fields_of(config)) == ["date", "slug", "draft", "title", "summary", "body", "groups", "source", "photo"]
    collection = config["collections"][0]
    assert collection["folder"] == "data/decisions/qd-166-2021/updates"
    assert collection["slug"] == "{{fields.date}}-{{fields.slug}}" and collection["extension"] == "yaml"
    assert config["locale"] == "vi"


def test_a_git_host_setting_changes_only_the_backend_and_turns_on_the_editorial_workflow(site) -> None:
    local = editor_config(site, "data", parse_backend("local"))
    hosted = editor_config(site, "data", parse_backend("gitlab:press/decision-166#main"))
    assert hosted["backend"] == {"name": "gitlab", "repo": "press/decision-166", "branch": "main"}
    assert hosted["publish_mode"] == "editorial_workflow" and "publish_mode" not in local
    assert {k: v for k, v in hosted.items() if k not in ("backend", "publish_mode")} == {
        k: v for k, v in local.items() if k != "backend"
    }


def test_a_self_hosted_gitea_gets_its_api_address() -> None:
    backend = parse_backend("gitea:https://git.example.org/press/site").config()["backend"]
    assert backend["base_url"] == "https://git.example.org" and backend["api_root"] == "https://git.example.org/api/v1"


@pytest.mark.parametrize("setting", ["bitbucket:a/b", "github:", "github:onlyname", "gitea:press/site"])
def test_a_setting_the_editor_does_not_know_is_refused_with_what_to_write(setting) -> None:
    with pytest.raises(BadSetting, match="EDITOR_BACKEND"):
        parse_backend(setting)


def test_no_setting_means_no_editor() -> None:
    assert parse_backend("") is None
