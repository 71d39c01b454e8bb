// Completes pkg/ (after `wasm-pack build --target web`) as the npm package
// "brief-card": package.json with exports, typed declarations, the custom
// element, the JSON Schema. Run by scripts/build.sh; `npm pack` in pkg/ then
// makes the tarball.
//
//   brief-card          pkg/brief_card.js   (renderBrief, renderBriefHtml, validateBrief, init, initSync)
//   brief-card/element  pkg/brief-card.js   (defines <brief-card>; src/brief-card.js, import path rewritten)
//   brief-card/schema.json, brief-card/brief_card_bg.wasm (for initSync in Node)
//
// Every script a page downloads is minified here (terser): the glue, with
// its snippets (src/host.js, src/dom_builder.js) inlined, and the element, which is also
// written to www/brief-card.js (committed, so the demo and host pages work
// from a clone; scripts/test.sh fails when it is stale). Comments and long
// names cost a page about 4 KB gzip; readable sources stay in src/.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { minify as terser } from "../tools/node_modules/terser/main.js";
import { shortenNames } from "./wasm-names.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const pkg = join(repo, "pkg");
const at = (...p) => join(repo, ...p);
const fail = (m) => { console.error(`scripts/package.mjs: ${m}`); process.exit(1); };

// [package] of Cargo.toml: the few fields npm needs (plain `key = "value"` / `key = [..]` lines).
const cargo = readFileSync(at("Cargo.toml"), "utf8").split(/^\[/m).find((s) => s.startsWith("package]")) ?? "";
const field = (k) => cargo.match(new RegExp(`^${k}\\s*=\\s*"((?:[^"\\\\]|\\\\.)*)"`, "m"))?.[1];
const list = (k) => JSON.parse(cargo.match(new RegExp(`^${k}\\s*=\\s*(\\[.*\\])`, "m"))?.[1] ?? "[]");
const version = field("version") ?? fail("no version in Cargo.toml");

const generated = existsSync(join(pkg, "package.json")) ? JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) : {};
const manifest = {
  ...generated,
  name: "brief-card",
  version,
  description: field("description"),
  license: field("license"),
  repository: { type: "git", url: field("repository") },
  keywords: list("keywords"),
  type: "module",
  main: "./brief_card.js",
  module: "./brief_card.js",
  types: "./brief_card.d.ts",
  exports: {
    ".": { types: "./brief_card.d.ts", default: "./brief_card.js" },
    "./element": { types: "./brief-card.d.ts", default: "./brief-card.js" },
    "./schema.json": "./brief.schema.json",
    "./brief_card_bg.wasm": "./brief_card_bg.wasm",
    "./package.json": "./package.json",
  },
  files: [
    "brief_card_bg.wasm", "brief_card_bg.wasm.d.ts", "brief_card.js", "brief_card.d.ts",
    "brief-card.js", "brief-card.d.ts", "brief.schema.json", "README.md", "CHANGELOG.md",
  ],
  sideEffects: ["./brief-card.js"],
};
delete manifest.collaborators;
writeFileSync(join(pkg, "package.json"), JSON.stringify(manifest, null, 2) + "\n");

// The typed declarations (generated from src/schema.rs) replace wasm-bindgen's `any`s.
copyFileSync(at("types/brief_card.d.ts"), join(pkg, "brief_card.d.ts"));
copyFileSync(at("types/brief-card.d.ts"), join(pkg, "brief-card.d.ts"));
copyFileSync(at("docs/brief.schema.json"), join(pkg, "brief.schema.json"));
copyFileSync(at("README.md"), join(pkg, "README.md"));
copyFileSync(at("CHANGELOG.md"), join(pkg, "CHANGELOG.md"));

// Minified ES module text, one header comment kept.
async function minify(code, header) {
  const out = await terser(code, { module: true, ecma: 2022, compress: { passes: 2 }, mangle: true, format: { comments: false, preamble: header } });
  return out.code + "\n";
}

