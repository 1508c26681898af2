"""Press-office updates: validation, order and draft handling, on tiny made-up data."""

from __future__ import annotations

import datetime

import pytest
from datafixtures import update_yaml, write_data, write_update
from sitegen.content.errors import DataError
from sitegen.content.updates import drafts_wanted, newest_first
from sitegen.content.validate import load_site

TODAY = datetime.date(2025, 6, 1)
FILE = "data/decisions/qd-1-2030/updates"


def problems(data, today=TODAY) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_site(data, today)
    return [str(p) for p in caught.value.problems]


def test_an_update_becomes_the_model_with_groups_by_number_or_slug(tmp_path) -> None:
    data = write_data(tmp_path)
    write_update(data, update_yaml("2025-01-02", "tin-mot", groups="[nhom-thu-3, 1]", time="09:30"), "a")
    [update] = load_site(data, TODAY).decisions[0].updates
    assert update.slug == "tin-mot"
    assert update.date == datetime.date(2025, 1, 2) and update.time == datetime.time(9, 30)
    assert update.groups == (1, 3)
    assert update.title.vi == "Tin thử tin-mot" and update.title.en == "Test update tin-mot"
    assert update.draft is False and update.source is None


def test_vietnamese_only_update_has_no_english(tmp_path) -> None:
    data = write_data(tmp_path)
    write_update(data, update_yaml("2025-01-02", "chi-tieng-viet", english=False), "a")
    [update] = load_site(data, TODAY).decisions[0].updates
    assert (update.title.en, update.summary.en, update.body.en) == (None, None, None)


def test_unknown_group_is_named_with_file_line_and_column(tmp_path) -> None:
    data = write_data(tmp_path, groups=3)
    write_update(data, update_yaml("2025-01-02", "tin", groups="[1, 12]"), "2025-01-02-tin")
    assert problems(data) == [
        f"{FILE}/2025-01-02-tin.yaml:14:13: groups[1]: no task group 12 in this decision; the task groups are numbered 1 to 3"
    ]


def test_unknown_group_slug_gets_a_did_you_mean_hint_and_repeats_are_refused(tmp_path) -> None:
    data = write_data(tmp_path, groups=3)
    write_update(data, update_yaml("2025-01-02", "tin", groups="[nhom-thu-2, nhom-thu2, 2]"), "a")
    found = problems(data)
    assert (
        f"{FILE}/a.yaml:14:22: groups[1]: no task group 'nhom-thu2' in this decision; did you mean 'nhom-thu-2'?"
        in found
    )
    assert f"{FILE}/a.yaml:14:33: groups[2]: task group 2 is listed twice" in found


def test_a_future_date_needs_draft(tmp_path) -> None:
    data = write_data(tmp_path)
    write_update(data, update_yaml("2025-06-02", "ngay-mai"), "a")
    assert problems(data) == [
        f"{FILE}/a.yaml:1:7: date: 2025-06-02 is in the future (today is 2025-06-01); add 'draft: true' to prepare an update before its day"
    ]
    write_update(data, update_yaml("2025-06-02", "ngay-mai", draft=True), "a")
    [update] = load_site(data, TODAY).decisions[0].updates
    assert update.draft is True
    write_update(data, update_yaml("2025-06-01", "hom-nay"), "a")  # today itself is not the future
    assert load_site(data, TODAY).decisions[0].updates[0].slug == "hom-nay"


def test_duplicate_slugs_are_refused_naming_both_files(tmp_path) -> None:
    data = write_data(tmp_path)
    write_update(data, update_yaml("2025-01-02", "trung"), "a")
    write_update(data, update_yaml("2025-01-03", "trung"), "b")
    assert problems(data) == [
        f"{FILE}/b.yaml:2:7: slug: slug 'trung' is already used by {FILE}/a.yaml; every update needs its own"
    ]


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("Tin-mới", "expected a slug of lowercase ASCII letters, digits and single hyphens"),
        ("index", "'index' is the name of a page of the updates list; choose another"),
        ("trang", "'trang' is the name of a page of the updates list; choose another"),
    ],
)
def test_slugs_are_ascii_and_never_a_list_page(tmp_path, slug, message) -> None:
    data = write_data(tmp_path)
    write_update(data, update_yaml("2025-01-02", slug), "a")
    [found] = problems(data)
    assert found.startswith(f"{FILE}/a.yaml:2:7: slug: ") and message in found


def test_time_draft_and_body_links_are_checked(tmp_path) -> None:
    data = write_data(tmp_path)
    text = update_yaml("2025-01-02", "tin", body_vi="Xem [đây](javascript:alert(1)).")
    text = text.replace("slug: tin\n", "slug: tin\ntime: 9h30\ndraft: maybe\n")
    write_update(data, text, "a")
    found = problems(data)
    assert f"{FILE}/a.yaml:3:7: time: expected a time of day written HH:MM (like 09:30), got '9h30'" in found
    assert f"{FILE}/a.yaml:4:8: draft: expected true or false, got 'maybe'" in found
    assert any(
        "body.vi: the link target 'javascript:alert(1)' is not a web address" in f and f.startswith(f"{FILE}/a.yaml:")
        for f in found
    ), found


def test_the_new_update_placeholder_cannot_be_published(tmp_path) -> None:
    from sitegen.content.schema import PLACEHOLDER

    data = write_data(tmp_path)
    write_update(data, update_yaml("2025-01-02", "tin", body_vi=PLACEHOLDER), "a")
    [found] = problems(data)
    assert "body: still holds the placeholder text" in found
    write_update(data, update_yaml("2025-01-02", "tin", body_vi=PLACEHOLDER, draft=True), "a")
    assert load_site(data, TODAY).decisions[0].updates[0].draft


