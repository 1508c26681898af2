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
apt-get update -qq
# nginx is installed but not started: the tests and the benchmark run their own instance on 127.0.0.1
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
