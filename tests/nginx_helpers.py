"""Run Debian's nginx with the repository's configuration (deploy/nginx/) over a `make dist` folder.

For the hosting test and the load benchmark: 127.0.0.1, a free port, its own temporary prefix,
pid and log files, in the foreground, stopped when the `with` block ends.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sitegen.project import PROJECT_DIR

NGINX = Path("/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
DEPLOY_DIR = PROJECT_DIR / "deploy" / "nginx"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_user() -> str:
    """Started as root, nginx runs its workers as `nobody`, as Debian's nginx runs them as `www-data`: another,
    unprivileged user, who reads the site only if its folders and files are readable by all (0755/0644)."""
    account = pwd.getpwnam("nobody")
    return f"user {account.pw_name} {grp.getgrgid(account.pw_gid).gr_name};\n"


def nginx_config(
    prefix: Path, port: int, root: Path, csp_include: Path, workers: int, deploy_dir: Path = DEPLOY_DIR
) -> str:
    """The same include files as deploy/nginx/nginx.conf (or a copy in `deploy_dir`), every path under `prefix`."""
    temp_paths = "\n".join(
        f"    {name}_temp_path {prefix / name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    user = worker_user() if os.geteuid() == 0 else ""  # not root: the workers are this unprivileged user
    return f"""\
load_module {BROTLI_MODULE};
{user}daemon off;
worker_processes {workers};
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{
    worker_connections 1024;
}}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log off;
{temp_paths}
    include {deploy_dir / "site-http.conf"};
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include {csp_include};
        include {deploy_dir / "site-server.conf"};
    }}
}}
"""


@contextlib.contextmanager
def serve_dist(
    dist_dir: Path, csp_include: Path, workers: int = 1, port: int | None = None, deploy_dir: Path = DEPLOY_DIR
) -> Iterator[str]:
    """Serve `dist_dir` with nginx (on `port`, or a free one); yields the base URL (no trailing slash).

    `dist_dir` must be readable by an unprivileged user, all the way down from `/` (see `worker_user`)."""
    with tempfile.TemporaryDirectory(prefix="nginx-") as temp:
        prefix = Path(temp)
        port = port or free_port()
        config = prefix / "nginx.conf"
        config.write_text(nginx_config(prefix, port, dist_dir.resolve(), csp_include.resolve(), workers, deploy_dir))
        command = [str(NGINX), "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(config)]
        checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx rejected the configuration:\n{checked.stderr}")
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_for_port(port, process)
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped at start:\n{process.stderr.read() if process.stderr else ''}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port} within {timeout} s")
