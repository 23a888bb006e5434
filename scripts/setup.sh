# Set-up for a fresh checkout. Source it from the project folder, so the Node it picks stays on your PATH:
#   source scripts/setup.sh && npm start
# It installs Chromium for the e2e tests and what the OS keychain needs (libsecret to build keytar, gnome-keyring and D-Bus
# for the tests) on Debian-like systems (as root), puts a Node >= 22.12 first on PATH (bringing Node 24 from the npm registry
# when the system's is older), installs the locked dependencies (building keytar), and fetches the Electron binary where
# downloads are possible.
_sam_desk_setup_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=use-node24.sh
bash "$_sam_desk_setup_root/scripts/install-system-packages.sh" &&
  source "$_sam_desk_setup_root/scripts/use-node24.sh" &&
  (
    cd "$_sam_desk_setup_root" &&
      # keytar builds from source where its prebuilt binary cannot be downloaded: let node-gyp use the Node headers on
      # disk (Debian's nodejs: /usr/include/node) rather than download them. N-API: the build loads in Electron too.
      if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/common.gypi ]; then export npm_config_nodedir=/usr; fi &&
      npm ci --no-audit --no-fund
  ) &&
  if [ -z "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" ]; then
    # Electron fetches its binary on first use; doing it here keeps `npm start` quick and tells you the outcome.
    if (cd "$_sam_desk_setup_root" && node node_modules/electron/install.js >/dev/null 2>&1); then
      echo "Electron is installed: npm start opens the desktop app."
    else
      echo "The Electron binary could not be downloaded here: npm start will run SAM Desk in browser mode."
    fi
  fi
