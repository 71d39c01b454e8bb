// Completes pkg/ (what `wasm-pack build --target web` made) as the npm
// package "brief-card". It only adds files and fills package.json fields:
// what wasm-bindgen and wasm-opt emitted (brief_card.js, brief_card.d.ts,
// brief_card_bg.wasm, snippets/) is the package as it is. Run by
// scripts/build.sh; `npm pack` in pkg/ then makes the tarball.
//
//   brief-card          pkg/brief_card.js   (renderBrief, renderBriefHtml, validateBrief, BriefCard, init, initSync)
//   brief-card/element  pkg/brief-card.js   (defines <brief-card>; src/brief-card.js, minified)
//   brief-card/react    pkg/brief-card-react.d.ts (types only: <brief-card> in React 19's JSX)
//   brief-card/schema.json, brief-card/brief_card_bg.wasm (for initSync in Node)
//
// The element, our own file, is minified as a whole with terser (its
// comments are for readers of src/), into pkg/ and into www/brief-card.js
// (committed, so that the demo and host pages work from a clone;
// scripts/test.sh fails when it is stale).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { minify as terser } from "../tools/node_modules/terser/main.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const pkg = join(repo, "pkg");
const at = (...p) => join(repo, ...p);
const fail = (m) => { console.error(`scripts/package.mjs: ${m}`); process.exit(1); };

if (!existsSync(join(pkg, "package.json")) || !existsSync(join(pkg, "brief_card.js"))) fail("pkg/ is not a wasm-pack build: run `wasm-pack build --target web` first");
const generated = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));

// Files added beside what wasm-pack made.
const added = {
  "brief-card.d.ts": at("types/brief-card.d.ts"), // the element's declarations
  "brief-card-react.d.ts": at("types/brief-card-react.d.ts"), // <brief-card> in React's JSX (needs @types/react)
  "brief.schema.json": at("docs/brief.schema.json"),
  "README.md": at("README.md"),
  "CHANGELOG.md": at("CHANGELOG.md"),
  // wasm-pack copies these only in some runs; the package always carries its licence.
  "LICENSE-MIT": at("LICENSE-MIT"),
  "LICENSE-APACHE": at("LICENSE-APACHE"),
};
for (const [name, from] of Object.entries(added)) copyFileSync(from, join(pkg, name));

const manifest = {
  ...generated,
  module: "./brief_card.js",
  exports: {
    ".": { types: "./brief_card.d.ts", default: "./brief_card.js" },
    "./element": { types: "./brief-card.d.ts", default: "./brief-card.js" },
    // Types only, as `vite/client` is: `/// <reference types="brief-card/react" />`.
    "./react": { types: "./brief-card-react.d.ts" },
    "./schema.json": "./brief.schema.json",
    "./brief_card_bg.wasm": "./brief_card_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [...new Set([...(generated.files ?? []), "brief_card_bg.wasm.d.ts", "brief-card.js", ...Object.keys(added)])],
  sideEffects: [...new Set([...(generated.sideEffects ?? []), "./brief-card.js"])],
};
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");

// The custom element, minified whole. In www/ the glue is at
// ./pkg/brief_card.js, in the package beside it: the import becomes a
// literal so that bundlers (Vite, webpack, esbuild) follow it and emit the
// glue and the .wasm it fetches.
const minify = async (code, header) =>
  (await terser(code, { module: true, ecma: 2022, compress: { passes: 2 }, mangle: true, format: { comments: false, preamble: header } })).code + "\n";
const element = readFileSync(at("src/brief-card.js"), "utf8");
writeFileSync(at("www/brief-card.js"), await minify(element, "// <brief-card>, minified from src/brief-card.js: edit that file."));
const rewrites = [
  ['new URL("./pkg/brief_card.js", import.meta.url).href', '"./brief_card.js"'],
  ['new URL("./pkg/brief_card_bg.wasm", import.meta.url)', 'new URL("./brief_card_bg.wasm", import.meta.url)'],
  ["import(GLUE)", 'import("./brief_card.js")'],
];
let out = element;
// Each must still match: a rewrite that silently stops matching leaves a
// package whose bundlers cannot find the glue or the wasm.
for (const [from, to] of rewrites) {
  if (!out.includes(from)) fail(`src/brief-card.js no longer contains ${from}: update the rewrite here`);
  out = out.replaceAll(from, to);
}
if (out.includes("./pkg/")) fail("src/brief-card.js still refers to ./pkg/ after the rewrite");
writeFileSync(join(pkg, "brief-card.js"), await minify(out, "// <brief-card>, minified from src/brief-card.js."));
console.log(`pkg/: brief-card@${manifest.version}`);
