#!/usr/bin/env bash
# Installs the press office's editor for `make edit`, once: decap-server (the local backend, pinned in
# editor/package-lock.json) and the Decap CMS browser bundle, one pinned npm tarball checked against
# its SHA-512 and unpacked into editor/vendor/decap-cms/, from where `make edit` serves it.
set -euo pipefail
cd "$(dirname "$0")/.."
DECAP_VERSION=3.16.3
DECAP_INTEGRITY="sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: nodejs npm; run 'sudo apt-get install nodejs npm' (Debian packages)." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

stamp=editor/node_modules/.installed
if ! { [ -f "$stamp" ] && [ "$stamp" -nt editor/package-lock.json ] && [ -f editor/node_modules/decap-server/dist/index.js ]; }; then
  (cd editor && npm ci --omit=dev --no-audit --no-fund --ignore-scripts --loglevel=error)
  touch "$stamp"
fi

vendor=editor/vendor/decap-cms
if [ "$(cat "$vendor/VERSION" 2>/dev/null)" = "$DECAP_VERSION" ]; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(cd "$work" && npm pack "decap-cms@$DECAP_VERSION" --silent)
actual="sha512-$(openssl dgst -sha512 -binary "$work/$tarball" | base64 -w0)"
if [ "$actual" != "$DECAP_INTEGRITY" ]; then
  echo "decap-cms-$DECAP_VERSION.tgz does not match its pinned SHA-512; nothing installed." >&2
  exit 1
fi
tar -xzf "$work/$tarball" -C "$work"
rm -rf "$vendor"
mkdir -p "$vendor"
# The bundle, the chunks it loads next to itself, its WebAssembly and licences; no source maps,
# and not cms.js (a second copy of the same bundle).
cp "$work"/package/dist/decap-cms.js "$work"/package/dist/*.decap-cms.js "$work"/package/dist/*.wasm "$vendor"/
cp "$work"/package/dist/decap-cms.js.LICENSE.txt "$vendor"/
cp "$work"/package/LICENSE "$vendor"/LICENSE 2>/dev/null || true
echo "$DECAP_VERSION" > "$vendor/VERSION"
