"""Load check: Debian's wrk against nginx serving `make dist` on 127.0.0.1, bounded in time."""

from __future__ import annotations

import re
import subprocess

from _common import quick, real_dist

WRK = "/usr/bin/wrk"
PATHS = ("en/qd-166-2021/", "qd-166-2021/ngan-sach-nha-nuoc/")


def parse(output: str) -> dict:
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    latency = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    return {
        "requests_per_second": float(rate.group(1)) if rate else 0.0,
        "requests": int(total.group(1)) if total else 0,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(int(n) for n in socket.groups()) if socket else 0,
        "latency_p99": latency.group(1) if latency else "",
    }


def run() -> dict:
    from nginx_helpers import serve_dist
    from sitegen.publish.dist import csp_include_path

    seconds = 3 if quick() else 10
    dist = real_dist()
    results = {}
    with serve_dist(dist, csp_include_path(dist), workers=2) as base:
        for path in PATHS:
            command = [WRK, "-t2", "-c32", f"-d{seconds}s", "--latency", "-H", "Accept-Encoding: br, gzip"]
            output = subprocess.run([*command, f"{base}/{path}"], capture_output=True, text=True, check=True).stdout
            results[path] = {**parse(output), "seconds": seconds, "threads": 2, "connections": 32}
    return {
        "paths": results,
        "table": {
            "title": "Load check: wrk -t2 -c32 against nginx (2 workers) on 127.0.0.1, brotli responses",
            "columns": ["page", "seconds", "requests/s", "requests", "errors (non-2xx + socket)", "p99 latency"],
            "rows": [
                [
                    "/" + path,
                    r["seconds"],
                    f"{r['requests_per_second']:,.0f}",
                    f"{r['requests']:,}",
                    r["non_2xx"] + r["socket_errors"],
                    r["latency_p99"],
                ]
                for path, r in results.items()
            ],
        },
    }
