#!/bin/sh
# npm start: install, build, and serve the demo, widget, API and dashboard on one port.
set -eu
cd "$(dirname "$0")/.."
# node-gyp builds better-sqlite3 against the headers Node ships in /usr/include/node (no download).
[ -d /usr/include/node ] && export npm_config_nodedir="${npm_config_nodedir:-/usr}"
npx -y pnpm@12.4.2 install --frozen-lockfile
npx -y pnpm@12.4.2 -r run build
export SEED_DEMO="${SEED_DEMO:-1}"
# exec: the server becomes this process, so a supervisor's SIGTERM reaches it directly.
exec node --conditions=vo-dist packages/collector/dist/server.js
