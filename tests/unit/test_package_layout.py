"""The sitegen package's layout rules: no import cycle between its modules, and no module importing
another module's private (underscore) names, so each module can be read, changed and reloaded on its own."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[2] / "hooks" / "sitegen"


def module_files(package_dir: Path) -> dict[str, Path]:
    """Dotted module name → file, for every module of the package (packages as their `__init__`)."""
    modules = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> tuple[set[str], list[str]]:
    """The package's modules this one imports (anywhere in the file, lazy imports included) and every
    private name it takes from another of them, as `module: imported name` lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    imported: set[str] = set()
    private: list[str] = []
    aliases: dict[str, str] = {}  # local name → package module, for `news._helper` style access
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    imported.add(alias.name)
                    aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node, is_package)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                if submodule in modules:  # `from sitegen.pages import news`
                    imported.add(submodule)
                    aliases[alias.asname or alias.name] = submodule
                elif source in modules:
                    imported.add(source)
                    if alias.name.startswith("_") and source != module:
                        private.append(f"{module}: from {source} import {alias.name}")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and aliases[node.value.id] != module
        ):
            private.append(f"{module}: {aliases[node.value.id]}.{node.attr}")
    imported.discard(module)
    return imported, private


def import_graph(package_dir: Path) -> tuple[dict[str, set[str]], list[str]]:
    modules = module_files(package_dir)
    graph, private = {}, []
    for name, path in modules.items():
        graph[name], found = imports_of(name, path, modules)
        private.extend(found)
    return graph, private


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted: the import cycles."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_sitegen_package_has_no_import_cycle() -> None:
    graph, _ = import_graph(PACKAGE_DIR)
    assert len(graph) > 30, "the package's modules were not found"
    assert cycles(graph) == [], "import cycles between sitegen modules"


def test_no_sitegen_module_imports_a_private_name_of_another() -> None:
    _, private = import_graph(PACKAGE_DIR)
    assert private == []


def test_the_checks_see_a_cycle_a_lazy_import_and_a_private_name(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "a.py").write_text("from pkg.sub.b import _helper\n")
    (package / "sub" / "b.py").write_text("def f():\n    from pkg.sub import c\n    return c._x\n")
    (package / "sub" / "c.py").write_text("from . import a\n")
    graph, private = import_graph(package)
    assert cycles(graph) == [["pkg.sub.a", "pkg.sub.b", "pkg.sub.c"]]
    assert private == ["pkg.sub.a: from pkg.sub.b import _helper", "pkg.sub.b: pkg.sub.c._x"]
