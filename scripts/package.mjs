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
// names cost a page about 4 KB gzip; readable sources stay in src/. The
// names the wasm and the glue share (wasm-bindgen's hashed import names,
// its export names) are shortened in both first (scripts/wasm-names.mjs).
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { minify as terser } from "../tools/node_modules/terser/main.js";
import * as acorn from "../tools/node_modules/acorn/dist/acorn.mjs";
import { shortenNames } from "./wasm-names.mjs";
import { zeroDeadDigitPairs, zeroPanicTexts } from "./wasm-dead-data.mjs";

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

// Minified ES module text, one header comment kept (short: in the minified
// text it costs as much gzip as any code). unsafe_arrows and unsafe_methods
// turn function expressions that use neither `this` nor `arguments` into
// arrows or methods, which cannot be called with `new`: none of these is.
// `properties`: names of properties that only this file reads (mangled too).
async function minify(code, header, properties) {
  const mangle = properties ? { properties: { regex: properties } } : true;
  const out = await terser(code, { module: true, ecma: 2022, compress: { passes: 2, unsafe_arrows: true, unsafe_methods: true }, mangle, format: { comments: false, preamble: header } });
  return out.code + "\n";
}

// Properties of host.js's Card and dom_builder.js's records that only the
// glue reads, mangled (shorter, and a host sees fewer names on the card
// renderBrief returns). Only names that are no DOM property (terser keeps
// those anyway): not `target`, `show`, `root`, `top`…
const GLUE_PRIVATE = /^(?:onto|saved|built|styleEl|frag)$/;

// Code of wasm-bindgen's glue that this module never runs, cut out: each
// edit must find its text exactly once (wasm-bindgen is pinned, =0.2.130);
// when one does not, the build fails here rather than ship a guess.
const GLUE_EDITS = [
  // card.update(brief): the export `update` (src/wasm_api.rs), a function of
  // `this`, becomes the method of host.js's Card, not an export of the
  // package. (wasm-bindgen names its one parameter after the Rust
  // function's first, `card`, which is `this`: the parameter is the brief.)
  ["the export update", "export function update(card) {", "Card.prototype.update = function (card) {"],
  // Written, never read.
  ["wasmModule and wasmInstance", "let wasmModule, wasmInstance, wasm;", "let wasm;"],
  ["wasmInstance =", "    wasmInstance = instance;\n", ""],
  ["wasmModule =", "    wasmModule = module;\n", ""],
  // …and so the module passed to __wbg_finalize_init for it is not needed either.
  ["__wbg_finalize_init's module", "function __wbg_finalize_init(instance, module) {", "function __wbg_finalize_init(instance) {"],
  ["initSync's __wbg_finalize_init call", "    const instance = new WebAssembly.Instance(module, imports);\n    return __wbg_finalize_init(instance, module);", "    return __wbg_finalize_init(new WebAssembly.Instance(module, imports));"],
  ["init's __wbg_finalize_init call", "    const { instance, module } = await __wbg_load(await module_or_path, imports);\n\n    return __wbg_finalize_init(instance, module);", "    return __wbg_finalize_init((await __wbg_load(await module_or_path, imports)).instance);"],
  // The fallback when a server sends the .wasm with another MIME type stays; its warning is ours, and short.
  ["the MIME type warning", "console.warn(\"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n\", e);", "console.warn(\"brief-card: the .wasm is not served as application/wasm (loaded the slower way):\", e);"],
  // The old call forms (initSync(bytes), init(url)) still work, without wasm-bindgen's nag to move on from them.
  ["initSync's deprecation warning", ` else {
            console.warn('using deprecated parameters for \`initSync()\`; pass a single object instead')
        }`, ""],
  ["init's deprecation warning", ` else {
            console.warn('using deprecated parameters for the initialization function; pass a single object instead')
        }`, ""],
];
function trimGlue(glue) {
  // Strings reach the module through host.js (text_of/take_text), never through wasm-bindgen's writer, whose code the page would then download.
  if (/\bpassStringToWasm0\b/.test(glue)) fail("the glue passes a string into the module with passStringToWasm0: take it from host.js with text_of (src/wasm_api.rs), or accept its cost here");
  for (const [what, from, to] of GLUE_EDITS) {
    const n = glue.split(from).length - 1;
    if (n !== 1) fail(`the glue holds ${what} ${n} times, not once: update GLUE_EDITS`);
    glue = glue.replace(from, to);
  }
  if (/\bwasm(Module|Instance)\b/.test(glue)) fail("the glue reads wasmModule or wasmInstance: update GLUE_EDITS");
  return glue;
}

