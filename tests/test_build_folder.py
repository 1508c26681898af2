"""What `make build` and `make dist` leave on disk: readable by a web server whatever the umask, never a project
without `site/`, nothing left behind by a killed build, one line when the disk is full. Run through the real
commands (`python -m sitegen.engine.build`, `python -m sitegen.publish.dist`) as subprocesses."""

from __future__ import annotations

import os
import re
import resource
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from buildhelpers import like_an_ordinary_user, run_sitegen, tree_digest
from datafixtures import write_data

PROJECT = Path(__file__).resolve().parents[1]


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))


def modes_not_public(root: Path) -> list[str]:
    wrong = []
    for path in [root, *root.rglob("*")]:
        info = path.lstat()
        mode = stat.S_IMODE(info.st_mode)
        if (stat.S_ISDIR(info.st_mode) and mode != 0o755) or (stat.S_ISREG(info.st_mode) and mode != 0o644):
            wrong.append(f"{path.relative_to(root.parent)} {mode:o}")
    return wrong


def test_make_dist_is_readable_by_a_web_server_whatever_the_umask(tmp_path: Path) -> None:
    """With umask 077 every folder was 0700: nginx's workers (another user) answered 403 and 404."""
    data = write_data(tmp_path)

    def strict_umask() -> None:
        like_an_ordinary_user()
        os.umask(0o077)

    command = [sys.executable, "-m", "sitegen.publish.dist", "--data", str(data), "--dist-dir", "dist"]
    # make dist refuses to run without the public address (issue 13)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.test/"}
    result = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600, preexec_fn=strict_umask
    )
    assert result.returncode == 0, result.stderr
    dist = tmp_path / "dist"
    assert (dist / "index.html.br").is_file() and (dist / "en/index.html.gz").is_file()
    assert modes_not_public(dist) == []
    assert stat.S_IMODE((tmp_path / "dist.csp.conf").stat().st_mode) == 0o644
    assert leftovers(tmp_path) == []


def test_a_build_killed_with_kill_9_leaves_nothing_behind_after_the_next_build(workspace: Path) -> None:
    site_before = tree_digest(workspace / "site")
    command = [sys.executable, "-m", "sitegen.engine.build", "build", "--data", "data", "--site-dir", "site"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.Popen(command, cwd=workspace, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(workspace.glob(".site-new-*/*")):
        time.sleep(0.05)  # until the engine has started writing the new site
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert leftovers(workspace), "the build was not killed while it was writing"
    time.sleep(1)  # the engine, killed with its parent, writes nothing more
    assert tree_digest(workspace / "site") == site_before  # the killed build changed nothing that is served

    result = run_sitegen("build", "--data", "data", "--site-dir", "site", cwd=workspace)

    assert result.returncode == 0, result.stderr
    assert leftovers(workspace) == []
    assert (workspace / "site/index.html").is_file()


SWAPPER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from sitegen.engine.swap import new_build_folder, swap_in
    site = Path(sys.argv[1])
    n = 0
    while True:
        n += 1
        fresh = new_build_folder(site)
        (fresh / "index.html").write_text(f"version {n}")
        (fresh / "page").mkdir()
        (fresh / "page" / "index.html").write_text(f"version {n}")
        swap_in(fresh, site)
    """
)


def test_a_kill_at_any_moment_of_the_swap_never_leaves_the_project_without_a_site(tmp_path: Path) -> None:
    """Swapping as fast as possible and killed at 40 random moments: there is always a whole `site/`."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("version 0")
    (site / "page").mkdir()
    (site / "page/index.html").write_text("version 0")
    for attempt in range(40):
        swapper = subprocess.Popen([sys.executable, "-c", SWAPPER, str(site)])
        time.sleep(0.3 + (attempt % 7) * 0.013)
        swapper.send_signal(signal.SIGKILL)
        swapper.wait()
        assert site.is_dir(), f"no site/ after kill {attempt}: {leftovers(tmp_path)}"
        first = (site / "index.html").read_text()
        assert (site / "page/index.html").read_text() == first  # one whole version, never a mix


def test_a_previous_site_that_cannot_be_removed_does_not_break_later_builds(workspace: Path) -> None:
    """A `.site-old` left by an older version, holding a folder its owner cannot delete from."""
    stuck = workspace / ".site-old/assets"
    stuck.mkdir(parents=True)
    (stuck / "main.css").write_text("old")
    stuck.chmod(0o555)
    try:
        for title in ("Tiêu đề mới", "Tiêu đề mới hơn"):
            decision = workspace / "data/decisions/qd-1-2030/decision.yaml"
            text = decision.read_text(encoding="utf-8")
            decision.write_text(text.replace("Tiêu đề thử", title).replace("Tiêu đề mới,", f"{title},"), "utf-8")
            result = run_sitegen("build", "--data", "data", "--site-dir", "site", cwd=workspace)
            assert result.returncode == 0, result.stderr
            assert "Traceback" not in result.stderr
            assert title in (workspace / "site/qd-1-2030/index.html").read_text(encoding="utf-8")
    finally:
        stuck.chmod(0o755)


def test_a_full_disk_is_one_line_and_the_previous_site_stays(workspace: Path) -> None:
    """The file system refuses to write (here: a 64 KB file-size limit, as a full disk or quota would); the old
    site is kept and the message names the file and the system's reason, without a traceback."""
    site_before = tree_digest(workspace / "site")

    def small_disk() -> None:
        like_an_ordinary_user()
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    command = [sys.executable, "-m", "sitegen.engine.build", "build", "--data", "data", "--site-dir", "site"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, timeout=600, preexec_fn=small_disk
    )

    assert result.returncode == 1
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert [line for line in lines if line.startswith("Could not write ") and line.endswith(": File too large.")]
    assert lines[-1] in (
        f"The build failed; the site in {workspace / 'site'} was left as it was.",  # the engine could not write
        "The build failed; the site in site was left as it was.",  # the generate or publish step could not
    ), result.stderr
    assert tree_digest(workspace / "site") == site_before
    assert leftovers(workspace) == []


def test_a_folder_the_build_may_not_write_in_is_one_line(workspace: Path) -> None:
    """The site's folder belongs to someone else (a web server's, say): one line naming it, no traceback."""
    public = workspace / "public"
    public.mkdir()
    public.chmod(0o555)
    try:
        result = run_sitegen("build", "--data", "data", "--site-dir", "public/site", cwd=workspace)
    finally:
        public.chmod(0o755)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and 'File "' not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert re.fullmatch(rf"Could not write {re.escape(str(public))}/\.site-new-\d+-\w+: Permission denied\.", lines[-2])
    assert lines[-1] == "The build failed; the site in public/site was left as it was."
    assert list(public.iterdir()) == []


def test_make_dist_with_engine_zensical_publishes_what_zensical_built(tmp_path: Path) -> None:
    data = write_data(tmp_path)
    command = [sys.executable, "-m", "sitegen.publish.dist", "--data", str(data), "--dist-dir", "dist"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.test/", "ENGINE": "zensical"}
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "dist" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="generator" content="zensical-' in home
    assert (tmp_path / "dist" / "index.html.br").is_file() and (tmp_path / "dist" / "sitemap.xml.gz").is_file()
