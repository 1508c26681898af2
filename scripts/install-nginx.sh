#!/usr/bin/env bash
# Installs Debian's nginx with the brotli_static module (for the dist/ test) and wrk (for `make bench`), once.
set -euo pipefail
missing=()
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
[ -x /usr/bin/wrk ] || missing+=(wrk)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}: run 'sudo apt-get install ${missing[*]}' (Debian packages)." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# installed, not started: the tests and the benchmark run their own nginx on 127.0.0.1 (policy-rc.d
# exit 101 tells the package scripts not to start the system service on port 80)
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
