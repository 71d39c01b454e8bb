#!/usr/bin/env bash
# The npm package in React, Vue and Svelte apps, as their users install it.
# Needs pkg/ from `bash scripts/build.sh`, tools/node_modules (scripts/setup.sh),
# Debian's Chromium, and the npm registry (each example's package-lock.json).
#
# `npm pack` makes the tarball from a copy of pkg/. Then, for each of
# examples/react, examples/vue and examples/svelte, in a fresh copy:
#  1. `npm ci` (the committed lockfile), then `npm install` the tarball; it
#     must be installed from the tarball, not linked;
#  2. React: `tsc --noEmit`, with tests/frameworks/react-types.tsx beside the
#     app: <brief-card> is typed in JSX (brief-card/react), right use passes
#     and each `@ts-expect-error` is an error. Vue: the element's declarations
#     type-check where @types/react is not installed. Node imports
#     brief-card/element without throwing (server rendering);
#  3. `vite build`, which must print no warning, and a development build
#     (`NODE_ENV=development`), where the frameworks warn about misuse (Vue,
#     for one, about a <brief-card> it takes for a component);
#  4. both builds, served over HTTP, in headless Chromium
#     (tests/frameworks/check.mjs): the card renders, the framework's
#     attributes reach it, the app's brief-card:render listener runs, and
#     the page reports no error and no warning.
# examples/ssr-node (server rendering in plain Node, no bundler) is installed
# the same way (step 1); then the README's "Server rendering" snippet must be
# the example's own code, and tests/frameworks/ssr-check.mjs runs its server
# and checks the page it serves, over HTTP and in Chromium.
#   bash tests/frameworks/run.sh [react] [vue] [svelte] [ssr-node]     (default: all four)
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
step() { printf '\n-- %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

if [ ! -f pkg/package.json ] || [ ! -f pkg/brief-card.js ]; then
  echo "pkg/ is not the npm package yet: run bash scripts/build.sh first" >&2
  exit 1
fi
frameworks=("$@")
[ ${#frameworks[@]} -gt 0 ] || frameworks=(react vue svelte ssr-node)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The examples depend on "file:../../pkg": a copy at $TMP/x/NAME finds this snapshot at $TMP/pkg.
cp -r pkg "$TMP/pkg"
mkdir "$TMP/x"
TITLE=$(node -p 'JSON.parse(require("fs").readFileSync("www/briefs/flash-brief.json", "utf8")).title')

step "npm pack"
(cd "$TMP/pkg" && npm pack --pack-destination "$TMP" --loglevel=error >/dev/null)
TGZ=$(echo "$TMP"/brief-card-*.tgz)
[ -f "$TGZ" ] || fail "npm pack made no tarball"
VERSION=$(tar -xzOf "$TGZ" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).version')
echo "ok: $(basename "$TGZ")"

# The README's ```LANG snippet under "### Frameworks: React, Vue, Svelte".
snippet() {
  local code
  code=$(awk -v fence="\`\`\`$1" '/^### Frameworks: React, Vue, Svelte/ { on = 1; next } on && /^##/ { exit }
    on && $0 == fence { grab = 1; next } grab && /^```$/ { exit } grab' README.md)
  [ -n "$code" ] || fail "no $1 snippet under \"### Frameworks: React, Vue, Svelte\" in README.md"
  printf '%s\n' "$code"
}

# vite build with warnings only; anything it prints is a failure.
build() {
  local out
  out=$(npx --no-install vite build --logLevel warn "$@" 2>&1) || { echo "$out"; fail "vite build $*"; }
  [ -z "$out" ] || { echo "$out"; fail "vite build $* printed warnings"; }
}

for fw in "${frameworks[@]}"; do
  [ -d "examples/$fw" ] || fail "no examples/$fw"
  step "$fw: examples/$fw from the tarball"
  app="$TMP/x/$fw"
  mkdir "$app"
  # The example as committed (public/briefs is a link to www/briefs: -h copies what it points to).
  tar -C "examples/$fw" --exclude=./node_modules --exclude=./dist --exclude=./dist-dev -chf - . | tar -C "$app" -xf -
  (cd "$app" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm install --no-audit --no-fund --loglevel=error "$TGZ" >/dev/null)
  [ ! -L "$app/node_modules/brief-card" ] || fail "brief-card is linked, not installed from the tarball"
  node -e '
    const [app, version] = process.argv.slice(1);
    const entry = require(`${app}/package-lock.json`).packages["node_modules/brief-card"];
    const installed = require(`${app}/node_modules/brief-card/package.json`).version;
    if (entry.link || !/\.tgz$/.test(entry.resolved ?? "") || !entry.integrity) throw new Error(`not installed from the tarball: ${JSON.stringify(entry)}`);
    if (installed !== version) throw new Error(`installed ${installed}, packed ${version}`);
  ' "$app" "$VERSION"
  cmp -s "$app/node_modules/brief-card/brief_card_bg.wasm" "$TMP/pkg/brief_card_bg.wasm" || fail "the installed .wasm is not the packed one"
  echo "ok: npm ci, then brief-card@$VERSION installed from the tarball (not linked)"

  if [ "$fw" = ssr-node ]; then
    # Every line of the README's snippet (but comments) is in the example's code.
    code=$(awk '/^### Server rendering/ { on = 1; next } on && /^##/ { exit } on && /^```js$/ { grab = 1; next } grab && /^```$/ { exit } grab' README.md)
    [ -n "$code" ] || fail "no js snippet under \"### Server rendering\" in README.md"
    missing=$(printf '%s\n' "$code" | sed -E 's#^[[:space:]]+##; s#[[:space:]]+//.*$##' | grep -v -e '^$' -e '^//' | grep -vxF -f <(sed -E 's#^[[:space:]]+##; s#[[:space:]]+//.*$##' examples/ssr-node/lib/brief-card.mjs examples/ssr-node/app/*.mjs) || true)
    [ -z "$missing" ] || { echo "$missing"; fail "these lines of the README's Server rendering snippet are not in examples/ssr-node"; }
    echo "ok: the README's Server rendering snippet is the example's code"
    node tests/frameworks/ssr-check.mjs "$app" "$TITLE"
    continue
  fi

  case $fw in
  react)
    cp tests/frameworks/react-types.tsx "$app/src/"
    snippet tsx >"$app/src/readme-snippet.tsx"
    (cd "$app" && npx --no-install tsc --noEmit -p .)
    rm "$app/src/react-types.tsx" "$app/src/readme-snippet.tsx"
    echo "ok: tsc --noEmit: <brief-card> is typed in JSX (brief-card/react); every @ts-expect-error in react-types.tsx is an error; the README's tsx snippet type-checks"
    (cd "$app" && node --input-type=module -e 'await import("brief-card/element"); if (globalThis.customElements) throw new Error("defined in Node?")')
    echo "ok: Node imports the installed brief-card/element without throwing"
    ;;
  vue)
    snippet vue >"$app/readme-snippet.vue"
    (cd "$app" && node --input-type=module -e '
      import { readFileSync } from "node:fs";
      import { parse, compileScript, compileTemplate } from "@vue/compiler-sfc";
      const { descriptor, errors } = parse(readFileSync("readme-snippet.vue", "utf8"), { filename: "readme-snippet.vue" });
      const script = compileScript(descriptor, { id: "snippet" });
      const warnings = [];
      const template = compileTemplate({ source: descriptor.template.content, filename: "readme-snippet.vue", id: "snippet",
        compilerOptions: { isCustomElement: (tag) => tag === "brief-card", bindingMetadata: script.bindings, onWarn: (w) => warnings.push(w.message) } });
      const all = [...errors, ...template.errors, ...warnings];
      if (all.length) throw new Error(all.join("; "));
      if (!template.code.includes("onBriefCard:render")) throw new Error("the snippet binds no brief-card:render listener");')
    echo "ok: the README's vue snippet compiles"
    [ ! -e "$app/node_modules/@types/react" ] || fail "@types/react is installed in the Vue app"
    mkdir "$app/no-react"
    cat >"$app/no-react/probe.ts" <<'TS'
import type { BriefCardAttributes, BriefCardElement } from "brief-card/element";
import "brief-card/element";
export const card: BriefCardElement | null = document.querySelector("brief-card");
export const attributes: BriefCardAttributes = { src: "/b.json", theme: "dark", "heading-level": 3 };
TS
    cat >"$app/no-react/tsconfig.json" <<'JSON'
{ "compilerOptions": { "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler", "lib": ["ES2022", "ESNext.Disposable", "DOM"],
  "types": [], "strict": true, "noEmit": true, "skipLibCheck": false }, "files": ["probe.ts"] }
JSON
    # TypeScript from the React app when it ran first, else from tests/types.
    tsc="$TMP/x/react/node_modules/typescript/bin/tsc"
    [ -f "$tsc" ] || tsc=tests/types/node_modules/typescript/bin/tsc
    if [ -f "$tsc" ]; then
      node "$tsc" -p "$app/no-react"
      echo "ok: brief-card/element's declarations type-check without @types/react (skipLibCheck off)"
    else
      echo "(skipped the check without @types/react: run npm ci in tests/types first)"
    fi
    ;;
  svelte)
    snippet svelte >"$app/readme-snippet.svelte"
    (cd "$app" && node --input-type=module -e '
      import { readFileSync } from "node:fs";
      import { compile } from "svelte/compiler";
      const { warnings } = compile(readFileSync("readme-snippet.svelte", "utf8"), { filename: "readme-snippet.svelte" });
      if (warnings.length) throw new Error(warnings.map((w) => w.message).join("; "));')
    echo "ok: the README's svelte snippet compiles without warnings"
    ;;
  esac

  (cd "$app" && build && NODE_ENV=development build --outDir dist-dev)
  ls "$app/dist/assets/" | grep -q '\.wasm$' || fail "vite build emitted no .wasm"
  echo "ok: vite build (production and development), no warnings"
  echo "production build:"
  node tests/frameworks/check.mjs "$app/dist" "$TITLE"
  echo "development build:"
  node tests/frameworks/check.mjs "$app/dist-dev" "$TITLE"
done

echo
echo "frameworks: all checks passed (${frameworks[*]})"