// The glue with its snippets inlined (one module instead of three: a cold
// page then waits for one fetch before the wasm's, not two in a row), minified.
// Each snippet's code goes in at the top level of the glue, as if the three
// were one file (not each in a function returning its exports): terser then
// sees every use of every function, and no export needs its name kept as a
// property key (-0.1 KB gzip). That is only sound when no name of one file
// can mean something else in another, so this fails when a snippet's
// top-level name appears in the glue or another snippet other than as the
// glue's import of it, or a top-level name of the glue appears in a snippet.
function inlineSnippets(glue) {
  const parse = (code, file) => { try { return acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" }); } catch (e) { fail(`${file}: ${e.message}`); } };
  const ast = parse(glue, "the glue");
  const snippets = new Map(); // spec → {code, names, exported}
  const cuts = []; // [start, end, replacement] in the glue
  const aliases = [], namespaces = new Map(); // local name of an `import * as` → its snippet
  const imported = new Map(); // local name → spec, for the names the glue imports unchanged
  for (const node of ast.body) {
    if (node.type !== "ImportDeclaration") continue;
    const spec = node.source.value;
    if (!spec.startsWith("./snippets/")) fail(`the glue imports ${spec}: update inlineSnippets`);
    if (!snippets.has(spec)) snippets.set(spec, snippet(spec));
    const { exported } = snippets.get(spec);
    for (const sp of node.specifiers) {
      if (sp.type === "ImportNamespaceSpecifier") { namespaces.set(sp.local.name, spec); continue; }
      if (sp.type !== "ImportSpecifier") fail(`${spec}: a default import`);
      const name = sp.imported.name ?? sp.imported.value;
      if (!exported.has(name)) fail(`the glue imports ${name}, which ${spec} does not export`);
      if (sp.local.name === name) imported.set(name, spec);
      else aliases.push(`const ${sp.local.name} = ${name};\n`);
    }
    cuts.push([node.start, node.end, ""]);
  }
  // A namespace is only read as `ns.name` (scripts/wasm-names.mjs writes those): each becomes the name itself.
  walk(ast, (node, parent) => {
    if (node.type !== "Identifier" || !namespaces.has(node.name) || parent?.type === "ImportNamespaceSpecifier") return;
    const spec = namespaces.get(node.name);
    if (parent?.type !== "MemberExpression" || parent.object !== node || parent.computed) fail(`the glue uses the namespace ${node.name} of ${spec} other than as ${node.name}.name`);
    if (!snippets.get(spec).exported.has(parent.property.name)) fail(`${node.name}.${parent.property.name}: ${spec} exports no ${parent.property.name}`);
    cuts.push([parent.start, parent.end, parent.property.name]);
  });
  // No name may change its meaning.
  // (The glue's own top-level names, and the local names of its imports but those the snippets declare.)
  const glueTop = topLevel({ body: ast.body.filter((n) => n.type !== "ImportDeclaration") });
  for (const n of [...namespaces.keys(), ...aliases.map((a) => a.split(" ")[1])]) glueTop.add(n);
  const glueRefs = refsOf(ast);
  // Their order is free (neither can refer to the other, and their top-level
  // code only makes empty caches); host.js before dom_builder.js compresses
  // 56 B better than the reverse, so: by file name, descending.
  const all = [...snippets].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  for (const [spec, { names, tree }] of all) {
    for (const n of names) {
      if (glueTop.has(n) || (glueRefs.has(n) && imported.get(n) !== spec)) fail(`${spec} declares ${n}, a name the glue also uses: inlined, one would stand for the other (rename it in the snippet)`);
      for (const [other, o] of all) if (other !== spec && (o.names.has(n) || o.refs.has(n))) fail(`${spec} declares ${n}, a name ${other} also uses: inlined, one would stand for the other (rename one)`);
    }
    for (const n of refsOf(tree)) if (glueTop.has(n) && !names.has(n)) fail(`${spec} uses ${n}, which the glue declares: inlined, it would be the glue's (rename it in the snippet)`);
  }
  let out = glue;
  for (const [a, b, text] of cuts.sort((x, y) => y[0] - x[0])) out = out.slice(0, a) + text + out.slice(b);
  if (/(from|import)\s*\(?\s*['"]\.\/snippets\//.test(out)) fail("the glue still imports from ./snippets/ after inlining: update inlineSnippets");
  return all.map(([spec, { code }]) => `// ${spec.replace(/^\.\/snippets\/[^/]+\//, "")}\n${code}\n`).join("") + aliases.join("") + out;

  function snippet(spec) {
    const source = readFileSync(join(pkg, spec), "utf8"), tree = parse(source, spec), exported = new Set();
    const cut = [];
    for (const node of tree.body) {
      if (node.type === "ImportDeclaration" || node.type === "ExportAllDeclaration" || node.type === "ExportDefaultDeclaration" || (node.type === "ExportNamedDeclaration" && !node.declaration)) {
        fail(`${spec}: only \`export function\`, \`export const\` and \`export let\` can be inlined (found a ${node.type})`);
      }
      if (node.type === "ExportNamedDeclaration") {
        for (const n of topLevel({ body: [node.declaration] })) exported.add(n);
        cut.push([node.start, node.declaration.start]);
      }
    }
    let code = source;
    for (const [a, b] of cut.reverse()) code = code.slice(0, a) + code.slice(b);
    return { code, tree, exported, names: topLevel(tree), refs: refsOf(tree) };
  }
}

// Every name an ESTree uses as a variable (declared or not).
function refsOf(tree) {
  const names = new Set();
  walk(tree, (n, parent) => { if (n.type === "Identifier" && isReference(n, parent)) names.add(n.name); });
  return names;
}

// The names a module declares at its top level.
function topLevel(tree) {
  const names = new Set();
  const pattern = (p) => {
    if (!p) return;
    if (p.type === "Identifier") names.add(p.name);
    else if (p.type === "ObjectPattern") p.properties.forEach((q) => pattern(q.type === "RestElement" ? q.argument : q.value));
    else if (p.type === "ArrayPattern") p.elements.forEach(pattern);
    else if (p.type === "RestElement") pattern(p.argument);
    else if (p.type === "AssignmentPattern") pattern(p.left);
    else fail(`a ${p.type} at the top level`);
  };
  for (let node of tree.body) {
    if (node.type === "ExportNamedDeclaration") node = node.declaration ?? {};
    if (node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") names.add(node.id.name);
    else if (node.type === "VariableDeclaration") node.declarations.forEach((d) => pattern(d.id));
    else if (node.type === "ImportDeclaration") node.specifiers.forEach((s) => names.add(s.local.name));
  }
  return names;
}

// Every node of an ESTree, with its parent.
function walk(node, visit, parent = null) {
  visit(node, parent);
  for (const key in node) {
    if (key === "type" || key === "start" || key === "end") continue;
    const v = node[key];
    if (Array.isArray(v)) { for (const c of v) if (c && typeof c.type === "string") walk(c, visit, node); }
    else if (v && typeof v.type === "string") walk(v, visit, node);
  }
}

// False for an identifier that is only a name, never a variable: a property
// (a.name, {name: …}, class members), a label, import.meta's parts, an export's outside name.
function isReference(node, parent) {
  if (!parent) return true;
  switch (parent.type) {
    case "MemberExpression": return parent.object === node || parent.computed;
    case "Property": case "PropertyDefinition": case "MethodDefinition": return parent.value === node || parent.computed;
    case "LabeledStatement": case "BreakStatement": case "ContinueStatement": return false;
    case "MetaProperty": return false;
    case "ExportSpecifier": return parent.local === node;
    case "ImportSpecifier": return parent.local === node;
    default: return true;
  }
}

const glue = join(pkg, "brief_card.js"), wasmFile = join(pkg, "brief_card_bg.wasm"), wasmDts = join(pkg, "brief_card_bg.wasm.d.ts");
// First the names the wasm and the glue share (module, import and export
// names) become short ones, in both (scripts/wasm-names.mjs): -0.5 KB gzip.
let short;
try { short = shortenNames(readFileSync(glue, "utf8"), readFileSync(wasmFile), readFileSync(wasmDts, "utf8")); } catch (e) { fail(e.message); }
// Then data linked but never read becomes zeros (scripts/wasm-dead-data.mjs):
// core's digit-pair table (-0.17 KB gzip) and the texts of panic messages (-0.1 KB).
if (!zeroDeadDigitPairs(short.wasm).zeroed) console.error("scripts/package.mjs: note: the wasm's digit-pair table was not zeroed (not found, or something may read it)");
zeroPanicTexts(short.wasm);
try { new WebAssembly.Module(short.wasm); } catch (e) { fail(`the wasm with short names does not compile: ${e.message}`); }
const minified = await minify(inlineSnippets(trimGlue(short.glue)), "// brief-card: wasm-bindgen glue, src/host.js and src/dom_builder.js, minified", GLUE_PRIVATE);
writeFileSync(wasmFile, short.wasm); // (only now: a failure above leaves pkg/ as wasm-pack made it)
writeFileSync(wasmDts, short.dts);
writeFileSync(glue, minified);
rmSync(join(pkg, "snippets"), { recursive: true, force: true });

// The custom element: in www/ the glue is at ./pkg/brief_card.js, in the
// package beside it. The import becomes a literal so that bundlers (Vite,
// webpack, esbuild) follow it and emit the glue and the .wasm it fetches;
// GLUE (now only named in error messages) stops being a `new URL(…,
// import.meta.url)`, which bundlers would copy as an unused asset.
const element = readFileSync(at("src/brief-card.js"), "utf8");
const header = "// <brief-card>, minified from src/brief-card.js: edit that file.";
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
writeFileSync(join(pkg, "brief-card.js"), await minify(out, "// <brief-card>, minified from src/brief-card.js."));
console.log(`pkg/: brief-card@${version}`);
