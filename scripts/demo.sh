#!/usr/bin/env bash
# The demo: installs what building needs (idempotent, no root: the wasm
# target, wasm-bindgen, wasm-pack, binaryen from npm), builds the wasm package
# into www/pkg/ and serves www/ on http://localhost:${PORT:-8080}/ (Ctrl-C stops it).
# Needs only Rust (rustup) and Node; browsers and checkers are the test command's.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
bash scripts/setup.sh --build
bash scripts/build.sh
echo "brief-card demo: http://localhost:$PORT/  (playground: http://localhost:$PORT/#playground)"
exec node tools/serve.mjs --port "$PORT"
