"""Step 2, build: run an engine over the generated folder into a fresh output folder.

MkDocs + Material + mkdocs-static-i18n by default; Zensical + zensical-i18n from their own venv
(`.venv-zensical`, which `make build ENGINE=zensical` creates). Both read the config `generate` wrote;
neither runs our code, so the publish step afterwards does not care which one ran.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitegen.project import PROJECT_DIR

ENGINES = ("mkdocs", "zensical")
ZENSICAL_VENV = PROJECT_DIR / ".venv-zensical"


class EngineMissing(Exception):
    pass


def engine_command(engine: str, config: Path, out_dir: Path) -> list[str]:
    if engine == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(out_dir)]
    if engine == "zensical":
        program = Path(os.environ.get("SITEGEN_ZENSICAL_VENV", ZENSICAL_VENV)) / "bin" / "zensical-i18n"
        if not program.is_file():
            raise EngineMissing(f"{program} is missing: run `make zensical` (or `make build ENGINE=zensical`)")
        # zensical-i18n writes site_dir (`site/` beside the config: it refuses folders outside it)
        return [str(program), "build", "--strict", "-f", str(config)]
    raise EngineMissing(f"unknown engine '{engine}'; choose one of: {', '.join(ENGINES)}")


def run_engine(engine: str, config: Path, out_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Build into `out_dir` (which must not exist yet, or be empty); the engine's own messages go to the terminal."""
    command = engine_command(engine, config, out_dir)
    result = subprocess.run(command, env=env, cwd=config.parent)
    if result.returncode == 0 and engine == "zensical":
        built = config.parent / "site"
        shutil.rmtree(out_dir, ignore_errors=True)
        shutil.move(built, out_dir)
    return result