// The glue with its snippets inlined (one module instead of three: a cold
// page then waits for one fetch before the wasm's, not two in a row), minified.
function inlineSnippets(glue) {
  const ids = new Map();
  const id = (spec) => ids.get(spec) ?? (ids.set(spec, `__snippet${ids.size}`), ids.get(spec));
  const named = /import\s*\{([^}]*)\}\s*from\s*(['"])(\.\/snippets\/[^'"]+)\2;?/g;
  const star = /import\s*\*\s*as\s*([\w$]+)\s*from\s*(['"])(\.\/snippets\/[^'"]+)\2;?/g;
  const out = glue
    .replace(named, (_, names, q, spec) => `const {${names.replace(/\bas\b/g, ":")}} = ${id(spec)};`)
    .replace(star, (_, name, q, spec) => `const ${name} = ${id(spec)};`);
  // (The paths stay as the names of the wasm's import modules.)
  if (/(from|import)\s*\(?\s*['"]\.\/snippets\//.test(out)) fail("the glue still imports from ./snippets/ after inlining: update inlineSnippets");
  const defs = [...ids].map(([spec, name]) => {
    const code = readFileSync(join(pkg, spec), "utf8");
    const exported = [...code.matchAll(/^export\s+(?:function|const)\s+([\w$]+)/gm)].map((m) => m[1]);
    if (/^export\b(?!\s+(?:function|const)\s)/m.test(code)) fail(`${spec}: only \`export function\` and \`export const\` can be inlined`);
    return `const ${name} = (() => {\n${code.replace(/^export\s+/gm, "")}\nreturn { ${exported.join(", ")} };\n})();\n`;
  });
  return defs.join("") + out;
}
const glue = join(pkg, "brief_card.js"), wasmFile = join(pkg, "brief_card_bg.wasm"), wasmDts = join(pkg, "brief_card_bg.wasm.d.ts");
// First the names the wasm and the glue share (module, import and export
// names) become short ones, in both (scripts/wasm-names.mjs): -0.5 KB gzip.
let short;
try { short = shortenNames(readFileSync(glue, "utf8"), readFileSync(wasmFile), readFileSync(wasmDts, "utf8")); } catch (e) { fail(e.message); }
try { new WebAssembly.Module(short.wasm); } catch (e) { fail(`the wasm with short names does not compile: ${e.message}`); }
writeFileSync(wasmFile, short.wasm);
writeFileSync(wasmDts, short.dts);
writeFileSync(glue, await minify(inlineSnippets(short.glue), "// brief-card: wasm-bindgen output with src/host.js and src/dom_builder.js inlined, minified by scripts/package.mjs"));
rmSync(join(pkg, "snippets"), { recursive: true, force: true });

// The custom element: in www/ the glue is at ./pkg/brief_card.js, in the
// package beside it. The import becomes a literal so that bundlers (Vite,
// webpack, esbuild) follow it and emit the glue and the .wasm it fetches;
// GLUE (now only named in error messages) stops being a `new URL(…,
// import.meta.url)`, which bundlers would copy as an unused asset.
const element = readFileSync(at("src/brief-card.js"), "utf8");
const header = "// <brief-card>, minified from src/brief-card.js by scripts/package.mjs (bash scripts/build.sh): edit that file, not this one.";
writeFileSync(at("www/brief-card.js"), await minify(element, header));
const rewrites = [
  ['new URL("./pkg/brief_card.js", import.meta.url).href', '"./brief_card.js"'],
  ['new URL("./pkg/brief_card_bg.wasm", import.meta.url)', 'new URL("./brief_card_bg.wasm", import.meta.url)'],
  ["import(GLUE)", 'import("./brief_card.js")'],
];
let out = element;
for (const [i, [from, to]] of rewrites.entries()) {
  if (out.includes(from)) out = out.replaceAll(from, to);
  else if (i === 0) fail(`src/brief-card.js no longer contains ${from}: update the rewrite here`);
  else console.error(`scripts/package.mjs: warning: src/brief-card.js no longer contains ${from}; bundlers may not find the glue`);
}
if (out.includes("./pkg/")) fail("src/brief-card.js still refers to ./pkg/ after the rewrite");
writeFileSync(join(pkg, "brief-card.js"), await minify(out, header.replace(" by scripts/package.mjs (bash scripts/build.sh): edit that file, not this one.", ".")));
console.log(`pkg/: brief-card@${version}`);
