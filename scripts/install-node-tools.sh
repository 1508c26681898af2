#!/usr/bin/env bash
# Installs the test tools that are not Python packages, once: Node's axe-core (accessibility) and
# vnu-jar (the Nu Html Checker, which needs Java), and Lighthouse for `make bench`, pinned in package.json / package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v npm >/dev/null || missing+=(nodejs npm)
command -v java >/dev/null || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}; run 'sudo apt-get install ${missing[*]}' (Debian packages)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# npm ci only when the lock file changed since the last install
stamp=node_modules/.installed
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/vnu-jar/build/dist/vnu.jar ] && [ -x node_modules/.bin/lighthouse ]; then
  exit 0
fi
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
touch "$stamp"
