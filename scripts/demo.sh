#!/usr/bin/env bash
# The demo: installs the tools (idempotent), builds the wasm package into
# www/pkg/ and serves www/ on http://localhost:${PORT:-8080}/ (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
bash scripts/setup.sh
bash scripts/build.sh
echo "brief-card demo: http://localhost:$PORT/  (playground: http://localhost:$PORT/#playground)"
exec node tools/serve.mjs --port "$PORT"
