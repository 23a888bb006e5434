# Sourced by .ci/run (and usable by hand): makes sure a Node >= 22.12 is first on PATH.
# Machines here ship Node 20; current Electron embeds Node 24, and vitest, eslint and i18next want >= 22,
# so Node 24 is brought from the npm registry into .tools/ (no other download is possible here).
_sam_desk_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_sam_desk_node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null; }
if ! _sam_desk_node_ok; then
  if [ ! -x "$_sam_desk_root/.tools/node_modules/.bin/node" ]; then
    echo "Installing Node 24 into .tools/ from the npm registry…"
    npm install --no-save --no-package-lock --prefix "$_sam_desk_root/.tools" node@24 >/dev/null
  fi
  export PATH="$_sam_desk_root/.tools/node_modules/.bin:$PATH"
fi
echo "Using Node $(node --version)"
