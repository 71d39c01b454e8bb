#!/usr/bin/env bash
# The npm package as host developers use it. Needs pkg/ from `bash scripts/build.sh`,
# tools/node_modules (scripts/setup.sh) and Debian's Chromium; fetches vite from the npm registry.
#
#  1. `npm pack` in pkg/ makes the tarball; its file list is checked.
#  2. A fresh copy of examples/vite installs the tarball, type-checks against
#     the package's declarations (with tests/types' TypeScript, if installed),
#     runs `vite build`, and both cards (renderBrief and brief-card/element)
#     render in headless Chromium.
#  3. Node imports the installed package by its exports and renders HTML.
#  4. The README's plain-HTML snippet, exactly, in a page beside a copy of
#     www/brief-card.js and pkg/, renders; so does the packed element without a bundler.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
step() { printf '\n-- %s\n' "$*"; }

if [ ! -f pkg/package.json ] || [ ! -f pkg/brief-card.js ]; then
  echo "pkg/ is not the npm package yet: run bash scripts/build.sh first" >&2
  exit 1
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp -r pkg "$TMP/pkg"   # one snapshot of the package for every step below
TITLE=$(node -p 'JSON.parse(require("fs").readFileSync("www/briefs/flash-brief.json", "utf8")).title')

step "npm pack"
(cd "$TMP/pkg" && npm pack --pack-destination "$TMP" --loglevel=error >/dev/null)
TGZ=$(echo "$TMP"/brief-card-*.tgz)
[ -f "$TGZ" ] || { echo "npm pack made no tarball" >&2; exit 1; }
# wasm-bindgen's JS snippets (src/web/*.js) are in snippets/, as wasm-pack lays them out.
tar -tzf "$TGZ" | sed 's#^package/##' | sed -E 's#^snippets/[^/]+/#snippets/*/#' | sort >"$TMP/files"
expected="CHANGELOG.md LICENSE-APACHE LICENSE-MIT README.md brief-card-react.d.ts brief-card.d.ts brief-card.js brief.schema.json brief_card.d.ts brief_card.js brief_card_bg.wasm brief_card_bg.wasm.d.ts package.json snippets/*/src/web/build.js snippets/*/src/web/copy.js"
set -f  # the names hold `*`, not globs
for f in $expected; do grep -qxF "$f" "$TMP/files" || { echo "missing from the tarball: $f" >&2; exit 1; }; done
extra=$(grep -vxF -f <(tr ' ' '\n' <<<"$expected") "$TMP/files" || true)
[ -z "$extra" ] || { echo "unexpected in the tarball: $extra" >&2; exit 1; }
echo "ok: $(basename "$TGZ") holds exactly: $expected"
set +f

step "a Vite app from the tarball (examples/vite)"
mkdir "$TMP/app"
(cd examples/vite && cp -rL index.html package.json package-lock.json vite.config.js tsconfig.json src public "$TMP/app/")
(cd "$TMP/app" && npm install --no-audit --no-fund --loglevel=error "$TGZ" >/dev/null)
[ ! -L "$TMP/app/node_modules/brief-card" ] || { echo "brief-card is linked, not installed from the tarball" >&2; exit 1; }
node -e 'const p = require(process.argv[1] + "/node_modules/brief-card/package.json"); if (p.version !== process.argv[2]) throw new Error(`installed ${p.version}`)' \
  "$TMP/app" "$(tar -xzOf "$TGZ" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).version')"
if [ -x tests/types/node_modules/.bin/tsc ]; then
  tests/types/node_modules/.bin/tsc -p "$TMP/app/tsconfig.json"
  echo "ok: the app type-checks against the installed package's declarations"
else
  echo "(skipped the type check: run npm ci in tests/types first)"
fi
(cd "$TMP/app" && npx --no-install vite build --logLevel error)
ls "$TMP/app/dist/assets/" | grep -q '\.wasm$' || { echo "vite build emitted no .wasm" >&2; exit 1; }
node tests/package/check.mjs "$TMP/app/dist" index.html "$TITLE" "#api" "#element"

step "Node: the installed package by its exports"
cat >"$TMP/app/ssr.mjs" <<'JS'
import { readFileSync } from "node:fs";
import { initSync, renderBriefHtml, validateBrief } from "brief-card";
initSync({ module: readFileSync(new URL(import.meta.resolve("brief-card/brief_card_bg.wasm"))) });
const schema = JSON.parse(readFileSync(new URL(import.meta.resolve("brief-card/schema.json")), "utf8"));
const brief = JSON.parse(readFileSync(new URL("./public/briefs/flash-brief.json", import.meta.url), "utf8"));
const html = renderBriefHtml(brief, { email: true });
if (!html.includes(brief.title) || validateBrief(brief).length || !schema.$defs.Brief) throw new Error("unexpected output");
console.log(`ok: renderBriefHtml in Node (${html.length} characters); schema.json and the .wasm resolve`);
JS
(cd "$TMP/app" && node ssr.mjs)

step "the README's plain-HTML snippet, and the packed element without a bundler"
mkdir -p "$TMP/plain/pkg" "$TMP/plain/briefs" "$TMP/plain/node_modules/brief-card"
cp www/brief-card.js "$TMP/plain/"
cp -r "$TMP/pkg/brief_card.js" "$TMP/pkg/brief_card_bg.wasm" "$TMP/pkg/snippets" "$TMP/plain/pkg/"
cp www/briefs/flash-brief.json "$TMP/plain/briefs/"
tar -xzf "$TGZ" -C "$TMP/plain/node_modules/brief-card" --strip-components=1
snippet=$(awk '/^### Embed it \(plain HTML\)/ { on = 1; next } on && /^```html$/ { grab = 1; next } grab && /^```$/ { exit } grab' README.md)
[ -n "$snippet" ] || { echo "no html snippet under \"### Embed it (plain HTML)\" in README.md" >&2; exit 1; }
page() { printf '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>%s</title><link rel="icon" href="data:,"></head>\n<body>\n%s\n</body>\n</html>\n' "$1" "$2"; }
page "README snippet" "$snippet" >"$TMP/plain/index.html"
page "packed element" '<script type="module" src="/node_modules/brief-card/brief-card.js"></script>
<brief-card src="/briefs/flash-brief.json">fallback</brief-card>' >"$TMP/plain/package.html"
node tests/package/check.mjs "$TMP/plain" index.html "$TITLE" "brief-card"
node tests/package/check.mjs "$TMP/plain" package.html "$TITLE" "brief-card"

echo
echo "package: all checks passed"