def test_order_is_newest_first_then_later_time_then_slug(tmp_path) -> None:
    data = write_data(tmp_path)
    write_update(data, update_yaml("2025-01-01", "cu-nhat"), "1")
    write_update(data, update_yaml("2025-03-01", "c-khong-gio"), "2")
    write_update(data, update_yaml("2025-03-01", "a-khong-gio"), "3")
    write_update(data, update_yaml("2025-03-01", "z-buoi-sang", time="08:00"), "4")
    write_update(data, update_yaml("2025-03-01", "b-buoi-chieu", time="15:30"), "5")
    write_update(data, update_yaml("2025-02-01", "giua"), "6")
    updates = load_site(data, TODAY).decisions[0].updates
    expected = ["b-buoi-chieu", "z-buoi-sang", "a-khong-gio", "c-khong-gio", "giua", "cu-nhat"]
    assert [u.slug for u in updates] == expected
    assert [u.slug for u in newest_first(reversed(updates))] == expected  # whatever order they arrive in


def test_drafts_are_only_for_serve_when_asked() -> None:
    assert drafts_wanted("serve", {"SITEGEN_DRAFTS": "1"})
    assert not drafts_wanted("serve", {})
    assert not drafts_wanted("serve", {"SITEGEN_DRAFTS": ""})
    assert not drafts_wanted("build", {"SITEGEN_DRAFTS": "1"})  # `make build` never publishes a draft


def test_feeds_hold_the_newest_fifty_in_order(tmp_path) -> None:
    import feedparser
    from sitegen.pages.feeds import FEED_ENTRIES, render_feeds

    data = write_data(tmp_path, groups=2)
    start = datetime.date(2025, 1, 1)
    for i in range(FEED_ENTRIES + 5):
        date = (start + datetime.timedelta(days=i)).isoformat()
        write_update(data, update_yaml(date, f"tin-{i:03d}", groups="[2]"), f"{i:03d}")
    feeds = render_feeds(load_site(data, TODAY), "https://example.test/")
    for name in ("feed.xml", "feed.en.xml", "qd-1-2030/nhom-thu-2/feed.xml"):
        links = [e.link for e in feedparser.parse(feeds[name]).entries]
        assert len(links) == FEED_ENTRIES == 50, name
        assert links[0].endswith(f"/tin-tuc/tin-{FEED_ENTRIES + 4:03d}/") and links[-1].endswith("/tin-tuc/tin-005/")
    assert feedparser.parse(feeds["qd-1-2030/nhom-thu-1/feed.xml"]).entries == []


def test_an_update_saved_under_another_extension_is_not_silently_ignored(tmp_path) -> None:
    data = write_data(tmp_path)
    write_update(data, update_yaml("2025-01-02", "tin"), "tin")
    (data / "decisions/qd-1-2030/updates/tin-khac.yml").write_text(update_yaml("2025-01-03", "tin-khac"))
    (data / "decisions/qd-1-2030/updates/.DS_Store").write_bytes(b"\0")
    assert problems(data) == [
        f"{FILE}/tin-khac.yml:1:1: this file is not read: updates are .yaml files; rename it to tin-khac.yaml"
    ]


def test_feeds_claim_no_publication_time_nobody_knows(tmp_path) -> None:
    import feedparser
    from sitegen.pages.feeds import render_feeds

    data = write_data(tmp_path, groups=1)
    write_update(data, update_yaml("2025-01-02", "khong-gio"), "a")
    write_update(data, update_yaml("2025-01-03", "co-gio", time="15:30"), "b")
    site = load_site(data, TODAY)
    entries = {
        e.link.rsplit("/", 2)[1]: e for e in feedparser.parse(render_feeds(site, "https://x.test/")["feed.xml"]).entries
    }
    assert "published" not in entries["khong-gio"]  # a date alone: no hour is claimed
    assert entries["co-gio"].published_parsed[:5] == (2025, 1, 3, 8, 30)  # the press office gave 15:30 (+07:00)
    # `updated` is when the file was committed, when that is known
    committed = {f"{FILE}/a.yaml": datetime.datetime(2025, 2, 1, 9, 0, tzinfo=datetime.UTC)}
    feed = feedparser.parse(render_feeds(site, "https://x.test/", committed)["feed.xml"])
    entries = {e.link.rsplit("/", 2)[1]: e for e in feed.entries}
    assert entries["khong-gio"].updated_parsed[:5] == (2025, 2, 1, 9, 0)
    assert entries["co-gio"].updated_parsed[:5] == (2025, 1, 3, 8, 30)
    assert feed.feed.updated_parsed[:5] == (2025, 2, 1, 9, 0)


def test_an_update_on_the_decisions_own_date_says_it_is_the_decisions_date(tmp_path) -> None:
    from sitegen.pages.render import render_site

    data = write_data(tmp_path, groups=1)
    write_update(data, update_yaml("2030-02-03", "ban-hanh"), "a")  # the fixture decision's date
    write_update(data, update_yaml("2030-03-01", "hop-bao"), "b")
    site = load_site(data, datetime.date(2031, 1, 1))
    pages = {p.file_name: p.markdown for p in render_site(site, "https://x.test/")}
    issued = '<time datetime="2030-02-03">'
    assert f"Ngày ban hành quyết định: {issued}03/02/2030</time>" in pages["qd-1-2030/tin-tuc/ban-hanh.md"]
    assert f"Date of the decision: {issued}3 February 2030</time>" in pages["qd-1-2030/tin-tuc/ban-hanh.en.md"]
    other = pages["qd-1-2030/tin-tuc/hop-bao.md"]
    assert '<time datetime="2030-03-01">01/03/2030</time>' in other and "Ngày ban hành quyết định" not in other
