#!/usr/bin/env bash
# Debian packages the build and the tests need: Chromium for the e2e tests (Playwright cannot download its own browser
# here); a C++ toolchain, pkg-config and libsecret-1-dev to build keytar from source (no prebuilt binary is reachable);
# gnome-keyring, dbus and dbus-x11 for a real OS keychain in a D-Bus session during the tests (scripts/with-keyring.mjs).
# Installs only what is missing; needs root (as on CI and these build machines). Elsewhere it says what to install.
set -euo pipefail
packages=(chromium fonts-dejavu-core g++ make python3 pkg-config libsecret-1-dev gnome-keyring dbus dbus-x11)
command -v dpkg >/dev/null 2>&1 || { echo "Not a Debian-like system: install Chromium yourself and set CHROMIUM_PATH for the e2e tests; on Linux, also libsecret (development files) and a Secret Service such as gnome-keyring or KWallet."; exit 0; }
missing=()
for package in "${packages[@]}"; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "The build and the tests need: sudo apt-get install ${missing[*]}"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed ${missing[*]}"
