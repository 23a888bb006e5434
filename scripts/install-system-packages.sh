#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the e2e tests (Playwright cannot download its own browser here).
# Installs only what is missing; needs root (as on CI and these build machines). Elsewhere it says what to install.
set -euo pipefail
packages=(chromium fonts-dejavu-core)
command -v dpkg >/dev/null 2>&1 || { echo "Not a Debian-like system: install Chromium yourself and set CHROMIUM_PATH for the e2e tests."; exit 0; }
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The e2e tests need: sudo apt-get install ${missing[*]}"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed ${missing[*]}"
