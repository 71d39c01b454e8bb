#!/usr/bin/env bash
# The one command that runs every test from a fresh clone, installing what
# is missing first (idempotently). CI (.ci/run) calls exactly this.
#   bash scripts/test.sh            everything
#   SKIP_FIREFOX=1 bash scripts/test.sh   skip the second browser (faster local runs)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "native tests: model, validation, URL policy, view, HTML and email sinks, CLI, page"
cargo test --quiet

step "lints (no unwrap/expect/indexing panics reachable from input), formatting and the API docs"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
# Without its default features (feature "web"), a wasm32 build has no
# #[wasm_bindgen] exports: a Rust program that depends on the crate gets
# only what it asked for.
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
# ... and what such a program calls compiles there (tests/without_web.rs).
cargo check --quiet --tests --target wasm32-unknown-unknown --no-default-features
no_web=$(cargo build --quiet --lib --target wasm32-unknown-unknown --no-default-features --message-format=json |
  { grep -o '"[^"]*/brief_card\.wasm"' || true; } | tr -d '"' | tail -n 1)
if [ -z "$no_web" ] || grep -q -a -e renderBrief -e __wbindgen "$no_web"; then
  echo "the wasm32 build without the web feature still exports the browser API" >&2
  exit 1
fi
# The API docs' links resolve (a renamed or moved item breaks them silently otherwise).
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps --lib

step "release wasm package"
bash scripts/build.sh
bash tests/size-budget.sh
# www/brief-card.js is committed but minified from src/brief-card.js by the build: it must be current.
if git rev-parse --git-dir >/dev/null 2>&1 && ! git diff --quiet -- www/brief-card.js; then
  echo "www/brief-card.js differs from what the build makes of src/brief-card.js: stage or commit it" >&2
  exit 1
fi

step "HTML validity (Nu HTML Checker) of every static output"
bash tests/vnu.sh

step "the live card in headless Chromium (tests/web.rs)"
wasm-pack test --headless --chrome
if [ -z "${SKIP_FIREFOX:-}" ]; then
  step "the live card in headless Firefox (tests/web.rs)"
  wasm-pack test --headless --firefox
fi

step "host developers: TypeScript, JSON Schema vs validateBrief, Node SSR, the npm package in Vite"
bash tests/host-dev.sh

step "hostile input in Chromium: XSS corpus through every field, malformed JS values, memory, strict CSP"
bash tests/hostile/glue-check.sh
node --test --test-concurrency=1 tests/hostile/

step "end-to-end: <brief-card> in Chromium, served over HTTP"
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
node --test --test-concurrency=1 tests/e2e/

step "the benchmark's hand-written baseline still renders the widget's DOM (bench/run.mjs --identity)"
node bench/run.mjs --no-build --identity
