"""Decision site generator: YAML in data/ → model (content/) → Markdown pages and a page manifest
(pages/) → an engine (engine/) → publication over the built HTML (publish/)."""

from __future__ import annotations

import ast
import graphlib
import importlib
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).parent


def module_imports() -> dict[str, set[str]]:
    """Each module of the package (`pages.render`) → the package modules it imports, read from its source."""
    modules = {
        ".".join(path.relative_to(PACKAGE_DIR).with_suffix("").parts): path
        for path in PACKAGE_DIR.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py")
    }
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imported: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(f"{__name__}."):
                base = node.module.removeprefix(f"{__name__}.")
                imported.update(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names)
            elif isinstance(node, ast.Import):
                imported.update(a.name.removeprefix(f"{__name__}.") for a in node.names)
        graph[name] = {other for other in imported if other in modules and other != name}
    return graph


def reload_order() -> list[str]:
    """Dependencies first, so each reloaded module sees its reloaded dependencies. An import cycle (which
    the layout forbids) is cut at the import that closes it, so a reload still happens."""
    graph = module_imports()
    while True:
        try:
            return list(graphlib.TopologicalSorter(graph).static_order())
        except graphlib.CycleError as exc:
            cycle = exc.args[1]
            graph[cycle[-2]].discard(cycle[-1])


def reload_modules() -> None:
    """Re-import the package's modules, for `mkdocs serve`, whose hook module is never reloaded."""
    for name in reload_order():
        module = sys.modules.get(f"{__name__}.{name}")
        if module is not None:
            importlib.reload(module)
