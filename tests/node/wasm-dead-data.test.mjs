// scripts/wasm-dead-data.mjs, the build step that zeroes data the wasm
// never reads: on small modules written here, with core's digit-pair table
// at a known address, it zeroes the table only when no instruction names an
// address in it and no data points into it, and the module still compiles;
// it zeroes the panic texts unless std's panic handler is linked. (pkg/ itself is covered by the other tests, which
// render with it.)
//
//   node --test tests/node/
import { test } from "node:test";
import assert from "node:assert/strict";
import { zeroDeadDigitPairs, zeroPanicTexts } from "../../scripts/wasm-dead-data.mjs";

const PAIRS = [...new TextEncoder().encode(Array.from({ length: 100 }, (_, i) => String(i).padStart(2, "0")).join(""))];
const AT = 1066412; // where the table is in the real module (any address does)

const uleb = (v) => { const out = []; do { let b = v & 0x7f; v >>>= 7; if (v) b |= 0x80; out.push(b); } while (v); return out; };
const sleb = (v) => { const out = []; for (;;) { const b = v & 0x7f; v >>= 7; if ((v === 0 && !(b & 0x40)) || (v === -1 && b & 0x40)) { out.push(b); return out; } out.push(b | 0x80); } };
const section = (id, body) => [id, ...uleb(body.length), ...body];

// A module with one function, whose body is `code` (then `drop`s nothing:
// each body below leaves the stack empty), and one data segment: `before`
// bytes, the table, then `after`, placed so that the table is at AT.
function module(code, { before = [1, 2, 3, 4], after = [] } = {}) {
  const body = [0, ...code, 0x0b];
  const bytes = [...before, ...PAIRS, ...after];
  return Uint8Array.from([
    0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(3, [1, 0]),
    ...section(5, [1, 0, 17]), // 17 pages: AT is inside
    ...section(10, [1, ...uleb(body.length), ...body]),
    ...section(11, [1, 0, 0x41, ...sleb(AT - before.length), 0x0b, ...uleb(bytes.length), ...bytes]),
  ]);
}

const hasTable = (wasm) => Buffer.from(wasm).includes(Buffer.from(PAIRS));
const load = (addr) => [0x41, ...sleb(addr), 0x28, 2, 0, 0x1a]; // i32.load (i32.const addr); drop
const loadAt = (offset) => [0x41, 0, 0x28, 2, ...uleb(offset), 0x1a]; // i32.load offset=… (i32.const 0); drop

test("a table nothing names is zeroed, and the module still compiles", () => {
  const wasm = module(load(AT - 100));
  const { zeroed } = zeroDeadDigitPairs(wasm);
  assert.equal(zeroed, true);
  assert.equal(hasTable(wasm), false);
  assert.ok(new WebAssembly.Module(wasm));
  assert.deepEqual([...wasm.subarray(wasm.length - 204, wasm.length - 200)], [1, 2, 3, 4], "the bytes before it stay");
});

for (const [what, code] of [
  ["an i32.const of its first byte", load(AT)],
  ["an i32.const of a byte inside it", load(AT + 150)],
  ["an i32.const a little before it (base + index)", load(AT - 8)],
  ["a load offset into it", loadAt(AT + 2)],
]) {
  test(`a table named by ${what} stays`, () => {
    const wasm = module(code);
    assert.equal(zeroDeadDigitPairs(wasm).zeroed, false);
    assert.equal(hasTable(wasm), true);
  });
}

test("a table that data points into stays", () => {
  const p = AT + 10;
  const wasm = module([], { after: [p & 255, (p >> 8) & 255, (p >> 16) & 255, p >>> 24] });
  assert.equal(zeroDeadDigitPairs(wasm).zeroed, false);
  assert.equal(hasTable(wasm), true);
});

test("a module without the table is left as it is", () => {
  const wasm = module([]);
  wasm.fill(0x30, wasm.length - 200, wasm.length); // "000…": no pairs table
  const copy = wasm.slice();
  assert.equal(zeroDeadDigitPairs(wasm).zeroed, false);
  assert.deepEqual(wasm, copy);
});

const PATH = "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/alloc/src/raw_vec/mod.rs";
const text = (s) => [...new TextEncoder().encode(s)];

test("panic texts are zeroed, in place, and nothing else", () => {
  const kept = "must not be empty";
  const wasm = module([], { before: text(`${kept}capacity overflow${PATH}\x15memory allocation of \xc0\r bytes failed`) });
  const size = wasm.length;
  assert.equal(zeroPanicTexts(wasm), 4);
  assert.equal(wasm.length, size);
  const data = Buffer.from(wasm).toString("latin1");
  for (const gone of ["capacity overflow", "/rustc/", "memory allocation of ", " bytes failed"]) assert.ok(!data.includes(gone), gone);
  assert.ok(data.includes(kept) && hasTable(wasm));
  assert.ok(new WebAssembly.Module(wasm));
});

test("with std's panic handler (it prints the texts), they stay", () => {
  const wasm = module([], { before: text(`panicked at ${PATH}capacity overflow`) });
  const copy = wasm.slice();
  assert.equal(zeroPanicTexts(wasm), 0);
  assert.deepEqual(wasm, copy);
});
