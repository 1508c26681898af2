"""A plain `mkdocs serve` reloads the package on every rebuild (MkDocs never reloads its hook module):
the order comes from the imports, so a module is reloaded after everything it imports."""

from __future__ import annotations

import sitegen


def test_every_module_is_reloaded_after_the_modules_it_imports() -> None:
    order = sitegen.reload_order()
    imports = sitegen.module_imports()
    assert sorted(order) == sorted(imports)  # every module, once
    for module, imported in imports.items():
        for dependency in imported:
            assert order.index(dependency) < order.index(module), f"{dependency} must be reloaded before {module}"
    assert order.index("content.icons") < order.index("content.validate")  # the edit that was once lost
