#!/bin/sh
# Accessibility check of the shop and the news and training pages: axe-core in Debian's headless chromium.
#
# Rerun (from the repository root, after `make demo` or `manage.py migrate && manage.py load_demo_data`):
#   DJANGO_DEBUG=true .venv/bin/python manage.py runserver 127.0.0.1:8031 &
#   tools/a11y/run.sh                       # /tin-tuc/, /tap-huan/, their newest article, the home page,
#                                           # catalogue, search, a product, basket, seller and account forms
#   tools/a11y/run.sh http://127.0.0.1:8031 /tin-tuc/ /some/other/page/
# axe-core and puppeteer-core are installed from npm into a temporary folder (never into the repository);
# puppeteer drives /usr/bin/chromium (CHROMIUM=...) and downloads no browser. Exits 1 on a serious or
# critical violation; A11Y_JSON=file.json keeps the full results.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
base=${1:-http://127.0.0.1:8031}
[ $# -gt 0 ] && shift
# A11Y_NODE_DIR=/some/dir keeps the npm packages between runs; otherwise a temporary folder is removed after.
if [ -n "${A11Y_NODE_DIR:-}" ]; then
  modules=$A11Y_NODE_DIR
else
  modules=$(mktemp -d /tmp/ocop-a11y.XXXXXX)
  trap 'rm -rf "$modules"' EXIT
fi
if [ ! -d "$modules/node_modules/axe-core" ] || [ ! -d "$modules/node_modules/puppeteer-core" ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --prefix "$modules" --no-save --no-audit --no-fund --silent \
    axe-core@4.14.1 puppeteer-core@25.16.0 >&2
fi
A11Y_NODE_MODULES="$modules/node_modules" node "$here/axe_check.cjs" "$base" "$@"
