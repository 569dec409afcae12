#!/usr/bin/env bash
# Sets up a Debian/Ubuntu machine for Optima Achats: the Debian packages the project needs, then
# `npm ci`. Usage: bash scripts/setup.sh [--tests]
#   (no option)  what `npm ci` needs: libsecret-1-dev + pkg-config, because keytar (pulled in by
#                office-addin-debugging) compiles from source when no prebuilt binary can be fetched
#   --tests      also what the test suite needs: chromium (end-to-end tests of the pane, driven by
#                playwright-core), libreoffice-calc + poppler-utils (the written workbooks are
#                converted to PDF and rendered to PNG). The tests fail, never skip, without them.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsecret-1-dev pkg-config)
if [ "${1:-}" = "--tests" ]; then packages+=(chromium libreoffice-calc poppler-utils); fi

need=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== paquets Debian : ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== npm ci"
npm ci --no-audit --no-fund
