"""A plan of more task groups than the menu lists (render.GROUP_NAV_ALL, 25): every page's menu has one link,
"All N task groups", to the decision page's list, in both languages, instead of a link per group
(a list of every group in every page would make the build quadratic; tests/unit/test_drawer.py)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from buildhelpers import run_sitegen
from datafixtures import write_data
from sitegen.pages.render import GROUP_NAV_ALL


def test_a_plan_of_many_groups_gets_one_menu_link_to_the_decisions_list(tmp_path: Path) -> None:
    groups = GROUP_NAV_ALL + 1
    data = write_data(tmp_path, groups=groups)
    result = run_sitegen("build", "--data", str(data), "--site-dir", str(tmp_path / "site"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    for relative, words in (
        ("about/index.html", f"Tất cả {groups} nhóm nhiệm vụ"),
        ("qd-1-2030/nhom-thu-7/index.html", f"Tất cả {groups} nhóm nhiệm vụ"),
        ("en/qd-1-2030/nhom-thu-7/index.html", f"All {groups} task groups"),
    ):
        page = BeautifulSoup((site / relative).read_text(encoding="utf-8"), "html.parser")
        links = page.select(".md-sidebar--primary .site-drawer-groups a")
        assert [a.get_text(strip=True) for a in links] == [words], relative
        target = urljoin(f"/{relative}", links[0]["href"])
        assert target == f"/{'en/' if relative.startswith('en/') else ''}qd-1-2030/#task-groups", relative
        decision = BeautifulSoup(
            (site / target.strip("/").split("#")[0] / "index.html").read_text("utf-8"), "html.parser"
        )
        assert len(decision.select("#task-groups ~ h3 a")) == groups  # the list the link leads to has them all
