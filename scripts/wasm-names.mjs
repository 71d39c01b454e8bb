// Shortens the names the wasm and its glue share, consistently in both:
// the wasm's import modules ("./brief_card_bg.js", "./snippets/brief-card-
// <hash>/src/host.js") and import names ("__wbg_build_dom_ff78c0e0b3a7331a",
// 40 characters of which the hash is incompressible), and its export names
// ("__wbindgen_malloc"), each written in the wasm once and in the glue once
// or more. They become one module "a" and names of one or two letters.
// Used by scripts/package.mjs on what wasm-pack built, before the glue is
// minified; fails (throws) when the glue is not what wasm-bindgen 0.2.130
// writes, rather than guess.
//
// Only the import and export sections of the wasm are rewritten (a name is
// not an index: the code, the tables and the data stay byte for byte); the
// glue keeps `wasm.memory` (InitOutput, the resolved value of init(), names
// only `memory`).

const MODULE = "a";

// ---- the wasm: sections, and the import and export entries in them ---------

const enc = new TextEncoder(), dec = new TextDecoder("utf-8", { fatal: true });

export function reader(bytes, pos = 0) {
  const r = {
    pos,
    byte() { if (r.pos >= bytes.length) throw new Error("wasm: truncated"); return bytes[r.pos++]; },
    u32() {
      let v = 0, shift = 0, b;
      do { b = r.byte(); v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
      if (shift > 35 || v > 0xffffffff) throw new Error("wasm: bad LEB128");
      return v;
    },
    u64() { let b; do { b = r.byte(); } while (b & 0x80); }, // a memory64 limit, skipped
    name() { const n = r.u32(), s = dec.decode(bytes.subarray(r.pos, r.pos + n)); if (r.pos + n > bytes.length) throw new Error("wasm: truncated name"); r.pos += n; return s; },
  };
  return r;
}

export const leb = (v) => { const out = []; do { let b = v & 0x7f; v = Math.floor(v / 128); if (v) b |= 0x80; out.push(b); } while (v); return out; };
const nameBytes = (s) => { const b = enc.encode(s); return [...leb(b.length), ...b]; };

export function sections(bytes) {
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(1, 4)) !== "asm" || bytes[0] !== 0 || bytes[4] !== 1 || bytes[5] || bytes[6] || bytes[7]) {
    throw new Error("not a WebAssembly 1.0 binary");
  }
  const list = [], r = reader(bytes, 8);
  while (r.pos < bytes.length) {
    const head = r.pos, id = r.byte(), size = r.u32(), start = r.pos;
    if (start + size > bytes.length) throw new Error(`wasm: section ${id} runs past the end`);
    list.push({ id, head, start, end: start + size });
    r.pos = start + size;
  }
  return list;
}

// Skips an import's descriptor; returns it as bytes (copied unchanged).
function descriptor(r, bytes) {
  const from = r.pos, kind = r.byte();
  const limits = () => { const f = r.byte(); if (f > 7) throw new Error(`wasm: limits flag ${f}`); const n = f & 4 ? r.u64 : r.u32; n(); if (f & 1) n(); };
  if (kind === 0) r.u32(); // function: type index
  else if (kind === 1) { const t = r.byte(); if (t !== 0x70 && t !== 0x6f) throw new Error(`wasm: table of type 0x${t.toString(16)}`); limits(); }
  else if (kind === 2) limits(); // memory
  else if (kind === 3) { const t = r.byte(); if (![0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f].includes(t)) throw new Error(`wasm: global of type 0x${t.toString(16)}`); if (r.byte() > 1) throw new Error("wasm: global mutability"); }
  else if (kind === 4) { if (r.byte() !== 0) throw new Error("wasm: tag attribute"); r.u32(); }
  else throw new Error(`wasm: import kind ${kind}`);
  return { kind, bytes: bytes.subarray(from, r.pos) };
}

function readImports(bytes, s) {
  const r = reader(bytes, s.start), list = [];
  for (let n = r.u32(); n > 0; n--) list.push({ module: r.name(), name: r.name(), ...descriptor(r, bytes) });
  if (r.pos !== s.end) throw new Error("wasm: the import section has trailing bytes");
  return list;
}

function readExports(bytes, s) {
  const r = reader(bytes, s.start), list = [];
  for (let n = r.u32(); n > 0; n--) {
    const name = r.name(), from = r.pos, kind = r.byte();
    if (kind > 4) throw new Error(`wasm: export kind ${kind}`);
    r.u32();
    list.push({ name, kind, bytes: bytes.subarray(from, r.pos) });
  }
  if (r.pos !== s.end) throw new Error("wasm: the export section has trailing bytes");
  return list;
}

