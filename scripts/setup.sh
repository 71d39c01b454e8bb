#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently: each step
# checks first and does nothing when its tool is already there at the right
# version. Only package registries are used (crates.io, npm, Debian); nothing
# downloads a browser, driver or binary from elsewhere (see docs/toolchain.md).
#   bash scripts/setup.sh              everything (the test command; browsers and Java need root)
#   bash scripts/setup.sh --build      only what building needs, without root (the demo)
set -euo pipefail
build_only=false
[ "${1:-}" = "--build" ] && build_only=true
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# --- Debian packages: browsers and drivers (tests only) -------------------
need_apt=()
if ! $build_only; then
command -v chromium >/dev/null     || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null  || need_apt+=(firefox-esr)
command -v brotli >/dev/null       || need_apt+=(brotli)
command -v java >/dev/null         || need_apt+=(default-jre-headless)   # the Nu HTML Checker
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" </dev/null >/dev/null
fi
fi

# --- Rust: wasm target and the wasm-bindgen CLI at the Cargo.lock version --
rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || { log "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }

wb_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
  log "cargo install wasm-bindgen-cli $wb_version"
  # --locked fails here: the registry lacks one pinned dependency version.
  cargo install -q wasm-bindgen-cli --version "$wb_version" --force
fi
command -v wasm-pack >/dev/null || { log "cargo install wasm-pack"; cargo install -q wasm-pack --version 0.15.1; }
$build_only || command -v geckodriver >/dev/null || { log "cargo install geckodriver"; cargo install -q geckodriver --version 0.37.1; }

# --- npm: wasm-opt (binaryen), playwright-core, axe-core, checkers ---------
# Debian's binaryen is too old for what Rust emits; npm's is current.
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ tools/package-lock.json -nt tools/node_modules/.stamp ]; then
  log "npm ci (tools/)"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/.stamp)
fi
# wasm-pack runs the wasm-opt it finds on PATH (else it tries to download
# one). ~/.cargo/bin is on the PATH of anyone who builds Rust, so a copy of
# the same binaryen goes there: plain `wasm-pack build` works as documented.
binaryen=$(node -p 'require("./tools/package.json").dependencies.binaryen')
if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "$(tools/node_modules/.bin/wasm-opt --version | awk '{print $3}')" ]; then
  log "npm install -g --prefix ~/.cargo binaryen@$binaryen"
  npm install -g --prefix "$HOME/.cargo" --no-audit --no-fund --loglevel=error "binaryen@$binaryen"
fi
log "ready: $(wasm-bindgen --version), $(wasm-pack --version), $(wasm-opt --version)"
