"""Step 2, build: run an engine over the generated folder into a fresh output folder.

MkDocs + Material + mkdocs-static-i18n by default; Zensical + zensical-i18n from their own venv
(`.venv-zensical`, which `make build ENGINE=zensical` creates). Both read the config `generate` wrote;
neither runs our code, so the publish step afterwards does not care which one ran.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import signal
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
        # `mkdocs build` with English in a forked child (sitegen/engine/parallel.py; SITEGEN_JOBS=1: one process)
        command = ["build", "--strict", "--quiet", "-f", str(config), "-d", str(out_dir)]
        return [sys.executable, "-m", "sitegen.engine.parallel", *command]
    if engine == "zensical":
        program = Path(os.environ.get("SITEGEN_ZENSICAL_VENV", ZENSICAL_VENV)) / "bin" / "zensical-i18n"
        if not program.is_file():
            raise EngineMissing(f"{program} is missing: run `make zensical` (or `make build ENGINE=zensical`)")
        # zensical-i18n writes site_dir (`site/` beside the config: it refuses folders outside it)
        return [str(program), "build", "--strict", "-f", str(config)]
    raise EngineMissing(f"unknown engine '{engine}'; choose one of: {', '.join(ENGINES)}")


_PR_SET_PDEATHSIG = 1
_OS_ERROR_LINE = re.compile(r"(?:\w+\.)*\w*Error: \[Errno \d+\] (?P<reason>[^:]+)(?:: '(?P<path>.*)')?")


def run_engine(engine: str, config: Path, out_dir: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Build into `out_dir` (which must not exist yet, or be empty); the engine's own messages go to the terminal,
    except that a system error (disk full, no permission) is one line naming the path instead of a traceback.

    The engine dies with this process (`kill -9` of the build included), so it never writes on afterwards."""
    command = engine_command(engine, config, out_dir)
    result = subprocess.run(
        command, env=env, cwd=config.parent, stderr=subprocess.PIPE, text=True, preexec_fn=die_with_parent
    )
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    system_error = _OS_ERROR_LINE.fullmatch(lines[-1].strip()) if lines and "Traceback" in result.stderr else None
    if result.returncode != 0 and system_error:
        path = system_error["path"] or "a file of the site"
        print(f"Could not write {path}: {system_error['reason']}.", file=sys.stderr)
    else:
        sys.stderr.write(result.stderr)
    if result.returncode == 0 and engine == "zensical":
        built = config.parent / "site"
        shutil.rmtree(out_dir, ignore_errors=True)
        shutil.move(built, out_dir)
    return result


def die_with_parent() -> None:
    """In a child, before exec: killed when this process dies, so it never writes on afterwards."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