// "a".."z", "A".."Z", then "aa", "ab"…: the nth short name.
const ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const short = (n) => (n < ALPHA.length ? ALPHA[n] : short(Math.floor(n / ALPHA.length) - 1) + ALPHA[n % ALPHA.length]);

// ---- the glue ----------------------------------------------------------------

const count = (text, re) => [...text.matchAll(re)].length;
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * @param {string} glue  pkg/brief_card.js as wasm-bindgen wrote it
 * @param {Uint8Array} wasm  pkg/brief_card_bg.wasm
 * @param {string} dts  pkg/brief_card_bg.wasm.d.ts
 * @returns {{glue: string, wasm: Uint8Array, dts: string, imports: Map, exports: Map}}
 */
export function shortenNames(glue, wasm, dts) {
  const fail = (m) => { throw new Error(`wasm-names: ${m}`); };
  const secs = sections(wasm);
  const importSec = secs.filter((s) => s.id === 2), exportSec = secs.filter((s) => s.id === 7);
  if (importSec.length !== 1 || exportSec.length !== 1) fail("expected one import and one export section");
  const imports = readImports(wasm, importSec[0]), exports = readExports(wasm, exportSec[0]);

  // The import object: `return { __proto__: null, "module": importN, … };` in __wbg_get_imports.
  const objRe = /return \{\n\s*__proto__: null,\n((?:\s*"[^"\n]+": import\d+,\n)+)\s*\};/g;
  const objs = [...glue.matchAll(objRe)];
  if (objs.length !== 1) fail(`expected one import object (return { __proto__: null, "module": importN, … }) in the glue, found ${objs.length}`);
  const moduleIdent = new Map();
  for (const [, spec, ident] of objs[0][1].matchAll(/"([^"\n]+)": (import\d+),/g)) {
    if (moduleIdent.has(spec) && moduleIdent.get(spec) !== ident) {
      // The same module under two names (wasm-bindgen writes one namespace import per use): both must be that module's namespace.
      for (const i of [ident, moduleIdent.get(spec)]) {
        if (!new RegExp(`^import \\* as ${i} from "${esc(spec)}"`, "m").test(glue)) fail(`${i} is not the namespace of ${spec}`);
      }
    }
    moduleIdent.set(spec, ident);
  }
  // import0 is an object literal in the glue; the others are snippet namespaces.
  const literal = (ident) => count(glue, new RegExp(`^\\s*const ${ident} = \\{\\n\\s*__proto__: null,\\n`, "gm"));
  const namespace = (ident) => count(glue, new RegExp(`^import \\* as ${ident} from ["']([^"'\\n]+)["'];?$`, "gm"));

  // Each distinct (module, name) gets a short name, in the order of the import section.
  const newImport = new Map(); // "module\0name" → short
  const added = []; // namespace imports, as entries of the one literal
  const renamed = []; // keys of the literal, renamed
  let lit = null;
  for (const imp of imports) {
    const key = `${imp.module}\0${imp.name}`;
    if (newImport.has(key)) continue;
    const ident = moduleIdent.get(imp.module) ?? fail(`the wasm imports from ${imp.module}, which the glue's import object does not name`);
    if (imp.kind !== 0) fail(`${imp.module} ${imp.name}: only function imports are expected`);
    const s = short(newImport.size);
    newImport.set(key, s);
    if (literal(ident) === 1) {
      if (lit && lit !== ident) fail(`two object-literal import modules (${lit}, ${ident})`);
      lit = ident;
      // The key, once in the glue: `        name: function(…`.
      const keyRe = new RegExp(`^(\\s+)${esc(imp.name)}: (?=function\\b|\\()`, "gm");
      if (count(glue, keyRe) !== 1) fail(`the import ${imp.name} is not a key of ${ident} exactly once`);
      glue = glue.replace(keyRe, `$1${s}: `);
      renamed.push(imp.name);
    } else if (namespace(ident) === 1) {
      if (!/^[A-Za-z_$][\w$]*$/.test(imp.name)) fail(`${imp.module} exports ${imp.name}, not an identifier`);
      added.push(`        ${s}: ${ident}.${imp.name},\n`);
    } else fail(`${ident} (${imp.module}) is neither an object literal nor a namespace import in the glue`);
  }
  if (!lit) fail("no object-literal import module");
  // Every key left in the literal must have been an import of the wasm.
  const litRe = new RegExp(`^\\s*const ${lit} = \\{\\n\\s*__proto__: null,\\n`, "m");
  const body = glue.slice(glue.search(litRe));
  const end = body.search(/^ {4}\};$/m);
  const assigned = new Set(newImport.values()); // the short names given above: any other key is not the wasm's
  const leftover = [...body.slice(0, end).matchAll(/^ {8}([\w$]+): /gm)].map((m) => m[1]).filter((k) => k !== "__proto__" && !assigned.has(k));
  if (leftover.length) fail(`${lit} has keys the wasm does not import: ${leftover.join(", ")}`);
  glue = glue.replace(litRe, (m) => m + added.join(""));
  glue = glue.replace(objRe, `return { __proto__: null, "${MODULE}": ${lit} };`);

  // Exports: every `wasm.name` of the glue is an export; all but memory get short names.
  const newExport = new Map();
  for (const e of exports) {
    if (newExport.has(e.name)) fail(`export ${e.name} twice`);
    newExport.set(e.name, e.name === "memory" ? "memory" : short(newExport.size - (newExport.has("memory") ? 1 : 0)));
  }
  if (newExport.get("memory") !== "memory") fail("the wasm exports no memory");
  glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (m, name) => `wasm.${newExport.get(name) ?? fail(`the glue uses wasm.${name}, which the wasm does not export`)}`);
  // …and is read no other way (no wasm[name], no destructuring, no alias):
  // the variable only appears declared, assigned the exports, tested and returned.
  // Each bare `wasm` must be the one inside such a form, at that very place.
  const allowed = new Set();
  for (const re of [/\blet (?:[\w$]+, )*wasm;/g, /\bwasm = instance\.exports;/g, /\(wasm !== undefined\)/g, /\breturn wasm;/g]) {
    for (const m of glue.matchAll(re)) allowed.add(m.index + m[0].lastIndexOf("wasm"));
  }
  for (const m of glue.matchAll(/(?<![\w$./])wasm\b(?!\.[A-Za-z_$])/g)) {
    if (!allowed.has(m.index)) fail(`the glue uses wasm in a way this does not rewrite: …${glue.slice(Math.max(0, m.index - 30), m.index + 24)}…`);
  }
  for (const old of renamed) if (glue.includes(old)) fail(`${old} is still in the glue`);
  for (const [old] of newExport) if (old !== "memory" && new RegExp(`\\.${esc(old)}\\b`).test(glue)) fail(`.${old} is still in the glue`);

  // The wasm's declarations (brief_card_bg.wasm.d.ts) under the new export names.
  // (It declares the exports wasm-bindgen made, not the runtime's globals.)
  dts = dts.replace(/^export const ([\w$]+):/gm, (m, name) => `export const ${newExport.get(name) ?? fail(`brief_card_bg.wasm.d.ts declares ${name}, which the wasm does not export`)}:`);

  // The wasm: the two sections rebuilt, everything else copied.
  const importBody = [...leb(imports.length)];
  for (const imp of imports) importBody.push(...nameBytes(MODULE), ...nameBytes(newImport.get(`${imp.module}\0${imp.name}`)), ...imp.bytes);
  const exportBody = [...leb(exports.length)];
  for (const e of exports) exportBody.push(...nameBytes(newExport.get(e.name)), ...e.bytes);
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  for (const s of secs) {
    const body = s.id === 2 ? importBody : s.id === 7 ? exportBody : null;
    if (!body) continue;
    parts.push(wasm.subarray(at, s.head)); // up to this section's id byte
    parts.push(Uint8Array.of(s.id, ...leb(body.length), ...body));
    at = s.end;
  }
  parts.push(wasm.subarray(at));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((o, p) => (out.set(p, o), o + p.length), 0);

  // Read back: the same imports and exports, in the same order, under the new names.
  const s2 = sections(out);
  const i2 = readImports(out, s2.find((s) => s.id === 2)), e2 = readExports(out, s2.find((s) => s.id === 7));
  if (i2.length !== imports.length || i2.some((x, k) => x.module !== MODULE || x.name !== newImport.get(`${imports[k].module}\0${imports[k].name}`) || !sameBytes(x.bytes, imports[k].bytes))) fail("the rewritten import section does not read back");
  if (e2.length !== exports.length || e2.some((x, k) => x.name !== newExport.get(exports[k].name) || !sameBytes(x.bytes, exports[k].bytes))) fail("the rewritten export section does not read back");
  return { glue, wasm: out, dts, imports: newImport, exports: newExport };
}

const sameBytes = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
