#!/usr/bin/env bash
# Builds the release wasm package into pkg/ (`wasm-pack build --target web`:
# the glue, its JS snippets in pkg/snippets/, the .wasm and the typed
# declarations, as wasm-bindgen and wasm-opt emit them), adds the npm
# package's other files (scripts/package.mjs), and copies the module to
# www/pkg/ for the demo and the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack build --target web --release --out-dir pkg "$@" >/dev/null 2>build.log || { cat build.log; exit 1; }
rm -f build.log
# The npm package: package.json fields, the element, its declarations, the schema (`npm pack` in pkg/).
node scripts/package.mjs >/dev/null
rm -rf www/pkg && mkdir -p www/pkg
cp -r pkg/brief_card.js pkg/brief_card_bg.wasm pkg/brief_card.d.ts pkg/snippets www/pkg/
