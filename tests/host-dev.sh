#!/usr/bin/env bash
# What host developers rely on, in order: the TypeScript declarations
# (tests/types), the JSON Schema against the real validator (tests/schema),
# server-side rendering in Node (tests/node), and the npm package in a Vite
# app, in Node and in plain HTML (tests/package), and in React, Vue and
# Svelte apps and a server-rendering Node app (tests/frameworks). The generated files
# (docs/brief.schema.json, types/*.d.ts, docs/format-reference.md) are
# checked for drift by `cargo test` (tests/generated.rs).
#
# Needs pkg/ from `bash scripts/build.sh` (built here if missing),
# tools/node_modules and Chromium (scripts/setup.sh), and the npm registry.
#   bash tests/host-dev.sh
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
npm_ci() { (cd "$1" && npm ci --no-audit --no-fund --loglevel=error); }

[ -f pkg/package.json ] && [ -f pkg/brief-card.js ] || bash scripts/build.sh

step "host developers: TypeScript declarations accept correct use and reject wrong use (tests/types)"
npm_ci tests/types
tests/types/node_modules/.bin/tsc --noEmit -p tests/types
echo "ok: good.ts type-checks; every @ts-expect-error in bad.ts is an error"

step "host developers: the JSON Schema agrees with validateBrief (tests/schema)"
npm_ci tests/schema
node --test tests/schema/

step "host developers: server-side rendering in Node (tests/node)"
node --test tests/node/

step "host developers: the npm package in a Vite app, in Node and in plain HTML (tests/package)"
bash tests/package/run.sh

step "host developers: the npm package in React, Vue and Svelte apps, and server rendering in Node (tests/frameworks)"
bash tests/frameworks/run.sh
