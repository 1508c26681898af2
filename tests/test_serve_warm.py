"""`make serve`'s warm build process (sitegen.engine.warm): after any series of edits its preview is byte for byte
what `make build` makes of the same data, while a data edit renders only the pages it changed; and the watch
loop rebuilds the right way for each kind of edit (sitegen.engine.serve.watch)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from buildhelpers import run_sitegen, tree_digest
from sitegen.engine.serve import Preview, watch
from sitegen.pages.generate import generated_dir

PROJECT = Path(__file__).resolve().parents[1]
SITE_URL = "http://127.0.0.1:8123/"
GROUP = Path("decisions/qd-166-2021/groups/03.yaml")
UPDATES = Path("decisions/qd-166-2021/updates")


class WarmProcess:
    def __init__(self, data: Path, site: Path):
        command = [sys.executable, "-m", "sitegen.engine.warm", "--data", str(data), "--site-dir", str(site)]
        self.process = subprocess.Popen(
            [*command, "--site-url", SITE_URL], cwd=PROJECT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, encoding="utf-8",
        )  # fmt: skip

    def ask(self, request: str = "build") -> dict:
        self.process.stdin.write(request + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, self.process.stderr.read()
        return json.loads(answer)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def warm(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    process = WarmProcess(data, tmp_path / "preview" / "site")
    yield data, tmp_path / "preview" / "site", process
    process.close()
    shutil.rmtree(generated_dir(PROJECT, data), ignore_errors=True)


def clean_build(data: Path, site: Path) -> dict[str, str]:
    result = run_sitegen("build", "--data", str(data), "--site-dir", str(site), "--site-url", SITE_URL, cwd=PROJECT)
    assert result.returncode == 0, result.stderr
    return tree_digest(site)


def append_to(path: Path, field: str, words: str) -> None:
    """`words` at the end of the Vietnamese of `field` (the line after `field:`)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    index = lines.index(f"{field}:\n") + 1
    assert lines[index].startswith("  vi: ")
    lines[index] = f"{lines[index].rstrip()} {words}\n"
    path.write_text("".join(lines), encoding="utf-8")


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def test_data_edits_render_only_the_changed_pages_and_give_the_site_a_clean_build_gives(warm, tmp_path) -> None:
    data, site, process = warm
    first = process.ask()
    assert first["ok"] and first["full"], first
    pages = html_pages(site)

    append_to(data / GROUP, "text", "(thử sửa nội dung)")
    text_edit = process.ask()
    assert text_edit["ok"] and not text_edit["full"], text_edit
    # the group's own pages, the outdated-translation list, the navigation's few pages and the 404s: not all
    assert 0 < text_edit["rendered"] < pages / 2, text_edit
    # and the publish step finishes only those again; the other pages are the served ones
    assert 0 < text_edit["republished"] <= text_edit["rendered"], text_edit
    assert "(thử sửa nội dung)" in (site / "qd-166-2021" / "ngan-sach-nha-nuoc" / "index.html").read_text("utf-8")

    # an update's title is on its page, the lists and the group pages naming it: more pages, still not all
    append_to(next((data / UPDATES).glob("*.yaml")), "title", "(thử sửa tin)")
    update_edit = process.ask()
    assert update_edit["ok"] and not update_edit["full"], update_edit
    assert text_edit["rendered"] < update_edit["rendered"] < pages, update_edit
    assert tree_digest(site) == clean_build(data, tmp_path / "clean")

    # a group's title is in the menu of every page (overrides/partials/drawer-groups.html, through the engine
    # config's `extra`): every page is rendered again, and the preview still equals a clean build
    append_to(data / GROUP, "title", "(thử sửa tên)")
    title_edit = process.ask()
    assert title_edit["ok"] and title_edit["rendered"] == first["rendered"], title_edit
    assert tree_digest(site) == clean_build(data, tmp_path / "clean2")


def test_an_added_or_removed_page_renders_everything_again_and_equals_a_clean_build(warm, tmp_path) -> None:
    data, site, process = warm
    assert process.ask()["ok"]
    update = next((data / UPDATES).glob("*.yaml"))
    copy = update.with_name("zz-thu-them.yaml")
    text = update.read_text(encoding="utf-8")
    slug_line = next(line for line in text.splitlines() if line.startswith("slug:"))
    copy.write_text(text.replace(slug_line, "slug: zz-thu-them"), encoding="utf-8")
    added = process.ask()
    assert added["ok"] and added["full"], added
    assert (site / "qd-166-2021" / "tin-tuc" / "zz-thu-them" / "index.html").is_file()
    assert tree_digest(site) == clean_build(data, tmp_path / "clean-added")

    copy.unlink()
    removed = process.ask()
    assert removed["ok"] and removed["full"], removed
    assert not (site / "qd-166-2021" / "tin-tuc" / "zz-thu-them").exists()
    assert tree_digest(site) == clean_build(data, tmp_path / "clean-removed")


