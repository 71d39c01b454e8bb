// scripts/wasm-names.mjs, the build step that shortens the names the wasm
// and its glue share: on a small module written here, in the shape
// wasm-bindgen 0.2.130 gives both, it renames consistently in the two (the
// result links), and it throws, rather than guess, whenever the glue and the
// wasm do not match. The real module is covered by the other tests here,
// which instantiate pkg/ (a missing import would be a LinkError).
//
//   node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { shortenNames } from "../../scripts/wasm-names.mjs";

const HOST = "./snippets/brief-card-0123456789abcdef/src/host.js";

// A module importing two functions (one from the glue, one from a snippet)
// and exporting its memory, a function and a global.
function module(imports = [["./brief_card_bg.js", "__wbg_mount_78b2c3eef092f177"], [HOST, "is_element"]], exports = ["memory", "__wbindgen_start", "__instance_terminated"]) {
  const name = (s) => { const b = new TextEncoder().encode(s); return [b.length, ...b]; };
  const section = (id, body) => [id, body.length, ...body];
  const kinds = { memory: [2, 0], __instance_terminated: [3, 0] };
  return Uint8Array.from([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]), // type 0: [] -> []
    ...section(2, [imports.length, ...imports.flatMap(([m, n]) => [...name(m), ...name(n), 0, 0])]),
    ...section(3, [1, 0]), // one function of type 0
    ...section(5, [1, 0, 1]), // memory, 1 page
    ...section(6, [1, 0x7f, 1, 0x41, 0, 0x0b]), // global (mut i32) = 0
    ...section(7, [exports.length, ...exports.flatMap((e) => [...name(e), ...(kinds[e] ?? [0, imports.length])])]),
    ...section(10, [1, 4, 0, 0x10, 0, 0x0b]), // the function calls import 0
  ]);
}

const glue = (keys = ["__wbg_mount_78b2c3eef092f177"], body = "wasm.__wbindgen_start();") => `import * as import1 from "${HOST}"

function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
${keys.map((k) => `        ${k}: function(arg0) {
            return arg0;
        },
`).join("")}    };
    return {
        __proto__: null,
        "./brief_card_bg.js": import0,
        "${HOST}": import1,
    };
}
function start() {
    ${body}
    return wasm.memory;
}
`;
const dts = "export const memory: WebAssembly.Memory;\nexport const __wbindgen_start: () => void;\n";

test("renames in both: the module links against the rewritten import object", () => {
  const out = shortenNames(glue(), module(), dts);
  const m = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.imports(m).map((i) => `${i.module}.${i.name}`), ["a.a", "a.b"]);
  assert.deepEqual(WebAssembly.Module.exports(m).map((e) => e.name), ["memory", "a", "b"]);
  assert.match(out.glue, /^ {8}a: function\(arg0\) \{$/m);
  assert.match(out.glue, /^ {8}b: import1\.is_element,$/m);
  assert.match(out.glue, /return \{ __proto__: null, "a": import0 \};/);
  assert.match(out.glue, /wasm\.a\(\);\n {4}return wasm\.memory;/);
  assert.doesNotMatch(out.glue, /__wbg_mount|__wbindgen_start|brief_card_bg\.js/);
  assert.equal(out.dts, "export const memory: WebAssembly.Memory;\nexport const a: () => void;\n");
  let called = 0;
  const instance = new WebAssembly.Instance(m, { a: { a: () => called++, b: () => {} } });
  instance.exports.a();
  assert.equal(called, 1);
  assert.ok(instance.exports.memory instanceof WebAssembly.Memory);
});

test("everything else in the wasm is kept byte for byte", () => {
  const before = module(), after = shortenNames(glue(), before, dts).wasm;
  const tail = (b) => Buffer.from(b.subarray(b.indexOf(10, b.length - 12))); // the code section
  assert.deepEqual(tail(after), tail(before));
});

test("throws when the glue and the wasm do not match", () => {
  const cases = {
    "an import the glue has no key for": [glue(["__wbg_other_0000000000000000"]), module()],
    "a key the wasm does not import": [glue(["__wbg_mount_78b2c3eef092f177", "__wbg_gone_1111111111111111"]), module()],
    "an export the wasm lacks": [glue(undefined, "wasm.__wbindgen_malloc();"), module()],
    "an export read by index": [glue(undefined, 'wasm["__wbindgen_start"]();'), module()],
    "an export read by destructuring": [glue(undefined, "const { __wbindgen_start } = wasm;"), module()],
    // Next to an allowed form (`return wasm;`), but an alias all the same.
    "an export read through an alias": [glue(undefined, "const w = wasm; return wasm; w.renderBrief();"), module(undefined, ["memory", "__wbindgen_start", "renderBrief"])],
    "a two-letter key the wasm does not import": [glue(["__wbg_mount_78b2c3eef092f177", "zz"]), module()],
    "a module the glue does not name": [glue(), module([["./elsewhere.js", "f"]])],
    "no memory": [glue(), module(undefined, ["__wbindgen_start"])],
  };
  for (const [what, [g, w]] of Object.entries(cases)) {
    assert.throws(() => shortenNames(g, w, dts), /^Error: wasm-names: /, what);
  }
  assert.throws(() => shortenNames(glue(), module().subarray(0, 30), dts), /wasm/, "a truncated wasm");
});
