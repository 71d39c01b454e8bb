#!/usr/bin/env bash
# Builds the release wasm package into pkg/ (what `wasm-pack build --target web`
# makes), completes it as the npm package "brief-card" (scripts/package.mjs),
# and copies the module to www/pkg/ for the demo and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack build --target web --release --out-dir pkg "$@" >/dev/null 2>build.log || { cat build.log; exit 1; }
rm -f build.log
# The npm package: package.json, typed declarations, the element, the schema (`npm pack` in pkg/).
node scripts/package.mjs >/dev/null
rm -rf www/pkg && mkdir -p www/pkg && cp pkg/brief_card.js pkg/brief_card_bg.wasm pkg/brief_card.d.ts www/pkg/