def test_a_data_mistake_keeps_the_last_good_preview_and_the_next_good_edit_is_still_partial(warm) -> None:
    data, site, process = warm
    assert process.ask()["ok"]
    before = tree_digest(site)
    group = data / GROUP
    good = group.read_text(encoding="utf-8")
    group.write_text(good.replace("number: 3", "number: three"), encoding="utf-8")
    broken = process.ask()
    assert not broken["ok"]
    assert "03.yaml:1:" in broken["problems"] and "number" in broken["problems"], broken
    assert tree_digest(site) == before  # the preview is the last good build, untouched

    group.write_text(good, encoding="utf-8")
    fixed = process.ask()
    assert fixed["ok"] and not fixed["full"], fixed
    assert tree_digest(site) == before


def test_publishing_never_changes_the_kept_engine_output_it_links_to(warm) -> None:
    data, site, process = warm
    assert process.ask()["ok"]
    engine_output = site.parent / "engine-output"
    before = tree_digest(engine_output)
    append_to(data / GROUP, "text", "(thử)")
    assert process.ask()["ok"]
    after = tree_digest(engine_output)
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    # only the pages the engine rendered again differ, and none of them carries what publish adds to a page
    assert changed and all(name.endswith(".html") for name in changed), changed
    pages = [engine_output / name for name in after if name.endswith(".html")]
    assert pages and not any('property="og:url"' in page.read_text("utf-8") for page in pages)
    assert 'property="og:url"' in (site / "index.html").read_text("utf-8")


def test_a_full_request_renders_every_page(warm) -> None:
    _, site, process = warm
    assert process.ask()["ok"]
    again = process.ask("full")
    engine_output = site.parent / "engine-output"  # what the engine wrote, before the publish step
    assert again["ok"] and again["full"] and again["rendered"] == html_pages(engine_output), again


class RecordingBuilder:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def build(self, *, full: bool = False):
        from sitegen.engine.serve import Outcome

        self.calls.append("full" if full else "partial")
        return Outcome(True, summary="recorded")

    def restart(self) -> None:
        self.calls.append("restart")

    def stop(self) -> None:
        pass


def wait_for_calls(builder: RecordingBuilder, count: int) -> list[str]:
    deadline = time.monotonic() + 20
    while len(builder.calls) < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return builder.calls


def test_each_kind_of_edit_gets_its_kind_of_rebuild(tmp_path) -> None:
    data, code, overrides = tmp_path / "data", tmp_path / "hooks", tmp_path / "overrides"
    for folder in (data, code, overrides):
        folder.mkdir()
        (folder / "file.txt").write_text("one", encoding="utf-8")
    builder, stop = RecordingBuilder(), threading.Event()
    preview = Preview(tmp_path / "site")
    thread = threading.Thread(target=watch, args=(preview, builder, data, [code, overrides], stop, code))
    thread.start()
    try:
        assert wait_for_calls(builder, 1) == ["full"]  # the first build
        (data / "file.txt").write_text("two", encoding="utf-8")
        assert wait_for_calls(builder, 2)[1:] == ["partial"]  # data: only what changed
        (overrides / "file.txt").write_text("two", encoding="utf-8")
        assert wait_for_calls(builder, 3)[2:] == ["full"]  # a template: every page
        (code / "file.txt").write_text("two", encoding="utf-8")
        assert wait_for_calls(builder, 5)[3:] == ["restart", "full"]  # code: a fresh process, every page
        assert preview.build_number == 4 and preview.error == ""
    finally:
        stop.set()
        thread.join(timeout=10)


ANSWERING = (
    "import json, sys\n"
    "for line in sys.stdin:\n"
    "    full = line.strip() == 'full'\n"
    "    print(json.dumps({'ok': True, 'problems': '', 'full': full, 'rendered': 3, 'pages': 34}), flush=True)\n"
)


def test_a_build_process_that_dies_is_reported_and_a_fresh_one_builds_next_time() -> None:
    from sitegen.engine.serve import WarmBuilder

    dying = WarmBuilder([sys.executable, "-c", "import sys; sys.stdin.readline()"])
    outcome = dying.build()
    assert not outcome.ok and "stopped unexpectedly" in outcome.problems and dying.process is None

    builder = WarmBuilder([sys.executable, "-c", ANSWERING])
    try:
        assert builder.build() == builder.build()  # one process answers both
        first = builder.process
        assert builder.build().summary == "3 of 34 pages rendered"
        first.kill()
        first.wait()
        assert builder.build().ok and builder.process is not first  # started afresh after it died
        builder.restart()  # after a code edit
        assert builder.process is None and builder.build(full=True).summary == "all of 34 pages rendered"
    finally:
        builder.stop()
